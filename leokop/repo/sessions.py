"""Server-side sessions (sql/036): start, claim the cookie, resume, check on every run, list and end the own."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

import pandas as pd

from leokop.db.session import Database
from leokop.repo._query import fetch_df


class SessionGone(Exception):
    """The session to end is not the user's, or not open any more: nothing was written."""


@dataclass(frozen=True)
class Check:
    user_id: UUID
    claimed: bool  # the browser holds the cookie: the handoff is done


def start(db: Database, user_id: UUID, handoff_sha256: str, user_agent: str, idle_minutes: int,
          max_hours: int) -> UUID:
    """A new session of the signed-in user, waiting for its cookie (the handoff's hash)."""
    with db.user_tx(user_id) as conn:
        return conn.execute("select public.session_start(%s, %s, %s, %s) as id",
                            (handoff_sha256, user_agent, idle_minutes, max_hours)).fetchone()["id"]


def claim(db: Database, handoff_sha256: str, token_sha256: str) -> bool:
    """The cookie route: the one-time handoff becomes the session's token. False when unknown, used or too old."""
    with db.login_tx() as conn:
        row = conn.execute("select app_auth.session_claim(%s, %s) as ok", (handoff_sha256, token_sha256)).fetchone()
    return bool(row["ok"])


def resume(db: Database, token_sha256: str) -> tuple[UUID, UUID] | None:
    """(session id, user id) of a valid session with this token, touched; None otherwise."""
    with db.login_tx() as conn:
        row = conn.execute("select * from app_auth.session_resume(%s)", (token_sha256,)).fetchone()
    return (row["session_id"], row["user_id"]) if row else None


def check(db: Database, session_id: UUID) -> Check | None:
    """The session is still valid (and now touched), or None: it ended or was ended just now."""
    with db.login_tx() as conn:
        row = conn.execute("select * from app_auth.session_check(%s)", (session_id,)).fetchone()
    return Check(row["user_id"], row["claimed"]) if row else None


def end_by_token(db: Database, token_sha256: str) -> bool:
    """The cookie route on "Abmelden": end the session of the cookie's token."""
    with db.login_tx() as conn:
        row = conn.execute("select app_auth.session_end_by_token(%s) as ok", (token_sha256,)).fetchone()
    return bool(row["ok"])


def end_own(db: Database, user_id: UUID, session_id: UUID, reason: str = "beendet") -> None:
    """End one of the user's own open sessions; SessionGone (the transaction rolled back, a form's token too) when
    it is not theirs or not open any more."""
    with db.user_tx(user_id) as conn:
        row = conn.execute("select public.session_end(%s, %s) as ok", (session_id, reason)).fetchone()
        if not row["ok"]:
            raise SessionGone(session_id)


def my_sessions(db: Database, user_id: UUID, *, ended_since_hours: int = 24) -> pd.DataFrame:
    """The user's sessions that are still valid, newest activity first, and those that ended in the last hours
    (a form on the screen for one of them says that it ended meanwhile). A session nobody closed counts as ended
    from its idle or maximum time on, though its row is ended only when it is next used."""
    with db.user_tx(user_id) as conn:
        return fetch_df(
            conn,
            """
            select s.id, s.created_at, s.last_seen_at, s.user_agent,
                   coalesce(s.ended_at, case when o.over_at <= now() then o.over_at end) as ended_at
            from public.user_sessions s
            cross join lateral (select least(s.expires_at, s.last_seen_at + make_interval(mins => s.idle_minutes))
                                as over_at) o
            where s.user_id = %s and coalesce(s.ended_at, o.over_at) > now() - make_interval(hours => %s)
            order by s.last_seen_at desc
            limit 200
            """,
            (user_id, ended_since_hours),
        )
