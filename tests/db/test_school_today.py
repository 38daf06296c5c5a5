"""The database counts from the app's day: `leokop.today` goes with every user and service transaction."""

from __future__ import annotations

import psycopg
import pytest

from leokop import clock
from tests.helpers import user_id


@pytest.mark.parametrize("fixed", [None, "2028-02-29", "2027-08-01"])
def test_functions_count_from_the_apps_day(db, worker_db, monkeypatch, fixed):
    if fixed is None:
        monkeypatch.delenv(clock.TODAY_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(clock.TODAY_VARIABLE, fixed)
    expected = clock.today()
    with db.user_tx(user_id("lehrkraft")) as conn:
        row = conn.execute("select app_private.today() as day, public.school_year_start() as year,"
                           " (app_private.now() at time zone 'Europe/Berlin')::date as now_day").fetchone()
    assert (row["day"], row["now_day"]) == (expected, expected)
    assert row["year"] == (expected.year if expected.month >= 8 else expected.year - 1)
    with worker_db.service_tx() as conn:
        assert conn.execute("select app_private.today() as day").fetchone()["day"] == expected


def test_without_the_setting_it_is_the_day_in_berlin(owner_url):
    with psycopg.connect(owner_url) as conn:
        berlin, today, now, real_now = conn.execute(
            "select (now() at time zone 'Europe/Berlin')::date, app_private.today(), app_private.now(), now()"
        ).fetchone()
    assert today == berlin
    assert now == real_now


def test_no_function_counts_from_current_date(owner):
    found = owner.execute(
        """select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
           where n.nspname in ('public', 'app_private', 'app_auth', 'app_leadership')
             and (p.prosrc ilike '%current_' || 'date%'
                  or pg_get_function_arguments(p.oid) ilike '%current_' || 'date%')"""
    ).fetchall()
    assert found == []
