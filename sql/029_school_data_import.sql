-- Bringing a school's data in (issue 16): the keys of the school's own systems, named import profiles, trainer
-- contacts and the record of every import.
--
-- The import itself is plain inserts and updates by the school's admin under the admin's row-level security
-- (leokop/repo/imports.py), in one transaction. What the admin cannot see is reached through one security definer
-- function below, which answers only for the admin's own school.

-- Keys of the school's systems ------------------------------------------------------------------------------------

-- The pupil id of the school's pupil database (LUSD, WebUntis, Magellan, SchILD): the first key an import matches
-- by; often missing, then Nachname + Vorname + Geburtsdatum.
alter table public.apprentices
  add column pupil_id text check (pupil_id is null or length(btrim(pupil_id)) between 1 and 40);
create unique index apprentices_school_pupil_id_idx on public.apprentices (school_id, pupil_id)
  where pupil_id is not null;
-- written by the school's admin like the other master data (024 grants the apprentices' columns one by one)
grant insert (pupil_id), update (pupil_id) on public.apprentices to authenticated;

-- A company's address, as WebUntis and Magellan keep it; the postcode is half of the company's import key.
alter table public.companies
  add column postcode text check (postcode is null or postcode ~ '^[0-9]{5}$'),
  add column street text check (street is null or length(street) <= 200),
  add column email text check (email is null or email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$');
create index companies_postcode_idx on public.companies (postcode, lower(name));

-- The school's short code for a company (Kürzel): the school's own, so it sits on the pair, not on the company.
alter table public.cooperations add column company_code text
  check (company_code is null or length(btrim(company_code)) between 1 and 40);
create unique index cooperations_school_code_idx on public.cooperations (school_id, company_code)
  where company_code is not null;

-- Import profiles --------------------------------------------------------------------------------------------------

-- A named column mapping of one school (as WebUntis keeps them): {"header in the file": "field"}.
create table public.import_profiles (
  id uuid primary key default gen_random_uuid(),
  school_id uuid not null references public.schools on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 80),
  mapping jsonb not null check (jsonb_typeof(mapping) = 'object'),
  updated_by uuid references public.app_users on delete set null default auth.uid(),
  updated_at timestamptz not null default now(),
  unique (school_id, name)
);

alter table public.import_profiles enable row level security;
grant select, insert, delete on public.import_profiles to authenticated;
grant update (mapping, updated_by, updated_at) on public.import_profiles to authenticated;
create policy import_profiles_select on public.import_profiles for select to authenticated
  using (school_id in (select app_private.school_ids_with_role('admin')));
create policy import_profiles_insert on public.import_profiles for insert to authenticated
  with check (school_id in (select app_private.school_ids_with_role('admin')) and updated_by = (select auth.uid()));
create policy import_profiles_update on public.import_profiles for update to authenticated
  using (school_id in (select app_private.school_ids_with_role('admin')))
  with check (school_id in (select app_private.school_ids_with_role('admin')) and updated_by = (select auth.uid()));
create policy import_profiles_delete on public.import_profiles for delete to authenticated
  using (school_id in (select app_private.school_ids_with_role('admin')));

-- Trainer contacts -----------------------------------------------------------------------------------------------

