"""Invitations and password-reset links (sql/037): issue, list, withdraw, look up and use."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID, uuid4

import pandas as pd
import psycopg

from leokop.db.session import Database
from leokop.repo._query import fetch_df
from leokop.repo.users import _insert_membership


class TooMany(Exception):
    """Over the rate limit (sql/037): nothing was written."""


class NotInvitable(Exception):
    """The account is not one the admin manages, or it has a password already: nothing was written."""


class InvitationGone(Exception):
    """The invitation to withdraw is not open any more (or not the admin's): nothing was written."""


@dataclass(frozen=True)
class LinkOwner:
    """Whose link it is, for the greeting and the password rules' context."""

    user_id: UUID
    username: str
    display_name: str
    email: str | None
    schools: list[str]


def create_invited_user(db: Database, admin_id: UUID, *, username: str, display_name: str, email: str, role: str,
                        scope: dict[str, UUID | None], token_sha256: str, client_sha256: str | None
                        ) -> tuple[UUID, datetime]:
    """The account (without a password), its first membership and its invitation in one transaction."""
    user_id = uuid4()
    with db.user_tx(admin_id) as conn:
        conn.execute("insert into public.app_users (id, username, display_name, email) values (%s, %s, %s, %s)",
                     (user_id, username, display_name, email))
        _insert_membership(conn, user_id, role, scope)
        return user_id, _issue(conn, user_id, token_sha256, client_sha256)


def issue(db: Database, admin_id: UUID, user_id: UUID, token_sha256: str, client_sha256: str | None) -> datetime:
    """A new invitation of an account without a password (sending again): the older link is dead."""
    with db.user_tx(admin_id) as conn:
        return _issue(conn, user_id, token_sha256, client_sha256)


def _issue(conn, user_id: UUID, token_sha256: str, client_sha256: str | None) -> datetime:
    try:
        with conn.transaction():
            return conn.execute("select public.invitation_issue(%s, %s, %s) as until",
                                (user_id, token_sha256, client_sha256)).fetchone()["until"]
    except psycopg.errors.ProgramLimitExceeded:
        raise TooMany from None
    except psycopg.errors.InsufficientPrivilege:
        raise NotInvitable from None


def withdraw(db: Database, admin_id: UUID, invitation_id: UUID) -> bool:
    with db.user_tx(admin_id) as conn:
        row = conn.execute("select public.invitation_withdraw(%s) as ok", (invitation_id,)).fetchone()
        if not row["ok"]:
            # inside the transaction: it rolls back, with the form's token (a refused press is no save, sql/032)
            raise InvitationGone
    return True


def list_invitations(db: Database, admin_id: UUID) -> pd.DataFrame:
    """The newest invitation of every managed account that has one (replaced ones are not listed), with its state:
    offen, angenommen, zurueckgezogen or abgelaufen."""
    with db.user_tx(admin_id) as conn:
        return fetch_df(
            conn,
            """
            select distinct on (i.user_id) i.id, i.user_id, u.display_name, u.username, u.email,
                   (select string_agg(distinct m.role::text, ', ') from public.memberships m
                    where m.user_id = u.id) as roles,
                   i.valid_until,
                   case when i.end_reason is not null then i.end_reason
                        when i.valid_until <= now() then 'abgelaufen' else 'offen' end as state
            from public.invitations i join public.app_users u on u.id = i.user_id
            where i.end_reason is distinct from 'ersetzt'
            order by i.user_id, i.created_at desc
            """,
        )


def invitation_owner(db: Database, token_sha256: str) -> LinkOwner | None:
    with db.login_tx() as conn:
        row = conn.execute("select * from app_auth.invitation_lookup(%s)", (token_sha256,)).fetchone()
    return LinkOwner(**row) if row else None


def accept(db: Database, token_sha256: str, password_hash: str) -> UUID | None:
    with db.login_tx() as conn:
        return conn.execute("select app_auth.invitation_accept(%s, %s) as id",
                            (token_sha256, password_hash)).fetchone()["id"]


def request_reset(db: Database, login: str, token_sha256: str, client_sha256: str) -> str | None:
    """The address to mail the reset link to, or None (unknown, no e-mail, over the limit: the same None)."""
    with db.login_tx() as conn:
        return conn.execute("select app_auth.password_reset_request(%s, %s, %s) as email",
                            (login, token_sha256, client_sha256)).fetchone()["email"]


def reset_owner(db: Database, token_sha256: str) -> LinkOwner | None:
    with db.login_tx() as conn:
        row = conn.execute("select * from app_auth.password_reset_lookup(%s)", (token_sha256,)).fetchone()
    return LinkOwner(**row) if row else None


def use_reset(db: Database, token_sha256: str, password_hash: str) -> UUID | None:
    with db.login_tx() as conn:
        return conn.execute("select app_auth.password_reset_use(%s, %s) as id",
                            (token_sha256, password_hash)).fetchone()["id"]
