-- School leadership: aggregates that inform without exposing anyone (docs/leadership.md).
--
-- The public functions public.leadership_*() are security definer. Each first checks that the caller leads or
-- administers the school (42501 otherwise) and that the filters are valid (22023), then returns counts and
-- rates only: no name, no apprentice id, no row of a person leaves them.
--
-- Privacy rules, the same in every function:
--  1. The population of a school year ("cohort") is every apprentice whose contract ran on at least one day of
--     the school year up to the reference day (today, or the last day of a past school year).
--  2. Class protection: a class with fewer than 5 apprentices of the cohort is hidden. Secondary suppression:
--     within the school, within each occupation and within each training year, hidden classes are either none or
--     at least two classes holding at least 5 apprentices together; until that holds, the smallest shown class
--     of the most specific relation that fails is hidden, one class per round. Whether a class is hidden depends
--     only on the school and the school year, never on the filters, so no two filtered views can be subtracted
--     to reveal a hidden class.
--  3. Every figure is a sum over shown classes only (left out of every total and rate). The one exact number is
--     the school's total cohort (unfiltered).
--  4. Cell protection: inside a shown class, a cell of a table (class x month, class x Lernfeld) whose group has
--     fewer than 5 apprentices is hidden; every row of that table (per class, per month, per Lernfeld, total)
--     is a sum of shown cells of that table only. Each table uses one partition of its events, so no row of
--     one table can be subtracted from another row to reveal a hidden cell.
--
-- The internal functions live in schema app_leadership, which no app role may use; they take an array of
-- schools, so that the same code gives the state-wide totals (owner only, e.g. the benchmark).

create schema app_leadership;
revoke all on schema app_leadership from public;

-- Signed Berichtsheft weeks of an apprentice, read from the index alone: by week (completion) and by the day
-- of signing (activity).
create index record_weeks_signed_week_idx on public.record_weeks (apprentice_id, week_start)
  where status = 'unterschrieben';
create index record_weeks_signed_at_idx on public.record_weeks (apprentice_id, decided_at)
  where status = 'unterschrieben';

-- Schools the signed-in user leads or administers.
create function app_private.leadership_school_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select app_private.school_ids_with_role('schulleitung')
  union
  select app_private.school_ids_with_role('admin')
$$;
revoke all on function app_private.leadership_school_ids() from public;
grant execute on function app_private.leadership_school_ids() to authenticated;

-- First day of the school year and the reference day: today, or the last day of a past school year.
create function app_leadership.window_of(p_year int)
returns table (sy_start date, ref_day date)
language sql stable
as $$
  select make_date(p_year, 8, 1), least(current_date, make_date(p_year + 1, 7, 31))
$$;

-- Mondays: the first on or after a day, the last on or before a day.
create function app_leadership.monday_on_or_after(p_day date)
returns date
language sql immutable
as $$ select p_day + (8 - extract(isodow from p_day)::int) % 7 $$;

create function app_leadership.monday_on_or_before(p_day date)
returns date
language sql immutable
as $$ select p_day - (extract(isodow from p_day)::int - 1) $$;

-- The cohort of a school year (rule 1). Plain SQL without SET so that the planner inlines it.
create function app_leadership.cohort(p_school_ids uuid[], p_year int)
returns table (apprentice_id uuid, school_id uuid, class_id uuid, company_id uuid, occupation_id uuid,
               contract_start date, until date, probation_end date, dissolved_on date,
               sy_start date, ref_day date)
language sql stable
as $$
  select a.id, a.school_id, a.class_id, a.company_id, a.occupation_id, a.contract_start,
         least(coalesce(a.dissolved_on, a.contract_end), w.ref_day), a.probation_end, a.dissolved_on,
         w.sy_start, w.ref_day
  from app_leadership.window_of(p_year) w
  join public.apprentices a on a.school_id = any (p_school_ids)
  where a.contract_start <= w.ref_day
    and coalesce(a.dissolved_on, a.contract_end) >= w.sy_start
$$;

-- The cohort of given classes (their school is implied): what the aggregates read once the shown classes are
-- known. Filtering by class alone gives the planner the right row estimate (the school and the class condition
-- together look far more selective than they are).
create function app_leadership.cohort_of_classes(p_class_ids uuid[], p_year int)
returns table (apprentice_id uuid, school_id uuid, class_id uuid, company_id uuid, occupation_id uuid,
               contract_start date, until date, probation_end date, dissolved_on date,
               sy_start date, ref_day date)
