"""Terms of use, consents, the audit trail, retention settings and the access-request export (sql/016)."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

import pandas as pd
import psycopg

from leokop.db.session import Database
from leokop.repo._query import MAX_ROWS, StaleWrite, expect_one, fetch_df

# --- terms of use ------------------------------------------------------------------------------------------------


def terms_to_accept(db: Database, user_id: UUID) -> list[dict]:
    """Per school that administers one of the user's trainer memberships: its current terms (None: none
    published) and whether the user accepted that version."""
    with db.user_tx(user_id) as conn:
        return conn.execute(
            """
            select s.id as school_id, s.name as school, v.version, v.body, v.published_at,
                   exists (select 1 from public.terms_acceptances t
                           where t.user_id = %(u)s and t.school_id = s.id and t.version = v.version) as accepted
            from public.schools s
            left join lateral (select v.version, v.body, v.published_at from public.terms_versions v
                               where v.school_id = s.id order by v.version desc limit 1) v on true
            where s.id in (select m.school_id from public.memberships m
                           where m.user_id = %(u)s and m.active and m.role = 'ausbilder')
            order by s.name
            """,
            {"u": user_id},
        ).fetchall()


def accept_terms(db: Database, user_id: UUID, school_id: UUID, version: int) -> None:
    with db.user_tx(user_id) as conn:
        conn.execute(
            "insert into public.terms_acceptances (user_id, school_id, version) values (%s, %s, %s)"
            " on conflict do nothing",
            (user_id, school_id, version),
        )


def admin_terms(db: Database, admin_id: UUID) -> list[dict]:
    """The admin's schools with their current terms and how many trainers accepted that version."""
    with db.user_tx(admin_id) as conn:
        return conn.execute(
            """
            select s.id as school_id, s.name, v.version, v.body, v.published_at,
                   public.user_display_name(v.published_by) as published_by,
                   (select count(*) from public.terms_acceptances t
                    where t.school_id = s.id and t.version = v.version) as accepted
            from public.schools s
            left join lateral (select v.version, v.body, v.published_at, v.published_by from public.terms_versions v
                               where v.school_id = s.id order by v.version desc limit 1) v on true
            where s.id in (select app_private.school_ids_with_role('admin'))
            order by s.name
            """
        ).fetchall()


def publish_terms(db: Database, admin_id: UUID, school_id: UUID, body: str, seen_version: int | None = None) -> int:
    """Store the next version of the school's terms, as the successor of `seen_version` (the version the admin
    edited; None: there was none); StaleWrite when another version was published meanwhile. Returns it."""
    try:
        with db.user_tx(admin_id) as conn:
            row = conn.execute(
                """
                insert into public.terms_versions (school_id, version, body, published_by)
                select %(s)s, coalesce(max(version), 0) + 1, %(body)s, %(by)s
                from public.terms_versions where school_id = %(s)s
                having coalesce(max(version), 0) = coalesce(%(seen)s::int, 0)
                returning version
                """,
                {"s": school_id, "body": body.strip(), "by": admin_id, "seen": seen_version},
            ).fetchone()
            if row is None:
                raise StaleWrite
    except psycopg.errors.UniqueViolation as exc:  # published at the same moment
        raise StaleWrite from exc
    return row["version"]


def acceptances(db: Database, admin_id: UUID, school_id: UUID) -> pd.DataFrame:
    with db.user_tx(admin_id) as conn:
        return fetch_df(
            conn,
            """
            select public.user_display_name(t.user_id) as display_name, u.username, t.version, t.accepted_at
            from public.terms_acceptances t left join public.app_users u on u.id = t.user_id
            where t.school_id = %s order by t.accepted_at desc
            """,
            (school_id,),
        )


# --- consents ----------------------------------------------------------------------------------------------------


def admin_apprentices(db: Database, admin_id: UUID) -> pd.DataFrame:
    """Every apprentice of the admin's schools (anonymised ones last) with a label for pickers."""
    with db.user_tx(admin_id) as conn:
        return fetch_df(
            conn,
            """
            select a.id as apprentice_id, a.birth_date,
                   a.last_name || ', ' || a.first_name || ' (' || k.name || ')' as label
            from public.apprentices a join public.classes k on k.id = a.class_id
            where a.id in (select app_private.admin_apprentice_ids())
            order by a.anonymised_at is not null, a.last_name, a.first_name, k.name
            """,
        )


def consents_of(db: Database, user_id: UUID, apprentice_id: UUID) -> pd.DataFrame:
    with db.user_tx(user_id) as conn:
        return fetch_df(
            conn,
            """
            select id, legal_basis, categories, given_by, guardian_name, given_on, reference, recorded_at,
                   public.user_display_name(recorded_by) as recorded_by, revoked_at,
                   public.user_display_name(revoked_by) as revoked_by, version
            from public.consents where apprentice_id = %s
            order by revoked_at is not null, recorded_at desc
            """,
            (apprentice_id,),
        )


def add_consent(db: Database, admin_id: UUID, apprentice_id: UUID, *, legal_basis: str, categories: list[str],
                given_by: str | None, guardian_name: str | None, given_on: date, reference: str | None) -> None:
    with db.user_tx(admin_id) as conn:
        conn.execute(
            """
            insert into public.consents (apprentice_id, legal_basis, categories, given_by, guardian_name, given_on,
                                         reference, recorded_by)
            values (%s, %s, %s, %s, %s, %s, %s, %s)
            """,
            (apprentice_id, legal_basis, categories, given_by, guardian_name, given_on, reference, admin_id),
        )


