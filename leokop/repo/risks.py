"""Risk signals (set-based, for one apprentice or all), stored flags, thresholds and concerns."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from uuid import UUID

import pandas as pd
import psycopg

from leokop.db.session import Database
from leokop.repo._query import expect_one, fetch_df

# Everything the rules look at, per apprentice, in one query, for the apprentices in %(ids)s.
_SIGNALS = """
with a as (
  select a.id, a.school_id, a.class_id, a.status, a.contract_start, a.probation_end, a.dissolved_on,
         k.schedule, k.school_days_per_week
  from public.apprentices a join public.classes k on k.id = a.class_id
  where a.id = any(%(ids)s::uuid[])
),
absence as (
  select x.apprentice_id,
         count(*) filter (where not x.excused and x.absence_date > %(today)s::date - 28) as unexcused_28,
         count(*) as days_90
  from public.absences x
  where x.apprentice_id in (select id from a)
    and x.absence_date > %(today)s::date - 90 and x.absence_date <= %(today)s::date
  group by x.apprentice_id
),
block_days as (
  -- the weekdays of the class's blocks in the last 90 days that are no holiday or day off of the school
  select b.class_id, count(distinct d) as days
  from public.school_blocks b
  join public.classes k on k.id = b.class_id
  cross join lateral generate_series(greatest(b.starts_on, %(today)s::date - 89), least(b.ends_on, %(today)s::date),
                                     interval '1 day') d
  where b.class_id in (select class_id from a) and b.ends_on > %(today)s::date - 90
    and b.starts_on <= %(today)s::date and extract(isodow from d) < 6
    and not exists (select 1 from public.school_calendar c where c.school_id = k.school_id
                    and d::date between c.starts_on and c.ends_on)
  group by b.class_id
),
open_days as (
  -- the weekdays of the last 90 days outside the school's calendar (holidays, public holidays, days off)
  select s.school_id, count(*) as days
  from (select distinct school_id from a) s
  cross join lateral generate_series(%(today)s::date - 89, %(today)s::date, interval '1 day') d
  where extract(isodow from d) < 6
    and not exists (select 1 from public.school_calendar c where c.school_id = s.school_id
                    and d::date between c.starts_on and c.ends_on)
  group by s.school_id
),
grades as (
  select r.apprentice_id, array_agg(r.grade order by lf.sort_order) as grades,
         array_agg(lf.code order by lf.sort_order) filter (where r.grade >= 5) as failing
  from public.lf_results r join public.learning_fields lf on lf.id = r.learning_field_id
  where r.apprentice_id in (select id from a) and r.grade is not null
  group by r.apprentice_id
),
halves as (
  select h.apprentice_id,
         avg(h.grade) filter (where h.graded_on > %(today)s::date - 182) as current_half,
         avg(h.grade) filter (where h.graded_on <= %(today)s::date - 182
                                and h.graded_on > %(today)s::date - 364) as previous_half
  from public.lf_grade_history h
  where h.apprentice_id in (select id from a) and h.graded_on > %(today)s::date - 364
  group by h.apprentice_id
),
weeks as (
  -- weeks due (full weeks since the contract began, up to last week or the dissolution) minus weeks signed:
  -- arithmetic plus an index-only count on record_weeks_signed_week_idx, never a join with a week series
  select a.id as apprentice_id,
         greatest(0, (a.last_due - a.first_due) / 7 + 1)
         - (select count(*) from public.record_weeks w
            where w.apprentice_id = a.id and w.status = 'unterschrieben'
              and w.week_start between a.first_due and a.last_due) as unsigned
  from (select a.id, date_trunc('week', a.contract_start + 6)::date as first_due,
               date_trunc('week', least(%(today)s::date, coalesce(a.dissolved_on, %(today)s::date)))::date - 7
                 as last_due
        from a) a
),
exam as (
  select distinct on (e.class_id) e.class_id, e.kind::text as kind, e.starts_on
  from public.exams e
  where e.class_id in (select class_id from a) and e.kind in ('zwischenpruefung', 'abschluss_teil1')
    and e.starts_on >= %(today)s::date
  order by e.class_id, e.starts_on
),
concern as (
  select c.apprentice_id, json_agg(json_build_object('kind', c.kind, 'text', c.body, 'place', c.place)
                                   order by c.raised_at) as concerns
  from public.concerns c where c.apprentice_id in (select id from a) and c.resolved_at is null
  group by c.apprentice_id
)
select a.id as apprentice_id, a.school_id, a.status = 'aktiv' as active, a.probation_end,
       coalesce(x.unexcused_28, 0) as unexcused_28, coalesce(x.days_90, 0) as absence_days_90,
       case when a.schedule = 'blockunterricht' then coalesce(bd.days, 0)
            else round(coalesce(a.school_days_per_week, 2) * coalesce(od.days, 0) / 5.0)::int end as school_days_90,
       coalesce(g.grades, '{}') as grades, coalesce(g.failing, '{}') as failing_fields,
       h.previous_half::float as previous_half, h.current_half::float as current_half,
       coalesce(wk.unsigned, 0) as unsigned_weeks, e.kind as exam_kind, e.starts_on as exam_date,
       coalesce(cn.concerns, '[]') as concerns