language sql stable
as $$
  select a.id, a.school_id, a.class_id, a.company_id, a.occupation_id, a.contract_start,
         least(coalesce(a.dissolved_on, a.contract_end), w.ref_day), a.probation_end, a.dissolved_on,
         w.sy_start, w.ref_day
  from app_leadership.window_of(p_year) w
  join public.apprentices a on a.class_id = any (p_class_ids)
  where a.contract_start <= w.ref_day
    and coalesce(a.dissolved_on, a.contract_end) >= w.sy_start
$$;

-- Row estimates for the cohort's "contract still running" condition.
create statistics app_leadership.apprentices_contract_until on (coalesce(dissolved_on, contract_end))
  from public.apprentices;

-- Class protection (rule 2): every class with cohort members, its size and whether it is shown.
create function app_leadership.classes(p_school_ids uuid[], p_year int)
returns table (school_id uuid, class_id uuid, occupation_id uuid, training_year int, apprentices int,
               shown boolean)
language plpgsql stable rows 100 set search_path = ''
as $$
declare
  v_school uuid[];
  v_class uuid[];
  v_occ uuid[];
  v_year int[];
  v_n int[];
  v_hidden boolean[];
  v_pick int[];
  i int;
begin
  -- ordered by size within the school: the first shown member of a relation is its smallest
  select array_agg(x.school_id order by x.school_id, x.n, x.name, x.class_id),
         array_agg(x.class_id order by x.school_id, x.n, x.name, x.class_id),
         array_agg(x.occupation_id order by x.school_id, x.n, x.name, x.class_id),
         array_agg(x.training_year order by x.school_id, x.n, x.name, x.class_id),
         array_agg(x.n order by x.school_id, x.n, x.name, x.class_id),
         array_agg(x.n < 5 order by x.school_id, x.n, x.name, x.class_id)
    into v_school, v_class, v_occ, v_year, v_n, v_hidden
  from (
    select c.school_id, c.class_id, k.occupation_id, p_year - k.start_year + 1 as training_year,
           count(*)::int as n, k.name
    from app_leadership.cohort(p_school_ids, p_year) c
    join public.classes k on k.id = c.class_id
    group by c.school_id, c.class_id, k.occupation_id, k.start_year, k.name
  ) x;
  if v_class is null then
    return;
  end if;
  loop
    -- a relation (the school, an occupation, a training year) whose hidden classes are fewer than two or hold
    -- fewer than 5 apprentices together, while it still has shown ones, gets its smallest shown class hidden;
    -- one class per school and round, the most specific relation first, so that nothing is hidden needlessly
    select array_agg(p.pick) into v_pick
    from (
      select distinct on (v.school_id) v.pick
      from (
        select m.school_id, r.rank, (array_agg(m.i order by m.i) filter (where not m.hidden))[1] as pick
        from (
          select s.i, v_school[s.i] as school_id, v_occ[s.i] as occupation_id, v_year[s.i] as training_year,
                 v_n[s.i] as n, v_hidden[s.i] as hidden
          from generate_subscripts(v_class, 1) as s(i)
        ) m
        cross join lateral (values (3, 'school'), (1, 'occupation:' || m.occupation_id::text),
                                   (2, 'year:' || m.training_year::text)) r(rank, relation)
        group by m.school_id, r.rank, r.relation
        having count(*) filter (where m.hidden) > 0
           and (count(*) filter (where m.hidden) < 2 or sum(m.n) filter (where m.hidden) < 5)
           and count(*) filter (where not m.hidden) > 0
      ) v
      order by v.school_id, v.rank, v.pick
    ) p;
    exit when v_pick is null;
    foreach i in array v_pick loop
      v_hidden[i] := true;
    end loop;
  end loop;
  return query
    select v_school[s.i], v_class[s.i], v_occ[s.i], v_year[s.i], v_n[s.i], not v_hidden[s.i]
    from generate_subscripts(v_class, 1) as s(i);
end
$$;

-- The classes the filters select (shown or hidden), with their labels.
create type app_leadership.selected_class as (
  school_id uuid, class_id uuid, class_name text, occupation_id uuid, occupation text, training_year int,
  apprentices int, shown boolean
);

create function app_leadership.selected(p_school_ids uuid[], p_year int, p_occupation_id uuid, p_class_id uuid)
returns setof app_leadership.selected_class
language sql stable rows 100 set search_path = ''
as $$
  select c.school_id, c.class_id, k.name, c.occupation_id, o.name, c.training_year, c.apprentices, c.shown
  from app_leadership.classes(p_school_ids, p_year) c
  join public.classes k on k.id = c.class_id
  join public.occupations o on o.id = c.occupation_id
  where (p_occupation_id is null or c.occupation_id = p_occupation_id)
    and (p_class_id is null or c.class_id = p_class_id)
