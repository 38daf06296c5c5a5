"""Checks of the dashboard forms before anything is written; each returns German reasons (empty: fine)."""

from __future__ import annotations

from datetime import date, timedelta

from leokop.ui import texts

# The limits of the database's check constraints, so that the form says it before the database refuses.
MAX_NOTE = 4000
MAX_COMMENT = 2000
MAX_BLOCK_NOTE = 500
MAX_TITLE = 200
MAX_BLOCK_DAYS = 84  # a school block is at most 12 weeks
# Plans further ahead than this are almost always typing errors (a year instead of a month).
MAX_PLAN_AHEAD = timedelta(days=3 * 365)


def grade_problems(status: str, grade: int | None, graded_on: date | None, today: date) -> list[str]:
    problems = []
    if status not in texts.LF_STATUS_LABELS:
        problems.append(texts.INVALID_STATUS)
    if grade is not None and not 1 <= grade <= 6:
        problems.append(texts.GRADE_RANGE)
    if grade is not None and graded_on is None:
        problems.append(texts.GRADE_DATE_MISSING)
    if graded_on is not None and graded_on > today:
        problems.append(texts.DATE_IN_FUTURE)
    if grade is not None and status == "nicht_begonnen":
        problems.append(texts.GRADE_NOT_STARTED)
    return problems


def absence_problems(on: date | None, lessons: int | None, today: date, contract_start: date) -> list[str]:
    problems = []
    if on is None:
        problems.append(texts.DATE_MISSING)
    elif on > today:
        problems.append(texts.ABSENCE_IN_FUTURE)
    elif on < contract_start:
        problems.append(texts.BEFORE_CONTRACT)
    if lessons is None or not 1 <= lessons <= 12:
        problems.append(texts.LESSONS_RANGE)
    return problems


def period_problems(starts_on: date | None, ends_on: date | None, today: date,
                    max_days: int | None = None) -> list[str]:
    if starts_on is None or ends_on is None:
        return [texts.DATE_MISSING]
    problems = []
    if ends_on < starts_on:
        problems.append(texts.END_BEFORE_START)
    elif max_days is not None and (ends_on - starts_on).days > max_days:
        problems.append(texts.PERIOD_TOO_LONG.format(weeks=max_days // 7))
    if ends_on > today + MAX_PLAN_AHEAD:
        problems.append(texts.TOO_FAR_AHEAD)
    return problems


def text_problems(body: str, *, required: bool = True, max_length: int = MAX_NOTE) -> list[str]:
    if required and not body.strip():
        return [texts.TEXT_EMPTY]
    if len(body) > max_length:
        return [texts.TEXT_TOO_LONG.format(n=max_length)]
    return []


def title_problems(title: str, *, required: bool = True) -> list[str]:
    if required and not title.strip():
        return [texts.TITLE_EMPTY]
    return text_problems(title, required=False, max_length=MAX_TITLE)


# The ranges of the risk_thresholds table's check constraints.
THRESHOLD_RANGES = {
    "unexcused_days_4_weeks": (1, 20), "absence_rate_90_days": (0.01, 1.0), "failing_grades": (1, 20),
    "grade_average": (1.0, 6.0), "grade_drop": (0.1, 5.0), "unsigned_record_weeks": (1, 52),
    "probation_weeks": (1, 16), "exam_weeks": (1, 26),
}


def threshold_problems(values: dict) -> list[str]:
    problems = []
    for key, (low, high) in THRESHOLD_RANGES.items():
        if not low <= values[key] <= high:
            problems.append(texts.THRESHOLD_RANGE.format(
                label=texts.THRESHOLD_LABELS[key], low=str(low).replace(".", ","), high=str(high).replace(".", ",")))
    return problems
