"""The school calendar the generator plans with: weekdays, Hessen's school holidays and public holidays."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

# Hessen's school holidays before those in sql/009_planning.sql; the generator adds them to its database so that
# the three school years it fills have holidays throughout.
EARLIER_HESSEN_HOLIDAYS = (
    ("Sommerferien", date(2024, 7, 15), date(2024, 8, 23)),
    ("Herbstferien", date(2024, 10, 14), date(2024, 10, 26)),
    ("Weihnachtsferien", date(2024, 12, 23), date(2025, 1, 10)),
    ("Osterferien", date(2025, 4, 7), date(2025, 4, 25)),
    ("Sommerferien", date(2025, 7, 7), date(2025, 8, 15)),
)


def weekday(day: int | np.ndarray):
    """Monday = 0 for day numbers from date.toordinal() (day 1 was a Monday)."""
    return (day - 1) % 7


def monday_on_or_after(day: int | np.ndarray):
    return day + (7 - weekday(day)) % 7


def monday_of(day: int | np.ndarray):
    return day - weekday(day)


def easter(year: int) -> date:
    """Easter Sunday (anonymous Gregorian algorithm)."""
    a, (b, c) = year % 19, divmod(year, 100)
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def public_holidays(year: int) -> list[date]:
    """Hessen's public holidays: Neujahr, Karfreitag, Ostermontag, 1. Mai, Himmelfahrt, Pfingstmontag,
    Fronleichnam, Tag der Deutschen Einheit, Weihnachten."""
    e = easter(year)
    movable = [e + timedelta(days=n) for n in (-2, 1, 39, 50, 60)]
    return movable + [date(year, m, d) for m, d in ((1, 1), (5, 1), (10, 3), (12, 25), (12, 26))]


class Calendar:
    """Which days from `first` to `last` are school weekdays (not in holidays)."""

    def __init__(self, first: date, last: date, holidays: list[tuple[date, date]]) -> None:
        self.first, self.last = first.toordinal(), last.toordinal()
        days = np.arange(self.first, self.last + 1)
        free = weekday(days) < 5
        for start, end in holidays:
            free &= ~((days >= start.toordinal()) & (days <= end.toordinal()))
        for year in range(first.year, last.year + 1):
            for day in public_holidays(year):
                if self.first <= day.toordinal() <= self.last:
                    free[day.toordinal() - self.first] = False
        self.free = free
        self.holidays = sorted((s.toordinal(), e.toordinal()) for s, e in holidays)

    def is_free(self, day: int) -> bool:
        return self.first <= day <= self.last and bool(self.free[day - self.first])

    def touches_holidays(self, start: int, end: int) -> bool:
        return any(s <= end and start <= e for s, e in self.holidays)