$$;

-- The aggregate functions below are plpgsql: they read the selected classes once into an array and filter the
-- cohort by the ids of the shown ones (`class_id = any (...)`), planned with the actual values
-- (force_custom_plan), so that one school gets index lookups per apprentice and the whole state hash joins.
-- random_page_cost = 1.1 (data on SSD or in memory, as on Supabase) keeps the planner from scanning a whole fact
-- table for the few thousand apprentices of one school.

-- Apprentices by occupation, training year and class. 'gesamt' is exact (the school's whole cohort) without
-- filters, otherwise the sum over the shown selected classes; 'ausgeblendet' says how many of the whole cohort
-- are in hidden classes (without filters only).
create function app_leadership.headcounts(p_school_ids uuid[], p_year int, p_occupation_id uuid, p_class_id uuid)
returns table (dimension text, label text, apprentices int)
language sql stable set search_path = ''
as $$
  with sel as materialized (
    select * from app_leadership.selected(p_school_ids, p_year, p_occupation_id, p_class_id)
  ),
  unfiltered as (
    select p_occupation_id is null and p_class_id is null as yes
  )
  select 'gesamt', 'Alle',
         case when (select yes from unfiltered) then
                case when sum(s.apprentices) >= 5 then sum(s.apprentices)::int end
              else sum(s.apprentices) filter (where s.shown)::int end
  from sel s
  union all
  select 'ausgeblendet', 'Alle',
         case when sum(s.apprentices) >= 5
              then coalesce(sum(s.apprentices) filter (where not s.shown), 0)::int end
  from sel s having (select yes from unfiltered)
  union all
  (select 'beruf', s.occupation, sum(s.apprentices) filter (where s.shown)::int
   from sel s group by s.occupation order by s.occupation)
  union all
  (select 'ausbildungsjahr', s.training_year || '. Ausbildungsjahr',
          sum(s.apprentices) filter (where s.shown)::int
   from sel s group by s.training_year order by s.training_year)
  union all
  (select 'klasse', s.class_name, case when s.shown then s.apprentices end
   from sel s order by s.class_name)
$$;

-- Cooperations (school-company pairs) with apprentices of the shown selected classes, and how many were active
-- in the last 30 days up to the reference day: a note by either side, a grade, or a signed Berichtsheft week of
-- one of those apprentices. 'monat' rows: per month, the pairs with an apprentice under contract in that month
-- and how many of them were active in it.
create function app_leadership.cooperations(p_school_ids uuid[], p_year int, p_occupation_id uuid,
                                            p_class_id uuid)
returns table (dimension text, month date, cooperations int, active int, by_notes int, by_grades int,
               by_record_book int)
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
    select h.* from app_leadership.cohort_of_classes(v_shown, p_year) h
  ),
  -- the activity of each pair, per kind and month, and whether it falls into the last 30 days
  events as materialized (
    select h.school_id, h.company_id, 'note' as kind, date_trunc('month', n.created_at)::date as month,
           bool_or(n.created_at >= v_recent) as recent
    from cohort h join public.notes n on n.apprentice_id = h.apprentice_id
    where n.created_at >= v_start and n.created_at < v_end
    group by 1, 2, 3, 4
    union all
    select h.school_id, h.company_id, 'grade', date_trunc('month', g.recorded_at)::date,
           bool_or(g.recorded_at >= v_recent)
    from cohort h join public.lf_grade_history g on g.apprentice_id = h.apprentice_id
    where g.recorded_at >= v_start and g.recorded_at < v_end
    group by 1, 2, 3, 4
    union all
    select h.school_id, h.company_id, 'record_book', date_trunc('month', rw.decided_at)::date,
           bool_or(rw.decided_at >= v_recent)
    from cohort h join public.record_weeks rw on rw.apprentice_id = h.apprentice_id
    where rw.status = 'unterschrieben' and rw.decided_at >= v_start and rw.decided_at < v_end
    group by 1, 2, 3, 4
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
      select e.school_id, e.company_id, e.month, false, true from events e
    ) x
    group by x.school_id, x.company_id, x.month
  ),
  recent as (
    select e.school_id, e.company_id,
           bool_or(e.kind = 'note' and e.recent) as note, bool_or(e.kind = 'grade' and e.recent) as grade,
           bool_or(e.kind = 'record_book' and e.recent) as record_book
    from events e
    group by e.school_id, e.company_id
  ),
  pairs as (
    select p.school_id, p.company_id, coalesce(r.note, false) as note, coalesce(r.grade, false) as grade,
           coalesce(r.record_book, false) as record_book
    from (select distinct h.school_id, h.company_id from cohort h) p
    left join recent r on r.school_id = p.school_id and r.company_id = p.company_id
  )
  select 'gesamt', null::date, count(*)::int, count(*) filter (where p.note or p.grade or p.record_book)::int,
         count(*) filter (where p.note)::int, count(*) filter (where p.grade)::int,
         count(*) filter (where p.record_book)::int
  from pairs p
  union all
  (select 'monat', pm.month, count(*)::int, count(*) filter (where pm.active)::int, null, null, null
   from pair_months pm where pm.enrolled
   group by pm.month order by pm.month);
