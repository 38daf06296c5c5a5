"""An import file's bytes to a table: encoding, separator, XLSX; the file-level refusals, in German.

German school exports come as CSV or TXT separated by semicolons, commas or tabs, in UTF-8 (with or without byte
order mark), ISO-8859-1 / Windows-1252 or, from Excel's "Unicode-Text", UTF-16; or as XLSX. Anything else is
refused as a whole, before a single row is looked at.
"""

from __future__ import annotations

import csv
import io
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime

from leokop import texts

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 50_000
MAX_UNPACKED = 200 * 1024 * 1024  # an XLSX of 20 MB that unpacks to more is a zip bomb, not a pupil list
_BOM = "\ufeff"
_SEPARATORS = (";", ",", "\t")
_SEPARATOR_NAMES = {";": "Semikolon", ",": "Komma", "\t": "Tabulator"}
# A cell whose text starts like a spreadsheet formula: kept out, so that no later export hands it to Excel.
FORMULA_START = ("=", "@")


class FileRefused(ValueError):
    """The file as a whole cannot be imported; the message says why, in German."""


@dataclass(frozen=True)
class Problem:
    line: int
    column: str | None
    reason: str


@dataclass(frozen=True)
class Row:
    line: int  # the line in the file (CSV: where the record starts; XLSX: the sheet's row number)
    values: tuple  # str, or date for an XLSX date cell; "" for an empty cell
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Table:
    file_name: str
    file_format: str  # German, for the preview: "CSV (UTF-8, Semikolon)", "Excel (XLSX)"
    headers: list[str]
    rows: list[Row] = field(default_factory=list)


def read_table(file_name: str, data: bytes) -> Table:
    """The file's header and data rows; FileRefused for a file that is not an import file at all."""
    if len(data) > MAX_BYTES:
        raise FileRefused(texts.IMPORT_TOO_LARGE.format(size=_megabytes(len(data))))
    if not data.strip():
        raise FileRefused(texts.IMPORT_EMPTY)
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(file_name, data)
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise FileRefused(texts.IMPORT_OLD_EXCEL)
    text, encoding = _decode(data)
    return _read_csv(file_name, text, encoding)


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")


