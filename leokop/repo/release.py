"""What the company side may see of the school's data: school defaults and per-apprentice exceptions."""

from __future__ import annotations

from uuid import UUID

import pandas as pd

from leokop.db.session import Database
from leokop.repo._query import fetch_df

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
                   coalesce(r.share_teacher_notes, true) as share_teacher_notes
            from public.schools s left join public.release_settings r on r.school_id = s.id
            where s.id in (select app_private.school_ids_with_role('admin'))
            order by s.name
            """,
        )


def save_school_settings(db: Database, admin_id: UUID, school_id: UUID, values: dict[str, bool]) -> None:
    with db.user_tx(admin_id) as conn:
        conn.execute(
            """
            insert into public.release_settings (school_id, share_grades, share_absences, share_teacher_notes,
                                                 updated_by)
            values (%(school)s, %(share_grades)s, %(share_absences)s, %(share_teacher_notes)s, %(by)s)
            on conflict (school_id) do update set
              share_grades = excluded.share_grades, share_absences = excluded.share_absences,
              share_teacher_notes = excluded.share_teacher_notes, updated_by = excluded.updated_by,
              updated_at = now()
            """,
            {"school": school_id, "by": admin_id, **values},
        )


def overrides(db: Database, admin_id: UUID) -> pd.DataFrame:
    """The admin's apprentices with their exceptions (NULL: the school's setting applies)."""
    with db.user_tx(admin_id) as conn:
        return fetch_df(
            conn,
            """
            select a.id as apprentice_id, a.last_name || ', ' || a.first_name || ' (' || k.name || ')' as label,
                   o.share_grades, o.share_absences, o.share_teacher_notes
            from public.apprentices a
            join public.classes k on k.id = a.class_id
            left join public.release_overrides o on o.apprentice_id = a.id
            where a.school_id in (select app_private.school_ids_with_role('admin')) and a.status = 'aktiv'
            order by a.last_name, a.first_name
            """,
        )


def save_override(db: Database, admin_id: UUID, apprentice_id: UUID, values: dict[str, bool | None]) -> None:
    """Set the exceptions of one apprentice; all None removes the exception."""
    with db.user_tx(admin_id) as conn:
        if all(v is None for v in values.values()):
            conn.execute("delete from public.release_overrides where apprentice_id = %s", (apprentice_id,))
            return
        conn.execute(
            """
            insert into public.release_overrides (apprentice_id, share_grades, share_absences, share_teacher_notes,
                                                  updated_by)
            values (%(a)s, %(share_grades)s, %(share_absences)s, %(share_teacher_notes)s, %(by)s)
            on conflict (apprentice_id) do update set
              share_grades = excluded.share_grades, share_absences = excluded.share_absences,
              share_teacher_notes = excluded.share_teacher_notes, updated_by = excluded.updated_by,
              updated_at = now()
            """,
            {"a": apprentice_id, "by": admin_id, **values},
        )
