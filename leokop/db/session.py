"""Connection pool and the per-user transaction that carries the user's claims for row-level security."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TypeVar
from uuid import UUID

import psycopg
from psycopg import sql
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool, PoolTimeout

from leokop import clock
from leokop.config import load_settings
from leokop.db.errors import AlreadySaved, SetupError

T = TypeVar("T")

# No query of an interactive page should run longer; a runaway plan must not hold a pooled connection.
STATEMENT_TIMEOUT_MS = 15_000
# How long the pool keeps retrying one lost connection in the background (see Database.__init__).
RECONNECT_TIMEOUT_S = 5.0


@dataclass
class _Save:
    """The submission a `one_save` block writes: its form token, and how many user transactions it opened."""
    token: UUID
    transactions: int = 0


_SAVE: ContextVar[_Save | None] = ContextVar("leokop_save", default=None)


class SecondTransaction(RuntimeError):
    """A save opened a second user transaction: a submission is one transaction (a programming error)."""


@contextmanager
def one_save(token: UUID) -> Iterator[None]:
    """The block is one submission of a rendered form: its (single) user transaction first claims `token` in
    public.form_saves (sql/032), so that the same submission arriving twice writes once; the second raises
    AlreadySaved before anything is written. A second user transaction in the block raises SecondTransaction."""
    reset = _SAVE.set(_Save(token))
    try:
        yield
    finally:
        _SAVE.reset(reset)


def _claim(conn: psycopg.Connection) -> None:
    """Inside a `one_save` block: claim its token in this transaction (AlreadySaved when a committed save has it)."""
    save = _SAVE.get()
    if save is None:
        return
    save.transactions += 1
    if save.transactions > 1:
        raise SecondTransaction("one submission writes in one transaction")
    if conn.execute("insert into public.form_saves (token) values (%s) on conflict do nothing",
                    (save.token,)).rowcount == 0:
        raise AlreadySaved


def _connection_settings(pooler: bool) -> dict:
    """What each pool connection starts with. TimeZone: a date compared with a moment (`at >= %(day)s::date`,
    current_date) means the day in Berlin, not on the server's clock (UTC on most hosts, Supabase's too: from 23:00
    or 22:00 UTC that was yesterday, e.g. the audit trail's filter for today missed what had just been recorded).
    A pooler in transaction mode (PgBouncer, Supavisor) refuses startup options and gives each transaction any of
    its server connections: there the login role carries both settings (`alter role ... set`, checked at the start)
    and no statement is prepared (a prepared statement lives on one server connection)."""
    if pooler:
        return {"row_factory": dict_row, "prepare_threshold": None}
    return {"row_factory": dict_row,
            "options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS} -c TimeZone={clock.TIME_ZONE}"}


class Database:
    """One pool per process. Every query for a user runs in user_tx; pre-login calls in login_tx."""

    def __init__(self, conninfo: str, *, min_size: int = 1, max_size: int = 10) -> None:
        pooler = load_settings().transaction_pooler
        self.pool = ConnectionPool(
            conninfo,
            min_size=min_size,
            max_size=max_size,
            kwargs=_connection_settings(pooler),
            # a connection is checked (one empty round trip) before it is handed out: after the server restarted,
            # the pool's old connections are dead and would otherwise fail one page run each (tests/db/test_restart.py)
            check=ConnectionPool.check_connection,
            # a failed reconnection is retried with growing pauses (1, 2, 4, 8 ... s) for this long, then given up
            # until a page asks again: without a limit, after an outage of L s the next try came up to L s after the
            # server was back, and pages kept showing the outage message meanwhile (tests/db/test_restart.py)
            reconnect_timeout=RECONNECT_TIMEOUT_S,
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
        if pooler:
            self._check_role_settings()

    def _check_role_settings(self) -> None:
        """Behind a transaction pooler the login role must bring the settings that startup options bring otherwise."""
        with self.pool.connection() as conn:
            found = conn.execute("select current_setting('TimeZone') as tz, current_user as role,"
                                 " current_setting('statement_timeout') as timeout").fetchone()
        if found["tz"] != clock.TIME_ZONE or found["timeout"] != f"{STATEMENT_TIMEOUT_MS // 1000}s":
            self.pool.close()
            raise SetupError(
                f"LEOKOP_TRANSACTION_POOLER=1 but role {found['role']} has TimeZone={found['tz']} and "
                f"statement_timeout={found['timeout']}: run `alter role {found['role']} set timezone = "
                f"'{clock.TIME_ZONE}'; alter role {found['role']} set statement_timeout = "
                f"'{STATEMENT_TIMEOUT_MS // 1000}s'` (docs/deployment.md)")

    def close(self) -> None:
        self.pool.close()

    def _pinned_for(self, user_id: UUID | str) -> psycopg.Connection | None:
        """The connection of this thread's open `reads` block for the user, if any."""
        pinned = getattr(self._pinned, "tx", None)
        return pinned[1] if pinned is not None and pinned[0] == str(user_id) else None

    @contextmanager
    def user_tx(self, user_id: UUID | str) -> Iterator[psycopg.Connection]:
        """A transaction as the signed-in user: role authenticated plus the user's JWT claims, both local.

        Inside `reads` for the same user (same thread), the open read transaction is reused. Inside `one_save`, the
        transaction first claims the submission's form token (see there).
        """
        pinned = self._pinned_for(user_id)
        if pinned is not None:
            if _SAVE.get() is not None:
                raise SecondTransaction("a save never runs inside a read transaction")
            yield pinned
            return
        with self.pool.connection() as conn, conn.transaction():
            _act_as(conn, user_id)
            _claim(conn)
            yield conn

    def form_saved(self, user_id: UUID | str, token: UUID) -> bool:
        """Whether a submission with this form token of the user was saved (sql/032)."""
        with self.user_tx(user_id) as conn:
            return conn.execute("select exists (select 1 from public.form_saves where token = %s) as saved",
                                (token,)).fetchone()["saved"]

    @contextmanager
    def reads(self, user_id: UUID | str) -> Iterator[None]:
        """One transaction for a page's reads: every repo call for this user inside the block shares it.

        Saves a pool checkout, the role switch and a commit per query, and gives the page one consistent snapshot.
        Only for reads: a user's save runs in its own transaction, outside any `reads` block. Read-only is what
        lets the database keep the user's access sets for the transaction (sql/021, sql/022).
        """
        if self._pinned_for(user_id) is not None:  # already inside one for this user
            yield
            return
        with self.pool.connection() as conn, conn.transaction():
            _act_as(conn, user_id, read_only=True)
            self._pinned.tx = (str(user_id), conn)
            try:
                yield
            finally:
                self._pinned.tx = None

    def read_side_by_side(self, user_id: UUID | str, calls: Sequence[Callable[[psycopg.Connection], T]]) -> list[T]:
        """The results of read-only calls (each given a connection), run on two connections at once that share one
        snapshot: as consistent as one transaction, in about half the time on two cores (decision 76).

        The first connection exports its snapshot (pg_export_snapshot), the second imports it before its first
        query; both are read-only REPEATABLE READ transactions as the user. Calls are handed out in the given order
        to whichever connection is free, so the longest should come first. Without a second connection to spare
        within 50 ms, or inside a `reads` block, the calls run one after another in a single transaction."""
        pinned = self._pinned_for(user_id)
        if pinned is not None:
            return [call(pinned) for call in calls]
        with self.pool.connection() as first, first.transaction():
            first.execute("set transaction isolation level repeatable read, read only")
            snapshot = first.execute("select pg_export_snapshot() as id").fetchone()["id"]
            _act_as(first, user_id)
            try:
                second = self.pool.getconn(timeout=0.05) if len(calls) > 1 else None
            except PoolTimeout:
                second = None
            if second is None:
                return [call(first) for call in calls]
            try:
                with second.transaction():
                    second.execute("set transaction isolation level repeatable read, read only")
                    second.execute(sql.SQL("set transaction snapshot {}").format(sql.Literal(snapshot)))
                    _act_as(second, user_id)
                    return _share_out(calls, first, second)
            finally:
                self.pool.putconn(second)

    @contextmanager
    def service_tx(self) -> Iterator[psycopg.Connection]:
        """A transaction as leokop_service: the system's rule evaluation, never a user's SQL."""
        with self.pool.connection() as conn, conn.transaction():
            conn.execute("select set_config('role', 'leokop_service', true), set_config('leokop.today', %s, true)",
                         (clock.today().isoformat(),))
            yield conn

    @contextmanager
    def login_tx(self) -> Iterator[psycopg.Connection]:
        """A transaction as the app's login role itself: it may only call the app_auth functions."""
        with self.pool.connection() as conn, conn.transaction():
            yield conn


