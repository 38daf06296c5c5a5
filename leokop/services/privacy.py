"""Data protection rules without SQL or Streamlit: checks of the admin's privacy forms and the access-request files.

The export for an access request (Art. 15 DSGVO) comes from public.subject_access_export as one JSON document;
here it becomes the machine-readable file (JSON, exactly as stored) and a readable PDF (every table, every row).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Mapping
from datetime import UTC, date, datetime

from leokop import texts
from leokop.clock import BERLIN
from leokop.formats import german_date

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


# Fields that only link rows or count versions: in the JSON, not in the readable PDF.
_HIDDEN = {"id", "apprentice_id", "version", "case_id", "flag_id", "row_id", "school_id", "class_id", "company_id",
           "occupation_id", "cooperation_id", "token"}
# Fields that hold a staff member's id: the PDF shows the name (a name the person may see anyway on the pages).
PEOPLE_FIELDS = {"author_id", "recorded_by", "updated_by", "decided_by", "proposed_by", "opened_by", "responsible_id",
                 "created_by", "revoked_by", "actor_id", "raised_by", "resolved_by"}
# Fields that hold the id of a catalogue row or a project: the PDF shows its name.
CATALOGUE_FIELDS = {"learning_field_id", "training_position_id", "project_id"}


def _value_labels(table: str, field: str) -> dict | None:
    """German words for a field's stored keys ("laufend" → "läuft"), or None where the value is shown as stored."""
    if field == "status":
        return {"apprentices": texts.STATUS_LABELS, "lf_results": texts.LF_STATUS_LABELS,
                "record_weeks": texts.WEEK_STATUS_LABELS, "risk_cases": texts.CASE_STATUS_LABELS}.get(table)
    if field == "kind":
        return {"case_measures": texts.MEASURE_LABELS, "concerns": texts.CONCERN_LABELS}.get(table)
    return {
        "place": texts.PLACE_LABELS, "severity": texts.SEVERITY_LABELS, "rule": texts.RULE_LABELS,
        "category": {**texts.CONSENT_CATEGORY_LABELS, "concern": texts.ACCESS_CONCERN_CATEGORY},
        "categories": texts.CONSENT_CATEGORY_LABELS, "legal_basis": texts.CONSENT_BASIS_LABELS,
        "given_by": texts.CONSENT_GIVER_LABELS, "excuse_state": texts.EXCUSE_STATE_LABELS,
        "action": texts.AUDIT_ACTION_LABELS, "table_name": texts.ACCESS_TABLE_LABELS,
        "columns": texts.ACCESS_FIELD_LABELS, "level": texts.POSITION_LEVELS, "role": texts.ROLE_LABELS,
    }.get(field)


def _moment(text: str) -> str | None:
    """An ISO date or timestamp from the export as German readers know it: "05.12.2026", or "05.12.2026, 14:49"
    in Berlin time (the database stores UTC); None for any other text."""
    if len(text) < 10 or text[4:5] != "-" or text[7:8] != "-":
        return None
    try:
        if len(text) == 10:
            return german_date(date.fromisoformat(text))
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(BERLIN).strftime("%d.%m.%Y, %H:%M")


