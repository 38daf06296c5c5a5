-- Row-level security: one policy per operation, all "to authenticated"; anon gets no privileges at all.
-- Grants sit next to each table's policies. A missing policy means: denied.

-- Whatever a platform granted by default (Supabase grants all to anon and authenticated) is taken back first.
revoke all on all tables in schema public from anon, authenticated;
revoke all on all sequences in schema public from anon, authenticated;

-- Directory data: every signed-in user may read it; nobody changes it through the app.
alter table public.schools enable row level security;
grant select on public.schools to authenticated;
create policy schools_select on public.schools for select to authenticated using (true);

alter table public.occupations enable row level security;
grant select on public.occupations to authenticated;
create policy occupations_select on public.occupations for select to authenticated using (true);

alter table public.learning_fields enable row level security;
grant select on public.learning_fields to authenticated;
create policy learning_fields_select on public.learning_fields for select to authenticated using (true);

alter table public.training_positions enable row level security;
grant select on public.training_positions to authenticated;
create policy training_positions_select on public.training_positions for select to authenticated using (true);

-- Companies: the users of the cooperations the company is part of. Any school admin may register a
-- company (the cooperation row that makes it visible follows in the same transaction).
alter table public.companies enable row level security;
grant select, insert, update on public.companies to authenticated;
create policy companies_select on public.companies for select to authenticated using (
  id in (select c.company_id from public.cooperations c where c.id in (select app_private.visible_cooperation_ids()))
);
create policy companies_insert on public.companies for insert to authenticated
  with check ((select app_private.is_admin_anywhere()));
create policy companies_update on public.companies for update to authenticated
  using (id in (select c.company_id from public.cooperations c
                where c.school_id in (select app_private.school_ids_with_role('admin'))))
  with check (id in (select c.company_id from public.cooperations c
                     where c.school_id in (select app_private.school_ids_with_role('admin'))));

-- Classes: their teachers, the school's admin and leadership, and trainers with an apprentice in the class.
alter table public.classes enable row level security;
grant select, insert, update, delete on public.classes to authenticated;
create policy classes_select on public.classes for select to authenticated using (
  id in (select app_private.teacher_class_ids())
  or id in (select app_private.classes_of_my_pairs())
  or school_id in (select app_private.school_ids_with_role('admin'))
  or school_id in (select app_private.school_ids_with_role('schulleitung'))
);
create policy classes_insert on public.classes for insert to authenticated
  with check (school_id in (select app_private.school_ids_with_role('admin')));
create policy classes_update on public.classes for update to authenticated
  using (school_id in (select app_private.school_ids_with_role('admin')))
  with check (school_id in (select app_private.school_ids_with_role('admin')));
create policy classes_delete on public.classes for delete to authenticated
  using (school_id in (select app_private.school_ids_with_role('admin')));

alter table public.cooperations enable row level security;
grant select, insert, update, delete on public.cooperations to authenticated;
create policy cooperations_select on public.cooperations for select to authenticated
  using (id in (select app_private.visible_cooperation_ids()));
create policy cooperations_insert on public.cooperations for insert to authenticated
  with check (school_id in (select app_private.school_ids_with_role('admin')));
create policy cooperations_update on public.cooperations for update to authenticated
  using (school_id in (select app_private.school_ids_with_role('admin')))
  with check (school_id in (select app_private.school_ids_with_role('admin')));
create policy cooperations_delete on public.cooperations for delete to authenticated
  using (school_id in (select app_private.school_ids_with_role('admin')));

-- Apprentices: teachers of their class, trainers and pair-scoped users of the pair, the school's admin.
-- Leadership never reads single apprentices (aggregates only, through functions). No delete: a contract ends
-- by status; erasure is the retention job's work, not an app user's.
alter table public.apprentices enable row level security;
grant select, insert, update on public.apprentices to authenticated;
create policy apprentices_select on public.apprentices for select to authenticated using (
  class_id in (select app_private.teacher_class_ids())
  or (school_id, company_id) in (select p.school_id, p.company_id from app_private.my_pairs() p)
  or school_id in (select app_private.school_ids_with_role('admin'))
);
create policy apprentices_insert on public.apprentices for insert to authenticated
  with check (school_id in (select app_private.school_ids_with_role('admin')));
create policy apprentices_update on public.apprentices for update to authenticated
  using (school_id in (select app_private.school_ids_with_role('admin')))
  with check (school_id in (select app_private.school_ids_with_role('admin')));

-- Users: oneself, and for admins the users of their school. Users are deactivated, never deleted.
alter table public.app_users enable row level security;
grant select on public.app_users to authenticated;
grant insert (id, username, display_name, email) on public.app_users to authenticated;
grant update (display_name, email, active) on public.app_users to authenticated;
create policy app_users_select on public.app_users for select to authenticated using (
  id = (select auth.uid())
  or id in (select app_private.managed_user_ids())
  or id in (select app_private.my_unassigned_user_ids())
);
create policy app_users_insert on public.app_users for insert to authenticated
  with check ((select app_private.is_admin_anywhere()));
create policy app_users_update on public.app_users for update to authenticated
  using (id in (select app_private.managed_user_ids()))
  with check (id in (select app_private.managed_user_ids()));

-- Credentials: no policy and no grant; see app_auth and public.change_own_password.
alter table public.user_credentials enable row level security;

-- Memberships: an admin grants roles of their own school, to users they already manage or just created
-- (never to another school's user: that would hand over the account). Only "active" can change afterwards.
alter table public.memberships enable row level security;
grant select, insert, delete on public.memberships to authenticated;
grant update (active) on public.memberships to authenticated;
create policy memberships_select on public.memberships for select to authenticated using (
  user_id = (select auth.uid())
  or school_id in (select app_private.school_ids_with_role('admin'))
);
create policy memberships_insert on public.memberships for insert to authenticated
  with check (
    school_id in (select app_private.school_ids_with_role('admin'))
    and (user_id in (select app_private.managed_user_ids())
         or user_id in (select app_private.my_unassigned_user_ids()))
  );
create policy memberships_update on public.memberships for update to authenticated
  using (school_id in (select app_private.school_ids_with_role('admin')))
  with check (school_id in (select app_private.school_ids_with_role('admin')));
create policy memberships_delete on public.memberships for delete to authenticated
  using (school_id in (select app_private.school_ids_with_role('admin')));
