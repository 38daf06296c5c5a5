"""Berichtsheft weeks: the trainer signs them or sends them back."""

from __future__ import annotations

from uuid import UUID

import pandas as pd

from leokop.db.session import Database
from leokop.repo._query import expect_one, fetch_df


def weeks_of(db: Database, user_id: UUID, apprentice_id: UUID) -> pd.DataFrame:
    with db.user_tx(user_id) as conn:
        return fetch_df(
            conn,
            """
            select w.id, w.apprentice_id, w.week_start, w.status::text as status, w.submitted_at, w.trainer_comment,
                   w.decided_at,
                   public.user_display_name(w.decided_by) as decided_by, w.version, w.updated_at,
                   public.user_display_name(w.updated_by) as changed_by
            from public.record_weeks w where w.apprentice_id = %s order by w.week_start desc
            """,
            (apprentice_id,),
        )


def decide_week(db: Database, user_id: UUID, *, week_id: UUID, version: int, sign: bool,
                comment: str | None) -> None:
    """Sign a handed-in week, or send it back with a comment."""
    with db.user_tx(user_id) as conn:
        expect_one(conn.execute(
            """
            update public.record_weeks
            set status = case when %(sign)s then 'unterschrieben' else 'zurueckgegeben' end::public.record_week_status,
                trainer_comment = %(comment)s, decided_at = now(), decided_by = %(by)s, version = version + 1
            where id = %(id)s and version = %(version)s and status = 'eingereicht'
            returning id
            """,
            {"sign": sign, "comment": comment, "by": user_id, "id": week_id, "version": version},
        ))
