"""The school calendar's rules: the holidays of a state from the `holidays` package, a school's days off from an .ics
file, and when the calendar runs short (issue 16, decision 86).

Rules without SQL: the repo writes and reads the rows (leokop.repo.school_calendar); `sync_all` hands it the
periods.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import holidays
import icalendar
import psycopg

from leokop import texts
from leokop.repo.school_calendar import sync_state
from leokop.services.entries import Allowed, text_problems

# The states by the names schools carry (schools.state), with the package's subdivision codes.
STATE_CODES = {
    "Baden-Württemberg": "BW", "Bayern": "BY", "Berlin": "BE", "Brandenburg": "BB", "Bremen": "HB",
    "Hamburg": "HH", "Hessen": "HE", "Mecklenburg-Vorpommern": "MV", "Niedersachsen": "NI",
    "Nordrhein-Westfalen": "NW", "Rheinland-Pfalz": "RP", "Saarland": "SL", "Sachsen": "SN",
    "Sachsen-Anhalt": "ST", "Schleswig-Holstein": "SH", "Thüringen": "TH",
}
FERIEN, FEIERTAG, SCHULFREI = "ferien", "feiertag", "schulfrei"
# The admin is warned when the known school holidays end sooner than this.
RUNS_SHORT = timedelta(days=274)  # nine months
# Years around today that a sync writes (public holidays are known for any year; school holidays as published).
YEARS_BACK, YEARS_AHEAD = 3, 6
MAX_NAME = 200
MAX_DAYS = 121  # a day off of at most 121 days (the table's check)
MAX_ICS_BYTES = 2_000_000
MAX_ICS_EVENTS = 2_000


@dataclass(frozen=True)
class Period:
    kind: str
    name: str
    starts_on: date
    ends_on: date


def state_periods(state: str, today: date) -> list[Period]:
    """The state's school holidays (one period per break) and public holidays (one per day) the package knows for
    the years around today; empty for a state it does not know."""
    code = STATE_CODES.get(state)
    if code is None:
        return []
    years = range(today.year - YEARS_BACK, today.year + YEARS_AHEAD + 1)
    school = holidays.country_holidays("DE", subdiv=code, years=years, categories=(holidays.SCHOOL,), language="de")
    public = holidays.country_holidays("DE", subdiv=code, years=years, language="de")
    return _ranges(FERIEN, sorted(school.items())) + [Period(FEIERTAG, name, day, day)
                                                      for day, name in sorted(public.items())]


def sync_all(conn: psycopg.Connection, today: date) -> int:
    """Every state's holidays from the package into the database, in the caller's (owner's) transaction; the
    number of rows written."""
    return sum(sync_state(conn, state, state_periods(state, today)) for state in STATE_CODES)


def _ranges(kind: str, days: Iterable[tuple[date, str]]) -> list[Period]:
    """Consecutive days of the same name as one period (a break over New Year is one period)."""
    periods: list[Period] = []
    for day, name in days:
        last = periods[-1] if periods else None
        if last is not None and last.name == name and day - last.ends_on == timedelta(days=1):
            periods[-1] = Period(kind, name, last.starts_on, day)
        else:
            periods.append(Period(kind, name, day, day))
    return periods


def runs_short(last_holiday: date | None, today: date) -> bool:
    """Whether the school holidays the calendar knows end within nine months (or none are known)."""
    return last_holiday is None or last_holiday < today + RUNS_SHORT


@dataclass(frozen=True)
class DayOff:
    name: str
    starts_on: date
    ends_on: date
    ics_uid: str | None = None


def day_off_problems(name: str, starts_on: date | None, ends_on: date | None, allowed: Allowed) -> list[str]:
    """German reasons why a day off cannot be saved (its days within `allowed`)."""
    problems = text_problems(name, max_length=MAX_NAME)
    problems += allowed.problems(starts_on) + allowed.problems(ends_on)
    if starts_on is not None and ends_on is not None and not problems:
        if ends_on < starts_on:
            problems.append(texts.CALENDAR_END_BEFORE_START)
        elif (ends_on - starts_on).days >= MAX_DAYS:
            problems.append(texts.CALENDAR_TOO_LONG.format(n=MAX_DAYS))
    return list(dict.fromkeys(problems))


class IcsRefused(ValueError):
    """The file is not a calendar leokop can read; the message is German."""


def read_ics(data: bytes, allowed: Allowed) -> tuple[list[DayOff], list[str]]:
    """The all-day events of an .ics file as days off, and a German reason for each event left out. IcsRefused when
    the file is no calendar at all."""
    if not data.strip():
        raise IcsRefused(texts.CALENDAR_ICS_EMPTY)
    if len(data) > MAX_ICS_BYTES:
        raise IcsRefused(texts.CALENDAR_ICS_TOO_LARGE.format(mb=MAX_ICS_BYTES // 1_000_000))
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise IcsRefused(texts.CALENDAR_ICS_UNREADABLE) from exc
    events = list(calendar.walk("VEVENT"))
    if len(events) > MAX_ICS_EVENTS:
        raise IcsRefused(texts.CALENDAR_ICS_TOO_MANY.format(n=MAX_ICS_EVENTS))
    found: list[DayOff] = []
    skipped: list[str] = []
    for event in events:
        name = str(event.get("SUMMARY", "")).strip()
        start, end = _date_of(event.get("DTSTART")), _date_of(event.get("DTEND"))
        label = name or texts.CALENDAR_ICS_NO_NAME
        if start is None:
            skipped.append(texts.CALENDAR_ICS_NO_DATE.format(name=label))
            continue
        # DTEND of an all-day event is the day after; without DTEND the event is that one day
        last = start if end is None else max(start, end - timedelta(days=1))
        problems = day_off_problems(name, start, last, allowed)
        if problems:
            skipped.append(f"{label}: {' '.join(problems)}")
            continue
        uid = str(event.get("UID", "")).strip()[:500] or None
        found.append(DayOff(name, start, last, uid))
    return found, skipped


def _date_of(prop) -> date | None:
    value = getattr(prop, "dt", None)
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None
