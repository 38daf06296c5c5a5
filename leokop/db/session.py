"""Connection pool and the per-user transaction that carries the user's claims for row-level security."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from uuid import UUID

import psycopg
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool, PoolTimeout

# No query of an interactive page should run longer; a runaway plan must not hold a pooled connection.
STATEMENT_TIMEOUT_MS = 15_000


class Database:
    """One pool per process. Every query for a user runs in user_tx; pre-login calls in login_tx."""

    def __init__(self, conninfo: str, *, min_size: int = 1, max_size: int = 10) -> None:
        self.pool = ConnectionPool(
            conninfo,
            min_size=min_size,
            max_size=max_size,
            kwargs={"row_factory": dict_row, "options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS}"},
            open=True,
            timeout=10,
        )
        self._pinned = threading.local()  # (user id, connection) of a page's read transaction, per script thread
        try:
            # fail now, with one message, instead of on the first page that queries
            self.pool.wait(timeout=10)
        except PoolTimeout:
            self.pool.close()
            raise

    def close(self) -> None:
        self.pool.close()

    @contextmanager
    def user_tx(self, user_id: UUID | str) -> Iterator[psycopg.Connection]:
        """A transaction as the signed-in user: role authenticated plus the user's JWT claims, both local.

        Inside `reads` for the same user (same thread), the open read transaction is reused.
        """
        pinned = getattr(self._pinned, "tx", None)
        if pinned is not None and pinned[0] == str(user_id):
            yield pinned[1]
            return
        claims = json.dumps({"sub": str(user_id), "role": "authenticated"})
        with self.pool.connection() as conn, conn.transaction():
            conn.execute(
                "select set_config('role', 'authenticated', true), set_config('request.jwt.claims', %s, true)",
                (claims,),
            )
            yield conn

    @contextmanager
    def reads(self, user_id: UUID | str) -> Iterator[None]:
        """One transaction for a page's reads: every repo call for this user inside the block shares it.

        Saves a pool checkout, the role switch and a commit per query, and gives the page one consistent snapshot.
        Only for reads: a user's save runs in its own transaction, outside any `reads` block.
        """
        with self.user_tx(user_id) as conn:
            conn.execute("set transaction read only")
            self._pinned.tx = (str(user_id), conn)
            try:
                yield
            finally:
                self._pinned.tx = None

    @contextmanager
    def service_tx(self) -> Iterator[psycopg.Connection]:
        """A transaction as leokop_service: the system's rule evaluation, never a user's SQL."""
        with self.pool.connection() as conn, conn.transaction():
            conn.execute("select set_config('role', 'leokop_service', true)")
            yield conn

    @contextmanager
    def login_tx(self) -> Iterator[psycopg.Connection]:
        """A transaction as the app's login role itself: it may only call the app_auth functions."""
        with self.pool.connection() as conn, conn.transaction():
            yield conn