end
$$;

-- Absence days per class and month (rule 4: a class-month cell counts only with at least 5 apprentices under
-- contract in that month). apprentice_months: the apprentices under contract, summed over the months (one per
-- apprentice and month with at least one day of contract); rates are days per apprentice and month.
create function app_leadership.absences(p_school_ids uuid[], p_year int, p_occupation_id uuid, p_class_id uuid)
returns table (dimension text, class_name text, month date, apprentice_months int, absence_days int,
               unexcused_days int, days_per_apprentice numeric, unexcused_per_apprentice numeric)
language plpgsql stable set search_path = '' set plan_cache_mode = force_custom_plan
  set random_page_cost = 1.1
as $$
#variable_conflict use_column
declare
  v_sel app_leadership.selected_class[] := array(
    select s from app_leadership.selected(p_school_ids, p_year, p_occupation_id, p_class_id) s);
  v_shown uuid[] := array(select s.class_id from unnest(v_sel) s where s.shown);
begin
  return query
  with sel as materialized (select * from unnest(v_sel)),
  cohort as materialized (
    select h.* from app_leadership.cohort_of_classes(v_shown, p_year) h
  ),
  months as (
    select m::date as month, (m + interval '1 month' - interval '1 day')::date as last_day
    from app_leadership.window_of(p_year) w,
         generate_series(w.sy_start::timestamp, date_trunc('month', w.ref_day::timestamp), interval '1 month') m
  ),
  -- class x month cells: apprentices under contract, absence days, unexcused ones, aggregated directly (no row
  -- per apprentice is kept, so that a whole state stays cheap)
  enrolled as materialized (
    select h.class_id, mo.month, count(*) as n
    from cohort h join months mo on h.contract_start <= mo.last_day and h.until >= mo.month
    group by h.class_id, mo.month
  ),
  days as materialized (
    select h.class_id, date_trunc('month', a.absence_date::timestamp)::date as month, count(*) as days,
           count(*) filter (where not a.excused) as unexcused
    from cohort h
    join public.absences a on a.apprentice_id = h.apprentice_id
     and a.absence_date between greatest(h.sy_start, h.contract_start) and h.until
    group by h.class_id, date_trunc('month', a.absence_date::timestamp)
  ),
  cells as materialized (
    select e.class_id, e.month, e.n, coalesce(d.days, 0) as days, coalesce(d.unexcused, 0) as unexcused
    from enrolled e left join days d on d.class_id = e.class_id and d.month = e.month
  ),
  sums as (
    select case when grouping(c.class_id) = 0 and grouping(c.month) = 0 then 'klasse_monat'
                when grouping(c.class_id) = 0 then 'klasse'
                when grouping(c.month) = 0 then 'monat' else 'gesamt' end as dimension,
           c.class_id, c.month, sum(c.n)::int as n, sum(c.days)::int as days,
           sum(c.unexcused)::int as unexcused
    from cells c
    where c.n >= 5
    group by grouping sets ((c.class_id, c.month), (c.class_id), (c.month), ())
  )
  select u.dimension, u.class_name, u.month, u.n, u.days, u.unexcused,
         round(u.days::numeric / nullif(u.n, 0), 2), round(u.unexcused::numeric / nullif(u.n, 0), 2)
  from (
    select x.dimension, s.class_name, x.month, x.n, x.days, x.unexcused
    from sums x left join sel s on s.class_id = x.class_id
    where not (x.dimension = 'gesamt' and x.n is null)
    union all  -- hidden cells of shown classes
    select 'klasse_monat', s.class_name, c.month, null::int, null::int, null::int
    from cells c join sel s on s.class_id = c.class_id where c.n < 5
    union all  -- hidden classes, and shown classes without a shown cell
    select 'klasse', s.class_name, null::date, null::int, null::int, null::int
    from sel s where not exists (select 1 from cells c where c.class_id = s.class_id and c.n >= 5)
  ) u
  order by 1, 2 nulls first, 3 nulls first;