from a
left join absence x on x.apprentice_id = a.id
left join block_days bd on bd.class_id = a.class_id
left join open_days od on od.school_id = a.school_id
left join grades g on g.apprentice_id = a.id
left join halves h on h.apprentice_id = a.id
left join weeks wk on wk.apprentice_id = a.id
left join exam e on e.class_id = a.class_id
left join concern cn on cn.apprentice_id = a.id
order by a.id
"""

THRESHOLD_COLUMNS = ("unexcused_days_4_weeks", "absence_rate_90_days", "failing_grades", "grade_average",
                     "grade_drop", "unsigned_record_weeks", "probation_weeks", "exam_weeks")


def signals(conn: psycopg.Connection, today: date, apprentice_ids: list[UUID]) -> list[dict]:
    """The rules' inputs for the given apprentices, read with the service role.

    Never prepared: a prepared statement may switch to a generic plan after five runs, and the generic plan for
    "these ids" reads every apprentice (a single evaluation after a batch recompute took seconds instead of ms).
    """
    return conn.execute(_SIGNALS, {"ids": apprentice_ids, "today": today}, prepare=False).fetchall()


def all_apprentice_ids(conn: psycopg.Connection) -> list[UUID]:
    return [r["id"] for r in conn.execute("select id from public.apprentices order by id").fetchall()]


def thresholds_by_school(conn: psycopg.Connection) -> dict[UUID, dict]:
    rows = conn.execute(f"select school_id, {', '.join(THRESHOLD_COLUMNS)} from public.risk_thresholds").fetchall()
    return {r.pop("school_id"): r for r in rows}


def replace_flags(conn: psycopg.Connection, flags_by_apprentice: dict[UUID, list[dict]]) -> list[dict]:
    """Make the open flags of these apprentices exactly the given ones: update, insert, clear the rest.

    Returns the flags that are new (apprentice_id, severity), for notifications.
    """
    ids = list(flags_by_apprentice)
    rows = [
        (aid, f["rule"], f["severity"], f["category"], f["reason"], json.dumps(f["evidence"], default=str))
        for aid, flags in flags_by_apprentice.items() for f in flags
    ]
    conn.execute("create temporary table new_flags (apprentice_id uuid, rule text, severity text, category text,"
                 " reason text, evidence jsonb) on commit drop")
    with conn.cursor().copy("copy new_flags from stdin") as copy:
        for row in rows:
            copy.write_row(row)
    conn.execute(
        """
        update public.risk_flags f set cleared_at = now()
        where f.apprentice_id = any(%s) and f.cleared_at is null
          and not exists (select 1 from new_flags n where n.apprentice_id = f.apprentice_id and n.rule = f.rule)
        """,
        (ids,),
    )
    conn.execute(
        """
        update public.risk_flags f set severity = n.severity, category = n.category, reason = n.reason,
               evidence = n.evidence, last_seen_at = now()
        from new_flags n
        where f.apprentice_id = n.apprentice_id and f.rule = n.rule and f.cleared_at is null
        """
    )
    return conn.execute(
        """
        insert into public.risk_flags (apprentice_id, rule, severity, category, reason, evidence)
        select n.apprentice_id, n.rule, n.severity, n.category, n.reason, n.evidence from new_flags n
        where not exists (select 1 from public.risk_flags f
                          where f.apprentice_id = n.apprentice_id and f.rule = n.rule and f.cleared_at is null)
        returning apprentice_id, severity
        """
    ).fetchall()


def pair_emails(conn: psycopg.Connection, apprentice_id: UUID) -> list[str]:
    """Addresses of the pair's teachers and trainers (service role only)."""
    rows = conn.execute("select email from app_private.pair_emails(%s) order by email", (apprentice_id,))
    return [r["email"] for r in rows.fetchall()]


def open_flags(db: Database, user_id: UUID, apprentice_ids: Iterable[UUID]) -> pd.DataFrame:
    """The open flags of these apprentices that the user may see, most severe first."""
    with db.user_tx(user_id) as conn:
        return fetch_df(
            conn,
            """
            select f.id, f.apprentice_id, f.rule, f.severity, f.category, f.reason, f.first_seen_at
            from public.risk_flags f
            where f.apprentice_id = any(%s) and f.cleared_at is null
            order by array_position(array['kritisch', 'warnung', 'hinweis'], f.severity), f.first_seen_at
            """,
            (list(apprentice_ids),),
        )