def _act_as(conn: psycopg.Connection, user_id: UUID | str, *, read_only: bool = False) -> None:
    """Switch the open transaction to role authenticated with the user's JWT claims, both local to it; with
    read_only also make it read-only, in the same round trip (as SET TRANSACTION READ ONLY). The school's day goes
    along as `leokop.today`, so that the database functions count from the same day as the pages."""
    claims = json.dumps({"sub": str(user_id), "role": "authenticated"})
    conn.execute("select set_config('role', 'authenticated', true), set_config('request.jwt.claims', %s, true),"
                 " set_config('leokop.today', %s, true)"
                 + (", set_config('transaction_read_only', 'on', true)" if read_only else ""),
                 (claims, clock.today().isoformat()))


def _share_out(calls: Sequence[Callable[[psycopg.Connection], T]], first: psycopg.Connection,
               second: psycopg.Connection) -> list[T]:
    """Run the calls on two connections at once (this thread and one helper thread), each taking the next call in
    order when it is free; the results in the calls' order. The first error is raised once both have stopped."""
    results: list = [None] * len(calls)
    errors: list[BaseException] = []
    pending = iter(range(len(calls)))
    lock = threading.Lock()

    def work(conn: psycopg.Connection) -> None:
        while True:
            with lock:
                index = None if errors else next(pending, None)
            if index is None:
                return
            try:
                results[index] = calls[index](conn)
            except BaseException as exc:  # handed to the caller below
                with lock:
                    errors.append(exc)

    helper = threading.Thread(target=work, args=(second,), name="leokop-read-side-by-side")
    helper.start()
    try:
        work(first)
    finally:
        helper.join()
    if errors:
        raise errors[0]
    return results
