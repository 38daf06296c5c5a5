"""Stored risk flags: the recompute command and the evaluation after a change give the same flags."""

from __future__ import annotations

import psycopg

from leokop.repo import risks
from leokop.services.early_warning import refresh
from tests.helpers import open_flags


def _snapshot(worker_db) -> list[tuple]:
    with worker_db.service_tx() as conn:
        return risks.open_flag_snapshot(conn)


def test_recompute_and_one_by_one_evaluation_agree(worker_db, owner_url):
    refresh(worker_db, None)
    recomputed = _snapshot(worker_db)
    assert recomputed, "the demo data must raise flags"
    with psycopg.connect(owner_url) as conn:
        conn.execute("update risk_flags set cleared_at = now() where cleared_at is null")
        ids = [r[0] for r in conn.execute("select id from apprentices order by id")]
    for apprentice_id in ids:  # as after a change to each apprentice
        refresh(worker_db, [apprentice_id])
    assert _snapshot(worker_db) == recomputed


_OPEN_FLAGS = "select id, first_seen_at from risk_flags where cleared_at is null order by id"


def test_recompute_twice_changes_nothing_and_keeps_first_seen(worker_db, owner_url):
    refresh(worker_db, None)
    with psycopg.connect(owner_url) as conn:
        before = conn.execute(_OPEN_FLAGS).fetchall()
    refresh(worker_db, None)
    with psycopg.connect(owner_url) as conn:
        after = conn.execute(_OPEN_FLAGS).fetchall()
    assert after == before


def test_a_flag_that_no_longer_holds_is_cleared_not_deleted(worker_db, owner_url):
    with psycopg.connect(owner_url) as conn:
        flag_id, apprentice_id = conn.execute(
            "select id, apprentice_id from risk_flags where cleared_at is null and rule = 'unentschuldigte_fehltage'"
            " limit 1").fetchone()
        conn.execute("update absences set excused = true where apprentice_id = %s", (apprentice_id,))
    try:
        refresh(worker_db, [apprentice_id])
        with psycopg.connect(owner_url) as conn:
            assert conn.execute("select cleared_at is not null from risk_flags where id = %s",
                                (flag_id,)).fetchone() == (True,)
    finally:
        with psycopg.connect(owner_url) as conn:  # the demo's state for the tests that follow
            conn.execute("update absences set excused = false where apprentice_id = %s and excuse_state = 'keiner'"
                         " and absence_date > app_private.today() - 28", (apprentice_id,))
        refresh(worker_db, [apprentice_id])


def test_thresholds_per_school_change_the_flags(worker_db, owner_url):
    with psycopg.connect(owner_url) as conn:
        school = conn.execute("select a.school_id from risk_flags f join apprentices a on a.id = f.apprentice_id"
                              " where f.rule = 'berichtsheft' and f.cleared_at is null limit 1").fetchone()[0]
        before = conn.execute("select unsigned_record_weeks from risk_thresholds where school_id = %s",
                              (school,)).fetchone()  # the admin page's test leaves a saved row behind
        conn.execute("insert into risk_thresholds (school_id, unsigned_record_weeks) values (%s, 52)"
                     " on conflict (school_id) do update set unsigned_record_weeks = 52", (school,))
    try:
        refresh(worker_db, None)
        assert open_flags(owner_url, school, "berichtsheft") == 0
    finally:
        with psycopg.connect(owner_url) as conn:
            if before is None:
                conn.execute("delete from risk_thresholds where school_id = %s", (school,))
            else:
                conn.execute("update risk_thresholds set unsigned_record_weeks = %s where school_id = %s",
                             (before[0], school))
        refresh(worker_db, None)
