-- Membership lookups used by every policy.
-- security definer so that a policy can read memberships without recursing into their own policies;
-- search_path = '' so that nothing a caller creates can shadow the tables. Each returns the ids for the
-- signed-in user only (auth.uid()), and nothing for a deactivated user.
--
-- Access always follows the school that granted it: a trainer's membership administered by school A opens
-- the pair (A, company), never the company's apprentices at school B. The school is the data controller.

create function app_private.active_memberships()
returns setof public.memberships
language sql stable security definer set search_path = ''
as $$
  select m.*
  from public.memberships m
  join public.app_users u on u.id = m.user_id
  where m.user_id = (select auth.uid()) and m.active and u.active
$$;

create function app_private.school_ids_with_role(p_role public.app_role)
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select m.school_id from app_private.active_memberships() m
  where m.role = p_role and m.class_id is null and m.company_id is null and m.cooperation_id is null
$$;

-- Classes a teacher is assigned to.
create function app_private.teacher_class_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select m.class_id from app_private.active_memberships() m
  where m.role = 'lehrkraft' and m.class_id is not null
$$;

-- (school, company) pairs opened by a trainer's company membership or by a direct cooperation assignment
-- (Kooperationsbeauftragte, teacher or trainer).
create function app_private.my_pairs()
returns table (school_id uuid, company_id uuid)
language sql stable security definer set search_path = ''
as $$
  select m.school_id, m.company_id from app_private.active_memberships() m
  where m.role = 'ausbilder' and m.company_id is not null
  union
  select c.school_id, c.company_id
  from app_private.active_memberships() m
  join public.cooperations c on c.id = m.cooperation_id
  where m.role in ('lehrkraft', 'ausbilder')
$$;

-- Cooperations the user works in: by pair, by teacher class, or as the school's admin or leadership.
create function app_private.visible_cooperation_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select c.id from public.cooperations c
  join app_private.my_pairs() p on p.school_id = c.school_id and p.company_id = c.company_id
  union
  select c.id
  from public.apprentices a
  join public.cooperations c on c.school_id = a.school_id and c.company_id = a.company_id
  where a.class_id in (select app_private.teacher_class_ids())
  union
  select c.id from public.cooperations c
  where c.school_id in (select app_private.school_ids_with_role('admin'))
     or c.school_id in (select app_private.school_ids_with_role('schulleitung'))
$$;

-- Classes a pair-scoped user may see because one of the pair's apprentices is in it.
create function app_private.classes_of_my_pairs()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select distinct a.class_id from public.apprentices a
  where (a.school_id, a.company_id) in (select p.school_id, p.company_id from app_private.my_pairs() p)
$$;

create function app_private.is_admin_anywhere()
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from app_private.school_ids_with_role('admin'))
$$;

-- Users an admin may manage: everyone holding a membership administered by one of the admin's schools.
-- A trainer who works with two schools is managed by both (see docs/decisions.md).
create function app_private.managed_user_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select distinct m.user_id from public.memberships m
  where m.school_id in (select app_private.school_ids_with_role('admin'))
$$;

-- Accounts this admin created that have no membership yet: the only users an admin may claim.
create function app_private.my_unassigned_user_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select u.id from public.app_users u
  where u.created_by = (select auth.uid())
    and not exists (select 1 from public.memberships m where m.user_id = u.id)
$$;

revoke all on all functions in schema app_private from public;
grant execute on all functions in schema app_private to authenticated;
