"""Reads of one cooperation's dashboard. Every query is filtered by the pair through indexes, never loaded
whole and filtered in pandas, so its cost does not grow with the size of the state."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

import pandas as pd

from leokop.db.session import Database
from leokop.repo._query import fetch_df


@dataclass(frozen=True)
class Pair:
    """The pair's active apprentices as the user saw them (cooperations.cooperation_apprentices, under RLS), passed
    to the dashboard's other reads instead of joining cooperations and apprentices again in each of them.

    Passing ids grants nothing: every table read with them is under its own row-level security, so an id the user
    may not see yields no rows. It only spares each statement the two policies of the join (decision 70)."""

    coop_id: UUID
    ids: list[UUID]
    class_ids: list[UUID]
    class_names: list[str]
    contract_starts: list[date]
    probation_ends: list[date | None]

    @classmethod
    def of(cls, coop_id: UUID, apprentices: pd.DataFrame) -> Pair:
        """From the rows of cooperations.cooperation_apprentices (the active ones)."""
        def column(name: str) -> list:
            if apprentices.empty or name not in apprentices:
                return []
            return [None if pd.isna(v) else v for v in apprentices[name].tolist()]
        return cls(coop_id, column("id"), column("class_id"), column("class_name"), column("contract_start"),
                   column("probation_end"))

    def params(self, **extra) -> dict:
        return {"coop": self.coop_id, "ids": self.ids, "classes": self.class_ids, "class_names": self.class_names,
                "starts": self.contract_starts, "probation": self.probation_ends, **extra}


# The pair as a CTE of the passed arrays (see Pair).
_PAIR = """
    pair as (
      select * from unnest(%(ids)s::uuid[], %(classes)s::uuid[], %(starts)s::date[], %(probation)s::date[])
        as p(id, class_id, contract_start, probation_end)
    )
"""


def _pair_frame(db: Database, user_id: UUID, pair: Pair, sql: str, **params) -> pd.DataFrame:
    """A read of the pair's rows: sql follows the pair's CTE (a leading comma adds CTEs of its own)."""
    with db.user_tx(user_id) as conn:
        return fetch_df(conn, f"with {_PAIR}{sql}", pair.params(**params))


def pair_overview(db: Database, user_id: UUID, pair: Pair, *, company_side: bool) -> dict:
    """The newest activity of each learning place, and for the company side how many of the pair's apprentices the
    school does not release grades / absences for (the page says so instead of showing empty cells)."""
    with db.user_tx(user_id) as conn:
        return conn.execute(
            f"""
            with {_PAIR},
            activity as (
              select 'schule' as place, max(r.updated_at) as at from public.lf_results r
                where r.apprentice_id in (select id from pair)
              union all select 'schule', max(x.recorded_at) from public.absences x
                where x.apprentice_id in (select id from pair)
              union all select 'betrieb', max(p.updated_at) from public.position_ratings p
                where p.apprentice_id in (select id from pair)
              union all select 'betrieb', max(w.decided_at) from public.record_weeks w
                where w.apprentice_id in (select id from pair)
              union all select 'betrieb', max(f.created_at) from public.company_phases f
                where f.apprentice_id in (select id from pair)
              union all select n.place::text, max(n.created_at) from public.notes n
                where n.apprentice_id in (select id from pair) group by n.place
            )
            select (select max(at) from activity where place = 'schule') as last_school_activity,
                   (select max(at) from activity where place = 'betrieb') as last_company_activity,
                   case when %(company_side)s then (select count(*) from pair where id not in
                     (select app_private.released_company_side_ids('grades'))) end as hidden_grades,
                   case when %(company_side)s then (select count(*) from pair where id not in
                     (select app_private.released_company_side_ids('absences'))) end as hidden_absences
            """,
            pair.params(company_side=company_side),
        ).fetchone()


def lf_matrix(db: Database, user_id: UUID, pair: Pair) -> pd.DataFrame:
    """Lernfeld status and grade per apprentice of the pair (empty where grades are not released)."""
    return _pair_frame(db, user_id, pair, """
        select r.id, r.apprentice_id, r.learning_field_id, lf.code, lf.title, lf.sort_order, lf.school_year,
               r.status::text as status, r.grade, r.graded_on, r.version
        from public.lf_results r
        join public.learning_fields lf on lf.id = r.learning_field_id
        where r.apprentice_id in (select id from pair)
        order by lf.sort_order
        """)


def position_progress(db: Database, user_id: UUID, pair: Pair) -> pd.DataFrame:
    """The trainer's rating of each Berufsbildposition per apprentice of the pair."""
    return _pair_frame(db, user_id, pair, """
        select p.id, p.apprentice_id, p.training_position_id, tp.number, tp.title, tp.sort_order, p.level,
               p.version
        from public.position_ratings p
        join public.training_positions tp on tp.id = p.training_position_id
        where p.apprentice_id in (select id from pair)
        order by tp.sort_order
        """)


