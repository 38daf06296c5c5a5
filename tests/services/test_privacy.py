"""Privacy rules without a database: consent checks, terms checks, retention range, the access-request files."""

from __future__ import annotations

import json
from datetime import date

import pytest

from leokop.services import privacy as rules
from leokop.ui import texts

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
    assert rules._value("2026-12-02T19:59:54.755443+00:00") == "02.12.2026 19:59:54 +0000"
