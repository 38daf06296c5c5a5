"""One cell's value as the import needs it: dates as TT.MM.JJJJ, postcodes, chambers, names, occupations."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from leokop import texts

_GERMAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class BadValue(ValueError):
    """A cell that cannot be taken over; the message is the German reason (without the column)."""


def text(value: object) -> str:
    """A cell as text: inner spaces collapsed, Unicode composed (a name typed on a Mac and on Windows is one)."""
    return " ".join(unicodedata.normalize("NFC", str(value)).split()) if value not in (None, "") else ""


def key(value: str) -> str:
    """Comparison key of a name: case and spacing ignored (as SQL lower(regexp_replace(btrim(x), '\\s+', ' ')))."""
    return " ".join(value.split()).lower()


def parse_date(value: object) -> date | None:
    """TT.MM.JJJJ (also T.M.JJJJ and JJJJ-MM-TT, and an Excel date cell); None for an empty cell."""
    if isinstance(value, date):
        return value
    raw = text(value)
    if not raw:
        return None
    found = _GERMAN_DATE.fullmatch(raw)
    parts = (found.group(3), found.group(2), found.group(1)) if found else None
    if parts is None and (iso := _ISO_DATE.fullmatch(raw)):
        parts = iso.groups()
    if parts is None:
        raise BadValue(texts.IMPORT_BAD_DATE.format(value=raw))
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        raise BadValue(texts.IMPORT_INVALID_DATE.format(value=raw)) from None


def parse_postcode(value: object) -> str | None:
    """Five digits; an Excel number cell lost the leading zero of 01067 Dresden, which is put back."""
    raw = text(value)
    if not raw:
        return None
    if raw.isdigit() and len(raw) <= 5:
        return raw.zfill(5)
    raise BadValue(texts.IMPORT_BAD_POSTCODE.format(value=raw))


def parse_email(value: object) -> str | None:
    raw = text(value)
    if not raw:
        return None
    if not _EMAIL.match(raw) or len(raw) > 254:
        raise BadValue(texts.IMPORT_BAD_EMAIL.format(value=raw))
    return raw.lower()


def parse_chamber(value: object) -> str | None:
    """IHK, HWK or sonstige, from what the systems write ("Handwerkskammer Frankfurt-Rhein-Main", "IHK Gießen")."""
    raw = key(text(value))
    if not raw:
        return None
    if "ihk" in raw or "industrie- und handelskammer" in raw:
        return "IHK"
    if "hwk" in raw or "handwerkskammer" in raw:
        return "HWK"
    return "sonstige"


def parse_schedule(value: object) -> str | None:
    raw = key(text(value))
    if not raw:
        return None
    if raw.startswith("block"):
        return "blockunterricht"
    if raw.startswith(("teilzeit", "tz", "wochen")):
        return "teilzeitunterricht"
    raise BadValue(texts.IMPORT_BAD_SCHEDULE.format(value=text(value)))


def limited(value: str, limit: int) -> str:
    if len(value) > limit:
        raise BadValue(texts.IMPORT_TOO_LONG.format(limit=limit))
    return value


def split_name(full: str) -> tuple[str | None, str]:
    """(first name, last name) of "Anna Schmidt" or "Schmidt, Anna"."""
    if "," in full:
        last, _, first = full.partition(",")
        return (text(first) or None), text(last)
    first, _, last = full.rpartition(" ")
    return (first or None), last


@dataclass(frozen=True)
class Occupation:
    id: object
    code: str
    name: str


_FORMS = re.compile(r"\(m/w/d\)|\(w/m/d\)|\(m/w\)|/-?in\b|/-?frau\b|/-?mann\b")
_FILLER = re.compile(r"^(?:-|–|,|:|fachrichtung|fr\.|schwerpunkt|für|fuer|im|in)\s*", re.IGNORECASE)


def _occupation_key(name: str) -> str:
    return " ".join(_FORMS.sub("", name.lower()).replace("-", " ").split())


def _variants(name: str) -> set[str]:
    """The keys an occupation is written as: "Kaufmann/-frau für Büromanagement" is also "Kauffrau für ..."."""
    variants = {_occupation_key(name)}
    lower = name.lower()
    for masculine, feminine in (("mann/-frau", "frau"), ("mann/frau", "frau")):
        if masculine in lower:
            variants.add(_occupation_key(lower.replace(masculine, feminine)))
    for word in re.findall(r"(\w+)/-?in\b", lower):
        variants.add(_occupation_key(re.sub(rf"\b{word}/-?in\b", word + "in", lower)))
    return variants


class OccupationFinder:
    """Finds an occupation by its code or its name as the systems write it, with the specialisation after it."""

    def __init__(self, occupations: list[Occupation]) -> None:
        self._by_code = {o.code.lower(): o for o in occupations}
        self._by_name = {variant: o for o in occupations for variant in _variants(o.name)}
        self._longest_first = sorted(self._by_name, key=len, reverse=True)

    def find(self, value: str) -> tuple[Occupation, str | None]:
        """(occupation, track or None); BadValue when it is unknown."""
        raw = text(value)
        if raw.lower() in self._by_code:
            return self._by_code[raw.lower()], None
        wanted = _occupation_key(raw)
        if wanted in self._by_name:
            return self._by_name[wanted], None
        for name in self._longest_first:
            if wanted.startswith(name + " "):
                rest = wanted[len(name):].strip()
                while (shorter := _FILLER.sub("", rest)) != rest:
                    rest = shorter
                track = _track_as_written(raw, rest)
                return self._by_name[name], track or None
        raise BadValue(texts.IMPORT_UNKNOWN_OCCUPATION.format(value=raw))


def _track_as_written(raw: str, rest: str) -> str:
    """The specialisation in the file's own capitals ("Systemintegration", not "systemintegration")."""
    if not rest:
        return ""
    position = raw.lower().rfind(rest.split()[0])
    return text(raw[position:]) if position >= 0 else rest
