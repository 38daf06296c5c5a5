-- Least privilege for app_private's functions (issue 14).
--
-- 004, 010, 012, 013 and 018 each ran `grant execute on all functions in schema app_private to authenticated,
-- leokop_service`, which handed back what 012 and 016 had closed: as any signed-in user one could anonymise an
-- apprentice of another school (anonymise_apprentice), read a foreign pair's e-mail addresses (pair_emails) or
-- write audit rows (audit_event). From here on each function is granted by name, to the roles that call it.
--
-- Who needs which: a policy is evaluated as the querying role, so `authenticated` executes every helper a policy,
-- a column default or a security-invoker function names, and the few the repo calls itself; a security definer
-- function runs as its owner, so what only such functions call needs no grant. Trigger functions need none either
-- (execute is checked when the trigger is created, not when it fires).

revoke execute on all functions in schema app_private from public, anon, authenticated, leokop_service;

-- Policies' helpers and the sets the repo reads as the user.
grant execute on function
  app_private.admin_apprentice_ids(),
  app_private.admin_class_ids(),
  app_private.admin_company_ids(),
  app_private.company_side_apprentice_ids(),
  app_private.editable_project_ids(),
  app_private.is_admin_anywhere(),
  app_private.managed_user_ids(),
  app_private.material_is_visible(uuid),
  app_private.my_class_ids(boolean),
  app_private.my_membership_school_ids(),
  app_private.my_unassigned_user_ids(),
  app_private.overseen_school_ids(),
  app_private.pair_apprentice_ids(),
  app_private.readable_apprentice_ids(text),
  app_private.released_company_side_ids(text),
  app_private.school_ids_with_role(public.app_role),
  app_private.school_side_apprentice_ids(),
  app_private.school_side_class_ids(),
  app_private.visible_company_ids(),
  app_private.visible_cooperation_ids(),
  app_private.visible_project_ids(),
  app_private.work_class_ids(),
  app_private.work_school_occupations(),
  app_private.working_cooperation_ids()
to authenticated;

-- The school's day (025): defaults and the inbox as the user; the evaluation as leokop_service.
grant execute on function app_private.today(), app_private.now() to authenticated, leokop_service;

-- The evaluation (leokop_service) reads the pair's addresses for its e-mails, and nothing else of app_private
-- directly: its policies are `using (true)` on the tables it reads.
grant execute on function app_private.pair_emails(uuid) to leokop_service;

-- New functions start closed: the migrations' owner grants each one by name. (Only the database-wide form takes
-- anything away; per-schema default privileges can only add.)
alter default privileges revoke execute on functions from public;
