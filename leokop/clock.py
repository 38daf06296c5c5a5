"""The school's day: the one place every "today" and "now" of the app comes from.

`LEOKOP_TODAY=YYYY-MM-DD` fixes the day for the demo load, the rules, the pages and the database functions, so that
the suite and a demo behave the same on any day; unset, it is the real day in Europe/Berlin (the server may run on
UTC: between midnight and 1 or 2 am UTC is still on yesterday).
"""

from __future__ import annotations

import os
from datetime import date, datetime
from zoneinfo import ZoneInfo

TIME_ZONE = "Europe/Berlin"  # the school's; also every database session's (leokop.db.session)
BERLIN = ZoneInfo(TIME_ZONE)
TODAY_VARIABLE = "LEOKOP_TODAY"


class BadToday(ValueError):
    """LEOKOP_TODAY is set but is not a date."""


def fixed_today() -> date | None:
    """The day LEOKOP_TODAY fixes, or None when it is unset."""
    value = os.environ.get(TODAY_VARIABLE, "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadToday(f"{TODAY_VARIABLE}={value!r} is not a date: use YYYY-MM-DD, e.g. 2027-08-01") from None


def today() -> date:
    """Today at the school: LEOKOP_TODAY when set, else the calendar day in Berlin."""
    return fixed_today() or datetime.now(BERLIN).date()


def now() -> datetime:
    """The current moment in Berlin; with LEOKOP_TODAY set, the real time of day on that day."""
    moment = datetime.now(BERLIN)
    fixed = fixed_today()
    return moment if fixed is None else moment.replace(year=fixed.year, month=fixed.month, day=fixed.day)
