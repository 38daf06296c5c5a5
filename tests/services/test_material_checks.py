"""Checks of shared materials before anything is stored: every bad input has its German reason."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest

from leokop import texts
from leokop.demo.materials import NETWORK_V1
from leokop.services import entries, materials, projects

PDF = NETWORK_V1.data
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + bytes(200)
PNG = b"\x89PNG\r\n\x1a\n" + bytes(40)


def _zip(entries: dict[str, bytes], stored_first: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data, compress_type=zipfile.ZIP_STORED if stored_first else zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
XLSX = _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
ODT = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}, stored_first=True)


@pytest.mark.parametrize(("name", "data", "kind"), [
    ("arbeitsblatt.pdf", PDF, "pdf"), ("Bericht.DOCX", DOCX, "dokument"), ("noten.xlsx", XLSX, "tabelle"),
    ("text.odt", ODT, "dokument"), ("foto.png", PNG, "bild"), ("liste.txt", "Grüße\nzeile 2\n".encode(), "text"),
    ("alt.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "dokument"),
])
def test_accepted_files_carry_kind_size_and_checksum(name, data, kind):
    problems, info = materials.file_problems(name, data, len(data))
    assert problems == []
    assert (info.kind, info.size, len(info.sha256)) == (kind, len(data), 64)


def test_too_large_is_refused():
    data = b"%PDF-1.4\n" + bytes(materials.MAX_BYTES)
    problems, info = materials.file_problems("gross.pdf", data, len(data))
    assert info is None and problems == [texts.MAT_ERR_TOO_LARGE.format(size="20,0 MB")]


def test_exactly_20_mb_is_accepted():
    data = b"%PDF-1.4\n" + bytes(materials.MAX_BYTES - 9)
    assert materials.file_problems("grenze.pdf", data, len(data))[0] == []


def test_empty_file_is_refused():
    assert materials.file_problems("leer.pdf", b"", 0) == ([texts.MAT_ERR_EMPTY], None)


@pytest.mark.parametrize(("name", "data"), [
    ("rechnung.pdf", EXE), ("brief.docx", EXE), ("brief.docx", XLSX), ("tabelle.xlsx", DOCX),
    ("bild.png", PDF), ("notiz.txt", EXE), ("text.odt", DOCX), ("zip.docx", _zip({"a.txt": b"x"})),
])
def test_content_that_does_not_match_the_extension_is_refused(name, data):
    ext = name.rsplit(".", 1)[1]
    assert materials.file_problems(name, data, len(data)) == ([texts.MAT_ERR_CONTENT.format(ext=ext)], None)


@pytest.mark.parametrize("name", ["programm.exe", "skript.sh", "seite.html", "bild.svg", "ohne_endung"])
def test_other_types_are_refused(name):
    problems, info = materials.file_problems(name, PDF, len(PDF))
    assert info is None and problems[0].startswith("Dateien vom Typ")


@pytest.mark.parametrize(("name", "expected"), [
    ("../../etc/passwd.pdf", texts.MAT_ERR_FILENAME_PATH),
    ("ordner/datei.pdf", texts.MAT_ERR_FILENAME_PATH),
    ("C:\\Users\\x\\datei.pdf", texts.MAT_ERR_FILENAME_PATH),
    ("..", texts.MAT_ERR_FILENAME_PATH),
    ("datei\x00.pdf", texts.MAT_ERR_FILENAME_CONTROL),
    ("zeile\nzwei.pdf", texts.MAT_ERR_FILENAME_CONTROL),
    ("rechts\u202elinks.pdf", texts.MAT_ERR_FILENAME_CONTROL),
    ("a" * 296 + ".pdf", texts.MAT_ERR_FILENAME_LONG.format(n=300)),
    ("", texts.MAT_ERR_FILENAME_EMPTY),
    ("   ", texts.MAT_ERR_FILENAME_EMPTY),
])
def test_bad_filenames_are_refused(name, expected):
    problems, info = materials.file_problems(name, PDF, len(PDF))
    assert info is None and problems == [expected]


def test_a_255_character_name_is_fine():
    assert materials.file_problems("a" * 251 + ".pdf", PDF, len(PDF))[0] == []


def test_interrupted_transfer_is_refused():
    """The transfer announced more bytes than arrived: half a file is never stored."""
    half = PDF[: len(PDF) // 2]
    assert materials.file_problems("arbeitsblatt.pdf", half, len(PDF)) == ([texts.MAT_ERR_INTERRUPTED], None)


@pytest.mark.parametrize("url", ["https://www.bsi.bund.de/grundschutz", "http://example.org/a?b=1#c"])
def test_http_links_are_fine(url):
    assert materials.url_problems(url) == []


@pytest.mark.parametrize(("url", "expected"), [
    ("ftp://example.org/datei.pdf", texts.MAT_ERR_URL), ("javascript:alert(1)", texts.MAT_ERR_URL),
    ("file:///etc/passwd", texts.MAT_ERR_URL), ("www.example.org", texts.MAT_ERR_URL),
    ("https://exa mple.org", texts.MAT_ERR_URL), ("https://", texts.MAT_ERR_URL), ("   ", texts.MAT_ERR_URL_MISSING),
])
def test_other_links_are_refused(url, expected):
    assert materials.url_problems(url) == [expected]


@pytest.mark.parametrize("title", ["", "   ", "\t\n"])
def test_empty_title_is_refused(title):
    assert texts.TITLE_EMPTY in materials.metadata_problems(title, "", [], "kooperation", None, "occ")


def test_class_scope_needs_a_class_and_tags_are_bounded():
    problems = materials.metadata_problems("Titel", "", ["x" * 51], "klasse", None, None)
    assert problems == [texts.MAT_ERR_TAGS, texts.MAT_ERR_OCCUPATION, texts.MAT_ERR_CLASS]


def test_tags_are_trimmed_and_deduplicated():
    assert materials.parse_tags(" Netzwerk, VLAN,, netzwerk ,IPv6 ") == ["Netzwerk", "VLAN", "IPv6"]


def test_milestones_are_parsed_and_checked():
    milestones, problems = projects.parse_milestones("01.12.2026 Auftakt\n\nmorgen Netzplan\n31.02.2026 Unsinn")
    assert milestones == [(date(2026, 12, 1), "Auftakt")]
    assert problems == [texts.PROJ_ERR_MILESTONE.format(n=3), texts.PROJ_ERR_MILESTONE.format(n=4)]
    allowed = entries.plan_days(date(2026, 12, 1))
    outside = projects.project_problems("P", "", date(2026, 12, 2), date(2027, 1, 31), ["c"], milestones, allowed)
    assert outside == [texts.PROJ_ERR_MILESTONE_OUTSIDE.format(title="Auftakt")]
    assert projects.project_problems(" ", "", None, None, [], [], allowed) == [
        texts.TITLE_EMPTY, texts.DATE_MISSING_RANGE.format(low="30.11.2025", high="30.11.2029"), texts.PROJ_ERR_COOPS]
