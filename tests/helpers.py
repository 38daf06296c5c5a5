"""Helpers for tests: demo ids and acting as a user inside a rolled-back transaction."""

from __future__ import annotations

import json
from uuid import UUID

import psycopg

from leokop.demo.seed import demo_class_id, demo_id

DENIED = "denied"


def user_id(username: str) -> UUID:
    return demo_id("user", username)


def school_id(key: str) -> UUID:
    return demo_id("school", key)


def company_id(key: str) -> UUID:
    return demo_id("company", key)


def cooperation_id(school: str, company: str) -> UUID:
    return demo_id("cooperation", f"{school}/{company}")


SHARED_CLASS = demo_class_id("mainufer", "FI", 1, "a")  # FI25a in 2026/27: ausbilder and ausbilder2 both send to it


def act_as(conn: psycopg.Connection, user: str | UUID | None) -> None:
    """Switch the current transaction to a signed-in user (as Database.user_tx does) or to anon (None)."""
    if user is None:
        conn.execute("select set_config('role', 'anon', true)")
        return
    uid = user_id(user) if isinstance(user, str) else user
    claims = json.dumps({"sub": str(uid), "role": "authenticated"})
    conn.execute(
        "select set_config('role', 'authenticated', true), set_config('request.jwt.claims', %s, true)", (claims,)
    )


def attempt(conn: psycopg.Connection, username: str | None, sql: str, params=None, setup: str | None = None):
    """Run one statement as the user in a savepoint that is always undone; rows affected/seen, or DENIED."""
    try:
        with conn.transaction():
            if setup:
                conn.execute(setup)
            act_as(conn, username)
            cur = conn.execute(sql, params)
            result = len(cur.fetchall()) if cur.description else cur.rowcount
            raise psycopg.Rollback()
    except psycopg.errors.InsufficientPrivilege:
        return DENIED
    return result


def expected_write(allowed: dict, default, username: str | None):
    """What a write case should give the user: anon is always denied, a role the case does not name gets default."""
    return DENIED if username is None else allowed.get(username, default)


def visible_ids(conn: psycopg.Connection, table: str, username: str | None) -> set | str:
    """The first column of every row of `table` the user (or anon) can select, or DENIED; always undone."""
    try:
        with conn.transaction():
            act_as(conn, username)
            ids = {row[0] for row in conn.execute(f"select * from public.{table}").fetchall()}  # id first
            raise psycopg.Rollback()
    except psycopg.errors.InsufficientPrivilege:
        return DENIED
    return ids


def seen_and_expected(conn: psycopg.Connection, table: str, username: str, expected_sql: str,
                      setup: str | None = None) -> tuple[set | str, set, int]:
    """In one rolled-back transaction after `setup`: the ids the user sees in `table`, the ids `expected_sql` (the
    owner's statement of the policy, with %(uid)s for the user) says they may see, and the table's row count (a
    matrix over an empty table proves nothing)."""
    with conn.transaction():
        if setup:
            conn.execute(setup)
        expected = {r[0] for r in conn.execute(expected_sql, {"uid": user_id(username)}).fetchall()}
        seen = visible_ids(conn, table, username)
        total = conn.execute(f"select count(*) from {table}").fetchone()[0]
        raise psycopg.Rollback()
    return seen, expected, total


def open_flags(owner_url: str, school: UUID, rule: str) -> int:
    """How many of the school's apprentices carry an uncleared warning flag of the rule (read as the owner)."""
    with psycopg.connect(owner_url) as conn:
        return conn.execute("select count(*) from risk_flags f join apprentices a on a.id = f.apprentice_id"
                            " where f.rule = %s and f.cleared_at is null and a.school_id = %s",
                            (rule, school)).fetchone()[0]
