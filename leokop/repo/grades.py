"""Lernfeld status and grades."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pandas as pd

from leokop.db.session import Database
from leokop.repo._query import expect_one, fetch_df


def lf_results_of(db: Database, user_id: UUID, apprentice_id: UUID) -> pd.DataFrame:
    """Every Lernfeld of the apprentice's occupation with its result (if any) and who changed it when."""
    with db.user_tx(user_id) as conn:
        return fetch_df(
            conn,
            """
            select lf.id as learning_field_id, lf.code, lf.title, lf.school_year, lf.track,
                   r.id, r.status::text as status, r.grade, r.graded_on, r.version, r.updated_at,
                   public.user_display_name(r.updated_by) as updated_by
            from public.apprentices a
            join public.learning_fields lf on lf.occupation_id = a.occupation_id
                                          and (lf.track is null or lf.track = a.track or a.track is null)
            left join public.lf_results r on r.apprentice_id = a.id and r.learning_field_id = lf.id
            where a.id = %s
            order by lf.sort_order
            """,
            (apprentice_id,),
        )


def grade_history_of(db: Database, user_id: UUID, apprentice_id: UUID) -> pd.DataFrame:
    with db.user_tx(user_id) as conn:
        return fetch_df(
            conn,
            """
            select h.graded_on, lf.code, lf.title, h.grade, public.user_display_name(h.recorded_by) as recorded_by
            from public.lf_grade_history h join public.learning_fields lf on lf.id = h.learning_field_id
            where h.apprentice_id = %s order by h.graded_on
            """,
            (apprentice_id,),
        )


def save_lf_result(db: Database, user_id: UUID, *, apprentice_id: UUID, learning_field_id: UUID, status: str,
                   grade: int | None, graded_on: date | None, version: int | None) -> int:
    """Insert or update one Lernfeld result; `version` is what the user saw (None: there was none)."""
    params = {"a": apprentice_id, "lf": learning_field_id, "status": status, "grade": grade, "on": graded_on,
              "by": user_id, "version": version}
    with db.user_tx(user_id) as conn:
        if version is None:
            cur = conn.execute(
                """
                insert into public.lf_results (apprentice_id, learning_field_id, status, grade, graded_on, updated_by)
                values (%(a)s, %(lf)s, %(status)s, %(grade)s, %(on)s, %(by)s)
                on conflict (apprentice_id, learning_field_id) do nothing
                returning version
                """,
                params,
            )
        else:
            cur = conn.execute(
                """
                update public.lf_results
                set status = %(status)s, grade = %(grade)s, graded_on = %(on)s, updated_by = %(by)s,
                    updated_at = now(), version = version + 1
                where apprentice_id = %(a)s and learning_field_id = %(lf)s and version = %(version)s
                returning version
                """,
                params,
            )
        return expect_one(cur)["version"]
