-- School leadership, second part (docs/leadership.md): open risks, cases and measures; case comments and shared
-- materials as cooperation activity; state-wide totals as a snapshot refreshed by a command; no JIT for the
-- aggregates; school_overview() dropped.
--
-- The new public functions follow 011 exactly: security definer, app_private.leadership_check() first (role and
-- own school, 42501; filters, 22023), figures only over the shown classes of app_leadership.classes() (classes
-- under 5 hidden, with the same secondary suppression), counts and rates only, no name, no id.
--
-- Inside a shown class (at least 5 apprentices) flags, cases and measures are event counts, not suppressed (as
-- dissolutions in 011, decision "event counts inside a shown group"). A median time to close is a statistic of
-- individual cases: it is given only over at least 5 closed cases, NULL ("< 5") otherwise.

-- school_overview() (007) published exact counts per occupation beside its class rows, so a hidden class could be
-- worked out by subtraction. The leadership page replaced it; nothing calls it any more.
drop function if exists public.school_overview();

-- Extension point for shared materials (issue 5): every material shared by a school-company pair between p_from
-- and p_to, for the given schools (NULL: all). Empty until the materials migration replaces the body with
-- `create or replace function` over its table `materials`, keeping this signature; the cooperations figure then
-- counts it as activity ('material', column by_materials) without further change.
create function app_leadership.shared_materials(p_school_ids uuid[], p_from timestamptz, p_to timestamptz)
returns table (school_id uuid, company_id uuid, shared_at timestamptz)
language sql stable set search_path = ''
as $$
  select null::uuid, null::uuid, null::timestamptz where false
$$;

-- Cooperation activity: per pair, kind and month, the last moment of an activity in [p_from, p_to) by an
-- apprentice of the given classes' cohort (a note by either side, a grade, a signed Berichtsheft week, a case
-- comment by either side) or a material shared by the pair.
create function app_leadership.activity(p_class_ids uuid[], p_year int, p_from timestamptz, p_to timestamptz)
returns table (school_id uuid, company_id uuid, kind text, month date, last_at timestamptz)
language plpgsql stable set search_path = '' set plan_cache_mode = force_custom_plan
  set random_page_cost = 1.1
as $$
#variable_conflict use_column
begin
  return query
  with cohort as materialized (
    select h.* from app_leadership.cohort_of_classes(p_class_ids, p_year) h
  ),
  pairs as materialized (
    select distinct h.school_id, h.company_id from cohort h
  )
  select h.school_id, h.company_id, 'note', date_trunc('month', n.created_at)::date, max(n.created_at)
  from cohort h join public.notes n on n.apprentice_id = h.apprentice_id
  where n.created_at >= p_from and n.created_at < p_to
  group by 1, 2, 3, 4
  union all
  select h.school_id, h.company_id, 'grade', date_trunc('month', g.recorded_at)::date, max(g.recorded_at)
  from cohort h join public.lf_grade_history g on g.apprentice_id = h.apprentice_id
  where g.recorded_at >= p_from and g.recorded_at < p_to
  group by 1, 2, 3, 4
  union all
  select h.school_id, h.company_id, 'record_book', date_trunc('month', rw.decided_at)::date, max(rw.decided_at)
  from cohort h join public.record_weeks rw on rw.apprentice_id = h.apprentice_id
  where rw.status = 'unterschrieben' and rw.decided_at >= p_from and rw.decided_at < p_to
  group by 1, 2, 3, 4
  union all
  select h.school_id, h.company_id, 'case_comment', date_trunc('month', cc.created_at)::date, max(cc.created_at)
  from cohort h
  join public.risk_cases c on c.apprentice_id = h.apprentice_id
  join public.case_comments cc on cc.case_id = c.id
  where cc.created_at >= p_from and cc.created_at < p_to
  group by 1, 2, 3, 4
  union all
  select m.school_id, m.company_id, 'material', date_trunc('month', m.shared_at)::date, max(m.shared_at)
  from app_leadership.shared_materials(array(select distinct p.school_id from pairs p), p_from, p_to) m
  where (m.school_id, m.company_id) in (select p.school_id, p.company_id from pairs p)
  group by 1, 2, 3, 4;
