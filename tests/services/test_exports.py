"""Exports: CSV for German Excel without formula injection, XLSX with the same numbers, a one-page PDF."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pandas as pd
import pytest
from openpyxl import load_workbook

from leokop import clock
from leokop.services import exports
from leokop.services import leadership as lead
from leokop.services.exports import PdfBars, PdfReport, PdfTable

HOSTILE = ["=1+1", "+49 69 1234", "-2+3", "@SUM(A1:A2)", "\t=cmd", "\r=cmd", "=HYPERLINK(\"http://x\";\"y\")"]


def _frame() -> pd.DataFrame:
    return pd.DataFrame({
        "Klasse": ["FI25a", "BM24a; Teil 2", "< 5", *HOSTILE],
        "Anzahl": [17, 1234, "< 5", *range(len(HOSTILE))],
        "Quote (%)": [92.6, 0.19, None, *[-1.5] * len(HOSTILE)],
        "Monat": [date(2026, 11, 1)] * (3 + len(HOSTILE)),
    }, dtype=object)


def _read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: German Excel detects the encoding
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline=""), delimiter=";"))


def test_csv_is_utf8_with_bom_semicolons_and_decimal_commas():
    rows = _read_csv(exports.csv_bytes(_frame()))
    assert rows[0] == ["Klasse", "Anzahl", "Quote (%)", "Monat"]
    assert rows[1] == ["FI25a", "17", "92,6", "01.11.2026"]
    assert rows[2] == ["BM24a; Teil 2", "1234", "0,19", "01.11.2026"]  # the semicolon is quoted, not a new cell
    assert rows[3][:3] == ["< 5", "< 5", ""]
    assert "ä" in exports.csv_bytes(pd.DataFrame({"Fächer": ["Lernfeld"]})).decode("utf-8")


@pytest.mark.parametrize("text", HOSTILE)
def test_csv_neutralises_formulas(text):
    rows = _read_csv(exports.csv_bytes(pd.DataFrame({text: [text, "ok"]})))
    assert rows[0][0] == "'" + text  # also in the header
    assert rows[1][0] == "'" + text
    assert rows[2][0] == "ok"


def test_csv_keeps_negative_numbers_as_numbers():
    rows = _read_csv(exports.csv_bytes(pd.DataFrame({"x": [-1.5, -3.0], "n": [-2, 7]})))
    assert rows[1:] == [["-1,5", "-2"], ["-3,0", "7"]]


def test_xlsx_opens_with_the_same_numbers_and_texts_never_become_formulas():
    frame = _frame()
    book = load_workbook(io.BytesIO(exports.xlsx_bytes({"Fehlzeiten [Test]: nach Klasse/Monat": frame,
                                                        "Zweite": frame.head(2)})))
    assert book.sheetnames == ["Fehlzeiten (Test) nach…", "Zweite"]
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Klasse", "Anzahl", "Quote (%)", "Monat")
    assert rows[1][:3] == ("FI25a", 17, 92.6) and rows[1][3].date() == date(2026, 11, 1)
    assert rows[2][:3] == ("BM24a; Teil 2", 1234, 0.19)
    assert rows[3][:3] == ("< 5", "< 5", None)
    for i, text in enumerate(HOSTILE, start=5):
        cell = sheet.cell(row=i, column=1)
        # stored as text, not as a formula (XML turns a carriage return into a line feed)
        assert cell.value == text.replace("\r", "\n") and cell.data_type == "s"
        assert cell.quotePrefix
    assert not [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]


def _report(rows: int) -> PdfReport:
    table = pd.DataFrame({"Klasse": [f"FI{i:02d}a ↔ „Test“ – Größe" for i in range(rows)],
                          "Anzahl": [str(i) for i in range(rows)], "Quote": ["92,6"] * rows})
    return PdfReport(
        title="Schulüberblick Berufliche Schulen am Mainufer", subtitle="Schuljahr 2026/27 · Alle · Stand 25.11.2026",
        metrics=[("Auszubildende im Schuljahr", "1.234"), ("Kooperationen aktiv (30 Tage)", "5 von 9"),
                 ("Vertragslösungen", "3 (3,0 %)"), ("Berichtsheft unterschrieben", "92,6 %"),
                 ("Fehltage je Azubi und Monat", "0,19")],
        tables=[PdfTable(f"Tabelle {i}", table, max_rows=12) for i in range(8)],
        bars=[PdfBars("Lösungsquote", [("Fachinformatiker/-in", 2.0), ("Kaufmann", None), ("IM", 31.5)], " %",
                      (29.7, "Bund 2023: 29,7 %"))],
        notes=["„< 5“: weniger als 5 Auszubildende. " * 4, "Risiken folgen."],
    )


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


@pytest.mark.parametrize("rows", [0, 3, 60])
def test_pdf_report_is_always_one_page(rows):
    pdf = exports.pdf_report(_report(rows))
    assert pdf.startswith(b"%PDF-")
    assert _pages(pdf) == 1


def test_german_numbers():
    assert exports.german_number(1234.5, thousands=True) == "1.234,5"
    assert exports.german_number(0.19) == "0,19"
    assert exports.german_number(3.0, 1) == "3,0"
    assert exports.german_number(12345) == "12345"
    assert exports.german_number(-1234567, thousands=True) == "-1.234.567"
    assert exports.german_number(-1234.25, 2, thousands=True) == "-1.234,25"


# --- The leadership tables through the exports, with real figures ----------------------------------------------


def test_leadership_exports_hold_the_database_numbers(db, owner):
    from leokop.repo import leadership as repo
    from tests.helpers import school_id, user_id

    year = owner.execute("select public.school_year_start()").fetchone()[0]
    figures = repo.figures(db, user_id("schulleitung"), repo.Filters(school_id("mainufer"), year))
    tables = lead.tables(figures)
    book = load_workbook(io.BytesIO(exports.xlsx_bytes({k: t for k, t in tables.items()})))
    for key, table in tables.items():
        rows = list(book[key].iter_rows(values_only=True))
        assert list(rows[0]) == list(table.columns)
        expected = [tuple(None if v is None or (isinstance(v, float) and pd.isna(v)) else v for v in row)
                    for row in table.itertuples(index=False, name=None)]
        assert rows[1:] == expected, key
        csv_rows = _read_csv(exports.csv_bytes(table))
        assert len(csv_rows) == len(table) + 1
    absences = figures.absences[figures.absences["dimension"] == "gesamt"].iloc[0]
    total = next(r for r in book["fehlzeiten"].iter_rows(values_only=True) if r[:2] == ("Alle", "Schuljahr"))
    assert total[3] == absences["absence_days"] and total[5] == absences["days_per_apprentice"]
    assert _pages(exports.pdf_report(lead.report(figures, school_name="Mainufer", school_year=year,
                                                 selection="Alle", today=clock.today()))) == 1


def test_sheet_names_are_readable_unique_and_within_excels_limit():
    from leokop import texts

    frame = pd.DataFrame({"x": [1]})
    book = load_workbook(io.BytesIO(exports.xlsx_bytes({name: frame for name in texts.LEAD_SHEETS.values()})))
    assert book.sheetnames == list(texts.LEAD_SHEETS.values())  # the leadership's sheets: none cut
    long = "Vertragslösungen nach Ausbildungsberuf und Schuljahr"
    book = load_workbook(io.BytesIO(exports.xlsx_bytes({long: frame, long + " ": frame, long.upper(): frame})))
    assert book.sheetnames == ["Vertragslösungen nach…", "Vertragslösungen nach… (2)", "VERTRAGSLÖSUNGEN NACH… (3)"]
    assert all(len(name) <= 31 for name in book.sheetnames)