def _decode(data: bytes) -> tuple[str, str]:
    """The text and a German name of its encoding."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            raise FileRefused(texts.IMPORT_BINARY) from None
    if b"\x00" in data or data.startswith(b"%PDF"):
        raise FileRefused(texts.IMPORT_BINARY)
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            text, encoding = data[3:].decode("utf-8"), "UTF-8 mit BOM"
        except UnicodeDecodeError:
            raise FileRefused(texts.IMPORT_BAD_UTF8) from None
    else:
        try:
            text, encoding = data.decode("utf-8"), "UTF-8"
        except UnicodeDecodeError:
            try:  # ISO-8859-1's letters are the same bytes in Windows-1252
                text, encoding = data.decode("cp1252"), "Windows-1252"
            except UnicodeDecodeError:  # the five bytes Windows-1252 leaves undefined: control codes in ISO-8859-1
                raise FileRefused(texts.IMPORT_BINARY) from None
    if any(unicodedata.category(c) == "Cc" and c not in "\t\n\r\f" for c in text):
        raise FileRefused(texts.IMPORT_BINARY)
    return text, encoding


def _separator(header_line: str) -> str:
    counts = {sep: header_line.count(sep) for sep in _SEPARATORS}
    best = max(_SEPARATORS, key=lambda sep: counts[sep])
    if counts[best] == 0:
        raise FileRefused(texts.IMPORT_NO_SEPARATOR)
    return best


def _read_csv(file_name: str, text: str, encoding: str) -> Table:
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise FileRefused(texts.IMPORT_EMPTY)
    separator = _separator(lines[first])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, quotechar='"')
    headers: list[str] | None = None
    rows: list[Row] = []
    try:
        while True:
            line = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                break
            if not any(c.strip() for c in cells):
                continue
            if headers is None:
                headers = _headers(cells)
                continue
            rows.append(_csv_row(line, cells, headers))
            if len(rows) > MAX_ROWS:
                raise FileRefused(texts.IMPORT_TOO_MANY_ROWS.format(limit=_thousands(MAX_ROWS)))
    except csv.Error:
        raise FileRefused(texts.IMPORT_BROKEN_CSV.format(line=reader.line_num)) from None
    file_format = texts.IMPORT_FORMAT_CSV.format(encoding=encoding, separator=_SEPARATOR_NAMES[separator])
    return Table(file_name, file_format, headers or [], rows)


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _headers(cells: list) -> list[str]:
    """Header texts, blank ones named by position, repeated ones numbered (a profile maps by header)."""
    names: list[str] = []
    for i, cell in enumerate(cells, start=1):
        name = " ".join(str(cell if cell is not None else "").replace(_BOM, "").split()) or f"Spalte {i}"
        base, n = name, 2
        while name in names:
            name, n = f"{base} ({n})", n + 1
        names.append(name)
    return names


def _csv_row(line: int, cells: list[str], headers: list[str]) -> Row:
    problems = []
    # a trailing separator (an empty last field) is common and harmless; a missing or a filled extra field is not
    if len(cells) < len(headers) or any(c.strip() for c in cells[len(headers):]):
        problems.append(Problem(line, None, texts.IMPORT_RAGGED.format(found=len(cells), expected=len(headers))))
    if any(_BOM in c for c in cells):
        problems.append(Problem(line, None, texts.IMPORT_BOM_INSIDE))
    values = tuple(c.replace(_BOM, "").strip() for c in cells[:len(headers)])
    values += ("",) * (len(headers) - len(values))
    for header, value in zip(headers, values, strict=True):
        if value.startswith(FORMULA_START):
            problems.append(Problem(line, header, texts.IMPORT_FORMULA))
    return Row(line, values, tuple(problems))


def _read_xlsx(file_name: str, data: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            unpacked = sum(i.file_size for i in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        raise FileRefused(texts.IMPORT_BINARY) from None
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        raise FileRefused(texts.IMPORT_BINARY)
    if unpacked > MAX_UNPACKED:
        raise FileRefused(texts.IMPORT_TOO_LARGE.format(size=_megabytes(unpacked)))
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds for a damaged workbook; all mean the same to the admin
        raise FileRefused(texts.IMPORT_BROKEN_XLSX) from None
    try:
        sheet = book.worksheets[0]
        headers: list[str] | None = None
        rows: list[Row] = []
        for cells in sheet.iter_rows():
            values = [_xlsx_value(c) for c in cells]
            if not any(v != "" for v in values):
                continue
            line = next((c.row for c in cells if getattr(c, "row", None)), len(rows) + 1)
            if headers is None:
                headers = _headers(values)
                continue
            rows.append(_xlsx_row(line, cells, values, headers))
            if len(rows) > MAX_ROWS:
                raise FileRefused(texts.IMPORT_TOO_MANY_ROWS.format(limit=_thousands(MAX_ROWS)))
    except FileRefused:
        raise
    except Exception:
        raise FileRefused(texts.IMPORT_BROKEN_XLSX) from None
    finally:
        book.close()
    if headers is None:
        raise FileRefused(texts.IMPORT_EMPTY)
    return Table(file_name, texts.IMPORT_FORMAT_XLSX, headers, rows)


def _xlsx_value(cell) -> object:
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _xlsx_row(line: int, cells, values: list, headers: list[str]) -> Row:
    problems = []
    if any(v != "" for v in values[len(headers):]):
        problems.append(Problem(line, None, texts.IMPORT_RAGGED.format(
            found=len(values) - next(i for i, v in enumerate(reversed(values)) if v != ""), expected=len(headers))))
    kept = values[:len(headers)] + [""] * (len(headers) - len(values))
    for header, cell, value in zip(headers, cells, kept, strict=False):
        if getattr(cell, "data_type", None) == "f" or (isinstance(value, str) and value.startswith(FORMULA_START)):
            problems.append(Problem(line, header, texts.IMPORT_FORMULA))
    return Row(line, tuple(kept), tuple(problems))
