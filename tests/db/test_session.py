"""Database.read_side_by_side: two connections, one snapshot, the user's rights on both, nothing left open."""

from __future__ import annotations

import threading

import psycopg
import pytest

from leokop.db.locate import app_url
from leokop.db.session import Database
from tests.helpers import user_id

# What each call reports about the transaction it runs in.
_STATE = """
    select pg_backend_pid() as pid, pg_current_snapshot()::text as snapshot, current_user as role,
           auth.uid() as uid, current_setting('transaction_read_only') as read_only,
           current_setting('transaction_isolation') as isolation
"""


def state(conn: psycopg.Connection) -> dict:
    return conn.execute(_STATE).fetchone()


def _two_idle_connections(db) -> None:
    """The pool holds two open connections: read_side_by_side waits only 50 ms for a second one and otherwise falls
    back to one transaction (by design), and opening a connection on a loaded machine can take longer."""
    held = [db.pool.getconn(timeout=30), db.pool.getconn(timeout=30)]
    for conn in held:
        db.pool.putconn(conn)


def test_calls_run_on_two_connections_in_one_snapshot_as_the_user(db):
    _two_idle_connections(db)
    barrier = threading.Barrier(2, timeout=10)

    def together(conn):  # both connections must be busy at once: the calls really run side by side
        barrier.wait()
        return state(conn)

    first, second = db.read_side_by_side(user_id("lehrkraft"), [together, together])
    assert first["pid"] != second["pid"]
    assert first["snapshot"] == second["snapshot"]
    for seen in (first, second):
        assert seen["role"] == "authenticated"
        assert seen["uid"] == user_id("lehrkraft")
        assert seen["read_only"] == "on"
        assert seen["isolation"] == "repeatable read"


def test_results_come_back_in_the_order_of_the_calls(db):
    calls = [lambda conn, n=n: conn.execute("select %s::int as n, pg_sleep(%s)", (n, 0.01 * (n % 3))).fetchone()["n"]
             for n in range(9)]
    assert db.read_side_by_side(user_id("lehrkraft"), calls) == list(range(9))


def test_a_commit_during_the_calls_is_seen_by_neither(db, owner_url):
    """Both connections read the snapshot taken before the first call, even for rows committed in between."""
    marker = "side-by-side-marker"
    days = iter(range(2))  # (state, starts_on) is unique

    def commit_then_count(conn):
        with psycopg.connect(owner_url, autocommit=True) as other:
            other.execute("insert into public.school_holidays (state, name, starts_on, ends_on)"
                          " values ('HE', %s, date '2031-01-01' + %s, date '2031-01-10')", (marker, next(days)))
        return conn.execute("select count(*) as n from public.school_holidays where name = %s",
                            (marker,)).fetchone()["n"]

    try:
        counts = db.read_side_by_side(user_id("lehrkraft"), [commit_then_count, commit_then_count])
        assert counts == [0, 0]
        with db.user_tx(user_id("lehrkraft")) as conn:  # a new transaction sees both rows
            assert conn.execute("select count(*) as n from public.school_holidays where name = %s",
                                (marker,)).fetchone()["n"] == 2
    finally:
        with psycopg.connect(owner_url, autocommit=True) as other:
            other.execute("delete from public.school_holidays where name = %s", (marker,))


def test_rls_applies_on_both_connections(db):
    """The trainer of another company sees none of the teacher's class on either connection."""
    count = "select count(*) as n from public.apprentices"
    mine, others = [db.read_side_by_side(user_id(name), [lambda c: c.execute(count).fetchone()["n"]] * 2)
                    for name in ("lehrkraft", "ausbilder2")]
    with db.user_tx(user_id("lehrkraft")) as conn:
        assert mine == [conn.execute(count).fetchone()["n"]] * 2
    with db.user_tx(user_id("ausbilder2")) as conn:
        assert others == [conn.execute(count).fetchone()["n"]] * 2
    assert mine[0] != others[0]


def test_writes_are_refused(db):
    def write(conn):
        conn.execute("update public.app_users set display_name = display_name where false")

    with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
        db.read_side_by_side(user_id("lehrkraft"), [lambda conn: 1, write])


def test_an_error_is_raised_and_both_connections_go_back_to_the_pool(owner_url):
    database = Database(app_url(owner_url), min_size=2, max_size=2)
    try:
        def fail(conn):
            conn.execute("select 1 / 0")

        with pytest.raises(psycopg.errors.DivisionByZero):
            database.read_side_by_side(user_id("lehrkraft"), [state, fail, state])
        assert database.pool.get_stats()["pool_available"] == 2
        # and both work afterwards, in a clean transaction
        first, second = database.read_side_by_side(user_id("lehrkraft"), [state, state])
        assert first["snapshot"] == second["snapshot"]
    finally:
        database.close()


def test_without_a_second_connection_the_calls_run_in_one_transaction(owner_url):
    database = Database(app_url(owner_url), min_size=1, max_size=1)
    try:
        seen = database.read_side_by_side(user_id("lehrkraft"), [state, state, state])
        assert len({s["pid"] for s in seen}) == 1
        assert all(s["uid"] == user_id("lehrkraft") and s["read_only"] == "on" for s in seen)
    finally:
        database.close()


def test_inside_a_reads_block_the_calls_use_its_transaction(db):
    with db.reads(user_id("lehrkraft")), db.user_tx(user_id("lehrkraft")) as conn:
        block = state(conn)
        seen = db.read_side_by_side(user_id("lehrkraft"), [state, state])
    assert {s["pid"] for s in seen} == {block["pid"]}


def test_a_reads_block_is_one_read_only_transaction_as_the_user(db):
    with db.reads(user_id("ausbilder")):
        with db.user_tx(user_id("ausbilder")) as conn:
            first = state(conn)
        with db.reads(user_id("ausbilder")), db.user_tx(user_id("ausbilder")) as conn:  # nested: the same one
            inner = state(conn)
        with db.user_tx(user_id("ausbilder")) as conn:  # still pinned after the nested block
            after = state(conn)
            with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
                conn.execute("update public.app_users set display_name = display_name where false")
    assert first == inner == after
    assert first["uid"] == user_id("ausbilder") and first["role"] == "authenticated" and first["read_only"] == "on"
    with db.user_tx(user_id("ausbilder")) as conn:  # outside the block: a writable transaction of its own
        assert state(conn)["read_only"] == "off"
