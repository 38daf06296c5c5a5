"""The school calendar's SQL: the state-wide holidays written by the sync (as the owner), a school's days off (as its
admin, under row-level security), and the calendar read through public.school_calendar (sql/034)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING
from uuid import UUID

import pandas as pd
import psycopg

from leokop.db.session import Database
from leokop.repo._query import expect_one, fetch_df

if TYPE_CHECKING:  # the service's periods and days off; the repo only writes what they hold
    from leokop.services.school_calendar import DayOff, Period


class DayOffExists(Exception):
    """A day off of this name on this day is there already: nothing was written."""


def sync_state(conn: psycopg.Connection, state: str, periods: list[Period]) -> int:
    """Bring the package's rows of one state to `periods`, in the caller's (owner's) transaction: new ones are
    added, changed ones updated, gone ones deleted, unchanged ones left alone (their ids stay). The migration's list
    rows give way where the package knows the school holidays, and stay where it does not. Returns the number of
    periods."""
    ferien = [p for p in periods if p.kind == "ferien"]
    if ferien:
        conn.execute("delete from public.school_holidays where state = %s and source = 'liste' and kind = 'ferien'"
                     " and ends_on >= %s and starts_on <= %s",
                     (state, min(p.starts_on for p in ferien), max(p.ends_on for p in ferien)))
    # rows the package no longer has go; the others stay as they are (their ids are the feed's event UIDs)
    conn.execute("delete from public.school_holidays h where h.state = %s and h.source = 'holidays' and not exists"
                 " (select 1 from unnest(%s::text[], %s::date[]) n(kind, starts_on)"
                 "  where n.kind = h.kind and n.starts_on = h.starts_on)",
                 (state, [p.kind for p in periods], [p.starts_on for p in periods]))
    with conn.cursor() as cur:
        cur.executemany(
            "insert into public.school_holidays (state, kind, name, starts_on, ends_on, source)"
            " values (%s, %s, %s, %s, %s, 'holidays')"
            " on conflict (state, kind, starts_on) do update set name = excluded.name, ends_on = excluded.ends_on,"
            " source = 'holidays' where (school_holidays.name, school_holidays.ends_on, school_holidays.source)"
            " is distinct from (excluded.name, excluded.ends_on, 'holidays')",
            [(state, p.kind, p.name, p.starts_on, p.ends_on) for p in periods])
    return len(periods)


def last_holiday(db: Database, user_id: UUID, school_id: UUID) -> date | None:
    """The last day of school holidays the school's calendar knows."""
    with db.user_tx(user_id) as conn:
        return conn.execute("select max(ends_on) as last from public.school_calendar where school_id = %s"
                            " and kind = 'ferien'", (school_id,)).fetchone()["last"]


def calendar(db: Database, user_id: UUID, school_id: UUID, start: date, end: date) -> pd.DataFrame:
    """The school's holidays, public holidays and days off that touch start..end, in order."""
    with db.user_tx(user_id) as conn:
        return fetch_df(conn, "select kind, name, starts_on, ends_on from public.school_calendar"
                              " where school_id = %s and ends_on >= %s and starts_on <= %s order by starts_on, kind",
                        (school_id, start, end))


def days_off(db: Database, user_id: UUID, school_id: UUID) -> pd.DataFrame:
    """The school's own days off (newest first), with who entered them."""
    with db.user_tx(user_id) as conn:
        return fetch_df(conn, """
            select d.id, d.name, d.starts_on, d.ends_on, d.source, d.version, u.display_name as created_by
            from public.school_days_off d left join public.app_users u on u.id = d.created_by
            where d.school_id = %s order by d.starts_on desc""", (school_id,))


def add_days_off(db: Database, user_id: UUID, school_id: UUID, entries: Iterable[DayOff], *,
                 source: str = "hand") -> int:
    """Add the days off in one transaction; with source 'ics', one already there (same UID, or same day and name)
    is left as it is. A day off typed by hand that is there already raises DayOffExists (nothing written).
    Returns how many were added."""
    added = 0
    with db.user_tx(user_id) as conn:
        for entry in entries:
            cur = conn.execute(
                "insert into public.school_days_off (school_id, name, starts_on, ends_on, source, ics_uid)"
                " values (%s, %s, %s, %s, %s, %s) on conflict do nothing",
                (school_id, entry.name, entry.starts_on, entry.ends_on, source, entry.ics_uid))
            if cur.rowcount == 0 and source == "hand":
                raise DayOffExists(entry.name)
            added += cur.rowcount
    return added


def delete_day_off(db: Database, user_id: UUID, day_off_id: UUID, version: int) -> None:
    """Remove a day off as the version the admin saw; StaleWrite when it changed or went meanwhile."""
    with db.user_tx(user_id) as conn:
        expect_one(conn.execute("delete from public.school_days_off where id = %s and version = %s returning id",
                                (day_off_id, version)))