end
$$;

-- Cooperations as in 011, now with case comments and shared materials as activity (two more columns).
drop function public.leadership_cooperations(uuid, int, uuid, uuid);
drop function app_leadership.cooperations(uuid[], int, uuid, uuid);
create function app_leadership.cooperations(p_school_ids uuid[], p_year int, p_occupation_id uuid,
                                            p_class_id uuid)
returns table (dimension text, month date, cooperations int, active int, by_notes int, by_grades int,
               by_record_book int, by_case_comments int, by_materials int)
language plpgsql stable set search_path = '' set plan_cache_mode = force_custom_plan
  set random_page_cost = 1.1
as $$
#variable_conflict use_column
declare
  v_shown uuid[] := array(select s.class_id from app_leadership.selected(p_school_ids, p_year, p_occupation_id,
                                                                          p_class_id) s where s.shown);
  v_start timestamptz := make_date(p_year, 8, 1);
  v_end timestamptz := least(current_date, make_date(p_year + 1, 7, 31)) + 1;
  v_recent timestamptz := least(current_date, make_date(p_year + 1, 7, 31)) - 29;
begin
  return query
  with cohort as materialized (
    select h.school_id, h.company_id, h.contract_start, h.until
    from app_leadership.cohort_of_classes(v_shown, p_year) h
  ),
  events as materialized (
    select e.school_id, e.company_id, e.kind, e.month, e.last_at >= v_recent as recent
    from app_leadership.activity(v_shown, p_year, v_start, v_end) e
  ),
  months as (
    select m::date as month, (m + interval '1 month' - interval '1 day')::date as last_day
    from generate_series(v_start::date::timestamp, date_trunc('month', (v_end::date - 1)::timestamp),
                         interval '1 month') m
  ),
  -- one row per pair and month: under contract (an apprentice of the pair), active (any activity)
  pair_months as (
    select x.school_id, x.company_id, x.month, bool_or(x.enrolled) as enrolled, bool_or(x.active) as active
    from (
      select distinct h.school_id, h.company_id, mo.month, true as enrolled, false as active
      from cohort h join months mo on h.contract_start <= mo.last_day and h.until >= mo.month
      union all
      select distinct e.school_id, e.company_id, e.month, false, true from events e
    ) x
    group by x.school_id, x.company_id, x.month
  ),
  recent as (
    select e.school_id, e.company_id,
           bool_or(e.kind = 'note' and e.recent) as note, bool_or(e.kind = 'grade' and e.recent) as grade,
           bool_or(e.kind = 'record_book' and e.recent) as record_book,
           bool_or(e.kind = 'case_comment' and e.recent) as case_comment,
           bool_or(e.kind = 'material' and e.recent) as material
    from events e
    group by e.school_id, e.company_id
  ),
  pairs as (
    select p.school_id, p.company_id, coalesce(r.note, false) as note, coalesce(r.grade, false) as grade,
           coalesce(r.record_book, false) as record_book, coalesce(r.case_comment, false) as case_comment,
           coalesce(r.material, false) as material
    from (select distinct h.school_id, h.company_id from cohort h) p
    left join recent r on r.school_id = p.school_id and r.company_id = p.company_id
  )
  select 'gesamt', null::date, count(*)::int,
         count(*) filter (where p.note or p.grade or p.record_book or p.case_comment or p.material)::int,
         count(*) filter (where p.note)::int, count(*) filter (where p.grade)::int,
         count(*) filter (where p.record_book)::int, count(*) filter (where p.case_comment)::int,
         count(*) filter (where p.material)::int
  from pairs p
  union all
  (select 'monat', pm.month, count(*)::int, count(*) filter (where pm.active)::int, null, null, null, null, null
   from pair_months pm where pm.enrolled
   group by pm.month order by pm.month);
end
$$;