def revoke_consent(db: Database, admin_id: UUID, consent_id: UUID, version: int) -> None:
    """Revoke at once; StaleWrite when it was revoked or changed meanwhile."""
    with db.user_tx(admin_id) as conn:
        expect_one(conn.execute(
            """
            update public.consents set revoked_at = now(), revoked_by = %s, version = version + 1
            where id = %s and version = %s and revoked_at is null returning id
            """,
            (admin_id, consent_id, version),
        ))


# --- audit trail -------------------------------------------------------------------------------------------------


def record_view(db: Database, user_id: UUID, apprentice_id: UUID) -> bool:
    """Record that the user opened the apprentice's page (nothing for an apprentice the user cannot see)."""
    with db.user_tx(user_id) as conn:
        return conn.execute("select public.record_apprentice_view(%s) as ok", (apprentice_id,)).fetchone()["ok"]


def audit_entries(db: Database, admin_id: UUID, start: date, end: date, *, action: str | None = None,
                  apprentice_id: UUID | None = None, username: str | None = None) -> pd.DataFrame:
    """The audit rows the admin may read between start and end (days, inclusive), newest first, at most
    MAX_ROWS; filtered by action, apprentice and acting user when given."""
    with db.user_tx(admin_id) as conn:
        return fetch_df(
            conn,
            """
            select l.at, coalesce(u.username, public.user_display_name(l.actor_id)) as actor, l.action,
                   l.table_name, l.apprentice_id,
                   case when a.id is not null then a.last_name || ', ' || a.first_name end as apprentice,
                   array_to_string(l.columns, ', ') as columns
            from public.audit_log l
            left join public.app_users u on u.id = l.actor_id
            left join public.apprentices a on a.id = l.apprentice_id
            where l.at >= %(start)s::date and l.at < %(end)s::date + 1
              and (%(action)s::text is null or l.action = %(action)s)
              and (%(apprentice)s::uuid is null or l.apprentice_id = %(apprentice)s)
              and (%(username)s::text is null
                   or l.actor_id = (select x.id from public.app_users x where x.username = %(username)s))
            order by l.at desc, l.id desc
            limit %(limit)s
            """,
            {"start": start, "end": end, "action": action, "apprentice": apprentice_id, "username": username,
             "limit": MAX_ROWS},
        )


# --- retention and the access request ----------------------------------------------------------------------------


def retention_settings(db: Database, admin_id: UUID) -> list[dict]:
    with db.user_tx(admin_id) as conn:
        return conn.execute(
            """
            select s.id as school_id, s.name, coalesce(r.months, 12) as months, r.version, r.updated_at,
                   public.user_display_name(r.updated_by) as changed_by
            from public.schools s left join public.retention_settings r on r.school_id = s.id
            where s.id in (select app_private.school_ids_with_role('admin')) order by s.name
            """
        ).fetchall()


def save_retention(db: Database, admin_id: UUID, school_id: UUID, months: int, version: int | None = None) -> None:
    """Store the school's retention period against the version the admin saw (None: the default, no row yet);
    StaleWrite when another admin saved it meanwhile."""
    params = {"s": school_id, "m": months, "by": admin_id, "version": version}
    with db.user_tx(admin_id) as conn:
        if version is None:
            cur = conn.execute(
                "insert into public.retention_settings (school_id, months, updated_by) values (%(s)s, %(m)s, %(by)s)"
                " on conflict (school_id) do nothing returning school_id", params)
        else:
            cur = conn.execute(
                "update public.retention_settings set months = %(m)s, updated_by = %(by)s, updated_at = now()"
                " where school_id = %(s)s and version = %(version)s returning school_id", params)
        expect_one(cur)


def retention_preview(db: Database, admin_id: UUID, today: date) -> pd.DataFrame:
    with db.user_tx(admin_id) as conn:
        return fetch_df(conn, "select * from public.retention_preview(%s)", (today,))


def subject_access_export(db: Database, admin_id: UUID, apprentice_id: UUID) -> dict:
    """Everything stored about the apprentice (the export is recorded in the audit trail)."""
    with db.user_tx(admin_id) as conn:
        return conn.execute("select public.subject_access_export(%s) as doc", (apprentice_id,)).fetchone()["doc"]


def export_time(export: dict) -> datetime | None:
    value = export.get("exported_at")
    return datetime.fromisoformat(value) if value else None


def pending_terms(db: Database, user_id: UUID) -> bool:
    """Whether any school of the user's trainer memberships has published terms the user has not accepted."""
    return any(s["version"] is not None and not s["accepted"] for s in terms_to_accept(db, user_id))


def access_names(db: Database, admin_id: UUID, ids: set[str]) -> dict[str, str]:
    """Names for the staff, Lernfeld, position and project ids an access export holds (services.privacy.linked_ids):
    staff by their display name only (public.user_display_name), the catalogue by number and title."""
    if not ids:
        return {}
    uuids = sorted(UUID(i) for i in ids)
    with db.user_tx(admin_id) as conn:
        rows = conn.execute(
            """
            select x.id::text as id,
                   coalesce(lf.code || ' ' || lf.title, tp.number || ' ' || tp.title, p.title,
                            public.user_display_name(x.id)) as name
            from unnest(%s::uuid[]) as x (id)
            left join public.learning_fields lf on lf.id = x.id
            left join public.training_positions tp on tp.id = x.id
            left join public.projects p on p.id = x.id
            """,
            (uuids,),
        ).fetchall()
    return {row["id"]: row["name"] for row in rows if row["name"]}