end
$$;

-- Grade distribution per Lernfeld: the current grade of each apprentice given in the school year (rule 4:
-- a class-Lernfeld cell counts only with at least 5 graded apprentices). No monthly split: a second partition
-- of the same grades could be subtracted from this one.
create function app_leadership.grades(p_school_ids uuid[], p_year int, p_occupation_id uuid, p_class_id uuid)
returns table (dimension text, occupation text, code text, title text, sort_order int, graded int,
               grade_1 int, grade_2 int, grade_3 int, grade_4 int, grade_5 int, grade_6 int,
               average numeric)
language plpgsql stable set search_path = '' set plan_cache_mode = force_custom_plan
  set random_page_cost = 1.1
as $$
#variable_conflict use_column
declare
  v_shown uuid[] := array(select s.class_id from app_leadership.selected(p_school_ids, p_year, p_occupation_id,
                                                                          p_class_id) s where s.shown);
begin
  return query
  with cohort as materialized (
    select h.* from app_leadership.cohort_of_classes(v_shown, p_year) h
  ),
  cells as materialized (
    select h.class_id, r.learning_field_id, count(*) as n,
           count(*) filter (where r.grade = 1) as g1, count(*) filter (where r.grade = 2) as g2,
           count(*) filter (where r.grade = 3) as g3, count(*) filter (where r.grade = 4) as g4,
           count(*) filter (where r.grade = 5) as g5, count(*) filter (where r.grade = 6) as g6,
           sum(r.grade) as total
    from cohort h
    join public.lf_results r on r.apprentice_id = h.apprentice_id
    where r.grade is not null and r.graded_on between h.sy_start and h.ref_day
    group by h.class_id, r.learning_field_id
  ),
  per_lf as (
    select c.learning_field_id,
           sum(c.n) filter (where c.n >= 5) as n,
           sum(c.g1) filter (where c.n >= 5) as g1, sum(c.g2) filter (where c.n >= 5) as g2,
           sum(c.g3) filter (where c.n >= 5) as g3, sum(c.g4) filter (where c.n >= 5) as g4,
           sum(c.g5) filter (where c.n >= 5) as g5, sum(c.g6) filter (where c.n >= 5) as g6,
           sum(c.total) filter (where c.n >= 5) as total
    from cells c group by c.learning_field_id
  )
  (select 'lernfeld', o.name, lf.code, lf.title, lf.sort_order, p.n::int, p.g1::int, p.g2::int, p.g3::int,
          p.g4::int, p.g5::int, p.g6::int, round(p.total::numeric / nullif(p.n, 0), 2)
   from per_lf p
   join public.learning_fields lf on lf.id = p.learning_field_id
   join public.occupations o on o.id = lf.occupation_id
   order by o.name, lf.sort_order)
  union all
  select 'gesamt', null, null, null, null, sum(p.n)::int, sum(p.g1)::int, sum(p.g2)::int, sum(p.g3)::int,
         sum(p.g4)::int, sum(p.g5)::int, sum(p.g6)::int, round(sum(p.total)::numeric / nullif(sum(p.n), 0), 2)
  from per_lf p
  having sum(p.n) is not null;
end
$$;

-- Berichtsheft completion: signed weeks of the weeks due, per class and month (rule 4: a class-month cell
-- counts only with at least 5 apprentices who had a week due in it). A week is due from the first Monday on or
-- after the contract start, when its Friday is within the contract, up to the last full week before the
-- reference day; the month is the month of its Monday.
create function app_leadership.record_book(p_school_ids uuid[], p_year int, p_occupation_id uuid,
                                           p_class_id uuid)
returns table (dimension text, class_name text, month date, apprentices int, due_weeks int, signed_weeks int,
               completion_percent numeric)
language plpgsql stable set search_path = '' set plan_cache_mode = force_custom_plan
  set random_page_cost = 1.1
as $$
#variable_conflict use_column
declare
  v_sel app_leadership.selected_class[] := array(
    select s from app_leadership.selected(p_school_ids, p_year, p_occupation_id, p_class_id) s);
  v_shown uuid[] := array(select s.class_id from unnest(v_sel) s where s.shown);