-- Open risks on the reference day per class, occupation and in total: apprentices of the shown selected classes
-- under contract on that day, how many have at least one open early-warning flag, split by their highest
-- severity (the three add up to "flagged"), and the number of open flags. A flag is open on the reference day
-- when it was first seen by then and not cleared by then (cleared flags stay as history, so past school years
-- work). Rule 4: a class counts only with at least 5 apprentices under contract on the reference day.
create function app_leadership.risks(p_school_ids uuid[], p_year int, p_occupation_id uuid, p_class_id uuid)
returns table (dimension text, label text, apprentices int, flagged int, hinweis int, warnung int, kritisch int,
               open_flags int, flagged_percent numeric)
language plpgsql stable set search_path = '' set plan_cache_mode = force_custom_plan
  set random_page_cost = 1.1
as $$
#variable_conflict use_column
declare
  v_sel app_leadership.selected_class[] := array(
    select s from app_leadership.selected(p_school_ids, p_year, p_occupation_id, p_class_id) s);
  v_shown uuid[] := array(select s.class_id from unnest(v_sel) s where s.shown);
  v_end timestamptz := least(current_date, make_date(p_year + 1, 7, 31)) + 1;
begin
  return query
  with sel as materialized (select * from unnest(v_sel)),
  current as materialized (
    select h.apprentice_id, h.class_id
    from app_leadership.cohort_of_classes(v_shown, p_year) h
    where h.until >= h.ref_day
  ),
  flagged as materialized (
    select c.apprentice_id, count(*) as flags,
           max(case f.severity when 'kritisch' then 3 when 'warnung' then 2 else 1 end) as level
    from current c
    join public.risk_flags f on f.apprentice_id = c.apprentice_id
    where f.first_seen_at < v_end and (f.cleared_at is null or f.cleared_at >= v_end)
    group by c.apprentice_id
  ),
  -- per class (by id: class names repeat across schools in the state-wide totals)
  cells as materialized (
    select s.class_id, s.class_name, s.occupation, count(*) as n, count(f.apprentice_id) as flagged,
           count(*) filter (where f.level = 1) as l1, count(*) filter (where f.level = 2) as l2,
           count(*) filter (where f.level = 3) as l3, coalesce(sum(f.flags), 0) as flags
    from current c
    join sel s on s.class_id = c.class_id
    left join flagged f on f.apprentice_id = c.apprentice_id
    group by s.class_id, s.class_name, s.occupation
    having count(*) >= 5
  )
  select u.dimension, u.label, u.n::int, u.flagged::int, u.l1::int, u.l2::int, u.l3::int, u.flags::int,
         round(100.0 * u.flagged / nullif(u.n, 0), 1)
  from (
    select case when grouping(c.class_id) = 0 then 'klasse' when grouping(c.occupation) = 0 then 'beruf'
                else 'gesamt' end as dimension,
           coalesce(c.class_name, c.occupation, 'Alle') as label,
           sum(c.n) as n, sum(c.flagged) as flagged, sum(c.l1) as l1, sum(c.l2) as l2, sum(c.l3) as l3,
           sum(c.flags) as flags
    from cells c
    group by grouping sets ((c.occupation, c.class_id, c.class_name), (c.occupation), ())
    union all  -- hidden classes, and shown ones with fewer than 5 under contract on the reference day
    select 'klasse', s.class_name, null, null, null, null, null, null
    from sel s where s.class_id not in (select c.class_id from cells c)
    union all
    select distinct 'beruf', s.occupation, null::numeric, null::numeric, null::numeric, null::numeric,
           null::numeric, null::numeric
    from sel s where s.occupation not in (select c.occupation from cells c)
  ) u
  order by case u.dimension when 'gesamt' then 0 when 'beruf' then 1 else 2 end, u.label;
end
$$;

-- Cases of apprentices of the shown selected classes: opened and closed in the school year (up to the reference
-- day), open on the reference day, and the median days from opening to closing of the cases closed in the school
-- year, given only over at least 5 closed cases. Per class, occupation, month (opened and closed in that month)
-- and in total; the group is the class, as for dissolutions.
create function app_leadership.cases(p_school_ids uuid[], p_year int, p_occupation_id uuid, p_class_id uuid)
returns table (dimension text, label text, month date, opened int, closed int, open_at_end int,
               median_days_to_close numeric)
