"""Privacy rules without a database: consent checks, terms checks, retention range, the access-request files."""

from __future__ import annotations

import json
from datetime import date

import pytest

from leokop import texts
from leokop.services import privacy as rules

TODAY = date(2026, 12, 2)
ADULT, MINOR = date(2000, 5, 1), date(2010, 5, 1)


@pytest.mark.parametrize(
    ("basis", "categories", "given_by", "guardian", "given_on", "reference", "birth", "expected"),
    [
        ("einwilligung", ["grades"], "azubi", "", TODAY, "", ADULT, []),
        ("einwilligung", ["grades"], "azubi", "", TODAY, "", MINOR, [texts.CONSENT_MINOR]),
        ("einwilligung", ["grades"], "erziehungsberechtigte", " ", TODAY, "", MINOR, [texts.CONSENT_GUARDIAN_MISSING]),
        ("einwilligung", ["grades"], "erziehungsberechtigte", "Familie Kaya", TODAY, "", MINOR, []),
        # a minor then, of age now: the consent of then needed the guardian
        ("einwilligung", ["grades"], "azubi", "", date(2026, 4, 30), "", date(2008, 5, 1), [texts.CONSENT_MINOR]),
        ("einwilligung", ["grades"], None, "", TODAY, "", ADULT, [texts.CONSENT_GIVER_MISSING]),
        ("einwilligung", [], "azubi", "", TODAY, "", ADULT, [texts.CONSENT_CATEGORIES_MISSING]),
        ("einwilligung", ["gesundheit"], "azubi", "", TODAY, "", ADULT, [texts.CONSENT_CATEGORIES_MISSING]),
        ("einwilligung", ["grades"], "azubi", "", date(2026, 12, 3), "", ADULT, [texts.DATE_IN_FUTURE]),
        ("rechtsvorschrift", ["absences"], None, "", TODAY, "", MINOR, [texts.CONSENT_REFERENCE_MISSING]),
        ("rechtsvorschrift", ["absences"], None, "", TODAY, "Schulgesetz", MINOR, []),
        ("", ["absences"], None, "", TODAY, "", ADULT, [texts.CONSENT_BASIS_MISSING]),
    ],
)
def test_consent_problems(basis, categories, given_by, guardian, given_on, reference, birth, expected):
    assert rules.consent_problems(basis, categories, given_by, guardian, given_on, reference, birth, TODAY) == expected


def test_terms_problems():
    assert rules.terms_problems("  ", None) == [texts.TERMS_EMPTY]
    assert rules.terms_problems("Text\n", "Text") == [texts.TERMS_UNCHANGED]
    assert rules.terms_problems("x" * (rules.MAX_TERMS + 1), None) == [texts.TEXT_TOO_LONG.format(n=rules.MAX_TERMS)]
    assert rules.terms_problems("Neue Fassung", "Alte Fassung") == []


@pytest.mark.parametrize(("months", "ok"), [(0, False), (1, True), (12, True), (120, True), (121, False),
                                            (None, False)])
def test_retention_range(months, ok):
    assert (rules.retention_problems(months) == []) is ok


_EXPORT = {
    "apprentice": {"id": "a1", "first_name": "Ayşe", "last_name": "Yılmaz", "birth_date": "2008-03-04"},
    "context": {"school": "Lahntal-Schule Gießen", "class": "FI25b"},
    "exported_at": "2026-12-02T10:00:00+00:00",
    "tables": {"notes": [{"id": "n1", "apprentice_id": "a1", "body": "Gespräch ↔ Betrieb"}] * 120,
               "consents": [{"id": "c1", "categories": ["grades", "absences"], "revoked_at": None}]},
}


def test_the_json_is_the_export_unchanged():
    assert json.loads(rules.access_json(_EXPORT)) == _EXPORT
    assert "Ayşe Yılmaz" not in rules.access_json(_EXPORT).decode()  # fields apart, but exactly as stored
    assert "Yılmaz" in rules.access_json(_EXPORT).decode()


def test_the_pdf_holds_every_row_on_as_many_pages_as_needed():
    data = rules.access_pdf(_EXPORT)
    assert data.startswith(b"%PDF")
    assert data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type /Page>") >= 3


def test_pdf_text_keeps_names_readable():
    assert rules._pdf_safe("Ayşe Yılmaz, Popović, Łukasz") == "Ayse Yilmaz, Popovic, Lukasz"
    assert rules._value("2008-03-04") == "04.03.2008"
    assert rules._value(["grades", "absences"]) == "grades, absences"


def test_timestamps_are_german():
    assert rules._value("2026-12-02T19:59:54.755443+00:00") == "02.12.2026, 20:59"  # Berlin, not UTC
    assert rules._value("2026-07-01T22:30:00+00:00") == "02.07.2026, 00:30"  # summer time, the Berlin day


def test_the_pdf_speaks_german_and_names_people_instead_of_ids():
    staff, lf = "11111111-2222-3333-4444-555555555555", "66666666-7777-8888-9999-000000000000"
    export = {
        "apprentice": {"id": "a1", "first_name": "Marie", "last_name": "Hoffmann", "status": "aktiv",
                       "class_id": "k1", "created_at": "2026-12-05T13:49:19.498876+00:00"},
        "context": {"school": "Lahntal-Schule Gießen", "class": "FI25b"},
        "exported_at": "2026-12-05T23:30:00+00:00",
        "tables": {
            "lf_results": [{"id": "r1", "apprentice_id": "a1", "learning_field_id": lf, "status": "laufend",
                            "updated_by": staff, "version": 3}],
            "audit_log": [{"id": 7, "action": "update", "actor_id": staff, "actor_role": "authenticated",
                           "table_name": "consents", "columns": ["revoked_at", "revoked_by"], "row_id": "x"}],
            "risk_flags": [{"id": "f1", "rule": "fehlquote", "category": "absences", "severity": "warnung",
                            "evidence": {"fehltage": 2}}],
        },
    }
    lines = rules.access_lines(export, {staff: "Sabine Keller", lf: "LF3 Netzwerke"})
    fields = [(label, value) for kind, label, value in lines if kind == "field"]
    shown = " ".join(f"{label} {value}" for label, value in fields) + " ".join(t for _, t, _ in lines)
    assert ("zuletzt geändert von", "Sabine Keller") in fields and ("Lernfeld", "LF3 Netzwerke") in fields
    assert ("Status", "läuft") in fields and ("Bereich", texts.ACCESS_TABLE_LABELS["consents"]) in fields
    assert ("betroffene Angaben", "widerrufen am, widerrufen von") in fields
    assert ("Art des Zugriffs", "angemeldete Person") in fields and ("Regel", "Hohe Fehlquote") in fields
    assert ("angelegt am", "05.12.2026, 14:49") in fields
    assert texts.ACCESS_PDF_INTRO.format(at="06.12.2026, 00:30") in shown
    for internal in (staff, lf, "a1", "r1", "k1", "updated_by", "learning_field_id", "lf_results", "audit_log",
                     "authenticated", "fehlquote", "laufend", "+00:00", "version"):
        assert internal not in shown, internal
    assert ("Grundlagen", "fehltage: 2") in fields
    assert rules.access_pdf(export, {}).startswith(b"%PDF")


def test_the_files_are_named_after_the_person_and_the_berlin_day():
    export = {"apprentice": {"first_name": "Jörg-Ünal", "last_name": "Groß"},
              "exported_at": "2026-12-31T23:10:00+00:00"}
    assert rules.access_file_stem(export) == "auskunft-gross-jorg-unal-2027-01-01"
