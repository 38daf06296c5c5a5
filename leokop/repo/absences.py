"""School absences and the company's excuse proposals."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pandas as pd
import psycopg

from leokop.db.session import Database
from leokop.repo._query import StaleWrite, expect_one, fetch_df


class DuplicateAbsence(Exception):
    """An absence for that apprentice and day is already recorded."""


def absences_of(db: Database, user_id: UUID, apprentice_id: UUID) -> pd.DataFrame:
    with db.user_tx(user_id) as conn:
        return fetch_df(
            conn,
            """
            select x.id, x.apprentice_id, x.absence_date, x.lessons, x.excused, x.excuse_state::text as excuse_state,
                   x.excuse_comment, public.user_display_name(x.proposed_by) as proposed_by, x.proposed_at,
                   public.user_display_name(x.recorded_by) as recorded_by, x.recorded_at, x.version,
                   x.updated_at, public.user_display_name(x.updated_by) as changed_by
            from public.absences x where x.apprentice_id = %s order by x.absence_date desc
            """,
            (apprentice_id,),
        )


def record_absence(db: Database, user_id: UUID, *, apprentice_id: UUID, on: date, lessons: int,
                   excused: bool) -> None:
    try:
        with db.user_tx(user_id) as conn:
            conn.execute(
                "insert into public.absences (apprentice_id, absence_date, lessons, excused, recorded_by)"
                " values (%s, %s, %s, %s, %s)",
                (apprentice_id, on, lessons, excused, user_id),
            )
    except psycopg.errors.UniqueViolation as exc:
        raise DuplicateAbsence from exc


def decide_excuse(db: Database, user_id: UUID, *, absence_id: UUID, version: int, accept: bool) -> None:
    """The teacher accepts (excused) or rejects the company's proposal."""
    with db.user_tx(user_id) as conn:
        expect_one(conn.execute(
            """
            update public.absences
            set excused = %(accept)s, excuse_state = case when %(accept)s then 'angenommen' else 'abgelehnt' end
                  ::public.excuse_state,
                version = version + 1
            where id = %(id)s and version = %(version)s and excuse_state = 'vorgeschlagen'
            returning id
            """,
            {"accept": accept, "id": absence_id, "version": version},
        ))


def propose_excuse(db: Database, user_id: UUID, *, absence_id: UUID, version: int, comment: str) -> None:
    """The company proposes "entschuldigt" with a reason; the database checks release and state."""
    with db.user_tx(user_id) as conn:
        ok = conn.execute("select public.propose_excuse(%s, %s, %s) as ok", (absence_id, version, comment))
        if not ok.fetchone()["ok"]:
            raise StaleWrite
