-- One save per submission, and edits that name who changed a record since the form was drawn (issue 22).
--
-- form_saves: every form the app renders carries a random token (leokop/ui/saving.py); the save's transaction
-- inserts it first (leokop/db/session.py, Database.user_tx). A second submission of the same rendered form (a
-- double click, a repeated request after a reload while the first was saving) finds the token taken and writes
-- nothing: the app says "saved" once. One table instead of a token column on each of the fifteen tables the forms
-- write, because one submission may write many rows (a material with its version, file and topics; a project with
-- its links and milestones) and some submissions only update rows; the token row commits or rolls back with them.

create table public.form_saves (
  token uuid primary key,
  user_id uuid not null default auth.uid() references public.app_users on delete cascade,
  saved_at timestamptz not null default now()
);
create index form_saves_user_idx on public.form_saves (user_id, saved_at);

alter table public.form_saves enable row level security;
-- Only the token: user and time come from the defaults. A taken token is an insert that inserts nothing; the user
-- may also ask whether one of their own tokens was saved (a repeated submission of an edit form whose record the
-- first submission changed is confirmed, not refused as stale). No update or delete.
grant insert (token), select (token) on public.form_saves to authenticated;
create policy form_saves_insert on public.form_saves for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy form_saves_select on public.form_saves for select to authenticated
  using (user_id = (select auth.uid()));

-- A token matters for seconds; a day's worth per user is kept, older ones go with the user's next save.
create function app_private.forget_old_form_saves()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  delete from public.form_saves f where f.user_id = new.user_id and f.saved_at < now() - interval '1 day';
  return null;
end
$$;
revoke all on function app_private.forget_old_form_saves() from public;
create trigger form_saves_forget after insert on public.form_saves
  for each row execute function app_private.forget_old_form_saves();

-- Who changed a record, and when ----------------------------------------------------------------------------------
--
-- An edit form names the version it was drawn from; a save against another version is refused, and the form then
-- tells who changed the record and when. Every edited table gets version, updated_at and updated_by, kept by one
-- trigger: the version moves on with every change (also where a statement forgets it), the time is the change's
-- own, and so is the user: the signed-in user where the statement does not name one itself (a statement that does
-- is checked by the table's policies, which may demand the signed-in user); a change without a signed-in user (the
-- retention job) keeps the previous name.

alter table public.record_weeks add column updated_at timestamptz,
  add column updated_by uuid references public.app_users on delete set null;
alter table public.absences add column updated_at timestamptz,
  add column updated_by uuid references public.app_users on delete set null;
alter table public.risk_cases add column updated_at timestamptz,
  add column updated_by uuid references public.app_users on delete set null;
alter table public.case_measures add column version int not null default 1, add column updated_at timestamptz,
  add column updated_by uuid references public.app_users on delete set null;
alter table public.projects add column updated_by uuid references public.app_users on delete set null;
alter table public.project_milestones add column version int not null default 1, add column updated_at timestamptz,
  add column updated_by uuid references public.app_users on delete set null;
alter table public.release_settings add column version int not null default 1;
alter table public.release_overrides add column version int not null default 1;
alter table public.risk_thresholds add column version int not null default 1;
alter table public.retention_settings add column version int not null default 1;

create function app_private.stamp_change()
returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new is not distinct from old then
    return new;
  end if;
  if new.version = old.version then
    new.version := old.version + 1;
  end if;
  new.updated_at := now();
  if new.updated_by is not distinct from old.updated_by then
    new.updated_by := coalesce((select auth.uid()), new.updated_by);
  end if;
  return new;
end
$$;
revoke all on function app_private.stamp_change() from public;

create trigger record_weeks_stamp before update on public.record_weeks
  for each row execute function app_private.stamp_change();
create trigger absences_stamp before update on public.absences
  for each row execute function app_private.stamp_change();
create trigger risk_cases_stamp before update on public.risk_cases
  for each row execute function app_private.stamp_change();
create trigger case_measures_stamp before update on public.case_measures
  for each row execute function app_private.stamp_change();
create trigger projects_stamp before update on public.projects
  for each row execute function app_private.stamp_change();
create trigger project_milestones_stamp before update on public.project_milestones
  for each row execute function app_private.stamp_change();
create trigger lf_results_stamp before update on public.lf_results
  for each row execute function app_private.stamp_change();
create trigger position_ratings_stamp before update on public.position_ratings
  for each row execute function app_private.stamp_change();
create trigger release_settings_stamp before update on public.release_settings
  for each row execute function app_private.stamp_change();
create trigger release_overrides_stamp before update on public.release_overrides
  for each row execute function app_private.stamp_change();
create trigger risk_thresholds_stamp before update on public.risk_thresholds
  for each row execute function app_private.stamp_change();
create trigger retention_settings_stamp before update on public.retention_settings
  for each row execute function app_private.stamp_change();

-- The audit trail names the changed columns; the stamp is not one of them (like version and updated_at).
create or replace function app_private.audit_row()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  rec jsonb;
  apprentice uuid;
  school uuid;
  changed text[];
begin
  if tg_op = 'DELETE' then
    rec := to_jsonb(old);
  else
    rec := to_jsonb(new);
  end if;
  if tg_op = 'UPDATE' then
    select array_agg(n.key order by n.key) into changed
    from jsonb_each(rec) n
    where n.value is distinct from (to_jsonb(old) -> n.key) and n.key not in ('version', 'updated_at', 'updated_by');
    if changed is null then
      return null;  -- nothing changed: nothing to record
    end if;
  end if;
  if tg_nargs = 1 then
    apprentice := (rec ->> tg_argv[0])::uuid;
  elsif tg_nargs = 4 then
    -- the link column keeps its own type (the parent's key need not be a uuid)
    execute format('select p.%I from public.%I p where p.%I = (jsonb_populate_record(null::public.%I, $1)).%I',
                   tg_argv[3], tg_argv[0], tg_argv[2], tg_table_name, tg_argv[1])
      into apprentice using rec;
  end if;
  school := coalesce((rec ->> 'school_id')::uuid,
                     (select a.school_id from public.apprentices a where a.id = apprentice));
  insert into public.audit_log (actor_id, actor_role, action, table_name, row_id, apprentice_id, school_id, columns)
  values ((select auth.uid()), pg_catalog.current_setting('role'), lower(tg_op), tg_table_name,
          coalesce(rec ->> 'id', rec ->> 'apprentice_id', rec ->> 'school_id'), apprentice, school, changed);
  return null;
end
$$;