-- A trainer named in an import file (Magellan: AusbilderKontaktNachname/-Vorname/-Email). Kept as a contact of the
-- school for its pair with the company; no account. invited_user_id is the seam for invitations: the account an
-- invitation made from this contact (the identity issue sets it).
create table public.trainer_contacts (
  id uuid primary key default gen_random_uuid(),
  school_id uuid not null,
  company_id uuid not null references public.companies,
  first_name text check (first_name is null or length(btrim(first_name)) between 1 and 100),
  last_name text not null check (length(btrim(last_name)) between 1 and 100),
  email text check (email is null or email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  invited_user_id uuid references public.app_users on delete set null,
  created_by uuid references public.app_users on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (school_id, company_id) references public.cooperations (school_id, company_id)
);
-- one contact per address in a pair, or per name where there is no address
create unique index trainer_contacts_email_idx on public.trainer_contacts (school_id, company_id, lower(email))
  where email is not null;
create unique index trainer_contacts_name_idx
  on public.trainer_contacts (school_id, company_id, lower(last_name), lower(coalesce(first_name, '')))
  where email is null;
create index trainer_contacts_invited_idx on public.trainer_contacts (invited_user_id);
create trigger trainer_contacts_touch_updated_at before update on public.trainer_contacts
  for each row execute function public.touch_updated_at();

-- Personal data of the company's staff: the school's admin only.
alter table public.trainer_contacts enable row level security;
grant select, insert on public.trainer_contacts to authenticated;
grant update (first_name, last_name, email) on public.trainer_contacts to authenticated;
create policy trainer_contacts_select on public.trainer_contacts for select to authenticated
  using (school_id in (select app_private.school_ids_with_role('admin')));
create policy trainer_contacts_insert on public.trainer_contacts for insert to authenticated
  with check (school_id in (select app_private.school_ids_with_role('admin')) and created_by = (select auth.uid()));
create policy trainer_contacts_update on public.trainer_contacts for update to authenticated
  using (school_id in (select app_private.school_ids_with_role('admin')))
  with check (school_id in (select app_private.school_ids_with_role('admin')));
-- writes by app users are in the audit trail, as every account and privacy table (016)
create trigger trainer_contacts_audit after insert or update or delete on public.trainer_contacts for each row
  when (pg_catalog.current_setting('role') <> 'none') execute function app_private.audit_row();

-- The record of each import -----------------------------------------------------------------------------------------

-- Who imported which file when, and what it did: counts only, never the rows (the rows' own writes are in the
-- audit trail through their tables' triggers).
create table public.import_runs (
  id uuid primary key default gen_random_uuid(),
  school_id uuid not null references public.schools on delete cascade,
  file_name text not null check (length(file_name) between 1 and 255),
  counts jsonb not null check (jsonb_typeof(counts) = 'object'),
  refused int not null check (refused >= 0),
  actor_id uuid references public.app_users on delete set null default auth.uid(),
  at timestamptz not null default now()
);
create index import_runs_school_idx on public.import_runs (school_id, at desc);

alter table public.import_runs enable row level security;
grant select, insert on public.import_runs to authenticated;
create policy import_runs_select on public.import_runs for select to authenticated
  using (school_id in (select app_private.school_ids_with_role('admin')));
create policy import_runs_insert on public.import_runs for insert to authenticated
  with check (school_id in (select app_private.school_ids_with_role('admin')) and actor_id = (select auth.uid()));

-- Every import is one 'import' row of the audit trail, written with the run so that it cannot be left out; an
-- import from the command line (the owner, role 'none') is recorded too, as 'kommandozeile'.
alter table public.audit_log drop constraint audit_log_action_check;
alter table public.audit_log add constraint audit_log_action_check
  check (action in ('insert', 'update', 'delete', 'view', 'export', 'purge', 'import'));

create function app_private.audit_import()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.audit_log (actor_id, actor_role, action, table_name, row_id, school_id)
  values (new.actor_id, case pg_catalog.current_setting('role') when 'none' then 'kommandozeile'
                             else pg_catalog.current_setting('role') end,
          'import', 'import_runs', new.id::text, new.school_id);
  return null;
end
$$;
revoke all on function app_private.audit_import() from public;
create trigger import_runs_audit after insert on public.import_runs
  for each row execute function app_private.audit_import();

-- Companies the admin cannot see yet --------------------------------------------------------------------------------

-- A company another school already works with is found by its name and postcode, so that an import links it instead
-- of creating it twice. Only for the admin of p_school_id (42501 otherwise) and the owner; only exact matches (name compared
-- trimmed, case and inner spaces ignored) that are unique; the answer is the company's id, nothing about its pairs.
create function public.import_find_companies(p_school_id uuid, p_names text[], p_postcodes text[])
returns table (name_key text, postcode text, company_id uuid)
language plpgsql stable security definer set search_path = ''
as $$
begin
  -- the owner (the command line's import, role none) asks for any school
  if pg_catalog.current_setting('role') <> 'none'
     and (p_school_id is null or p_school_id not in (select app_private.school_ids_with_role('admin'))) then
    raise exception 'only the school''s admin may look up companies for an import' using errcode = '42501';
  end if;
  return query
    select k.name_key, k.postcode, min(c.id::text)::uuid
    from unnest(p_names, p_postcodes) as k(name_key, postcode)
    join public.companies c
      on c.postcode = k.postcode and lower(regexp_replace(btrim(c.name), '\s+', ' ', 'g')) = k.name_key
    group by k.name_key, k.postcode
    having count(distinct c.id) = 1;
end
$$;
revoke all on function public.import_find_companies(uuid, text[], text[]) from public;
grant execute on function public.import_find_companies(uuid, text[], text[]) to authenticated;

-- The pupil id identifies the person: the retention job's anonymisation (016) removes it with the names.
create function app_private.forget_pupil_id()
returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.anonymised_at is not null then
    new.pupil_id := null;
  end if;
  return new;
end
$$;
revoke all on function app_private.forget_pupil_id() from public;
create trigger apprentices_forget_pupil_id before update of anonymised_at on public.apprentices
  for each row execute function app_private.forget_pupil_id();