begin
  return query
  with sel as materialized (select * from unnest(v_sel)),
  -- per apprentice the first and the last Monday of a week due in the school year
  bounds as materialized (
    select h.apprentice_id, h.class_id,
           app_leadership.monday_on_or_after(greatest(h.contract_start, h.sy_start)) as first_monday,
           least(app_leadership.monday_on_or_before(h.until - 4),
                 app_leadership.monday_on_or_before(h.ref_day) - 7) as last_monday
    from app_leadership.cohort_of_classes(v_shown, p_year) h
  ),
  months as (
    select m::date as month, (m + interval '1 month' - interval '1 day')::date as last_day
    from app_leadership.window_of(p_year) w,
         generate_series(w.sy_start::timestamp, date_trunc('month', w.ref_day::timestamp), interval '1 month') m
  ),
  -- weeks due per apprentice and month (of the Monday), counted, not generated
  due as (
    select b.apprentice_id, b.class_id, mo.month,
           (least(b.last_monday, app_leadership.monday_on_or_before(mo.last_day))
            - greatest(b.first_monday, app_leadership.monday_on_or_after(mo.month))) / 7 + 1 as weeks
    from bounds b
    join months mo on b.first_monday <= mo.last_day and b.last_monday >= mo.month
  ),
  -- class x month cells, aggregated directly: apprentices with a week due, weeks due, weeks signed
  due_cells as materialized (
    select d.class_id, d.month, count(*) filter (where d.weeks > 0) as n, sum(greatest(d.weeks, 0)) as due
    from due d group by d.class_id, d.month
  ),
  signed_cells as materialized (
    select b.class_id, date_trunc('month', rw.week_start::timestamp)::date as month, count(*) as signed
    from bounds b
    join public.record_weeks rw on rw.apprentice_id = b.apprentice_id
     and rw.week_start between b.first_monday and b.last_monday
    where rw.status = 'unterschrieben'
    group by b.class_id, date_trunc('month', rw.week_start::timestamp)
  ),
  cells as materialized (
    select d.class_id, d.month, d.n, d.due, coalesce(g.signed, 0) as signed
    from due_cells d left join signed_cells g on g.class_id = d.class_id and g.month = d.month
    where d.n > 0
  ),
  -- apprentices of a class with a week due in the school year (for the class and total rows)
  class_people as (
    select b.class_id, count(*) as n from bounds b where b.first_monday <= b.last_monday group by b.class_id
  ),
  sums as (
    select case when grouping(c.class_id) = 0 and grouping(c.month) = 0 then 'klasse_monat'
                when grouping(c.class_id) = 0 then 'klasse'
                when grouping(c.month) = 0 then 'monat' else 'gesamt' end as dimension,
           c.class_id, c.month, sum(c.n)::int as n, sum(c.due)::int as due, sum(c.signed)::int as signed
    from cells c
    where c.n >= 5
    group by grouping sets ((c.class_id, c.month), (c.class_id), (c.month), ())
  ),
  people as (  -- classes with a shown cell
    select p.class_id, p.n
    from class_people p
    where exists (select 1 from cells c where c.class_id = p.class_id and c.n >= 5)
  ),
  rows as (
    select x.dimension, s.class_name, x.month,
           case x.dimension when 'klasse' then p.n when 'gesamt' then (select sum(p.n) from people p)
                            else x.n end::int as n,
           x.due, x.signed
    from sums x
    left join sel s on s.class_id = x.class_id
    left join people p on p.class_id = x.class_id
  )
  select u.dimension, u.class_name, u.month, u.n, u.due, u.signed,
         round(100.0 * u.signed / nullif(u.due, 0), 1)
  from (
    select * from rows where not (dimension = 'gesamt' and due is null)
    union all
    select 'klasse_monat', s.class_name, c.month, null::int, null::int, null::int
    from cells c join sel s on s.class_id = c.class_id where c.n < 5
    union all
    select 'klasse', s.class_name, null::date, null::int, null::int, null::int
    from sel s where not exists (select 1 from cells c where c.class_id = s.class_id and c.n >= 5)
  ) u
  order by 1, 2 nulls first, 3 nulls first;
end
$$;

-- Contract dissolutions in the school year (up to the reference day) among the cohort of the shown selected
-- classes, per occupation and in total, with the share dissolved in the probation period; 'monat' rows split
-- the same dissolutions by month (the group is the class, as for the rates).
create function app_leadership.dissolutions(p_school_ids uuid[], p_year int, p_occupation_id uuid,
                                            p_class_id uuid)
returns table (dimension text, label text, month date, apprentices int, dissolved int, in_probation int,
               rate_percent numeric)
language plpgsql stable set search_path = '' set plan_cache_mode = force_custom_plan
  set random_page_cost = 1.1