def _value(value, table: str = "", field: str = "", names: Mapping[str, str] | None = None) -> str:
    """One stored value as the person reads it: German words for keys, names for ids, German dates and times."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, list):
        return ", ".join(_value(v, table, field, names) for v in value) or "–"
    if isinstance(value, dict):
        return ", ".join(f"{str(k).replace('_', ' ')}: {_value(v)}" for k, v in sorted(value.items())) or "–"
    if field == "actor_role":
        return texts.ACCESS_ACTOR_ROLES.get(str(value), texts.ACCESS_ACTOR_OTHER)
    if field in PEOPLE_FIELDS or field in CATALOGUE_FIELDS:
        return (names or {}).get(str(value), texts.ACCESS_NOBODY_KNOWN)
    labels = _value_labels(table, field)
    if labels is not None:
        return str(labels.get(value, value))
    text = str(value)
    return _moment(text) or text


def shown_fields(row: dict) -> list[str]:
    """The fields of a row the PDF shows, in a stable order (the labels' order, then any other)."""
    order = {field: i for i, field in enumerate(texts.ACCESS_FIELD_LABELS)}
    return sorted((f for f in row if f not in _HIDDEN), key=lambda f: (order.get(f, len(order)), f))


def access_file_stem(export: dict) -> str:
    """"auskunft-hoffmann-marie-2026-12-05": the person and the day, in letters any file system keeps."""
    person = export.get("apprentice") or {}
    words = [str(person.get("last_name") or ""), str(person.get("first_name") or "")]
    ascii_name = unicodedata.normalize("NFKD", " ".join(words).replace("ß", "ss")).encode("ascii", "ignore").decode()
    slug = "-".join("".join(ch if ch.isalnum() else " " for ch in ascii_name.lower()).split())
    moment = _moment(str(export.get("exported_at") or ""))  # "05.12.2026, 14:49" in Berlin
    day = "-".join(reversed(moment[:10].split("."))) if moment else ""
    return "-".join(part for part in ("auskunft", slug, day) if part)


def linked_ids(export: dict) -> set[str]:
    """The staff, catalogue and project ids the export's rows hold (for their names in the PDF)."""
    found = set()
    for rows in (export.get("tables") or {}).values():
        for row in rows:
            for field in PEOPLE_FIELDS | CATALOGUE_FIELDS:
                if row.get(field):
                    found.add(str(row[field]))
    return found


_KEY_WIDTH = 42.0
_GREY = (110, 110, 110)


def access_lines(export: dict, names: Mapping[str, str] | None = None) -> list[tuple[str, str, str]]:
    """What the PDF says, in order: ("title"|"intro"|"heading"|"section"|"row", text, "") and ("field", label,
    value). German labels and values, Berlin times, names for the staff, Lernfeld, position and project ids
    (`names`: id → name, from repo.privacy.access_names); ids and version counters left out."""
    lines = [("title", texts.ACCESS_PDF_TITLE, ""),
             ("intro", texts.ACCESS_PDF_INTRO.format(at=_value(export.get("exported_at"))), ""),
             ("heading", texts.ACCESS_PDF_PERSON, "")]

    def fields(table: str, row: dict) -> None:
        lines.extend(("field", texts.ACCESS_FIELD_LABELS.get(field, field), _value(row[field], table, field, names))
                     for field in shown_fields(row))

    fields("apprentices", export.get("apprentice") or {})
    fields("", export.get("context") or {})
    tables = export.get("tables") or {}
    for table in sorted(tables, key=lambda t: texts.ACCESS_TABLE_LABELS.get(t, t)):
        rows, label = tables[table], texts.ACCESS_TABLE_LABELS.get(table, table)
        lines.append(("section", texts.ACCESS_PDF_TABLE.format(table=label, n=len(rows)), ""))
        for n, row in enumerate(rows, start=1):
            lines.append(("row", texts.ACCESS_ROW.format(table=label, n=n), ""))
            fields(table, row)
    return lines


def access_pdf(export: dict, names: Mapping[str, str] | None = None) -> bytes:
    """A readable PDF of the export (access_lines): the person, the context, then every table with every row as
    field: value."""
    from fpdf import FPDF

    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_auto_page_break(True, margin=14)
    pdf.set_title(_pdf_safe(texts.ACCESS_PDF_TITLE))
    pdf.set_creator("leokop")
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for kind, text, value in access_lines(export, names):
        if kind in ("title", "heading", "section"):
            size = {"title": 14, "heading": 11, "section": 10}[kind]
            if kind != "title":
                pdf.ln(2)
            pdf.set_font("Helvetica", "B", size)
            pdf.multi_cell(width, size * 0.5, _pdf_safe(text), new_x="LMARGIN", new_y="NEXT")
        elif kind == "row":
            pdf.set_font("Helvetica", "I", 8)
            pdf.cell(width, 4.2, _pdf_safe(text), new_x="LMARGIN", new_y="NEXT")
        elif kind == "field":
            pdf.set_font("Helvetica", "", 8.5)
            pdf.set_text_color(*_GREY)
            pdf.cell(_KEY_WIDTH, 4.2, _pdf_safe(text))
            pdf.set_text_color(0, 0, 0)
            pdf.multi_cell(width - _KEY_WIDTH, 4.2, _pdf_safe(value), new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("Helvetica", "", 8.5)
            pdf.multi_cell(width, 4.2, _pdf_safe(text), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
