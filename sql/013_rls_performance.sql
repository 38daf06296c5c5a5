-- RLS helpers whose cost follows the user's memberships, not the size of the state (issue 7).
--
-- The helpers of 004 and 010 combined their conditions with OR (`a.class_id in (...) or a.school_id in (...)`),
-- which no index serves: every policy check was a sequential scan of all apprentices or all cooperations, once per
-- table per statement (docs/benchmarks.md, EXPLAIN of pair_header). Here every branch starts from the user's few
-- memberships and reaches the rows through an index, the branches are joined by UNION, and each set-returning
-- function tells the planner how few rows it returns (the default estimate of 1,000 invites hash joins over whole
-- tables). Same sets as before for every user: tests/db/test_rls*.py run unchanged, and
-- tests/db/test_rls_helpers.py compares the functions with their old definitions.

alter function app_private.active_memberships() rows 5;
alter function app_private.school_ids_with_role(public.app_role) rows 2;
alter function app_private.teacher_class_ids() rows 5;
alter function app_private.my_pairs() rows 5;
alter function app_private.admin_class_ids() rows 50;
alter function app_private.school_side_class_ids() rows 50;
alter function app_private.admin_apprentice_ids() rows 500;
alter function app_private.managed_user_ids() rows 50;
alter function app_private.my_unassigned_user_ids() rows 5;
alter function app_private.leadership_school_ids() rows 2;

create or replace function app_private.visible_cooperation_ids()
returns setof uuid
language sql stable security definer set search_path = '' rows 50
as $$
  select c.id from app_private.my_pairs() p
  join public.cooperations c on c.school_id = p.school_id and c.company_id = p.company_id
  union
  select c.id from public.apprentices a
  join public.cooperations c on c.school_id = a.school_id and c.company_id = a.company_id
  where a.class_id in (select app_private.teacher_class_ids())
  union
  select c.id from public.cooperations c where c.school_id in (select app_private.school_ids_with_role('admin'))
  union
  select c.id from public.cooperations c
  where c.school_id in (select app_private.school_ids_with_role('schulleitung'))
$$;

create or replace function app_private.classes_of_my_pairs()
returns setof uuid
language sql stable security definer set search_path = '' rows 10
as $$
  select distinct a.class_id from app_private.my_pairs() p
  join public.apprentices a on a.school_id = p.school_id and a.company_id = p.company_id
$$;

create or replace function app_private.school_side_apprentice_ids()
returns setof uuid
language sql stable security definer set search_path = '' rows 100
as $$
  select a.id from public.apprentices a where a.class_id in (select app_private.teacher_class_ids())
  union
  select a.id from public.apprentices a where a.school_id in (select app_private.school_ids_with_role('admin'))
  union
  select a.id from app_private.active_memberships() m
  join public.cooperations c on c.id = m.cooperation_id
  join public.apprentices a on a.school_id = c.school_id and a.company_id = c.company_id
  where m.role = 'lehrkraft' and m.cooperation_id is not null
$$;

create or replace function app_private.company_side_apprentice_ids()
returns setof uuid
language sql stable security definer set search_path = '' rows 100
as $$
  select a.id from app_private.active_memberships() m
  join public.apprentices a on a.school_id = m.school_id and a.company_id = m.company_id
  where m.role = 'ausbilder' and m.company_id is not null
  union
  select a.id from app_private.active_memberships() m
  join public.cooperations c on c.id = m.cooperation_id
  join public.apprentices a on a.school_id = c.school_id and a.company_id = c.company_id
  where m.role = 'ausbilder' and m.cooperation_id is not null
$$;

alter function app_private.released_company_side_ids(text) rows 100;
alter function app_private.pair_apprentice_ids() rows 100;

create or replace function app_private.classes_of_my_apprentices()
returns setof uuid
language sql stable security definer set search_path = '' rows 10
as $$
  select a.class_id from public.apprentices a where a.id in (select app_private.company_side_apprentice_ids())
  union
  select a.class_id from public.apprentices a where a.id in (select app_private.school_side_apprentice_ids())
$$;

-- Companies of the visible cooperations: an index lookup per cooperation instead of a scan of all of them.
create function app_private.visible_company_ids()
returns setof uuid
language sql stable security definer set search_path = '' rows 50
as $$
  select distinct c.company_id from public.cooperations c
  where c.id in (select app_private.visible_cooperation_ids())
$$;

create function app_private.admin_company_ids()
returns setof uuid
language sql stable security definer set search_path = '' rows 50
as $$
  select distinct c.company_id from public.cooperations c
  where c.school_id in (select app_private.school_ids_with_role('admin'))
$$;

revoke all on all functions in schema app_private from public;
grant execute on all functions in schema app_private to authenticated, leokop_service;

alter policy companies_select on public.companies
  using (id in (select app_private.visible_company_ids()));
alter policy companies_update on public.companies
  using (id in (select app_private.admin_company_ids()))
  with check (id in (select app_private.admin_company_ids()));