language plpgsql stable set search_path = '' set plan_cache_mode = force_custom_plan
  set random_page_cost = 1.1
as $$
#variable_conflict use_column
declare
  v_sel app_leadership.selected_class[] := array(
    select s from app_leadership.selected(p_school_ids, p_year, p_occupation_id, p_class_id) s);
  v_shown uuid[] := array(select s.class_id from unnest(v_sel) s where s.shown);
  v_start timestamptz := make_date(p_year, 8, 1);
  v_end timestamptz := least(current_date, make_date(p_year + 1, 7, 31)) + 1;
begin
  return query
  with sel as materialized (select * from unnest(v_sel)),
  cases as materialized (
    select h.class_id, c.opened_at, c.closed_at,
           c.opened_at >= v_start and c.opened_at < v_end as opened,
           c.closed_at >= v_start and c.closed_at < v_end as closed,
           c.opened_at < v_end and (c.closed_at is null or c.closed_at >= v_end) as open_at_end,
           extract(epoch from c.closed_at - c.opened_at) / 86400 as days
    from app_leadership.cohort_of_classes(v_shown, p_year) h
    join public.risk_cases c on c.apprentice_id = h.apprentice_id
    where c.opened_at < v_end and (c.closed_at is null or c.closed_at >= v_start)
  ),
  months as (
    select m::date as month
    from app_leadership.window_of(p_year) w,
         generate_series(w.sy_start::timestamp, date_trunc('month', w.ref_day::timestamp), interval '1 month') m
  ),
  -- each case once per month it was opened in and once per month it was closed in
  by_month as (
    select date_trunc('month', c.opened_at)::date as month, 1 as opened, 0 as closed, null::numeric as days
    from cases c where c.opened
    union all
    select date_trunc('month', c.closed_at)::date, 0, 1, c.days from cases c where c.closed
  )
  select u.dimension, u.label, u.month, u.opened::int, u.closed::int, u.open_at_end::int,
         case when u.closed >= 5 then round(u.median::numeric, 1) end
  from (
    select case when grouping(s.class_id) = 0 then 'klasse' when grouping(s.occupation) = 0 then 'beruf'
                else 'gesamt' end as dimension,
           coalesce(s.class_name, s.occupation, 'Alle') as label, null::date as month,
           count(*) filter (where c.opened) as opened, count(*) filter (where c.closed) as closed,
           count(*) filter (where c.open_at_end) as open_at_end,
           percentile_cont(0.5) within group (order by c.days) filter (where c.closed) as median
    from sel s
    left join cases c on c.class_id = s.class_id
    where s.shown
    group by grouping sets ((s.occupation, s.class_id, s.class_name), (s.occupation), ())
    having count(*) > 0
    union all
    select 'klasse', s.class_name, null, null, null, null, null from sel s where not s.shown
    union all
    select distinct 'beruf', s.occupation, null::date, null::bigint, null::bigint, null::bigint, null::float8
    from sel s where not exists (select 1 from sel x where x.occupation = s.occupation and x.shown)
    union all
    select 'monat', null, mo.month, coalesce(sum(b.opened), 0), coalesce(sum(b.closed), 0), null,
           percentile_cont(0.5) within group (order by b.days)
    from months mo left join by_month b on b.month = mo.month
    where cardinality(v_shown) > 0
    group by mo.month
  ) u
  order by case u.dimension when 'gesamt' then 0 when 'beruf' then 1 when 'klasse' then 2 else 3 end, u.label,
           u.month;
end
$$;

-- Measures taken in cases of apprentices of the shown selected classes, agreed in the school year (up to the
-- reference day): per kind (every kind, also unused ones) and in total, how many, how many of them done by the
-- reference day, and in how many cases.
create function app_leadership.measures(p_school_ids uuid[], p_year int, p_occupation_id uuid, p_class_id uuid)
returns table (dimension text, kind text, measures int, done int, cases int)
language plpgsql stable set search_path = '' set plan_cache_mode = force_custom_plan
  set random_page_cost = 1.1
