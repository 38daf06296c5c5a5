"""A school's pupil export of any size, as LUSD's Abfrageassistent writes it (semicolons, Windows-1252,
TT.MM.JJJJ): for the import's benchmark and tests."""

from __future__ import annotations

import random
from datetime import date, timedelta

HEADER = ("Schüler-ID", "Nachname", "Vorname", "Geschlecht", "Geburtsdatum", "Klasse", "Ausbildungsberuf",
          "Ausbildungsbetrieb", "Betrieb PLZ", "Betrieb Ort", "Ausbildungsbeginn", "Ausbildungsende",
          "AusbilderKontaktNachname", "AusbilderKontaktVorname", "AusbilderKontaktEmail")
_OCCUPATIONS = (("FI", "Fachinformatiker/-in Fachrichtung Systemintegration", 36),
                ("BM", "Kaufmann/-frau für Büromanagement", 36), ("IM", "Industriemechaniker/-in", 42))
_FIRST = ("Leon", "Mia", "Finn", "Emma", "Elias", "Hannah", "Noah", "Sofia", "Paul", "Lea", "Emre", "Zeynep",
          "Jonas", "Lena", "Luis", "Marie", "Artur", "Aylin", "Niklas", "Jana")
_LAST = ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
         "Koch", "Richter", "Klein", "Wolf", "Schröder", "Yildiz", "Kaya", "Nowak", "Nowicki", "Krüger")


def sample_rows(apprentices: int, *, today: date, seed: int = 16, prefix: str = "S") -> list[tuple[str, ...]]:
    """Rows of `apprentices` pupils in classes of about 25 (three years, three occupations), from companies of
    about 5 apprentices each, every company with one trainer contact."""
    rng = random.Random(seed)
    year = today.year if today.month >= 8 else today.year - 1
    companies = max(1, apprentices // 5)
    rows = []
    for i in range(apprentices):
        code, occupation, months = _OCCUPATIONS[i % 3]
        years_ago = (i // 3) % 3
        start = date(year - years_ago, 8, 1)
        end = date(start.year + months // 12, 7, 31) if months % 12 == 0 else date(start.year + 3, 1, 31)
        suffix = chr(ord("a") + (i // 9 // 25) % 26)  # every (occupation, year) has parallel classes of 25
        klass = f"{code}{(year - years_ago) % 100:02d}{suffix}"
        company = rng.randrange(companies)
        birth = start - timedelta(days=365 * rng.choice((16, 17, 18, 19, 21)) + rng.randrange(365))
        rows.append((
            f"{prefix}{i:06d}", rng.choice(_LAST), f"{rng.choice(_FIRST)} {i}", rng.choice("mwd"),
            birth.strftime("%d.%m.%Y"), klass, occupation, f"{prefix} Ausbildungsbetrieb {company} GmbH",
            f"{35000 + company % 900:05d}", "Gießen", start.strftime("%d.%m.%Y"), end.strftime("%d.%m.%Y"),
            f"Ausbilder{company}", "Kim", f"ausbildung{company}@betrieb{company}.example"))
    return rows


def sample_csv(apprentices: int, *, today: date, seed: int = 16, prefix: str = "S", separator: str = ";",
               encoding: str = "cp1252") -> bytes:
    """The rows of sample_rows as a CSV file with header."""
    lines = [separator.join(HEADER)] + [separator.join(r) for r in sample_rows(
        apprentices, today=today, seed=seed, prefix=prefix)]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)
