"""Checks of shared materials before anything is stored: file name, size, content by magic bytes, link, title."""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass

from leokop import texts
from leokop.services.entries import text_problems, title_problems

MAX_UPLOAD_MB = 20  # also server.maxUploadSize in .streamlit/config.toml and each uploader's max_upload_size
MAX_BYTES = MAX_UPLOAD_MB * 1024 * 1024
MAX_FILENAME = 255
MAX_TAGS, MAX_TAG = 20, 50

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc/.xls/.ppt
_ZIP = b"PK\x03\x04"


def _is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(b"%PDF-")


def _zip_names(data: bytes) -> list[str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, ValueError):
        return []


def _ooxml(folder: str):
    """Word/Excel/PowerPoint 2007+: a zip with [Content_Types].xml and the application's folder."""
    def check(data: bytes) -> bool:
        names = _zip_names(data) if data.startswith(_ZIP) else []
        return "[Content_Types].xml" in names and any(n.startswith(folder) for n in names)
    return check


def _odf(mimetype: str):
    """OpenDocument: a zip whose first entry "mimetype" holds the document's media type, uncompressed."""
    def check(data: bytes) -> bool:
        return data.startswith(_ZIP) and data[30:38] == b"mimetype" and data[38:38 + len(mimetype)] == mimetype.encode()
    return check


def _is_text(data: bytes) -> bool:
    """UTF-8 (or Latin-1) text without NUL and other control characters: an .exe renamed to .txt fails here."""
    if b"\x00" in data:
        return False
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return not any(unicodedata.category(c) == "Cc" and c not in "\t\n\r\f" for c in text)


@dataclass(frozen=True)
class FileType:
    kind: str
    mime: str
    matches: object  # bytes -> bool


_OLE = lambda data: data.startswith(_OLE2)  # noqa: E731 - a one-line signature test like the others
FILE_TYPES = {
    "pdf": FileType("pdf", "application/pdf", _is_pdf),
    "doc": FileType("dokument", "application/msword", _OLE),
    "docx": FileType("dokument", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                     _ooxml("word/")),
    "odt": FileType("dokument", "application/vnd.oasis.opendocument.text",
                    _odf("application/vnd.oasis.opendocument.text")),
    "xls": FileType("tabelle", "application/vnd.ms-excel", _OLE),
    "xlsx": FileType("tabelle", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _ooxml("xl/")),
    "ods": FileType("tabelle", "application/vnd.oasis.opendocument.spreadsheet",
                    _odf("application/vnd.oasis.opendocument.spreadsheet")),
    "ppt": FileType("praesentation", "application/vnd.ms-powerpoint", _OLE),
    "pptx": FileType("praesentation",
                     "application/vnd.openxmlformats-officedocument.presentationml.presentation", _ooxml("ppt/")),
    "odp": FileType("praesentation", "application/vnd.oasis.opendocument.presentation",
                    _odf("application/vnd.oasis.opendocument.presentation")),
    "png": FileType("bild", "image/png", lambda d: d.startswith(b"\x89PNG\r\n\x1a\n")),
    "jpg": FileType("bild", "image/jpeg", lambda d: d.startswith(b"\xff\xd8\xff")),
    "jpeg": FileType("bild", "image/jpeg", lambda d: d.startswith(b"\xff\xd8\xff")),
    "gif": FileType("bild", "image/gif", lambda d: d[:6] in (b"GIF87a", b"GIF89a")),
    "webp": FileType("bild", "image/webp", lambda d: d[:4] == b"RIFF" and d[8:12] == b"WEBP"),
    "txt": FileType("text", "text/plain", _is_text),
    "csv": FileType("text", "text/csv", _is_text),
    "md": FileType("text", "text/markdown", _is_text),
}
UPLOAD_EXTENSIONS = sorted(FILE_TYPES)  # for the uploader's first filter; the checks below decide


@dataclass(frozen=True)
class FileInfo:
    """What is stored about one version's file; computed from the bytes, never taken from the browser."""
    filename: str
    kind: str
    mime: str
    size: int
    sha256: str


def extension(filename: str) -> str:
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else ""


def filename_problems(filename: str) -> list[str]:
    if not filename or not filename.strip():
        return [texts.MAT_ERR_FILENAME_EMPTY]
    problems = []
    if "/" in filename or "\\" in filename or filename.strip() in (".", ".."):
        problems.append(texts.MAT_ERR_FILENAME_PATH)
    if any(unicodedata.category(c) in ("Cc", "Cf") for c in filename):
        problems.append(texts.MAT_ERR_FILENAME_CONTROL)
    if len(filename) > MAX_FILENAME:
        problems.append(texts.MAT_ERR_FILENAME_LONG.format(n=len(filename)))
    return problems


def file_problems(filename: str, data: bytes, declared_size: int | None = None) -> tuple[list[str], FileInfo | None]:
    """Everything wrong with an upload, or the facts to store. declared_size: what the transfer announced."""
    problems = filename_problems(filename)
    if problems:
        return problems, None
    if declared_size is not None and declared_size != len(data):
        return [texts.MAT_ERR_INTERRUPTED], None
    if not data:
        return [texts.MAT_ERR_EMPTY], None
    if len(data) > MAX_BYTES:
        return [texts.MAT_ERR_TOO_LARGE.format(size=human_size(len(data)))], None
    ext = extension(filename)
    kind = FILE_TYPES.get(ext)
    if kind is None:
        return [texts.MAT_ERR_EXTENSION.format(ext=ext or filename,
                                               allowed=", ".join(UPLOAD_EXTENSIONS))], None
    if not kind.matches(data):
        return [texts.MAT_ERR_CONTENT.format(ext=ext)], None
    return [], FileInfo(filename, kind.kind, kind.mime, len(data), hashlib.sha256(data).hexdigest())


_URL = re.compile(r"^https?://[^\s/?#]+\S*$", re.IGNORECASE)


def url_problems(url: str) -> list[str]:
    if not url.strip():
        return [texts.MAT_ERR_URL_MISSING]
    if not _URL.match(url.strip()) or len(url) > 2000:
        return [texts.MAT_ERR_URL]
    return []


def parse_tags(text: str) -> list[str]:
    """Comma-separated keywords, trimmed, without empties and repeats (first spelling kept)."""
    seen: dict[str, str] = {}
    for tag in (t.strip() for t in text.split(",")):
        if tag and tag.lower() not in seen:
            seen[tag.lower()] = tag
    return list(seen.values())


def metadata_problems(title: str, description: str, tags: list[str], scope: str, class_id, occupation_id) -> list[str]:
    problems = title_problems(title) + text_problems(description, required=False)
    if len(tags) > MAX_TAGS or any(len(t) > MAX_TAG for t in tags):
        problems.append(texts.MAT_ERR_TAGS)
    if occupation_id is None:
        problems.append(texts.MAT_ERR_OCCUPATION)
    if scope == "klasse" and class_id is None:
        problems.append(texts.MAT_ERR_CLASS)
    return problems


def human_size(size: int) -> str:
    """German file size: 1,5 MB, 12 KB, 800 B."""
    for unit, factor in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= factor:
            return f"{size / factor:.1f} {unit}".replace(".", ",")
    return f"{size} B"
