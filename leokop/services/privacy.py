"""Data protection rules without SQL or Streamlit: checks of the admin's privacy forms and the access-request files.

The export for an access request (Art. 15 DSGVO) comes from public.subject_access_export as one JSON document;
here it becomes the machine-readable file (JSON, exactly as stored) and a readable PDF (every table, every row).
"""

from __future__ import annotations

import json
import unicodedata
from datetime import date, datetime

from leokop.services.exports import german_date
from leokop.ui import texts

CATEGORIES = ("grades", "absences", "teacher_notes")
LEGAL_BASES = ("einwilligung", "rechtsvorschrift")
GIVERS = ("azubi", "erziehungsberechtigte")
ADULT_AGE = 18
MAX_TERMS = 20_000
MAX_REFERENCE = 500
MAX_GUARDIAN = 200
RETENTION_MONTHS = (1, 120)

DEFAULT_TERMS = "\n".join((
    "Nutzungsbedingungen für den Zugang von Ausbildungsbetrieben",
    "",
    "1. Die Schule stellt dem Ausbildungsbetrieb Daten seiner Auszubildenden (Leistungsstand, Fehlzeiten, Notizen"
    " der Lehrkräfte) nur bereit, soweit die Schule sie freigegeben hat und eine Einwilligung oder Rechtsgrundlage"
    " vorliegt.",
    "2. Der Zugang ist persönlich. Zugangsdaten dürfen nicht weitergegeben werden.",
    "3. Die Daten dürfen nur zur Begleitung der Ausbildung (Lernortkooperation, § 2 Abs. 2 BBiG) verwendet werden,"
    " nicht für andere Zwecke, und nicht an Dritte weitergegeben werden.",
    "4. Jeder Zugriff auf die Seite einer/eines Auszubildenden und jede Änderung werden protokolliert.",
    "5. Die Schule ist Verantwortliche im Sinne der DSGVO. Fragen richten Sie an die Schulverwaltung und die"
    " Datenschutzbeauftragte Person der Schule.",
))


def age_on(birth_date: date, day: date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def consent_problems(legal_basis: str, categories: list[str], given_by: str | None, guardian_name: str,
                     given_on: date | None, reference: str, birth_date: date, today: date) -> list[str]:
    """A consent needs who gave it (for a minor the guardian, by name); a legal basis needs its provision."""
    problems = []
    if legal_basis not in LEGAL_BASES:
        problems.append(texts.CONSENT_BASIS_MISSING)
    if not categories or any(c not in CATEGORIES for c in categories):
        problems.append(texts.CONSENT_CATEGORIES_MISSING)
    if given_on is None:
        problems.append(texts.DATE_MISSING)
    elif given_on > today:
        problems.append(texts.DATE_IN_FUTURE)
    if legal_basis == "einwilligung":
        minor = given_on is not None and age_on(birth_date, given_on) < ADULT_AGE
        if given_by not in GIVERS:
            problems.append(texts.CONSENT_GIVER_MISSING)
        elif minor and given_by != "erziehungsberechtigte":
            problems.append(texts.CONSENT_MINOR)
        if given_by == "erziehungsberechtigte" and not guardian_name.strip():
            problems.append(texts.CONSENT_GUARDIAN_MISSING)
    if legal_basis == "rechtsvorschrift" and not reference.strip():
        problems.append(texts.CONSENT_REFERENCE_MISSING)
    if len(reference) > MAX_REFERENCE or len(guardian_name) > MAX_GUARDIAN:
        problems.append(texts.TEXT_TOO_LONG.format(n=MAX_REFERENCE))
    return problems


def terms_problems(body: str, current: str | None) -> list[str]:
    if not body.strip():
        return [texts.TERMS_EMPTY]
    if len(body) > MAX_TERMS:
        return [texts.TEXT_TOO_LONG.format(n=MAX_TERMS)]
    if current is not None and body.strip() == current.strip():
        return [texts.TERMS_UNCHANGED]
    return []


def retention_problems(months: int | None) -> list[str]:
    low, high = RETENTION_MONTHS
    return [] if months is not None and low <= months <= high else [texts.RETENTION_RANGE.format(low=low, high=high)]


# --- the access request's files ----------------------------------------------------------------------------------


def access_json(export: dict) -> bytes:
    """The export exactly as the database gave it, indented, UTF-8."""
    return json.dumps(export, ensure_ascii=False, indent=2, sort_keys=True, default=str).encode("utf-8")


# Letters outside Windows-1252 that names in Germany often carry; the PDF core fonts know only that code page.
_LATIN = {"ı": "i", "ł": "l", "Ł": "L", "ş": "s", "Ş": "S", "ğ": "g", "Ğ": "G", "ć": "c", "č": "c", "ș": "s"}


def _pdf_safe(text: str) -> str:
    text = "".join(_LATIN.get(ch, ch) for ch in str(text))
    try:
        return text.encode("cp1252").decode("cp1252")
    except UnicodeEncodeError:
        decomposed = unicodedata.normalize("NFKD", text)
        return decomposed.encode("cp1252", errors="ignore").decode("cp1252")


def _value(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, list):
        return ", ".join(_value(v) for v in value) or "–"
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = str(value)
    if len(text) >= 10 and text[4:5] == "-" and text[7:8] == "-":
        try:
            if len(text) == 10:
                return german_date(date.fromisoformat(text))
            return datetime.fromisoformat(text).strftime("%d.%m.%Y %H:%M:%S %z")
        except ValueError:
            return text
    return text


_KEY_WIDTH = 42.0
_GREY = (110, 110, 110)


def access_pdf(export: dict) -> bytes:
    """A readable PDF of the export: the person, the context, then every table with every row as field: value."""
    from fpdf import FPDF

    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_auto_page_break(True, margin=14)
    pdf.set_title(_pdf_safe(texts.ACCESS_PDF_TITLE))
    pdf.set_creator("leokop")
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    def heading(text: str, size: float) -> None:
        pdf.set_font("Helvetica", "B", size)
        pdf.multi_cell(width, size * 0.5, _pdf_safe(text), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 8.5)

    def fields(row: dict) -> None:
        for key in sorted(row):
            pdf.set_text_color(*_GREY)
            pdf.cell(_KEY_WIDTH, 4.2, _pdf_safe(key))
            pdf.set_text_color(0, 0, 0)
            pdf.multi_cell(width - _KEY_WIDTH, 4.2, _pdf_safe(_value(row[key])), new_x="LMARGIN", new_y="NEXT")

    heading(texts.ACCESS_PDF_TITLE, 14)
    pdf.multi_cell(width, 4.2, _pdf_safe(texts.ACCESS_PDF_INTRO.format(at=_value(export.get("exported_at")))),
                   new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    heading(texts.ACCESS_PDF_PERSON, 11)
    fields(export.get("apprentice") or {})
    fields(export.get("context") or {})
    for table, rows in sorted((export.get("tables") or {}).items()):
        pdf.ln(2)
        heading(texts.ACCESS_PDF_TABLE.format(table=table, n=len(rows)), 10)
        for n, row in enumerate(rows, start=1):
            pdf.set_font("Helvetica", "I", 8)
            pdf.cell(width, 4.2, f"{table} #{n}", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", "", 8.5)
            fields(row)
    return bytes(pdf.output())
