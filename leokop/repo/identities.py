"""Single sign-on (sql/038): sign an identity in (or link it by a verified e-mail address), link it by an
invitation, the password refusal of schools that require single sign-on, and the admin's setting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

import pandas as pd

from leokop.db.session import Database
from leokop.repo._query import expect_one, fetch_df


@dataclass(frozen=True)
class SignIn:
    user_id: UUID | None
    outcome: str  # angemeldet | verknuepft | kein_konto | abgelaufen


def sign_in(db: Database, issuer: str, subject: str, once_sha256: str, issued_at: datetime, email: str | None,
            email_verified: bool) -> SignIn:
    """The account of the identity (linked now by the verified e-mail address when it was not yet); the sign-in is
    used up when it leads to an account."""
    with db.login_tx() as conn:
        row = conn.execute("select * from app_auth.sso_sign_in(%s, %s, %s, %s, %s, %s)",
                           (issuer, subject, once_sha256, issued_at, email, email_verified)).fetchone()
    return SignIn(row["user_id"], row["outcome"])


def link_invitation(db: Database, token_sha256: str, issuer: str, subject: str, once_sha256: str,
                    issued_at: datetime) -> UUID | None:
    """The invited account, now active and linked to the identity; None when the link or the sign-in is not valid."""
    with db.login_tx() as conn:
        row = conn.execute("select app_auth.sso_link_invitation(%s, %s, %s, %s, %s) as id",
                           (token_sha256, issuer, subject, once_sha256, issued_at)).fetchone()
    return row["id"]


def password_login_refused(db: Database, username: str) -> bool:
    with db.login_tx() as conn:
        row = conn.execute("select app_auth.password_login_refused(%s) as refused", (username,)).fetchone()
    return bool(row["refused"])


def school_settings(db: Database, admin_id: UUID) -> pd.DataFrame:
    """One row per school the user administers (no row yet: password sign-in allowed)."""
    with db.user_tx(admin_id) as conn:
        return fetch_df(
            conn,
            """
            select s.id as school_id, s.name, coalesce(r.sso_required, false) as sso_required,
                   r.version, r.updated_at, public.user_display_name(r.updated_by) as changed_by
            from public.schools s left join public.school_sign_in_settings r on r.school_id = s.id
            where s.id in (select app_private.school_ids_with_role('admin'))
            order by s.name
            """,
        )


def save_school_setting(db: Database, admin_id: UUID, school_id: UUID, sso_required: bool,
                        version: int | None = None) -> None:
    """Store the school's rule against the version the admin saw (None: there was no row yet); StaleWrite when
    another admin saved it meanwhile."""
    params = {"school": school_id, "required": sso_required, "by": admin_id, "version": version}
    with db.user_tx(admin_id) as conn:
        if version is None:
            cur = conn.execute(
                "insert into public.school_sign_in_settings (school_id, sso_required, updated_by, updated_at)"
                " values (%(school)s, %(required)s, %(by)s, now()) on conflict (school_id) do nothing"
                " returning school_id", params)
        else:
            cur = conn.execute(
                "update public.school_sign_in_settings set sso_required = %(required)s, updated_by = %(by)s"
                " where school_id = %(school)s and version = %(version)s returning school_id", params)
        expect_one(cur)
