"""Form checks before writing: every bad input has its German reason."""

from datetime import date, timedelta

import pytest

from leokop.services import entries
from leokop.ui import texts

TODAY = date(2026, 11, 25)
START = date(2025, 8, 1)


@pytest.mark.parametrize(
    ("status", "grade", "on", "expected"),
    [
        ("laufend", 2, TODAY, []),
        ("abgeschlossen", None, None, []),
        ("laufend", 7, TODAY, [texts.GRADE_RANGE]),
        ("laufend", 0, TODAY, [texts.GRADE_RANGE]),
        ("laufend", 3, TODAY + timedelta(days=1), [texts.DATE_IN_FUTURE]),
        ("laufend", 3, None, [texts.GRADE_DATE_MISSING]),
        ("nicht_begonnen", 3, TODAY, [texts.GRADE_NOT_STARTED]),
        ("erfunden", None, None, [texts.INVALID_STATUS]),
    ],
)
def test_grade(status, grade, on, expected):
    assert entries.grade_problems(status, grade, on, TODAY) == expected


@pytest.mark.parametrize(
    ("on", "lessons", "expected"),
    [
        (TODAY, 4, []),
        (TODAY + timedelta(days=1), 4, [texts.ABSENCE_IN_FUTURE]),
        (START - timedelta(days=1), 4, [texts.BEFORE_CONTRACT]),
        (TODAY, 0, [texts.LESSONS_RANGE]),
        (TODAY, 13, [texts.LESSONS_RANGE]),
        (None, 4, [texts.DATE_MISSING]),
    ],
)
def test_absence(on, lessons, expected):
    assert entries.absence_problems(on, lessons, TODAY, START) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (TODAY, TODAY, []),
        (TODAY, TODAY - timedelta(days=1), [texts.END_BEFORE_START]),
        (TODAY, TODAY + timedelta(days=4 * 365), [texts.TOO_FAR_AHEAD]),
        (None, TODAY, [texts.DATE_MISSING]),
    ],
)
def test_period(start, end, expected):
    assert entries.period_problems(start, end, TODAY) == expected


@pytest.mark.parametrize(("body", "expected"), [("Gespräch geführt.", []), ("   ", [texts.TEXT_EMPTY]),
                                                ("x" * 4001, [texts.TEXT_TOO_LONG.format(n=4000)])])
def test_text(body, expected):
    assert entries.text_problems(body) == expected


def test_thresholds():
    good = {"unexcused_days_4_weeks": 2, "absence_rate_90_days": 0.1, "failing_grades": 2, "grade_average": 4.0,
            "grade_drop": 1.0, "unsigned_record_weeks": 3, "probation_weeks": 4, "exam_weeks": 8}
    assert entries.threshold_problems(good) == []
    assert entries.threshold_problems({**good, "absence_rate_90_days": 1.5}) == [
        "„Fehlquote in 90 Tagen (Anteil, z. B. 0,10)“ muss zwischen 0,01 und 1,0 liegen"]
