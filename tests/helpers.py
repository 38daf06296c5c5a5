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