as $$
#variable_conflict use_column
declare
  v_shown uuid[] := array(select s.class_id from app_leadership.selected(p_school_ids, p_year, p_occupation_id,
                                                                          p_class_id) s where s.shown);
  v_start timestamptz := make_date(p_year, 8, 1);
  v_end timestamptz := least(current_date, make_date(p_year + 1, 7, 31)) + 1;
begin
  return query
  with measures as materialized (
    select m.kind::text as kind, m.case_id, m.done_at < v_end as done
    from app_leadership.cohort_of_classes(v_shown, p_year) h
    join public.risk_cases c on c.apprentice_id = h.apprentice_id
    join public.case_measures m on m.case_id = c.id
    where m.created_at >= v_start and m.created_at < v_end
  )
  select u.dimension, u.kind, u.measures::int, u.done::int, u.cases::int
  from (
    select 'art' as dimension, k.kind::text as kind, k.sort, count(m.case_id) as measures,
           count(*) filter (where m.done) as done, count(distinct m.case_id) as cases
    from unnest(enum_range(null::public.measure_kind)) with ordinality k(kind, sort)
    left join measures m on m.kind = k.kind::text
    where cardinality(v_shown) > 0
    group by k.kind, k.sort
    union all
    select 'gesamt', null, 0, count(*), count(*) filter (where m.done), count(distinct m.case_id)
    from measures m
    having cardinality(v_shown) > 0
  ) u
  order by u.dimension desc, u.sort;
end
$$;


-- Public API (checked as in 011) ------------------------------------------------------------------------------------

create function public.leadership_cooperations(p_school_id uuid, p_school_year int,
                                               p_occupation_id uuid default null, p_class_id uuid default null)
returns table (dimension text, month date, cooperations int, active int, by_notes int, by_grades int,
               by_record_book int, by_case_comments int, by_materials int)
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform app_private.leadership_check(p_school_id, p_school_year, p_occupation_id, p_class_id);
  return query select * from app_leadership.cooperations(array[p_school_id], p_school_year, p_occupation_id,
                                                         p_class_id);
end
$$;

create function public.leadership_risks(p_school_id uuid, p_school_year int, p_occupation_id uuid default null,
                                        p_class_id uuid default null)
returns table (dimension text, label text, apprentices int, flagged int, hinweis int, warnung int, kritisch int,
               open_flags int, flagged_percent numeric)
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform app_private.leadership_check(p_school_id, p_school_year, p_occupation_id, p_class_id);
  return query select * from app_leadership.risks(array[p_school_id], p_school_year, p_occupation_id, p_class_id);
end
$$;

create function public.leadership_cases(p_school_id uuid, p_school_year int, p_occupation_id uuid default null,
                                        p_class_id uuid default null)
returns table (dimension text, label text, month date, opened int, closed int, open_at_end int,
               median_days_to_close numeric)
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform app_private.leadership_check(p_school_id, p_school_year, p_occupation_id, p_class_id);
  return query select * from app_leadership.cases(array[p_school_id], p_school_year, p_occupation_id, p_class_id);
end
$$;

create function public.leadership_measures(p_school_id uuid, p_school_year int, p_occupation_id uuid default null,
                                           p_class_id uuid default null)
returns table (dimension text, kind text, measures int, done int, cases int)
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform app_private.leadership_check(p_school_id, p_school_year, p_occupation_id, p_class_id);
  return query select * from app_leadership.measures(array[p_school_id], p_school_year, p_occupation_id,
                                                     p_class_id);
end
$$;

revoke all on function public.leadership_cooperations(uuid, int, uuid, uuid) from public;
revoke all on function public.leadership_risks(uuid, int, uuid, uuid) from public;
revoke all on function public.leadership_cases(uuid, int, uuid, uuid) from public;
revoke all on function public.leadership_measures(uuid, int, uuid, uuid) from public;
grant execute on function public.leadership_cooperations(uuid, int, uuid, uuid) to authenticated;
grant execute on function public.leadership_risks(uuid, int, uuid, uuid) to authenticated;
grant execute on function public.leadership_cases(uuid, int, uuid, uuid) to authenticated;
grant execute on function public.leadership_measures(uuid, int, uuid, uuid) to authenticated;

