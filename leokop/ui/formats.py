"""Dates and times as German users read them: Europe/Berlin, "02.12.2026, 14:05".

The database stores timestamps in UTC (timestamptz); every timestamp the UI shows goes through this module, so
that no page shows UTC and the calendar day of a late-evening entry is the Berlin one.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pandas as pd

BERLIN = ZoneInfo("Europe/Berlin")


def _in_berlin(moment: datetime) -> datetime:
    """The moment in Berlin time; a naive value is taken as UTC (what the database stores)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(BERLIN)


def _missing(value) -> bool:
    """None, or pandas' NaT/NaN for an empty cell."""
    return value is None or bool(pd.isna(value))


def german_date(value: date | None) -> str:
    """A calendar day as "02.12.2026"; a timestamp is first converted to its Berlin day."""
    if _missing(value):
        return "–"
    return local_day(value).strftime("%d.%m.%Y") if isinstance(value, datetime) else value.strftime("%d.%m.%Y")


def german_datetime(moment: datetime | None) -> str:
    """A stored timestamp as Berlin time, "02.12.2026, 14:05"."""
    return "–" if _missing(moment) else _in_berlin(moment).strftime("%d.%m.%Y, %H:%M")


def local_day(moment: datetime) -> date:
    """The Berlin calendar day of a stored timestamp."""
    return _in_berlin(moment).date()


def today() -> date:
    """Today in Berlin (the server may run on UTC: between midnight and 1 or 2 am it is still yesterday there)."""
    return datetime.now(BERLIN).date()