def record_book_summary(db: Database, user_id: UUID, pair: Pair, today: date) -> pd.DataFrame:
    """Berichtsheft per apprentice: weeks due (full weeks since the contract began), signed, open, missing."""
    return _pair_frame(db, user_id, pair, """,
        weeks as (  -- the pair's weeks first: an index scan per apprentice, then a join in memory
          select w.id, w.apprentice_id, w.week_start, w.status from public.record_weeks w
          where w.apprentice_id in (select id from pair)
        ),
        due as (
          select a.id as apprentice_id, w::date as week_start
          from pair a
          cross join lateral generate_series(
            date_trunc('week', a.contract_start + 6)::date,
            date_trunc('week', %(today)s::date)::date - 7, interval '7 days') w
        )
        select d.apprentice_id,
               count(*) as due,
               count(*) filter (where w.status = 'unterschrieben') as signed,
               count(*) filter (where w.status = 'eingereicht') as submitted,
               count(*) filter (where w.status = 'zurueckgegeben') as returned,
               count(*) filter (where w.id is null) as missing,
               (array_agg(d.week_start order by d.week_start desc)
                  filter (where w.id is null))[1:8] as missing_weeks
        from due d
        left join weeks w on w.apprentice_id = d.apprentice_id and w.week_start = d.week_start
        group by d.apprentice_id
        """, today=today)


def absence_summary(db: Database, user_id: UUID, pair: Pair, today: date) -> pd.DataFrame:
    """Absence days and lessons per apprentice in the last 30 and 90 days, excused and unexcused."""
    return _pair_frame(db, user_id, pair, """
        select x.apprentice_id,
               count(*) filter (where x.absence_date > %(today)s::date - 28 and not x.excused) as unexcused_28,
               count(*) filter (where x.absence_date > %(today)s::date - 30 and x.excused) as excused_30,
               count(*) filter (where x.absence_date > %(today)s::date - 30 and not x.excused) as unexcused_30,
               count(*) filter (where x.excused) as excused_90,
               count(*) filter (where not x.excused) as unexcused_90,
               coalesce(sum(x.lessons), 0) as lessons_90,
               count(*) filter (where x.excuse_state = 'vorgeschlagen') as open_proposals
        from public.absences x
        where x.apprentice_id in (select id from pair)
          and x.absence_date > %(today)s::date - 90 and x.absence_date <= %(today)s::date
        group by x.apprentice_id
        """, today=today)


def pair_schedule(db: Database, user_id: UUID, pair: Pair, start: date, end: date) -> pd.DataFrame:
    """Everything with a date range for the pair's timeline between start and end.

    Columns: kind, label, starts_on, ends_on, apprentice_id (for phases and probation), class_id.
    """
    return _pair_frame(db, user_id, pair, """,
        -- the pair's classes with the names the user saw (no second read of classes under its policy)
        classes as (select distinct k.id, k.name
                    from unnest(%(classes)s::uuid[], %(class_names)s::text[]) as k(id, name))
        select 'schulblock' as kind, k.name as label, b.starts_on, b.ends_on, null::uuid as apprentice_id,
               b.class_id, b.id
        from public.school_blocks b join classes k on k.id = b.class_id
        where b.ends_on >= %(start)s and b.starts_on <= %(end)s
        union all
        select 'pruefung', k.name || ': ' || e.kind::text, e.starts_on, e.ends_on, null, e.class_id, e.id
        from public.exams e join classes k on k.id = e.class_id
        where e.ends_on >= %(start)s and e.starts_on <= %(end)s
        union all
        select 'phase', f.title, f.starts_on, f.ends_on, f.apprentice_id, a.class_id, f.id
        from public.company_phases f join pair a on a.id = f.apprentice_id
        where f.ends_on >= %(start)s and f.starts_on <= %(end)s
        union all
        select 'probezeit', 'Ende der Probezeit', a.probation_end, a.probation_end, a.id, a.class_id, a.id
        from pair a where a.probation_end between %(start)s and %(end)s
        union all
        select 'termin', j.title, j.on_date, j.on_date, null, null, j.id
        from public.joint_dates j where j.cooperation_id = %(coop)s and j.on_date between %(start)s and %(end)s
        union all
        select 'meilenstein', p.title || ': ' || ms.title, ms.due_on, ms.due_on, null, null, ms.id
        from public.project_cooperations pc
        join public.projects p on p.id = pc.project_id
        join public.project_milestones ms on ms.project_id = pc.project_id
        where pc.cooperation_id = %(coop)s and ms.due_on between %(start)s and %(end)s
        union all
        select 'ferien', h.name, h.starts_on, h.ends_on, null, null, h.id
        from public.school_calendar h
        where h.school_id = (select c.school_id from public.cooperations c where c.id = %(coop)s)
          and h.kind in ('ferien', 'schulfrei') and h.ends_on >= %(start)s and h.starts_on <= %(end)s
        """, start=start, end=end)