def open_flag_snapshot(conn: psycopg.Connection) -> list[tuple]:
    """Every open flag as (apprentice, rule, severity, reason): what recompute and on-change must agree on."""
    rows = conn.execute("select apprentice_id, rule, severity, reason from public.risk_flags"
                        " where cleared_at is null order by apprentice_id, rule").fetchall()
    return [(r["apprentice_id"], r["rule"], r["severity"], r["reason"]) for r in rows]


def open_concerns(db: Database, user_id: UUID, apprentice_id: UUID) -> pd.DataFrame:
    with db.user_tx(user_id) as conn:
        return fetch_df(conn, """
            select c.id, c.place::text as place, c.kind, c.body, c.raised_at,
                   public.user_display_name(c.raised_by) as raised_by
            from public.concerns c where c.apprentice_id = %s and c.resolved_at is null
            order by c.raised_at""", (apprentice_id,))


def concerns_to_show(db: Database, user_id: UUID, apprentice_id: UUID, also: list[UUID]) -> pd.DataFrame:
    """The open concerns of the apprentice, and those of `also` (forms still on the user's screen) settled
    meanwhile, with who settled them when."""
    with db.user_tx(user_id) as conn:
        return fetch_df(conn, """
            select c.id, c.place::text as place, c.kind, c.body, c.raised_at,
                   public.user_display_name(c.raised_by) as raised_by, c.resolved_at,
                   public.user_display_name(c.resolved_by) as resolved_by
            from public.concerns c
            where c.apprentice_id = %(a)s and (c.resolved_at is null or c.id = any(%(also)s::uuid[]))
            order by c.raised_at""", {"a": apprentice_id, "also": list(also)})


def resolve_concern(db: Database, user_id: UUID, concern_id: UUID) -> None:
    with db.user_tx(user_id) as conn:
        expect_one(conn.execute(
            "update public.concerns set resolved_at = now(), resolved_by = %s"
            " where id = %s and resolved_at is null returning id", (user_id, concern_id)))


def add_concern(db: Database, user_id: UUID, *, apprentice_id: UUID, place: str, kind: str, body: str) -> None:
    with db.user_tx(user_id) as conn:
        conn.execute("insert into public.concerns (apprentice_id, place, kind, body, raised_by)"
                     " values (%s, %s, %s, %s, %s)", (apprentice_id, place, kind, body, user_id))


def school_thresholds(db: Database, admin_id: UUID) -> pd.DataFrame:
    """The thresholds of the admin's schools (defaults where none are set yet)."""
    with db.user_tx(admin_id) as conn:
        return fetch_df(conn, f"""
            select s.id as school_id, s.name, {', '.join(f't.{c}' for c in THRESHOLD_COLUMNS)}, t.version,
                   t.updated_at, public.user_display_name(t.updated_by) as changed_by
            from public.schools s left join public.risk_thresholds t on t.school_id = s.id
            where s.id in (select app_private.school_ids_with_role('admin')) order by s.name""")


def save_thresholds(db: Database, admin_id: UUID, school_id: UUID, values: dict, version: int | None = None) -> None:
    """Store a school's thresholds against the version the admin saw (None: the defaults, no row yet); StaleWrite
    when another admin saved them meanwhile."""
    columns = ", ".join(THRESHOLD_COLUMNS)
    placeholders = ", ".join(f"%({c})s" for c in THRESHOLD_COLUMNS)
    updates = ", ".join(f"{c} = %({c})s" for c in THRESHOLD_COLUMNS)
    params = {"school": school_id, "by": admin_id, "version": version, **values}
    with db.user_tx(admin_id) as conn:
        if version is None:
            cur = conn.execute(
                f"insert into public.risk_thresholds (school_id, {columns}, updated_by)"
                f" values (%(school)s, {placeholders}, %(by)s) on conflict (school_id) do nothing returning school_id",
                params)
        else:
            cur = conn.execute(
                f"update public.risk_thresholds set {updates}, updated_by = %(by)s, updated_at = now()"
                f" where school_id = %(school)s and version = %(version)s returning school_id", params)
        expect_one(cur)


def apprentice_ids_of_school(db: Database, admin_id: UUID, school_id: UUID) -> list[UUID]:
    with db.user_tx(admin_id) as conn:
        return [r["id"] for r in conn.execute("select id from public.apprentices where school_id = %s",
                                             (school_id,)).fetchall()]
