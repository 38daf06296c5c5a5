"""Form checks before writing: every bad input has its German reason."""

from datetime import date, timedelta

import pytest

from leokop import texts
from leokop.services import entries

TODAY = date(2026, 11, 25)
START = date(2025, 8, 1)


GRADE_DAYS = entries.grade_days(TODAY, START)


@pytest.mark.parametrize(
    ("status", "grade", "on", "expected"),
    [
        ("laufend", 2, TODAY, []),
        ("abgeschlossen", None, None, []),
        ("laufend", 7, TODAY, [texts.GRADE_RANGE]),
        ("laufend", 0, TODAY, [texts.GRADE_RANGE]),
        ("laufend", 3, TODAY + timedelta(days=1),
         [texts.DATE_OUTSIDE.format(day="26.11.2026", low="31.07.2024", high="25.11.2026")]),
        ("laufend", 3, None, [texts.GRADE_DATE_MISSING]),
        ("nicht_begonnen", 3, TODAY, [texts.GRADE_NOT_STARTED]),
        ("erfunden", None, None, [texts.INVALID_STATUS]),
    ],
)
def test_grade(status, grade, on, expected):
    assert entries.grade_problems(status, grade, on, GRADE_DAYS) == expected


ABSENCE_DAYS = entries.absence_days(TODAY, START, date(2028, 7, 31))


@pytest.mark.parametrize(
    ("on", "lessons", "expected"),
    [
        (TODAY, 4, []),
        (START, 4, []),
        (TODAY + timedelta(days=1), 4, [texts.DATE_OUTSIDE.format(day="26.11.2026", low="01.08.2025",
                                                                   high="25.11.2026")]),
        (START - timedelta(days=1), 4, [texts.DATE_OUTSIDE.format(day="31.07.2025", low="01.08.2025",
                                                                   high="25.11.2026")]),
        (TODAY, 0, [texts.LESSONS_RANGE]),
        (TODAY, 13, [texts.LESSONS_RANGE]),
        (None, 4, [texts.DATE_MISSING_RANGE.format(low="01.08.2025", high="25.11.2026")]),
    ],
)
def test_absence(on, lessons, expected):
    assert entries.absence_problems(on, lessons, ABSENCE_DAYS) == expected


def test_date_widgets_offer_every_allowed_day_and_a_margin():
    for allowed in (ABSENCE_DAYS, GRADE_DAYS, entries.phase_days(START, date(2028, 7, 31)), entries.plan_days(TODAY),
                    entries.due_days(TODAY, date(2028, 7, 31)), entries.past_days(TODAY)):
        assert allowed.widget_low <= allowed.low <= allowed.high <= allowed.widget_high
    assert ABSENCE_DAYS.widget_high == TODAY  # an absence in the future is meaningless: not even offered
    assert entries.phase_days(START, date(2028, 7, 31)).widget_low == START - entries.MARGIN


PLAN_DAYS = entries.plan_days(TODAY)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (TODAY, TODAY, []),
        (TODAY, TODAY - timedelta(days=1), [texts.END_BEFORE_START]),
        (TODAY, TODAY + timedelta(days=4 * 365), [texts.DATE_OUTSIDE.format(
            day="24.11.2030", low="24.11.2025", high="24.11.2029")]),
        (None, TODAY, [texts.DATE_MISSING_RANGE.format(low="24.11.2025", high="24.11.2029")]),
        (date(1990, 1, 1), date(1990, 1, 31), [
            texts.DATE_OUTSIDE.format(day="01.01.1990", low="24.11.2025", high="24.11.2029"),
            texts.DATE_OUTSIDE.format(day="31.01.1990", low="24.11.2025", high="24.11.2029")]),
    ],
)
def test_period(start, end, expected):
    assert entries.period_problems(start, end, PLAN_DAYS) == expected


@pytest.mark.parametrize(("body", "expected"), [("Gespräch geführt.", []), ("   ", [texts.TEXT_EMPTY]),
                                                ("x" * 4001, [texts.TEXT_TOO_LONG.format(n=4000)]),
                                                ("  " + "x" * 4000 + "  ", []),
                                                ("a\x00b", [texts.TEXT_CONTROL]), ("\x07", [texts.TEXT_CONTROL]),
                                                ("Zeile 1\r\nZeile 2\tEnde", []), ("שלום :material/home: 🙂", [])])
def test_text(body, expected):
    assert entries.text_problems(body) == expected


def test_thresholds():
    good = {"unexcused_days_4_weeks": 2, "absence_rate_90_days": 0.1, "failing_grades": 2, "grade_average": 4.0,
            "grade_drop": 1.0, "unsigned_record_weeks": 3, "probation_weeks": 4, "exam_weeks": 8}
    assert entries.threshold_problems(good) == []
    assert entries.threshold_problems({**good, "absence_rate_90_days": 1.5}) == [
        "„Fehlquote in 90 Tagen (Anteil, z. B. 0,10)“ muss zwischen 0,01 und 1,0 liegen"]
