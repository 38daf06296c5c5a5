"""School blocks and company phases."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from uuid import UUID

import pandas as pd

from leokop.db.session import Database
from leokop.repo._query import fetch_df


@dataclass(frozen=True)
class Phase:
    id: UUID
    title: str
    starts_on: date
    ends_on: date


class PhaseOverlap(Exception):
    """The new phase overlaps phases of the same apprentice that the user has not confirmed: nothing was written."""

    def __init__(self, phases: list[Phase]) -> None:
        super().__init__("phase overlaps")
        self.phases = phases


def add_school_block(db: Database, user_id: UUID, *, class_id: UUID, starts_on: date, ends_on: date,
                     note: str | None) -> None:
    with db.user_tx(user_id) as conn:
        conn.execute(
            "insert into public.school_blocks (class_id, starts_on, ends_on, note, created_by)"
            " values (%s, %s, %s, %s, %s)",
            (class_id, starts_on, ends_on, note, user_id),
        )


def may_plan_blocks(db: Database, user_id: UUID, class_id: UUID) -> bool:
    """Teachers of the class and the school's admin plan its blocks (pair-scoped teachers do not)."""
    with db.user_tx(user_id) as conn:
        return conn.execute(
            "select %s in (select app_private.school_side_class_ids()) as ok", (class_id,)
        ).fetchone()["ok"]


def class_apprentice_ids(db: Database, user_id: UUID, class_id: UUID) -> list[UUID]:
    """The class's apprentices the user sees (a block changes their school days, so their absence rate)."""
    with db.user_tx(user_id) as conn:
        return [r["id"] for r in conn.execute("select id from public.apprentices where class_id = %s",
                                             (class_id,)).fetchall()]


def add_company_phase(db: Database, user_id: UUID, *, apprentice_id: UUID, title: str, department: str | None,
                      starts_on: date, ends_on: date, confirmed: Collection[UUID] = ()) -> None:
    """Plan a phase; PhaseOverlap (nothing written) when it overlaps a phase of the apprentice that is not among
    the `confirmed` ones. The apprentice's phases are locked for the transaction, so two overlapping phases saved
    at the same moment cannot both pass the check."""
    with db.user_tx(user_id) as conn:
        conn.execute("select pg_advisory_xact_lock(hashtextextended('company_phases:' || %s::text, 0))",
                     (apprentice_id,))
        overlapping = [Phase(r["id"], r["title"], r["starts_on"], r["ends_on"]) for r in conn.execute(
            "select id, title, starts_on, ends_on from public.company_phases"
            " where apprentice_id = %s and starts_on <= %s and ends_on >= %s order by starts_on",
            (apprentice_id, ends_on, starts_on)).fetchall()]
        if any(p.id not in confirmed for p in overlapping):
            raise PhaseOverlap(overlapping)
        conn.execute(
            "insert into public.company_phases (apprentice_id, title, department, starts_on, ends_on, created_by)"
            " values (%s, %s, %s, %s, %s, %s)",
            (apprentice_id, title, department, starts_on, ends_on, user_id),
        )


def apprentice_schedule(db: Database, user_id: UUID, apprentice_id: UUID) -> pd.DataFrame:
    """The apprentice's phases, class blocks and exams, and the probation end (same columns as the pair's)."""
    with db.user_tx(user_id) as conn:
        return fetch_df(
            conn,
            """
            with a as (select * from public.apprentices where id = %(a)s)
            select 'phase' as kind, f.title as label, f.starts_on, f.ends_on, f.apprentice_id, a.class_id, f.id
            from public.company_phases f join a on a.id = f.apprentice_id
            union all
            select 'schulblock', k.name, b.starts_on, b.ends_on, null, b.class_id, b.id
            from public.school_blocks b join a on a.class_id = b.class_id join public.classes k on k.id = b.class_id
            union all
            select 'pruefung', k.name || ': ' || e.kind::text, e.starts_on, e.ends_on, null, e.class_id, e.id
            from public.exams e join a on a.class_id = e.class_id join public.classes k on k.id = e.class_id
            union all
            select 'probezeit', 'Ende der Probezeit', a.probation_end, a.probation_end, a.id, a.class_id, a.id from a
            """,
            {"a": apprentice_id},
        )
