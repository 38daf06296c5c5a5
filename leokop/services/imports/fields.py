"""The fields an import knows, and which column of a file holds which: recognised headers or a saved profile."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from leokop import texts

# The fields in the order the mapping table shows them; labels in texts.IMPORT_FIELD_LABELS.
APPRENTICE_FIELDS = ("pupil_id", "last_name", "first_name", "birth_date", "class_name", "occupation", "track",
                     "schedule", "contract_start", "contract_end", "probation_end", "left_on")
COMPANY_FIELDS = ("company_code", "company_name", "company_street", "company_postcode", "company_city",
                  "company_email", "company_sector", "company_chamber")
TRAINER_FIELDS = ("trainer_name", "trainer_last_name", "trainer_first_name", "trainer_email")
FIELDS = APPRENTICE_FIELDS + COMPANY_FIELDS + TRAINER_FIELDS
IGNORE = ""  # a column that is not taken over

# Headers of LUSD (Abfrageassistent), WebUntis, Magellan and SchILD exports, normalised by header_key(). The same
# word can mean the pupil's or the company's address: bare "PLZ", "Ort", "Strasse", "Name", "Email" belong to the
# company only in a company file (no first-name column), and are otherwise the pupil's, which is not taken over.
_ALIASES = {
    "pupil_id": ("schuelerid", "schuelernummer", "schuelernr", "id", "lusdid", "schuelerkennung", "externeid",
                 "identnummer", "schuelerident"),
    "last_name": ("nachname", "familienname", "schuelernachname", "schuelerfamilienname", "zuname"),
    "first_name": ("vorname", "schuelervorname", "rufname"),
    "birth_date": ("geburtsdatum", "gebdatum", "geburtstag", "schuelergeburtsdatum", "gebam", "geborenam"),
    "class_name": ("klasse", "klassenbezeichnung", "klassenname", "schuelerklasse", "klassenkuerzel"),
    "occupation": ("ausbildungsberuf", "beruf", "berufsbezeichnung", "berufsname"),
    "track": ("fachrichtung", "schwerpunkt"),
    "schedule": ("unterrichtsform", "beschulungsform", "organisationsform"),
    "contract_start": ("ausbildungsbeginn", "ausbildungvon", "vertragsbeginn", "ausbildungsvertragvon", "beginn"),
    "contract_end": ("ausbildungsende", "ausbildungbis", "vertragsende", "ausbildungsvertragbis", "ende"),
    "probation_end": ("probezeitende", "probezeitbis", "endederprobezeit"),
    "left_on": ("loesungsdatum", "vertragsloesung", "vertragsloesungam", "austrittsdatum", "abgangsdatum",
                "ausbildungsabbruch"),
    "company_code": ("kuerzel", "betriebkuerzel", "betriebskuerzel", "firmenkuerzel"),
    "company_name": ("ausbildungsbetrieb", "betrieb", "betriebsname", "betriebname", "firma", "betriebname1"),
    "company_street": ("betriebstrasse", "betriebsstrasse", "betriebstr"),
    "company_postcode": ("betriebplz", "betriebsplz"),
    "company_city": ("betriebort", "betriebsort"),
    "company_email": ("betriebemail", "betriebsemail"),
    "company_sector": ("branche",),
    "company_chamber": ("kammer", "zustaendigestelle"),
    "trainer_name": ("ausbilder", "ausbilderin", "ausbildername"),
    "trainer_last_name": ("ausbilderkontaktnachname", "ausbildernachname"),
    "trainer_first_name": ("ausbilderkontaktvorname", "ausbildervorname"),
    "trainer_email": ("ausbilderkontaktemail", "ausbilderemail"),
}
# Bare address words: the company's in a company file (Magellan "betriebe"), the pupil's otherwise.
_COMPANY_FILE_ALIASES = {"name": "company_name", "name1": "company_name", "strasse": "company_street",
                         "plz": "company_postcode", "ort": "company_city", "email": "company_email"}
# In a pupil file, a bare "Name" is the family name (LUSD: Name, Vorname).
_PUPIL_FILE_ALIASES = {"name": "last_name"}
# Recognised and deliberately not taken over (data minimisation): the pupil's address, contact and gender.
_PUPIL_ONLY = ("geschlecht", "strasse", "plz", "ort", "telefon", "email", "telefonnummer", "handy",
               "mobil", "staatsangehoerigkeit", "konfession", "geburtsort")
_BY_KEY = {alias: field for field, aliases in _ALIASES.items() for alias in aliases}
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def header_key(header: str) -> str:
    """A header without case, umlauts, spaces and punctuation: "Schüler-ID" and "SchuelerID" are one key."""
    text = unicodedata.normalize("NFC", header).lower().translate(_UMLAUTS)
    return re.sub(r"[^a-z0-9]", "", text)


def is_company_file(headers: list[str]) -> bool:
    """A file of companies (no first-name column): its bare address columns are the company's."""
    return "first_name" not in {_BY_KEY.get(header_key(h)) for h in headers}


def recognise(headers: list[str]) -> list[str]:
    """The field of each column ("" for a column not taken over), from the known headers of the school systems."""
    companies = is_company_file(headers)
    found: list[str] = []
    for header in headers:
        key = header_key(header)
        field = _BY_KEY.get(key) or (_COMPANY_FILE_ALIASES if companies else _PUPIL_FILE_ALIASES).get(key, IGNORE)
        found.append(IGNORE if field in found else field)  # a field once: the first column that names it
    return found


def from_profile(headers: list[str], mapping: Mapping[str, str]) -> list[str]:
    """The fields of a saved profile ({header: field}); headers the profile does not name are recognised."""
    keyed = {header_key(h): f for h, f in mapping.items() if f in FIELDS or f == IGNORE}
    recognised = recognise(headers)
    fields = [keyed.get(header_key(h), recognised[i]) for i, h in enumerate(headers)]
    return [IGNORE if f and f in fields[:i] else f for i, f in enumerate(fields)]


def to_profile(headers: list[str], fields: list[str]) -> dict[str, str]:
    """The mapping to save as a profile: every column by its header."""
    return {h: f for h, f in zip(headers, fields, strict=True)}


def mapping_problems(fields: list[str]) -> list[str]:
    """What makes a mapping unusable, in German: a field chosen twice, or neither pupils nor companies."""
    problems = []
    chosen = [f for f in fields if f]
    for field in sorted({f for f in chosen if chosen.count(f) > 1}, key=FIELDS.index):
        problems.append(texts.IMPORT_FIELD_TWICE.format(field=texts.IMPORT_FIELD_LABELS[field]))
    has_pupils = {"last_name", "first_name"} <= set(chosen)
    has_companies = bool({"company_name", "company_code"} & set(chosen))
    if not has_pupils and not has_companies:
        problems.append(texts.IMPORT_NOTHING_MAPPED)
    elif not has_pupils and ({"last_name", "first_name"} & set(chosen)):
        problems.append(texts.IMPORT_NAME_INCOMPLETE)
    return problems


def is_pupil_only(header: str) -> bool:
    """A known column of the pupil's own address or gender, which the import never stores."""
    return header_key(header) in _PUPIL_ONLY
