"""Credential records, login attempts and password changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from leokop.db.session import Database


@dataclass(frozen=True)
class LoginRecord:
    user_id: UUID
    username: str
    display_name: str
    email: str | None
    password_hash: str
    locked_until: datetime | None
    must_change: bool = False  # a start password set by the admin (sql/033): to be replaced at the first login


def login_record(db: Database, username: str) -> LoginRecord | None:
    """The active user's credential record, or None for an unknown or deactivated user."""
    with db.login_tx() as conn:
        row = conn.execute("select * from app_auth.login_record(%s)", (username,)).fetchone()
    return LoginRecord(**row) if row else None


def record_login_attempt(db: Database, username: str, success: bool) -> datetime | None:
    """Write one attempt back; returns the lock end when this failure locked the account."""
    with db.login_tx() as conn:
        row = conn.execute(
            "select app_auth.record_login_attempt(%s, %s) as locked_until", (username, success)
        ).fetchone()
    return row["locked_until"]


def login_client_allowed(db: Database, client_sha256: str, limit: int) -> bool:
    """Whether a login from this client may be tried: fewer than `limit` failed in the last hour (sql/040)."""
    with db.login_tx() as conn:
        return conn.execute("select app_auth.login_client_allowed(%s, %s) as allowed",
                            (client_sha256, limit)).fetchone()["allowed"]


def login_client_failed(db: Database, client_sha256: str) -> None:
    with db.login_tx() as conn:
        conn.execute("select app_auth.login_client_failed(%s)", (client_sha256,))


def change_own_password(db: Database, user_id: UUID, new_hash: str) -> None:
    with db.user_tx(user_id) as conn:
        conn.execute("select public.change_own_password(%s)", (new_hash,))


def password_context(db: Database, user_id: UUID) -> list[str]:
    """What a password of this user must not be built from: their name, username, e-mail and the names of the
    schools they work with (services.passwords.strength_problems)."""
    with db.user_tx(user_id) as conn:
        person = conn.execute("select display_name, username, email from public.app_users where id = %s",
                              (user_id,)).fetchone() or {}
        schools = conn.execute(
            "select distinct s.name from public.memberships m join public.schools s on s.id = m.school_id"
            " where m.user_id = %s and m.active", (user_id,)).fetchall()
    return [value for value in (*person.values(), *(row["name"] for row in schools)) if value]
