"""Reads of one cooperation's dashboard. Every query is filtered by the pair through indexes, never loaded
whole and filtered in pandas, so its cost does not grow with the size of the state."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pandas as pd

from leokop.db.session import Database
from leokop.repo._query import fetch_df

# The pair's apprentices the user may see (RLS on apprentices decides), as a reusable CTE.
_PAIR = """
    pair as (
      select a.* from public.cooperations c
      join public.apprentices a on a.school_id = c.school_id and a.company_id = c.company_id
      where c.id = %(coop)s and a.status = 'aktiv'
    )
"""


def pair_header(db: Database, user_id: UUID, coop_id: UUID) -> dict | None:
    """Names of the pair and the newest activity of each learning place."""
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
            select c.id, s.name as school, co.name as company,
                   (select count(*) from pair) as apprentices,
                   (select max(at) from activity where place = 'schule') as last_school_activity,
                   (select max(at) from activity where place = 'betrieb') as last_company_activity
            from public.cooperations c
            join public.schools s on s.id = c.school_id
            join public.companies co on co.id = c.company_id
            where c.id = %(coop)s
            """,
            {"coop": coop_id},
        ).fetchone()


def lf_matrix(db: Database, user_id: UUID, coop_id: UUID) -> pd.DataFrame:
    """Lernfeld status and grade per apprentice of the pair (empty where grades are not released)."""
    with db.user_tx(user_id) as conn:
        return fetch_df(
            conn,
            f"""
            with {_PAIR}
            select r.id, r.apprentice_id, r.learning_field_id, lf.code, lf.title, lf.sort_order, lf.school_year,
                   r.status::text as status, r.grade, r.graded_on, r.version
            from public.lf_results r
            join public.learning_fields lf on lf.id = r.learning_field_id
            where r.apprentice_id in (select id from pair)
            order by lf.sort_order
            """,
            {"coop": coop_id},
        )


def position_progress(db: Database, user_id: UUID, coop_id: UUID) -> pd.DataFrame:
    """The trainer's rating of each Berufsbildposition per apprentice of the pair."""
    with db.user_tx(user_id) as conn:
        return fetch_df(
            conn,
            f"""
            with {_PAIR}
            select p.id, p.apprentice_id, p.training_position_id, tp.number, tp.title, tp.sort_order, p.level,
                   p.version
            from public.position_ratings p
            join public.training_positions tp on tp.id = p.training_position_id
            where p.apprentice_id in (select id from pair)
            order by tp.sort_order
            """,
            {"coop": coop_id},
        )


def record_book_summary(db: Database, user_id: UUID, coop_id: UUID, today: date) -> pd.DataFrame:
    """Berichtsheft per apprentice: weeks due (full weeks since the contract began), signed, open, missing."""
    with db.user_tx(user_id) as conn:
        return fetch_df(
            conn,
            f"""
            with {_PAIR},
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
            """,
            {"coop": coop_id, "today": today},
        )


def absence_summary(db: Database, user_id: UUID, coop_id: UUID, today: date) -> pd.DataFrame:
    """Absence days and lessons per apprentice in the last 30 and 90 days, excused and unexcused."""
    with db.user_tx(user_id) as conn:
        return fetch_df(
            conn,
            f"""
            with {_PAIR}
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
            """,
            {"coop": coop_id, "today": today},
        )


def pair_schedule(db: Database, user_id: UUID, coop_id: UUID, start: date, end: date) -> pd.DataFrame:
    """Everything with a date range for the pair's timeline between start and end.

    Columns: kind, label, starts_on, ends_on, apprentice_id (for phases and probation), class_id.
    """
    with db.user_tx(user_id) as conn:
        return fetch_df(
            conn,
            f"""
            with {_PAIR},
            classes as (select distinct class_id from pair)
            select 'schulblock' as kind, k.name as label, b.starts_on, b.ends_on, null::uuid as apprentice_id,
                   b.class_id, b.id
            from public.school_blocks b join public.classes k on k.id = b.class_id
            where b.class_id in (select class_id from classes)
              and b.ends_on >= %(start)s and b.starts_on <= %(end)s
            union all
            select 'pruefung', k.name || ': ' || e.kind::text, e.starts_on, e.ends_on, null, e.class_id, e.id
            from public.exams e join public.classes k on k.id = e.class_id
            where e.class_id in (select class_id from classes)
              and e.ends_on >= %(start)s and e.starts_on <= %(end)s
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
            from public.school_holidays h
            where h.state = (select s.state from public.cooperations c join public.schools s on s.id = c.school_id
                             where c.id = %(coop)s)
              and h.ends_on >= %(start)s and h.starts_on <= %(end)s
            """,
            {"coop": coop_id, "start": start, "end": end},
        )


def hidden_from_company(db: Database, user_id: UUID, coop_id: UUID) -> dict[str, int]:
    """How many of the pair's apprentices the school does not release grades / absences for."""
    with db.user_tx(user_id) as conn:
        return conn.execute(
            f"""
            with {_PAIR}
            select count(*) filter (where not app_private.is_released(id, 'grades')) as grades,
                   count(*) filter (where not app_private.is_released(id, 'absences')) as absences
            from pair
            """,
            {"coop": coop_id},
        ).fetchone()
