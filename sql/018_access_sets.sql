-- Access sets computed once per policy check instead of function by function (issue 7: the dashboard's RLS cost).
--
-- Each policy on an apprentice's data tested two sets, school_side_apprentice_ids() and
-- company_side_apprentice_ids(), and each of those reached the user's memberships two or three times through
-- further helpers; the release rule (010/016, app_private.is_released) was decided per apprentice, and in the notes
-- and risk_flags policies per row. A dashboard load ran these some fifteen times, most of its RLS cost
-- (docs/benchmarks.md). Here:
-- - my_apprentice_sides() reads the memberships once and returns every apprentice the user works with and on
--   which side; school_side_apprentice_ids(), company_side_apprentice_ids() and pair_apprentice_ids() are views of
--   it (one definition of who sees whom);
-- - released_apprentice_ids() holds the release rule, inlined where it is used; is_released() and
--   released_company_side_ids() are built on it;
-- - readable_apprentice_ids(category) is what the select policies ask: the school side, plus the company side
--   where that category of school data is released (all of it for the company's own data, category null);
-- - the select policies of the apprentice's data ask it once instead of two sets, and the notes and risk_flags
--   policies test released sets instead of calling a function per row;
-- - the apprentices, classes, school_blocks and exams policies ask one set (pair_apprentice_ids, my_class_ids)
--   instead of three or four helpers; visible_cooperation_ids() reads the memberships once.
-- The older helpers stay for the insert and update policies; the tests pin each new set to the old ones.
-- Same sets and rows for every user: tests/db/test_rls_helpers.py compares the functions with their earlier
-- definitions, and the RLS matrix tests run unchanged.

create function app_private.my_apprentice_sides()
returns table (apprentice_id uuid, side text)
language sql stable security definer set search_path = '' rows 100
as $$
  with m as materialized (
    select m.role, m.school_id, m.class_id, m.company_id, m.cooperation_id from app_private.active_memberships() m
  )
  -- school side: the teacher's classes, the admin's school, the teacher's pairs
  select a.id, 'schule' from m join public.apprentices a on a.class_id = m.class_id
  where m.role = 'lehrkraft' and m.class_id is not null
  union
  select a.id, 'schule' from m join public.apprentices a on a.school_id = m.school_id
  where m.role = 'admin' and m.class_id is null and m.company_id is null and m.cooperation_id is null
  union
  select a.id, case m.role when 'lehrkraft' then 'schule' else 'betrieb' end from m
  join public.cooperations c on c.id = m.cooperation_id
  join public.apprentices a on a.school_id = c.school_id and a.company_id = c.company_id
  where m.role in ('lehrkraft', 'ausbilder') and m.cooperation_id is not null
  union
  -- company side: the trainer's company at a school
  select a.id, 'betrieb' from m join public.apprentices a on a.school_id = m.school_id and a.company_id = m.company_id
  where m.role = 'ausbilder' and m.company_id is not null
$$;

create or replace function app_private.school_side_apprentice_ids()
returns setof uuid
language sql stable security definer set search_path = '' rows 100
as $$
  select s.apprentice_id from app_private.my_apprentice_sides() s where s.side = 'schule'
$$;

create or replace function app_private.company_side_apprentice_ids()
returns setof uuid
language sql stable security definer set search_path = '' rows 100
as $$
  select s.apprentice_id from app_private.my_apprentice_sides() s where s.side = 'betrieb'
$$;

create or replace function app_private.pair_apprentice_ids()
returns setof uuid
language sql stable security definer set search_path = '' rows 100
as $$
  select distinct s.apprentice_id from app_private.my_apprentice_sides() s
$$;

-- The single place that decides whether the company side may see a category of school data: release settings
-- (school default, per-apprentice exception) and an open consent or legal basis for that category. Written over
-- all apprentices but never run that way: plain SQL without SECURITY DEFINER or SET, so the planner inlines it into
-- the (security definer) functions below and joins it to their few apprentices through the primary keys.
-- Not granted to users: only those functions call it.
create function app_private.released_apprentice_ids(p_category text)
returns setof uuid
language sql stable
as $$
  select a.id
  from public.apprentices a
  left join public.release_settings s on s.school_id = a.school_id
  left join public.release_overrides o on o.apprentice_id = a.id
  -- no settings row: shared (the school's default); an unknown category: never shared
  where coalesce(
      case p_category
        when 'grades' then coalesce(o.share_grades, s.share_grades)
        when 'absences' then coalesce(o.share_absences, s.share_absences)
        when 'teacher_notes' then coalesce(o.share_teacher_notes, s.share_teacher_notes)
      end, p_category in ('grades', 'absences', 'teacher_notes'))
    and exists (select 1 from public.consents c
                where c.apprentice_id = a.id and c.revoked_at is null and p_category = any (c.categories))
$$;

create or replace function app_private.is_released(p_apprentice_id uuid, p_category text)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from app_private.released_apprentice_ids(p_category) r where r = p_apprentice_id)
$$;

create or replace function app_private.released_company_side_ids(p_category text)
returns setof uuid
language sql stable security definer set search_path = '' rows 100
as $$
  select s.apprentice_id from app_private.my_apprentice_sides() s
  join app_private.released_apprentice_ids(p_category) r on r = s.apprentice_id
  where s.side = 'betrieb'
$$;

-- What a select policy on an apprentice's data asks: the school side, and the company side where the category of
-- school data is released; category null for data both sides read (the company's own, or shared plans).
create function app_private.readable_apprentice_ids(p_category text)
returns setof uuid
language sql stable security definer set search_path = '' rows 100
as $$
  with s as materialized (select * from app_private.my_apprentice_sides())
  select s.apprentice_id from s where s.side = 'schule' or p_category is null
  union
  select s.apprentice_id from s join app_private.released_apprentice_ids(p_category) r on r = s.apprentice_id
  where s.side = 'betrieb' and p_category is not null
$$;

-- Classes the user works with, from one reading of the memberships: the teacher's classes, every class of the
-- admin's schools (and, for the classes themselves, of the leadership's), the classes of the pairs' apprentices.
-- The classes policy (005: teacher_class_ids, classes_of_my_pairs, two school roles) and the school calendar's
-- (010: school_side_class_ids, classes_of_my_apprentices) asked four and two helpers for the same.
create function app_private.my_class_ids(p_with_leadership boolean)
returns setof uuid
language sql stable security definer set search_path = '' rows 20
as $$
  with m as materialized (
    select m.role, m.school_id, m.class_id, m.company_id, m.cooperation_id from app_private.active_memberships() m
  )
  select m.class_id from m where m.role = 'lehrkraft' and m.class_id is not null
  union
  select k.id from m join public.classes k on k.school_id = m.school_id
  where m.class_id is null and m.company_id is null and m.cooperation_id is null
    and (m.role = 'admin' or (p_with_leadership and m.role = 'schulleitung'))
  union
  select a.class_id from m join public.apprentices a on a.school_id = m.school_id and a.company_id = m.company_id
  where m.role = 'ausbilder' and m.company_id is not null
  union
  select a.class_id from m join public.cooperations c on c.id = m.cooperation_id
  join public.apprentices a on a.school_id = c.school_id and a.company_id = c.company_id
  where m.role in ('lehrkraft', 'ausbilder')
$$;

-- Cooperations the user works in (004/013: by pair, by teacher class, as the school's admin or leadership), from
-- one reading of the memberships instead of four (my_pairs, teacher_class_ids, school_ids_with_role twice). Every
-- cooperation, joint date and project policy asks it. A pair is one cooperation: (school_id, company_id) is unique.
create or replace function app_private.visible_cooperation_ids()
returns setof uuid
language sql stable security definer set search_path = '' rows 50
as $$
  with m as materialized (
    select m.role, m.school_id, m.class_id, m.company_id, m.cooperation_id from app_private.active_memberships() m
  )
  select c.id from m join public.cooperations c on c.school_id = m.school_id and c.company_id = m.company_id
  where m.role = 'ausbilder' and m.company_id is not null
  union
  select c.id from m join public.cooperations c on c.id = m.cooperation_id
  where m.role in ('lehrkraft', 'ausbilder')
  union
  select c.id from m join public.apprentices a on a.class_id = m.class_id
  join public.cooperations c on c.school_id = a.school_id and c.company_id = a.company_id
  where m.role = 'lehrkraft' and m.class_id is not null
  union
  select c.id from m join public.cooperations c on c.school_id = m.school_id
  where m.role in ('admin', 'schulleitung') and m.class_id is null and m.company_id is null
    and m.cooperation_id is null
$$;

revoke all on all functions in schema app_private from public;
grant execute on all functions in schema app_private to authenticated, leokop_service;
revoke execute on function app_private.released_apprentice_ids(text) from authenticated, leokop_service;

-- Apprentices: the teacher's classes, the pairs, the admin's school (005) are the school and the company side.
alter policy apprentices_select on public.apprentices
  using (id in (select app_private.pair_apprentice_ids()));

alter policy classes_select on public.classes
  using (id in (select app_private.my_class_ids(true)));
alter policy school_blocks_select on public.school_blocks
  using (class_id in (select app_private.my_class_ids(false)));
alter policy exams_select on public.exams
  using (class_id in (select app_private.my_class_ids(false)));

-- The select policies of an apprentice's data: one set each.
alter policy lf_results_select on public.lf_results
  using (apprentice_id in (select app_private.readable_apprentice_ids('grades')));
alter policy absences_select on public.absences
  using (apprentice_id in (select app_private.readable_apprentice_ids('absences')));
alter policy position_ratings_select on public.position_ratings
  using (apprentice_id in (select app_private.readable_apprentice_ids(null)));
alter policy record_weeks_select on public.record_weeks
  using (apprentice_id in (select app_private.readable_apprentice_ids(null)));
alter policy company_phases_select on public.company_phases
  using (apprentice_id in (select app_private.readable_apprentice_ids(null)));

-- Teacher notes reach the company side where released; the company's own notes always.
alter policy notes_select on public.notes
  using (apprentice_id in (select app_private.readable_apprentice_ids('teacher_notes'))
         or (place = 'betrieb' and apprentice_id in (select app_private.readable_apprentice_ids(null))));

-- No flag resting on school data the school did not release (app_private.flag_visible_to_company, as sets); the
-- school side first, so that a teacher's check needs one set.
alter policy risk_flags_select on public.risk_flags
  using (apprentice_id in (select app_private.school_side_apprentice_ids())
         or (category not in ('grades', 'absences', 'teacher_notes')
             and apprentice_id in (select app_private.company_side_apprentice_ids()))
         or (category = 'grades' and apprentice_id in (select app_private.released_company_side_ids('grades')))
         or (category = 'absences' and apprentice_id in (select app_private.released_company_side_ids('absences')))
         or (category = 'teacher_notes'
             and apprentice_id in (select app_private.released_company_side_ids('teacher_notes'))));

-- flag_visible_to_company() (012) was the per-row check of the old risk_flags policy; nothing calls it any more, and
-- it answered about any apprentice whoever asked.
drop function app_private.flag_visible_to_company(uuid, text);