as $$
#variable_conflict use_column
declare
  v_sel app_leadership.selected_class[] := array(
    select s from app_leadership.selected(p_school_ids, p_year, p_occupation_id, p_class_id) s);
  v_shown uuid[] := array(select s.class_id from unnest(v_sel) s where s.shown);
begin
  return query
  with sel as materialized (select * from unnest(v_sel)),
  dissolved as materialized (
    select h.class_id, h.dissolved_on, h.dissolved_on <= h.probation_end as in_probation
    from app_leadership.cohort_of_classes(v_shown, p_year) h
    where h.dissolved_on between h.sy_start and h.ref_day
  ),
  per_occupation as (
    select s.occupation, sum(s.apprentices) filter (where s.shown) as n,
           (select count(*) from dissolved d
            where d.class_id in (select x.class_id from sel x where x.occupation = s.occupation)) as dissolved,
           (select count(*) from dissolved d
            where d.in_probation
              and d.class_id in (select x.class_id from sel x where x.occupation = s.occupation)) as in_probation
    from sel s group by s.occupation
  ),
  months as (
    select m::date as month
    from app_leadership.window_of(p_year) w,
         generate_series(w.sy_start::timestamp, date_trunc('month', w.ref_day::timestamp), interval '1 month') m
  )
  select 'gesamt', 'Alle', null::date, sum(p.n)::int, sum(p.dissolved)::int, sum(p.in_probation)::int,
         round(100.0 * sum(p.dissolved) / nullif(sum(p.n), 0), 1)
  from per_occupation p
  having sum(p.n) is not null
  union all
  (select 'beruf', p.occupation, null::date, p.n::int,
          case when p.n is not null then p.dissolved::int end,
          case when p.n is not null then p.in_probation::int end,
          round(100.0 * p.dissolved / nullif(p.n, 0), 1)
   from per_occupation p
   order by p.occupation)
  union all
  (select 'monat', null, mo.month, null::int,
          count(d.class_id)::int, count(d.class_id) filter (where d.in_probation)::int, null::numeric
   from months mo
   left join dissolved d on date_trunc('month', d.dissolved_on::timestamp)::date = mo.month
   where cardinality(v_shown) > 0
   group by mo.month order by mo.month);
end
$$;

revoke all on all functions in schema app_leadership from public;

-- The check every public function makes first: the caller leads or administers the school, and the filters
-- are valid for it. A class or occupation of another school is "invalid", without saying more.
create function app_private.leadership_check(p_school_id uuid, p_school_year int, p_occupation_id uuid,
                                             p_class_id uuid)
returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if p_school_id is null or p_school_id not in (select app_private.leadership_school_ids()) then
    raise exception 'leadership figures only for the caller''s own school' using errcode = '42501';
  end if;
  if p_school_year is null or p_school_year < 2000 or p_school_year > public.school_year_start() then
    raise exception 'invalid school year' using errcode = '22023';
  end if;
  if p_occupation_id is not null and not exists (
      select 1 from public.classes k where k.school_id = p_school_id and k.occupation_id = p_occupation_id) then
    raise exception 'invalid occupation' using errcode = '22023';
  end if;
  if p_class_id is not null and not exists (
      select 1 from public.classes k
      where k.id = p_class_id and k.school_id = p_school_id
        and (p_occupation_id is null or k.occupation_id = p_occupation_id)) then
    raise exception 'invalid class' using errcode = '22023';
  end if;
end
$$;
revoke all on function app_private.leadership_check(uuid, int, uuid, uuid) from public;
grant execute on function app_private.leadership_check(uuid, int, uuid, uuid) to authenticated;

-- Public API ----------------------------------------------------------------------------------------------------

-- The caller's schools with the school years that have apprentices (for the school year filter).
create function public.leadership_schools()
returns table (school_id uuid, school_name text, first_school_year int, current_school_year int)
language sql stable security definer set search_path = ''
as $$
  select s.id, s.name,
         least(coalesce((select min(public.school_year_start(a.contract_start)) from public.apprentices a
                         where a.school_id = s.id), public.school_year_start()), public.school_year_start()),
         public.school_year_start()
  from public.schools s
  where s.id in (select app_private.leadership_school_ids())
  order by s.name
$$;

-- The classes (with their occupation) that have apprentices in the school year: the filter options. Class and
-- occupation names only, hidden classes included (a class name says nothing about a person).
create function public.leadership_filter_options(p_school_id uuid, p_school_year int)
returns table (class_id uuid, class_name text, occupation_id uuid, occupation text, training_year int)
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform app_private.leadership_check(p_school_id, p_school_year, null, null);
  return query
    select s.class_id, s.class_name, s.occupation_id, s.occupation, s.training_year
    from app_leadership.selected(array[p_school_id], p_school_year, null, null) s
    order by s.occupation, s.class_name;
