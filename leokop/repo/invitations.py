"""Invitations and password-reset links (sql/037): issue, list, withdraw, look up and use."""

from __future__ import annotations

from collections.abc import Callable
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
    with db.user_tx(admin_id) as conn:
        return _create_invited(conn, username, display_name, email, role, scope, token_sha256, client_sha256)


def _create_invited(conn, username: str, display_name: str, email: str, role: str, scope: dict[str, UUID | None],
                    token_sha256: str, client_sha256: str | None) -> tuple[UUID, datetime]:
    user_id = uuid4()
    conn.execute("insert into public.app_users (id, username, display_name, email) values (%s, %s, %s, %s)",
                 (user_id, username, display_name, email))
    _insert_membership(conn, user_id, role, scope)
    return user_id, _issue(conn, user_id, token_sha256, client_sha256)


@dataclass(frozen=True)
class Contact:
    """A trainer contact of an import (sql/029) with an e-mail address and no account: one to invite."""

    id: UUID
    school_id: UUID
    company_id: UUID
    display_name: str
    email: str


_CONTACTS_TO_INVITE = """
    select c.id, c.school_id, c.company_id,
           btrim(coalesce(c.first_name || ' ', '') || c.last_name) as display_name, c.email
    from public.trainer_contacts c
    where c.school_id = %s and c.email is not null and c.invited_user_id is null
      and not exists (select 1 from public.app_users u where lower(u.email) = lower(c.email))
    order by c.last_name, c.first_name, c.id
    limit %s
"""


def contacts_to_invite(db: Database, admin_id: UUID, school_id: UUID, limit: int | None = None) -> list[Contact]:
    """The school's trainer contacts with an e-mail address that no invitation made an account for yet, and whose
    address no account the admin manages has."""
    with db.user_tx(admin_id) as conn:
        return [Contact(**row) for row in conn.execute(_CONTACTS_TO_INVITE, (school_id, limit)).fetchall()]


def invite_contacts(db: Database, admin_id: UUID, school_id: UUID, limit: int,
                    prepare: Callable[[Contact], tuple[list[str], str]], client_sha256: str | None
                    ) -> list[tuple[Contact, str, UUID, datetime]]:
    """The contacts to invite (`limit` at most), each with its account (a trainer of the contact's company at the
    school), its invitation and the contact marked with it, in one transaction: all or none. `prepare(contact)`
    gives the usernames to try in order (the first free one is taken) and the link's token hash. Returns
    (contact, username, account, valid until) each."""
    done = []
    with db.user_tx(admin_id) as conn:
        for row in conn.execute(_CONTACTS_TO_INVITE, (school_id, limit)).fetchall():
            contact = Contact(**row)
            usernames, token_sha256 = prepare(contact)
            username = next(name for name in usernames if not conn.execute(
                "select public.username_taken(%s) as taken", (name,)).fetchone()["taken"])
            scope = {"school_id": contact.school_id, "class_id": None, "company_id": contact.company_id,
                     "cooperation_id": None}
            user_id, until = _create_invited(conn, username, contact.display_name, contact.email, "ausbilder", scope,
                                             token_sha256, client_sha256)
            conn.execute("update public.trainer_contacts set invited_user_id = %s where id = %s",
                         (user_id, contact.id))
            done.append((contact, username, user_id, until))
    return done


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
