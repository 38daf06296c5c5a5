-- Least privilege for every function, table and sequence of the app's schemas (issue 14).
--
-- 004, 010, 012, 013, 015, 016 and 018 ran `grant execute on all functions in schema app_private to authenticated[,
-- leokop_service]`, which handed back what 012 and 016 had revoked: a signed-in user could anonymise an apprentice of
-- another school, read a foreign pair's e-mail addresses or write audit rows. Functions created in public without an
-- explicit revoke were executable by PUBLIC (001's per-schema `alter default privileges ... revoke` cannot take away
-- PostgreSQL's built-in default), i.e. also by anon, leokop_app and leokop_worker; on Supabase, whose per-schema
-- defaults grant everything in public to anon, authenticated and service_role, service_role also held every table.
--
-- Here everything is closed for every role and opened again by name, one grant per function, to the roles that
-- call it (tests/db/test_privileges.py compares the whole matrix with tests/db/privileges.toml):
-- - authenticated: what a policy or a column default names (a policy and a default are evaluated as the querying
--   role), what the repo calls inside Database.user_tx/reads, and the public functions of the pages; every security
--   definer one among them that takes an apprentice, absence, user or school id checks the caller's right to it;
-- - leokop_service (the rule evaluation): app_private.pair_emails for its e-mails, the school's day;
-- - leokop_app (before anyone is signed in): the two app_auth login functions;
-- - nothing for anon, leokop_worker (it only switches to leokop_service) and service_role.
-- Not granted, and why that is enough: a security definer function runs as its owner, so what only such functions
-- call (the memberships and sides under the sets, leadership_check, audit_event, apprentice_tables, app_leadership)
-- needs no grant; trigger functions are checked when the trigger is created, not when it fires; the retention job
-- (retention_due, anonymise_apprentice) and the state-wide leadership figures run on the owner's connection.
--
-- From here on, a migration that creates a function revokes it from public and grants it by name beside its
-- definition (never `on all functions in schema`), and adds it to tests/db/privileges.toml.
--
-- This file runs before 025 and 031 on a new database and after them on a database migrated before it was added
-- (the runner applies a missing file after the others); both orders end in the same grants: 025 grants its two
-- functions itself, 031 grants app_private's helpers exactly as below, and the block at the end of the function part
-- grants 025's functions again where they exist already.

-- Functions ------------------------------------------------------------------------------------------------------

-- Closed for every app role and PUBLIC. Functions that belong to an extension (on Supabase possibly installed in
-- public) are the extension's business and left as they are.
do $$
declare
  f regprocedure;
begin
  for f in
    select p.oid::regprocedure from pg_catalog.pg_proc p
    where p.pronamespace in ('public'::regnamespace, 'app_private'::regnamespace, 'app_auth'::regnamespace,
                             'app_leadership'::regnamespace)
      and not exists (select 1 from pg_catalog.pg_depend d
                      where d.classid = 'pg_catalog.pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
  loop
    execute format('revoke all on routine %s from public, anon, authenticated, leokop_app, leokop_worker,'
                   ' leokop_service, service_role', f);
  end loop;
end
$$;

-- public: the pages' functions (each security definer one checks the caller itself, see data-model.md).
-- school_year_start: the repo's reads of the pairs; material_document: the generated search column of materials,
-- computed as the user who inserts or updates a material.
grant execute on function public.school_year_start(date) to authenticated;
grant execute on function public.material_document(text, text, text[]) to authenticated;
grant execute on function public.change_own_password(text) to authenticated;
grant execute on function public.admin_set_password(uuid, text) to authenticated;
grant execute on function public.username_taken(text) to authenticated;
grant execute on function public.user_display_name(uuid) to authenticated;
grant execute on function public.propose_excuse(uuid, int, text) to authenticated;
grant execute on function public.pair_people(uuid) to authenticated;
grant execute on function public.record_apprentice_view(uuid) to authenticated;
grant execute on function public.subject_access_export(uuid) to authenticated;
grant execute on function public.retention_preview(date) to authenticated;
grant execute on function public.leadership_schools() to authenticated;
grant execute on function public.leadership_filter_options(uuid, int) to authenticated;
grant execute on function public.leadership_headcounts(uuid, int, uuid, uuid) to authenticated;
grant execute on function public.leadership_cooperations(uuid, int, uuid, uuid) to authenticated;
grant execute on function public.leadership_absences(uuid, int, uuid, uuid) to authenticated;
grant execute on function public.leadership_grades(uuid, int, uuid, uuid) to authenticated;
grant execute on function public.leadership_record_book(uuid, int, uuid, uuid) to authenticated;
grant execute on function public.leadership_dissolutions(uuid, int, uuid, uuid) to authenticated;
grant execute on function public.leadership_risks(uuid, int, uuid, uuid) to authenticated;
grant execute on function public.leadership_cases(uuid, int, uuid, uuid) to authenticated;
grant execute on function public.leadership_measures(uuid, int, uuid, uuid) to authenticated;
-- public.touch_updated_at(): trigger function, no grant.

-- app_auth: the login role's credential lookup and lockout bookkeeping, before anyone is signed in.
grant execute on function app_auth.login_record(text) to leokop_app;
grant execute on function app_auth.record_login_attempt(text, boolean) to leokop_app;

-- app_private: the helpers that policies name (evaluated as authenticated), which are also the sets the repo reads
-- as the user (school_ids_with_role, visible_cooperation_ids, the apprentice sides, school_side_class_ids,
-- admin_apprentice_ids, pair_apprentice_ids, released_company_side_ids, working_cooperation_ids). Each takes no id:
-- it answers for auth.uid(). material_is_visible is security invoker (it asks the materials policy).
grant execute on function app_private.admin_apprentice_ids() to authenticated;
grant execute on function app_private.admin_class_ids() to authenticated;
grant execute on function app_private.admin_company_ids() to authenticated;
grant execute on function app_private.company_side_apprentice_ids() to authenticated;
grant execute on function app_private.editable_project_ids() to authenticated;
grant execute on function app_private.is_admin_anywhere() to authenticated;
grant execute on function app_private.managed_user_ids() to authenticated;
grant execute on function app_private.material_is_visible(uuid) to authenticated;
grant execute on function app_private.my_class_ids(boolean) to authenticated;
grant execute on function app_private.my_membership_school_ids() to authenticated;
grant execute on function app_private.my_unassigned_user_ids() to authenticated;
grant execute on function app_private.overseen_school_ids() to authenticated;
grant execute on function app_private.pair_apprentice_ids() to authenticated;
grant execute on function app_private.readable_apprentice_ids(text) to authenticated;
grant execute on function app_private.released_company_side_ids(text) to authenticated;
grant execute on function app_private.school_ids_with_role(public.app_role) to authenticated;
grant execute on function app_private.school_side_apprentice_ids() to authenticated;
grant execute on function app_private.school_side_class_ids() to authenticated;
grant execute on function app_private.visible_company_ids() to authenticated;
grant execute on function app_private.visible_cooperation_ids() to authenticated;
grant execute on function app_private.visible_project_ids() to authenticated;
grant execute on function app_private.work_class_ids() to authenticated;
grant execute on function app_private.work_school_occupations() to authenticated;
grant execute on function app_private.working_cooperation_ids() to authenticated;
-- The evaluation's e-mails to the pair (it checks no caller: leokop_service only, never a user).
grant execute on function app_private.pair_emails(uuid) to leokop_service;
-- Owner only (no grant): active_memberships, teacher_class_ids, my_pairs, classes_of_my_pairs,
-- classes_of_my_apprentices, terms_accepted_school_ids, my_apprentice_sides(_computed), released_apprentice_ids,
-- released_categories, access_set, is_released, kept, keep, leadership_school_ids, leadership_check, pair_emails
-- for users, audit_event, audit_row, audit_log_is_append_only, apprentice_tables, apprentice_rows_condition,
-- attach_audit_triggers, retention_due, anonymise_apprentice, and the trigger functions.
-- app_leadership: no grant at all (only the public leadership functions and the owner call it).

-- The school's day (025): defaults and the inbox as the user, the evaluation as leokop_service. Granted by 025 on a
-- new database; again here where 025 ran before this file.
do $$
begin
  if to_regprocedure('app_private.today()') is not null then
    grant execute on function app_private.today() to authenticated, leokop_service;
  end if;
  if to_regprocedure('app_private.now()') is not null then
    grant execute on function app_private.now() to authenticated, leokop_service;
  end if;
end
$$;

-- New functions start closed. Only the database-wide form takes PostgreSQL's built-in execute for PUBLIC away
-- (per-schema default privileges can only add to it); it applies to the role that runs the migrations, which
-- creates every object. The per-schema forms remove what a platform added for its API roles (Supabase: anon,
-- authenticated and service_role on everything in public).
alter default privileges revoke execute on functions from public;
alter default privileges in schema public, app_private, app_auth, app_leadership
  revoke all on functions from public, anon, authenticated, service_role, leokop_app, leokop_worker, leokop_service;

-- Tables and sequences -------------------------------------------------------------------------------------------

-- Nothing for the roles that never read or write a table themselves, and no truncate, references or trigger for
-- anyone (truncate bypasses row-level security). authenticated and leokop_service keep the per-table grants beside
-- their policies (005 onwards), narrowed below where they were wider than any use.
do $$
declare
  t regclass;
begin
  for t in
    select c.oid::regclass from pg_catalog.pg_class c
    where c.relnamespace in ('public'::regnamespace, 'app_private'::regnamespace, 'app_auth'::regnamespace,
                             'app_leadership'::regnamespace)
      and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
      and not exists (select 1 from pg_catalog.pg_depend d
                      where d.classid = 'pg_catalog.pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
  loop
    if (select c.relkind from pg_catalog.pg_class c where c.oid = t) = 'S' then
      -- the identity columns are filled by the owner's triggers and functions (grade history, material events,
      -- audit trail): no role needs a sequence
      execute format('revoke all on sequence %s from public, anon, authenticated, leokop_app, leokop_worker,'
                     ' leokop_service, service_role', t);
    else
      execute format('revoke all on %s from public, anon, leokop_app, leokop_worker, service_role', t);
      execute format('revoke truncate, references, trigger on %s from authenticated, leokop_service', t);
    end if;
  end loop;
end
$$;

-- Credentials: no role but the owner (the login and password functions are security definer).
revoke all on public.user_credentials from authenticated, leokop_service;

-- Apprentices: the retention job alone sets anonymised_at; created_at and updated_at are the database's (default and
-- touch_updated_at). The school's admin inserts and updates the rest (policies apprentices_insert/_update).
revoke insert, update on public.apprentices from authenticated;
grant insert (id, first_name, last_name, birth_date, school_id, class_id, company_id, occupation_id, track,
              contract_start, contract_end, probation_end, status, dissolved_on)
  on public.apprentices to authenticated;
grant update (first_name, last_name, birth_date, school_id, class_id, company_id, occupation_id, track,
              contract_start, contract_end, probation_end, status, dissolved_on)
  on public.apprentices to authenticated;

-- The evaluation reads neither schools nor holidays (its rules count school days from blocks and the class's days
-- per week); 012 granted both with a pass-all policy.
revoke select on public.schools, public.school_holidays from leokop_service;
drop policy schools_service on public.schools;
drop policy school_holidays_service on public.school_holidays;

-- New tables and sequences start closed for the API roles (Supabase's per-schema defaults); each migration grants
-- beside its policies.
alter default privileges in schema public, app_private, app_auth, app_leadership
  revoke all on tables from public, anon, authenticated, service_role, leokop_app, leokop_worker, leokop_service;
alter default privileges in schema public, app_private, app_auth, app_leadership
  revoke all on sequences from public, anon, authenticated, service_role, leokop_app, leokop_worker, leokop_service;

-- Schemas: nobody but the owner creates objects in them (PostgreSQL before 15 let PUBLIC create in public).
revoke create on schema public from public, anon, authenticated, service_role, leokop_app, leokop_worker,
  leokop_service;
