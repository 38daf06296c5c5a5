"""EXPLAIN (ANALYZE, BUFFERS) of every query of one dashboard load, run through the real repo functions with RLS.

A stand-in for leokop.db.session.Database hands the repo functions a connection that records each statement and
answers it with its plan instead of its rows (the functions only build frames from what they get back).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from uuid import UUID

import psycopg
from psycopg.rows import dict_row


class _ExplainingConnection:
    """Explains each statement, then runs it for real, so the repo functions get their rows (the dashboard's later
    reads take the ids of its first)."""

    def __init__(self, conn: psycopg.Connection, plans: list[str]) -> None:
        self.conn, self.plans = conn, plans

    def _explain(self, sql: str, params) -> None:
        rows = self.conn.execute(f"explain (analyze, buffers, costs off, summary on) {sql}", params).fetchall()
        self.plans.append("\n".join(r["QUERY PLAN"] for r in rows))

    def execute(self, sql: str, params=None) -> psycopg.Cursor:
        self._explain(sql, params)
        return self.conn.execute(sql, params)

    @contextmanager
    def cursor(self, **kwargs) -> Iterator[_ExplainingCursor]:
        with self.conn.cursor(**kwargs) as cur:
            yield _ExplainingCursor(self, cur)


class _ExplainingCursor:
    def __init__(self, owner: _ExplainingConnection, cur: psycopg.Cursor) -> None:
        self._owner, self._cur = owner, cur

    def execute(self, sql: str, params=None) -> psycopg.Cursor:
        self._owner._explain(sql, params)
        return self._cur.execute(sql, params)

    def __getattr__(self, name: str):
        return getattr(self._cur, name)


class ExplainDatabase:
    """Runs each repo call's SQL as EXPLAIN ANALYZE in the user's transaction (role authenticated, claims)."""

    def __init__(self, conninfo: str) -> None:
        self.conninfo = conninfo
        self.plans: list[str] = []

    @contextmanager
    def user_tx(self, user_id: UUID | str) -> Iterator[_ExplainingConnection]:
        claims = json.dumps({"sub": str(user_id), "role": "authenticated"})
        with psycopg.connect(self.conninfo, row_factory=dict_row) as conn, conn.transaction():
            conn.execute("select set_config('role', 'authenticated', true),"
                         " set_config('request.jwt.claims', %s, true)", (claims,))
            yield _ExplainingConnection(conn, self.plans)

    @contextmanager
    def reads(self, _user_id) -> Iterator[None]:
        """Each statement is explained in its own transaction; grouping them changes nothing in their plans."""
        yield


def explain_dashboard(owner_url: str, meta: dict, today, *, trainer: bool = False) -> list[tuple]:
    """(query name, execution ms, plan) of each dashboard query as the benchmark teacher (or trainer), with RLS."""
    import re

    from leokop.scale.bench import dashboard_queries

    user = UUID(meta["trainer" if trainer else "teacher"]["user_id"])
    coop = UUID(meta["cooperation_id"])
    explaining = ExplainDatabase(owner_url)
    names: dict[str, list[float]] = {}
    dashboard_queries(explaining, user, coop, today, company_side=trainer, split=names)
    result = []
    for name, plan in zip(names, explaining.plans, strict=True):
        found = re.search(r"Execution Time: ([\d.]+) ms", plan)
        result.append((name, float(found.group(1)) if found else 0.0, plan))
    return result
