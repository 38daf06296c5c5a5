"""Checks of the dashboard forms before anything is written; each returns German reasons (empty: fine).

Dates: every date field has an allowed range (`Allowed`) that its widget offers with a margin, so that a valid day
is never refused by the widget; a day outside is refused here with a German message that names the range. A day
the widget itself refuses (typed far outside its range) never reaches the app: the field stays empty, and the
message for an empty field names the range too (which is why date fields of new entries start empty).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from leokop import texts
from leokop.formats import german_date

# The limits of the database's check constraints, so that the form says it before the database refuses.
MAX_NOTE = 4000
MAX_COMMENT = 2000
MAX_BLOCK_NOTE = 500
MAX_TITLE = 200
MAX_BLOCK_DAYS = 84  # a school block is at most 12 weeks
# Plans further ahead than this are almost always typing errors (a year instead of a month).
MAX_PLAN_AHEAD = timedelta(days=3 * 365)
# How much wider than the allowed range a date widget is: a year, as the training period's margin.
MARGIN = timedelta(days=366)


@dataclass(frozen=True)
class Allowed:
    """The days a date field accepts, `low`..`high`, and the days its widget offers (`widget_low`..`widget_high`,
    never narrower)."""
    low: date
    high: date
    widget_low: date
    widget_high: date

    @classmethod
    def between(cls, low: date, high: date, *, past_only_from: date | None = None) -> Allowed:
        """`low`..`high`, offered with a year's margin on both sides; with `past_only_from` (today) the widget
        ends there: a later day is meaningless for the field."""
        widget_high = high + MARGIN if past_only_from is None else max(high, past_only_from)
        return cls(low, high, low - MARGIN, widget_high)

    def text(self) -> str:
        return texts.DATE_ALLOWED.format(low=german_date(self.low), high=german_date(self.high))

    def problems(self, on: date | None, *, missing: str | None = None) -> list[str]:
        """A German reason when `on` is missing or outside; `missing` replaces the message for an empty field."""
        if on is None:
            return [missing or texts.DATE_MISSING_RANGE.format(low=german_date(self.low), high=german_date(self.high))]
        if not self.low <= on <= self.high:
            return [texts.DATE_OUTSIDE.format(day=german_date(on), low=german_date(self.low),
                                              high=german_date(self.high))]
        return []


def absence_days(today: date, contract_start: date, contract_end: date | None) -> Allowed:
    """An absence lies within the training and not in the future."""
    high = min(today, contract_end) if contract_end else today
    return Allowed.between(contract_start, max(high, contract_start), past_only_from=today)


def grade_days(today: date, contract_start: date) -> Allowed:
    """A grade's date is not in the future; a year before the training counts (earlier schooling)."""
    low = contract_start - MARGIN
    return Allowed(low, today, low - MARGIN, today)


def phase_days(contract_start: date, contract_end: date) -> Allowed:
    """A company phase lies within the training period."""
    return Allowed.between(contract_start, contract_end)


def plan_days(today: date) -> Allowed:
    """School blocks and joint projects: from a year back to three years ahead."""
    return Allowed.between(today - MARGIN, today + MAX_PLAN_AHEAD)


def milestone_days(starts_on: date, ends_on: date) -> Allowed:
    """A milestone lies within its project's period."""
    return Allowed.between(starts_on, ends_on)


def due_days(today: date, contract_end: date | None) -> Allowed:
    """A measure is due from today to the end of the training."""
    return Allowed.between(today, max(today, contract_end or today + MAX_PLAN_AHEAD))


def past_days(today: date, years: int = 10) -> Allowed:
    """Something that happened: not in the future, at most `years` back."""
    low = today - timedelta(days=365 * years + years // 4)
    return Allowed(low, today, low, today)


def grade_problems(status: str, grade: int | None, graded_on: date | None, allowed: Allowed) -> list[str]:
    problems = []
    if status not in texts.LF_STATUS_LABELS:
        problems.append(texts.INVALID_STATUS)
    if grade is not None and not 1 <= grade <= 6:
        problems.append(texts.GRADE_RANGE)
    if grade is not None and graded_on is None:
        problems.append(texts.GRADE_DATE_MISSING)
    if graded_on is not None:
        problems += allowed.problems(graded_on)
    if grade is not None and status == "nicht_begonnen":
        problems.append(texts.GRADE_NOT_STARTED)
    return problems


def absence_problems(on: date | None, lessons: int | None, allowed: Allowed) -> list[str]:
    problems = allowed.problems(on)
    if lessons is None or not 1 <= lessons <= 12:
        problems.append(texts.LESSONS_RANGE)
    return problems


def period_problems(starts_on: date | None, ends_on: date | None, allowed: Allowed,
                    max_days: int | None = None) -> list[str]:
    problems = allowed.problems(starts_on) + allowed.problems(ends_on)
    if problems:
        return list(dict.fromkeys(problems))  # one message for two empty fields
    if ends_on < starts_on:
        problems.append(texts.END_BEFORE_START)
    elif max_days is not None and (ends_on - starts_on).days > max_days:
        problems.append(texts.PERIOD_TOO_LONG.format(weeks=max_days // 7))
    return problems


# Characters a person does not type: C0/C1 control characters (NUL among them: PostgreSQL refuses it in text),
# except tab and line breaks, and unpaired surrogates (not encodable). They come from copies out of other programs.
_ALLOWED_CONTROLS = {"\t", "\n", "\r"}


def invisible_characters(text: str) -> bool:
    """Whether the text holds a control character (other than tab and line breaks) or an unpaired surrogate."""
    return any(unicodedata.category(ch) in ("Cc", "Cs") and ch not in _ALLOWED_CONTROLS for ch in text)


def text_problems(body: str | None, *, required: bool = True, max_length: int = MAX_NOTE) -> list[str]:
    """Empty (when required), too long, or holding invisible control characters. What is saved is the text with
    its leading and trailing blanks removed (the one change the app makes to what was typed)."""
    body = body or ""
    if invisible_characters(body):
        return [texts.TEXT_CONTROL]
    if required and not body.strip():
        return [texts.TEXT_EMPTY]
    if len(body.strip()) > max_length:
        return [texts.TEXT_TOO_LONG.format(n=max_length)]
    return []


def title_problems(title: str | None, *, required: bool = True) -> list[str]:
    if required and not invisible_characters(title or "") and not (title or "").strip():
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