end
$$;

create function public.leadership_headcounts(p_school_id uuid, p_school_year int, p_occupation_id uuid default null,
                                             p_class_id uuid default null)
returns table (dimension text, label text, apprentices int)
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform app_private.leadership_check(p_school_id, p_school_year, p_occupation_id, p_class_id);
  return query select * from app_leadership.headcounts(array[p_school_id], p_school_year, p_occupation_id,
                                                       p_class_id);
end
$$;

create function public.leadership_cooperations(p_school_id uuid, p_school_year int,
                                               p_occupation_id uuid default null, p_class_id uuid default null)
returns table (dimension text, month date, cooperations int, active int, by_notes int, by_grades int,
               by_record_book int)
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform app_private.leadership_check(p_school_id, p_school_year, p_occupation_id, p_class_id);
  return query select * from app_leadership.cooperations(array[p_school_id], p_school_year, p_occupation_id,
                                                         p_class_id);
end
$$;

create function public.leadership_absences(p_school_id uuid, p_school_year int, p_occupation_id uuid default null,
                                           p_class_id uuid default null)
returns table (dimension text, class_name text, month date, apprentice_months int, absence_days int,
               unexcused_days int, days_per_apprentice numeric, unexcused_per_apprentice numeric)
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform app_private.leadership_check(p_school_id, p_school_year, p_occupation_id, p_class_id);
  return query select * from app_leadership.absences(array[p_school_id], p_school_year, p_occupation_id,
                                                     p_class_id);
end
$$;

create function public.leadership_grades(p_school_id uuid, p_school_year int, p_occupation_id uuid default null,
                                         p_class_id uuid default null)
returns table (dimension text, occupation text, code text, title text, sort_order int, graded int,
               grade_1 int, grade_2 int, grade_3 int, grade_4 int, grade_5 int, grade_6 int, average numeric)
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform app_private.leadership_check(p_school_id, p_school_year, p_occupation_id, p_class_id);
  return query select * from app_leadership.grades(array[p_school_id], p_school_year, p_occupation_id,
                                                   p_class_id);
end
$$;

create function public.leadership_record_book(p_school_id uuid, p_school_year int,
                                              p_occupation_id uuid default null, p_class_id uuid default null)
returns table (dimension text, class_name text, month date, apprentices int, due_weeks int, signed_weeks int,
               completion_percent numeric)
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform app_private.leadership_check(p_school_id, p_school_year, p_occupation_id, p_class_id);
  return query select * from app_leadership.record_book(array[p_school_id], p_school_year, p_occupation_id,
                                                        p_class_id);
end
$$;

create function public.leadership_dissolutions(p_school_id uuid, p_school_year int,
                                               p_occupation_id uuid default null, p_class_id uuid default null)
returns table (dimension text, label text, month date, apprentices int, dissolved int, in_probation int,
               rate_percent numeric)
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform app_private.leadership_check(p_school_id, p_school_year, p_occupation_id, p_class_id);
  return query select * from app_leadership.dissolutions(array[p_school_id], p_school_year, p_occupation_id,
                                                         p_class_id);
end
$$;

revoke all on function public.leadership_schools() from public;
revoke all on function public.leadership_filter_options(uuid, int) from public;
revoke all on function public.leadership_headcounts(uuid, int, uuid, uuid) from public;
revoke all on function public.leadership_cooperations(uuid, int, uuid, uuid) from public;
revoke all on function public.leadership_absences(uuid, int, uuid, uuid) from public;
revoke all on function public.leadership_grades(uuid, int, uuid, uuid) from public;
revoke all on function public.leadership_record_book(uuid, int, uuid, uuid) from public;
revoke all on function public.leadership_dissolutions(uuid, int, uuid, uuid) from public;
grant execute on function public.leadership_schools() to authenticated;
grant execute on function public.leadership_filter_options(uuid, int) to authenticated;
grant execute on function public.leadership_headcounts(uuid, int, uuid, uuid) to authenticated;
grant execute on function public.leadership_cooperations(uuid, int, uuid, uuid) to authenticated;
grant execute on function public.leadership_absences(uuid, int, uuid, uuid) to authenticated;
grant execute on function public.leadership_grades(uuid, int, uuid, uuid) to authenticated;
grant execute on function public.leadership_record_book(uuid, int, uuid, uuid) to authenticated;
grant execute on function public.leadership_dissolutions(uuid, int, uuid, uuid) to authenticated;
