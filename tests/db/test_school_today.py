"""The database counts from the app's day: `leokop.today` goes with every user and service transaction."""

from __future__ import annotations

import psycopg
import pytest

from leokop import clock
from leokop.repo import privacy
from tests.helpers import SHARED_CLASS, user_id


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


def test_a_day_is_the_day_in_berlin_on_any_server_clock(db, owner):
    """The app's sessions run in Berlin time: a filter by day (`at >= day::date`) starts at midnight in Berlin, so the
    audit trail's "today" holds a view recorded at 00:30 Berlin time, which is still yesterday in UTC."""
    with db.user_tx(user_id("admin")) as conn:
        assert conn.execute("select current_setting('TimeZone') as tz").fetchone()["tz"] == clock.TIME_ZONE
    day = clock.today()
    owner.execute("set local timezone = 'UTC'")  # as the server's own clock may be
    moment = owner.execute("select (%s::date + time '00:30') at time zone 'Europe/Berlin'", (day,)).fetchone()[0]
    assert owner.execute("select %s::timestamptz < %s::date", (moment, day)).fetchone()[0]  # yesterday in UTC
    apprentice, school = owner.execute("select id, school_id from apprentices where class_id = %s order by id limit 1",
                                       (SHARED_CLASS,)).fetchone()
    owner.execute("insert into audit_log (at, actor_id, actor_role, action, table_name, apprentice_id, school_id)"
                  " values (%s, %s, 'ausbilder', 'view', 'apprentices', %s, %s)",
                  (moment, user_id("ausbilder"), apprentice, school))
    owner.commit()
    try:
        rows = privacy.audit_entries(db, user_id("admin"), day, day, apprentice_id=apprentice, username="ausbilder")
        assert moment in set(rows["at"])
    finally:
        owner.execute("set local session_replication_role = replica")  # past the append-only trigger: the test's row
        owner.execute("delete from audit_log where at = %s and actor_id = %s", (moment, user_id("ausbilder")))
        owner.commit()
