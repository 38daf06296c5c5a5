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
    def __init__(self, conn: psycopg.Connection, plans: list[str]) -> None:
        self.conn, self.plans = conn, plans

    def execute(self, sql: str, params=None):
        cur = self.conn.execute(f"explain (analyze, buffers, costs off, summary on) {sql}", params)
        rows = cur.fetchall()
        self.plans.append("\n".join(r["QUERY PLAN"] for r in rows))
        return self.conn.execute("select null::text as explained where false")

    @contextmanager
    def cursor(self, **_kwargs) -> Iterator[_ExplainingConnection]:
        """repo._query.fetch_df reads through a cursor of its own: this one explains as well."""
        yield self

    @property
    def description(self):
        return None

    def fetchmany(self, _size: int) -> list:
        return []


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


def explain_dashboard(owner_url: str, app_url: str, meta: dict, today, *, trainer: bool = False) -> list[tuple]:
    """(query name, execution ms, plan) of each dashboard query as the benchmark teacher (or trainer), with RLS."""
    import re

    from leokop.db.session import Database
    from leokop.repo import cooperations
    from leokop.scale.bench import dashboard_queries

    user = UUID(meta["trainer" if trainer else "teacher"]["user_id"])
    coop = UUID(meta["cooperation_id"])
    db = Database(app_url, max_size=1)
    try:
        people = cooperations.cooperation_apprentices(db, user, coop)
    finally:
        db.close()
    active = people[people["status"] == "aktiv"]["id"].tolist()
    explaining = ExplainDatabase(owner_url)
    names: dict[str, list[float]] = {}
    dashboard_queries(explaining, user, coop, today, company_side=trainer, split=names, active_ids=active)
    result = []
    for name, plan in zip(names, explaining.plans, strict=True):
        found = re.search(r"Execution Time: ([\d.]+) ms", plan)
        result.append((name, float(found.group(1)) if found else 0.0, plan))
    return result
