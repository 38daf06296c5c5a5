"""Exports of aggregate tables: CSV for German Excel, XLSX, and a one-page PDF report.

Pure functions from pandas DataFrames to bytes; no Streamlit, no SQL. The tables are aggregates only (the
leadership page never has anything else), but every text cell is still treated as untrusted: class, occupation
and school names are typed in by people, and a cell that starts with "=" must never become a formula.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from numbers import Integral, Real

import pandas as pd

from leokop.formats import german_date, german_number, is_missing

# Cells starting with one of these are formulas (or DDE) to spreadsheet programs (OWASP "CSV injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF_MIME = "application/pdf"


def neutralise(text: str) -> str:
    """A leading apostrophe makes Excel and LibreOffice show the text instead of evaluating it."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _csv_cell(value) -> str:
    if is_missing(value):
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, Real):
        return german_number(value)
    if isinstance(value, datetime | date | pd.Timestamp):
        return german_date(value)
    return neutralise(str(value))


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with BOM, semicolons and decimal commas (what German Excel opens without an import dialogue);
    every text cell that could start a formula gets a leading apostrophe."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([neutralise(str(column)) for column in frame.columns])
    for row in frame.itertuples(index=False, name=None):
        writer.writerow([_csv_cell(value) for value in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


_SHEET_MAX = 31  # Excel's limit for a sheet name
_SHEET_CHARS = str.maketrans({"[": "(", "]": ")", ":": "", "*": "", "?": "", "/": "-", "\\": "-"})


def _shortened(text: str, limit: int) -> str:
    """The text within `limit` characters, cut at a word with "…" rather than in the middle of one."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut.strip():
        cut = cut[: cut.rstrip().rfind(" ")]
    return cut.rstrip(" -–,;(") + "…"


def _sheet_title(name: str, taken: set[str]) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\, unique (Excel compares them without case);
    a long name is shortened at a word and ends in "…", a repeated one gets " (2)"."""
    base = " ".join(name.translate(_SHEET_CHARS).split()).strip("'") or "Tabelle"
    title, n = _shortened(base, _SHEET_MAX), 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title, n = _shortened(base, _SHEET_MAX - len(suffix)) + suffix, n + 1
    taken.add(title.lower())
    return title


def xlsx_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """One sheet per table: numbers stay numbers, dates are dates, every text is stored as text (never a
    formula, also when it starts with "=")."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)
    taken: set[str] = set()
    for name, frame in sheets.items():
        sheet = workbook.create_sheet(_sheet_title(name, taken))
        for col, header in enumerate(frame.columns, start=1):
            _text_cell(sheet.cell(row=1, column=col), str(header)).font = Font(bold=True)
        for r, row in enumerate(frame.itertuples(index=False, name=None), start=2):
            for col, value in enumerate(row, start=1):
                cell = sheet.cell(row=r, column=col)
                if is_missing(value):
                    continue
                if isinstance(value, bool):
                    _text_cell(cell, "ja" if value else "nein")
                elif isinstance(value, Integral):
                    cell.value = int(value)
                elif isinstance(value, Real):
                    cell.value = float(value)
                    cell.number_format = "0.0#"
                elif isinstance(value, datetime | date | pd.Timestamp):
                    cell.value = value
                    cell.number_format = "DD.MM.YYYY"
                else:
                    _text_cell(cell, str(value))
        for col, header in enumerate(frame.columns, start=1):
            width = max([len(str(header))] + [len(_csv_cell(v)) for v in frame.iloc[:, col - 1]])
            sheet.column_dimensions[get_column_letter(col)].width = min(60, width + 2)
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _text_cell(cell, text: str):
    cell.value = text
    cell.data_type = "s"  # openpyxl would store "=..." as a formula
    if text.startswith(FORMULA_PREFIXES):
        cell.quotePrefix = True  # Excel keeps it text even when the cell is edited
    return cell


# --- One-page PDF -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PdfTable:
    title: str
    frame: pd.DataFrame  # cells already formatted as German text
    max_rows: int = 8


@dataclass(frozen=True)
class PdfBars:
    """Horizontal bars (missing values are left out), with an optional reference line."""

    title: str
    items: Sequence[tuple[str, float | None]]
    unit: str = ""
    reference: tuple[float, str] | None = None


@dataclass(frozen=True)
class PdfReport:
    title: str
    subtitle: str
    metrics: Sequence[tuple[str, str]]
    tables: Sequence[PdfTable]
    bars: Sequence[PdfBars] = ()
    notes: Sequence[str] = field(default_factory=tuple)


# Characters outside Windows-1252 that German texts use; the core PDF fonts know only that code page.
_PDF_REPLACEMENTS = {"↔": "<->", "≥": ">=", "≤": "<=", "→": "->", "✓": "x", "\u202f": " ", "\u2009": " "}
_PAGE_W, _PAGE_H, _MARGIN = 210.0, 297.0, 12.0
_BLUE = (59, 110, 143)
_GREY = (110, 110, 110)


def _pdf_text(text: str) -> str:
    text = "".join(_PDF_REPLACEMENTS.get(ch, ch) for ch in str(text))
    return text.encode("cp1252", errors="replace").decode("cp1252")


def pdf_report(report: PdfReport) -> bytes:
    """An A4 page: title, key figures, tables in two columns, bar charts, notes. Never more than one page:
    tables are cut to their max_rows (with "…") and anything that would not fit on the page is left out."""
    from fpdf import FPDF

    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_auto_page_break(False)
    pdf.set_margins(_MARGIN, _MARGIN, _MARGIN)
    pdf.set_title(_pdf_text(report.title))
    pdf.set_creator("leokop")
    pdf.add_page()
    width = _PAGE_W - 2 * _MARGIN

    pdf.set_font("Helvetica", "B", 14)
    pdf.set_text_color(*_BLUE)
    pdf.cell(width, 7, _pdf_text(report.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 8.5)
    pdf.set_text_color(*_GREY)
    pdf.multi_cell(width, 4, _pdf_text(report.subtitle), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)

    y = _metrics(pdf, report.metrics, pdf.get_y(), width)
    notes_height = 3.4 * sum(1 + len(n) // 150 for n in report.notes) + 3
    bottom = _PAGE_H - _MARGIN - notes_height
    bars_height = sum(_bars_height(b) for b in report.bars)
    y = _table_grid(pdf, report.tables, y + 3, width, bottom - bars_height)
    for bars in report.bars:
        if y + _bars_height(bars) <= bottom:
            y = _draw_bars(pdf, bars, y + 2, width)

    pdf.set_xy(_MARGIN, _PAGE_H - _MARGIN - notes_height + 2)
    pdf.set_font("Helvetica", "", 6.5)
    pdf.set_text_color(*_GREY)
    for note in report.notes:
        pdf.multi_cell(width, 3.2, _pdf_text(note), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _metrics(pdf, metrics: Sequence[tuple[str, str]], y: float, width: float) -> float:
    if not metrics:
        return y
    per_row = min(len(metrics), 5)
    box_w = (width - (per_row - 1) * 3) / per_row
    rows = math.ceil(len(metrics) / per_row)
    for i, (label, value) in enumerate(metrics):
        x = _MARGIN + (i % per_row) * (box_w + 3)
        top = y + (i // per_row) * 15
        pdf.set_draw_color(200, 205, 210)
        pdf.rect(x, top, box_w, 13)
        pdf.set_xy(x + 2, top + 1.5)
        pdf.set_font("Helvetica", "B", 12)
        pdf.set_text_color(30, 42, 48)
        pdf.cell(box_w - 4, 6, _pdf_text(value))
        pdf.set_xy(x + 2, top + 7.5)
        pdf.set_font("Helvetica", "", 6.5)
        pdf.set_text_color(*_GREY)
        pdf.cell(box_w - 4, 4, _fit(pdf, _pdf_text(label), box_w - 4))
    return y + rows * 15


def _table_height(table: PdfTable) -> float:
    rows = min(len(table.frame), table.max_rows) + (1 if len(table.frame) > table.max_rows else 0)
    return 5 + 3.8 * (rows + 1) + 3


def _table_grid(pdf, tables: Sequence[PdfTable], y: float, width: float, bottom: float) -> float:
    """Tables in two columns, each column filled top-down; a table that does not fit is left out."""
    col_w = (width - 6) / 2
    tops = [y, y]
    for table in tables:
        col = 0 if tops[0] <= tops[1] else 1
        height = _table_height(table)
        if tops[col] + height > bottom:
            col = 1 - col
            if tops[col] + height > bottom:
                continue
        _draw_table(pdf, table, _MARGIN + col * (col_w + 6), tops[col], col_w)
        tops[col] += height
    return max(tops)


def _draw_table(pdf, table: PdfTable, x: float, y: float, width: float) -> None:
    frame = table.frame
    pdf.set_xy(x, y)
    pdf.set_font("Helvetica", "B", 8.5)
    pdf.set_text_color(*_BLUE)
    pdf.cell(width, 5, _pdf_text(table.title))
    columns = list(frame.columns)
    if not columns:
        return
    rows = [list(map(str, r)) for r in frame.head(table.max_rows).itertuples(index=False, name=None)]
    if len(frame) > table.max_rows:
        rows.append(["…"] + [""] * (len(columns) - 1))
    widths = _column_widths(pdf, [list(map(str, columns)), *rows], width)
    top = y + 5
    pdf.set_font("Helvetica", "B", 6.5)
    pdf.set_text_color(30, 42, 48)
    pdf.set_fill_color(232, 238, 242)
    for line, cells in enumerate([list(map(str, columns)), *rows]):
        if line == 1:
            pdf.set_font("Helvetica", "", 6.5)
        pdf.set_xy(x, top + line * 3.8)
        for i, (w, text) in enumerate(zip(widths, cells, strict=False)):
            pdf.cell(w, 3.8, _fit(pdf, _pdf_text(text), w - 1), border=0, fill=(line == 0),
                     align="L" if i == 0 else "R")


def _column_widths(pdf, lines: list[list[str]], width: float) -> list[float]:
    """Each number column as wide as its widest cell; the first (text) column gets the rest, at least 22 mm."""
    pdf.set_font("Helvetica", "B", 6.5)
    natural = [max(pdf.get_string_width(_pdf_text(line[i])) for line in lines) + 2.5 for i in range(len(lines[0]))]
    others = natural[1:]
    if sum(others) > width - 22:
        others = [w * (width - 22) / sum(others) for w in others]
    return [width - sum(others), *others]


def _fit(pdf, text: str, width: float) -> str:
    if pdf.get_string_width(text) <= width:
        return text
    while text and pdf.get_string_width(text + "...") > width:
        text = text[:-1]
    return text + "..."


def _bars_height(bars: PdfBars) -> float:
    return 6 + 5 * max(1, len([v for _, v in bars.items if v is not None])) + 6


def _draw_bars(pdf, bars: PdfBars, y: float, width: float) -> float:
    items = [(label, value) for label, value in bars.items if value is not None]
    pdf.set_xy(_MARGIN, y)
    pdf.set_font("Helvetica", "B", 8.5)
    pdf.set_text_color(*_BLUE)
    pdf.cell(width, 5, _pdf_text(bars.title))
    label_w, value_w = 60.0, 16.0
    plot_x, plot_w = _MARGIN + label_w, width - label_w - value_w
    top = y + 6
    scale = max([v for _, v in items] + [bars.reference[0] if bars.reference else 0] + [1e-9])
    pdf.set_font("Helvetica", "", 7)
    for i, (label, value) in enumerate(items):
        row_y = top + i * 5
        pdf.set_text_color(30, 42, 48)
        pdf.set_xy(_MARGIN, row_y)
        pdf.cell(label_w - 2, 4, _fit(pdf, _pdf_text(label), label_w - 3))
        pdf.set_fill_color(*_BLUE)
        pdf.rect(plot_x, row_y + 0.5, max(0.3, plot_w * value / scale), 3, style="F")
        pdf.set_xy(plot_x + plot_w + 1, row_y)
        pdf.cell(value_w - 1, 4, _pdf_text(german_number(value, 1) + bars.unit), align="R")
    bottom = top + max(1, len(items)) * 5
    if bars.reference:
        value, label = bars.reference
        ref_x = plot_x + plot_w * value / scale
        pdf.set_draw_color(192, 57, 43)
        pdf.set_line_width(0.4)
        pdf.set_dash_pattern(dash=1, gap=1)
        pdf.line(ref_x, top - 0.5, ref_x, bottom)
        pdf.set_dash_pattern()
        pdf.set_line_width(0.2)
        pdf.set_xy(max(plot_x, ref_x - 30), bottom + 0.5)
        pdf.set_font("Helvetica", "", 6.5)
        pdf.set_text_color(192, 57, 43)
        pdf.cell(60, 3.5, _pdf_text(label))
    return bottom + 5