-- State-wide totals ------------------------------------------------------------------------------------------------
--
-- The same aggregates over every school (class and cell protection per school, as on a school's page), for the
-- state initiative and the benchmark; owner only (no app role may use this schema). Computing them reads every
-- apprentice, every signed Berichtsheft week and every activity of the school year: seconds at Hessen scale.
-- They are therefore computed by `python -m leokop leadership refresh` (app_leadership.refresh_statewide(),
-- e.g. nightly) into a snapshot, and read from it in milliseconds; computed_at says how old they are.
create table app_leadership.statewide_figures (
  school_year int not null,
  figure text not null,
  computed_at timestamptz not null default now(),
  rows jsonb not null,
  primary key (school_year, figure)
);
-- No policy: no app role reads it (nor uses the schema); the owner bypasses RLS.
alter table app_leadership.statewide_figures enable row level security;
revoke all on app_leadership.statewide_figures from public;

-- Compute the snapshot of one school year (default: the current one) in one transaction; returns the figures
-- written.
create function app_leadership.refresh_statewide(p_year int default public.school_year_start())
returns int
language plpgsql set search_path = '' set jit = off
as $$
declare
  v_schools uuid[] := array(select s.id from public.schools s order by s.id);
  v_figure text;
  v_rows jsonb;
  v_done int := 0;
begin
  foreach v_figure in array array['headcounts', 'cooperations', 'absences', 'grades', 'record_book',
                                  'dissolutions', 'risks', 'cases', 'measures'] loop
    execute format('select coalesce(jsonb_agg(to_jsonb(f)), ''[]'') from app_leadership.%I($1, $2, null, null) f',
                   v_figure)
      into v_rows using v_schools, p_year;
    insert into app_leadership.statewide_figures (school_year, figure, computed_at, rows)
    values (p_year, v_figure, now(), v_rows)
    on conflict (school_year, figure) do update set computed_at = excluded.computed_at, rows = excluded.rows;
    v_done := v_done + 1;
  end loop;
  return v_done;
end
$$;

-- The state-wide figures of a school year as stored by the last refresh: one row per figure, its result rows as a
-- JSON array. Without p_classes only the totals (whole state, per occupation, training year, month, kind), not
-- the thousands of class and class x month rows.
create function app_leadership.statewide(p_year int default public.school_year_start(),
                                         p_classes boolean default false)
returns table (figure text, computed_at timestamptz, rows jsonb)
language sql stable set search_path = ''
as $$
  select f.figure, f.computed_at,
         case when p_classes then f.rows
              else jsonb_path_query_array(f.rows, '$[*] ? (@.dimension != "klasse" && @.dimension != "klasse_monat")')
         end
  from app_leadership.statewide_figures f
  where f.school_year = p_year
  order by f.figure
$$;

-- No JIT for the aggregates: their row estimates (generate_series, arrays of class ids) push the plan cost over
-- jit_above_cost, and compiling the plan took 5-6 s of a state-wide call that runs in under one second without
-- it (measured, docs/leadership.md). A school's page never profits from JIT either.
alter function app_leadership.classes(uuid[], int) set jit = off;
alter function app_leadership.headcounts(uuid[], int, uuid, uuid) set jit = off;
alter function app_leadership.absences(uuid[], int, uuid, uuid) set jit = off;
alter function app_leadership.grades(uuid[], int, uuid, uuid) set jit = off;
alter function app_leadership.dissolutions(uuid[], int, uuid, uuid) set jit = off;
alter function app_leadership.activity(uuid[], int, timestamptz, timestamptz) set jit = off;
alter function app_leadership.cooperations(uuid[], int, uuid, uuid) set jit = off;
alter function app_leadership.record_book(uuid[], int, uuid, uuid) set jit = off;
alter function app_leadership.risks(uuid[], int, uuid, uuid) set jit = off;
alter function app_leadership.cases(uuid[], int, uuid, uuid) set jit = off;
alter function app_leadership.measures(uuid[], int, uuid, uuid) set jit = off;

revoke all on all functions in schema app_leadership from public;
