"""What the company side may see of the school's data: school defaults and per-apprentice exceptions."""

from __future__ import annotations

from uuid import UUID

import pandas as pd
import psycopg
from psycopg import sql

from leokop.db.session import Database
from leokop.repo._query import StaleWrite, expect_one, fetch_df

CATEGORIES = ("share_grades", "share_absences", "share_teacher_notes")


def school_settings(db: Database, admin_id: UUID) -> pd.DataFrame:
    """One row per school the user administers; schools without a row yet show the default (all shared)."""
    with db.user_tx(admin_id) as conn:
        return fetch_df(
            conn,
            """
            select s.id as school_id, s.name,
                   coalesce(r.share_grades, true) as share_grades,
                   coalesce(r.share_absences, true) as share_absences,
                   coalesce(r.share_teacher_notes, true) as share_teacher_notes,
                   r.version, r.updated_at, public.user_display_name(r.updated_by) as changed_by
            from public.schools s left join public.release_settings r on r.school_id = s.id
            where s.id in (select app_private.school_ids_with_role('admin'))
            order by s.name
            """,
        )


def save_school_settings(db: Database, admin_id: UUID, school_id: UUID, values: dict[str, bool],
                         version: int | None = None) -> None:
    """Store the school's settings against the version the admin saw (None: there was no row yet); StaleWrite
    when another admin saved them meanwhile."""
    with db.user_tx(admin_id) as conn:
        _write_release(conn, "release_settings", "school_id", school_id, admin_id, values, version)


def overrides(db: Database, admin_id: UUID) -> pd.DataFrame:
    """The admin's apprentices with their exceptions (NULL: the school's setting applies)."""
    with db.user_tx(admin_id) as conn:
        return fetch_df(
            conn,
            """
            select a.id as apprentice_id, a.last_name || ', ' || a.first_name || ' (' || k.name || ')' as label,
                   o.share_grades, o.share_absences, o.share_teacher_notes, o.version, o.updated_at,
                   public.user_display_name(o.updated_by) as changed_by
            from public.apprentices a
            join public.classes k on k.id = a.class_id
            left join public.release_overrides o on o.apprentice_id = a.id
            where a.school_id in (select app_private.school_ids_with_role('admin')) and a.status = 'aktiv'
            order by a.last_name, a.first_name
            """,
        )


def save_override(db: Database, admin_id: UUID, apprentice_id: UUID, values: dict[str, bool | None],
                  version: int | None = None) -> None:
    """Set the exceptions of one apprentice against the version the admin saw (None: there was none); all None
    removes the exception. StaleWrite when another admin changed them meanwhile."""
    params = {"a": apprentice_id, "by": admin_id, "version": version, **values}
    with db.user_tx(admin_id) as conn:
        if all(v is None for v in values.values()):
            if version is not None:
                expect_one(conn.execute("delete from public.release_overrides where apprentice_id = %(a)s"
                                        " and version = %(version)s returning apprentice_id", params))
            elif conn.execute("select 1 from public.release_overrides where apprentice_id = %(a)s",
                              params).fetchone():
                raise StaleWrite
            return
        _write_release(conn, "release_overrides", "apprentice_id", apprentice_id, admin_id, values, version)


def _write_release(conn: psycopg.Connection, table: str, key: str, key_value: UUID, admin_id: UUID,
                   values: dict[str, bool | None], version: int | None) -> None:
    """Insert the row (version None: there was none) or update it against the version the admin saw; StaleWrite
    when another admin wrote first. The school's settings and an apprentice's exceptions share the three columns."""
    params = {"key": key_value, "by": admin_id, "version": version, **values}
    names = {"table": sql.Identifier("public", table), "key": sql.Identifier(key)}
    if version is None:
        statement = sql.SQL("""
            insert into {table} ({key}, share_grades, share_absences, share_teacher_notes, updated_by)
            values (%(key)s, %(share_grades)s, %(share_absences)s, %(share_teacher_notes)s, %(by)s)
            on conflict ({key}) do nothing returning {key}""")
    else:
        statement = sql.SQL("""
            update {table} set share_grades = %(share_grades)s, share_absences = %(share_absences)s,
              share_teacher_notes = %(share_teacher_notes)s, updated_by = %(by)s, updated_at = now()
            where {key} = %(key)s and version = %(version)s returning {key}""")
    expect_one(conn.execute(statement.format(**names), params))
