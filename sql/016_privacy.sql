-- Data protection (issue 8): terms of use per school, consent or legal basis per apprentice, an append-only audit
-- trail, retention with anonymisation, and the export for an access request (Art. 15 DSGVO).
--
-- Two gates are folded into the helpers every policy already uses, so that no policy changes:
--  * terms: a trainer's membership counts only once the user accepted the current terms of the school that
--    administers it (app_private.active_memberships); without it the company side sees no apprentice at all;
--  * consent: the company side sees a category of school data (grades, absences, teacher notes) only where the
--    school released it AND an unrevoked consent or legal basis covers it (app_private.is_released).

-- Terms of use ---------------------------------------------------------------------------------------------------

-- Versions are never edited: a change is a new version, which every trainer of the school must accept again.
create table public.terms_versions (
  id uuid primary key default gen_random_uuid(),
  school_id uuid not null references public.schools on delete cascade,
  version int not null check (version >= 1),
  body text not null check (length(btrim(body)) between 1 and 20000),
  published_at timestamptz not null default now(),
  published_by uuid references public.app_users on delete set null default auth.uid(),
  unique (school_id, version)
);

create table public.terms_acceptances (
  user_id uuid not null references public.app_users on delete cascade,
  school_id uuid not null,
  version int not null,
  accepted_at timestamptz not null default now(),
  primary key (user_id, school_id, version),
  foreign key (school_id, version) references public.terms_versions (school_id, version) on delete cascade
);
create index terms_acceptances_school_idx on public.terms_acceptances (school_id, version);

-- Schools whose current terms the signed-in user accepted: a lookup by the user's primary key prefix.
create function app_private.terms_accepted_school_ids()
returns setof uuid
language sql stable security definer set search_path = '' rows 2
as $$
  select t.school_id from public.terms_acceptances t
  where t.user_id = (select auth.uid())
    and t.version = (select max(v.version) from public.terms_versions v where v.school_id = t.school_id)
$$;

-- Schools that administer one of the user's memberships (whatever the terms): whose terms the user may read.
create function app_private.my_membership_school_ids()
returns setof uuid
language sql stable security definer set search_path = '' rows 2
as $$
  select distinct m.school_id from public.memberships m
  join public.app_users u on u.id = m.user_id
  where m.user_id = (select auth.uid()) and m.active and u.active
$$;

-- The gate: a trainer membership counts only with the school's current terms accepted. Every helper that opens
-- data to the company side (my_pairs, company_side_apprentice_ids, and so every policy) starts here.
create or replace function app_private.active_memberships()
returns setof public.memberships
language sql stable security definer set search_path = '' rows 5
as $$
  select m.*
  from public.memberships m
  join public.app_users u on u.id = m.user_id
  where m.user_id = (select auth.uid()) and m.active and u.active
    and (m.role <> 'ausbilder' or m.school_id in (select app_private.terms_accepted_school_ids()))
$$;

-- Consent or legal basis per apprentice ----------------------------------------------------------------------------

-- A row opens the listed categories of school data to the company side (together with the release settings).
-- Consent (Einwilligung) is given by the apprentice, for a minor by the guardian; a legal basis names its
-- provision. Revoking keeps the row (proof of what was allowed when) and closes the categories at once.
create table public.consents (
  id uuid primary key default gen_random_uuid(),
  apprentice_id uuid not null references public.apprentices on delete cascade,
  legal_basis text not null check (legal_basis in ('einwilligung', 'rechtsvorschrift')),
  categories text[] not null
    check (cardinality(categories) > 0 and categories <@ array['grades', 'absences', 'teacher_notes']),
  given_by text check (given_by in ('azubi', 'erziehungsberechtigte')),
  guardian_name text check (guardian_name is null or length(btrim(guardian_name)) between 1 and 200),
  given_on date not null,
  reference text check (reference is null or length(reference) <= 500),
  recorded_by uuid references public.app_users on delete set null default auth.uid(),
  recorded_at timestamptz not null default now(),
  revoked_at timestamptz,
  revoked_by uuid references public.app_users on delete set null,
  version int not null default 1,
  check ((legal_basis = 'einwilligung') = (given_by is not null)),
  check (given_by is distinct from 'erziehungsberechtigte' or guardian_name is not null),
  check (legal_basis <> 'rechtsvorschrift' or reference is not null),
  check ((revoked_at is null) = (revoked_by is null))
);
create index consents_open_idx on public.consents (apprentice_id) where revoked_at is null;
create index consents_apprentice_idx on public.consents (apprentice_id, recorded_at);

-- The single place that decides whether the company side may see a category of school data: release settings
-- (school default, per-apprentice exception) and an open consent or legal basis for that category.
create or replace function app_private.is_released(p_apprentice_id uuid, p_category text)
returns boolean
language sql stable security definer set search_path = ''
as $$
  -- no settings row: shared (the school's default); an unknown category: never shared
  select coalesce(
    case p_category
      when 'grades' then coalesce(o.share_grades, s.share_grades)
      when 'absences' then coalesce(o.share_absences, s.share_absences)
      when 'teacher_notes' then coalesce(o.share_teacher_notes, s.share_teacher_notes)
    end, p_category in ('grades', 'absences', 'teacher_notes'))
    and exists (select 1 from public.consents c
                where c.apprentice_id = a.id and c.revoked_at is null and p_category = any (c.categories))
  from public.apprentices a
  left join public.release_settings s on s.school_id = a.school_id
  left join public.release_overrides o on o.apprentice_id = a.id
  where a.id = p_apprentice_id
$$;

-- Retention ----------------------------------------------------------------------------------------------------

create table public.retention_settings (
  school_id uuid primary key references public.schools on delete cascade,
  months int not null default 12 check (months between 1 and 120),
  updated_at timestamptz not null default now(),
  updated_by uuid references public.app_users on delete set null
);

-- Set by the retention job: name, birthday and free texts are gone, the counted facts stay (sql/011 reads them).
alter table public.apprentices add column anonymised_at timestamptz;

-- Audit trail ---------------------------------------------------------------------------------------------------

-- Who did what to which apprentice's data, when. Never the content: table, row id and the names of the changed
-- columns only, so that the trail itself holds no personal data beyond ids and stays when data is erased.
create table public.audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default clock_timestamp(),
  actor_id uuid,
  actor_role text not null,
  action text not null check (action in ('insert', 'update', 'delete', 'view', 'export', 'purge')),
  table_name text not null,
  row_id text,
  apprentice_id uuid,
  school_id uuid,
  columns text[]
);
create index audit_log_school_idx on public.audit_log (school_id, at desc);
create index audit_log_apprentice_idx on public.audit_log (apprentice_id, at desc);
create index audit_log_user_row_idx on public.audit_log (row_id, at desc) where table_name = 'app_users';

-- Append-only for everybody, the owner included (defence in depth beside the missing grants and policies).
create function app_private.audit_log_is_append_only()
returns trigger
language plpgsql set search_path = ''
as $$
begin
  raise exception 'audit_log is append-only' using errcode = '42501';
end
$$;
create trigger audit_log_no_change before update or delete on public.audit_log
  for each statement execute function app_private.audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on public.audit_log
  for each statement execute function app_private.audit_log_is_append_only();

-- One audit row per written row. Its arguments say how the row reaches its apprentice: one argument, the column
-- that holds the apprentice's id; four (parent table, link column, parent key, parent's apprentice column), a
-- row that reaches it through another table (case comments through risk_cases); none, a row about no apprentice.
create function app_private.audit_row()
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
    where n.value is distinct from (to_jsonb(old) -> n.key) and n.key not in ('version', 'updated_at');
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

-- One audit row about an apprentice as a whole (a page view, an export, an anonymisation), by the current user.
create function app_private.audit_event(p_action text, p_apprentice_id uuid, p_role text default null)
returns boolean
language sql volatile security definer set search_path = ''
as $$
  insert into public.audit_log (actor_id, actor_role, action, table_name, row_id, apprentice_id, school_id)
  select (select auth.uid()), coalesce(p_role, pg_catalog.current_setting('role')), p_action, 'apprentices',
         a.id::text, a.id, a.school_id
  from public.apprentices a where a.id = p_apprentice_id
  returning true
$$;

-- A view of an apprentice page, recorded by the page in the same request; only for apprentices the user sees.
create function public.record_apprentice_view(p_apprentice_id uuid)
returns boolean
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if p_apprentice_id in (select app_private.pair_apprentice_ids())
     or p_apprentice_id in (select app_private.admin_apprentice_ids()) then
    return coalesce(app_private.audit_event('view', p_apprentice_id), false);
  end if;
  return false;
end
$$;

-- Tables holding an apprentice's data, found from the catalogue so that tables added later are covered: every
-- table in public with a column apprentice_id or a one-column foreign key to apprentices ("direct"), and every
-- table with a one-column foreign key to a direct table's key (e.g. case_comments through risk_cases).
create function app_private.apprentice_tables()
returns table (table_name text, link_column text, parent_table text, parent_key text, parent_link text)
language sql stable security definer set search_path = ''
as $$
  with tables as (
    select c.oid, c.relname::text as name from pg_catalog.pg_class c
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and c.relname <> 'apprentices'
  ), direct as (
    select t.oid, t.name, a.attname::text as link from tables t
    join pg_catalog.pg_attribute a on a.attrelid = t.oid and a.attname = 'apprentice_id' and not a.attisdropped
    union
    select t.oid, t.name, a.attname::text from tables t
    join pg_catalog.pg_constraint k on k.conrelid = t.oid and k.contype = 'f'
      and k.confrelid = 'public.apprentices'::regclass and cardinality(k.conkey) = 1
    join pg_catalog.pg_attribute a on a.attrelid = t.oid and a.attnum = k.conkey[1]
  )
  select d.name, d.link, null, null, null from direct d
  union all
  select t.name, a.attname::text, d.name, pa.attname::text, d.link
  from tables t
  join pg_catalog.pg_constraint k on k.conrelid = t.oid and k.contype = 'f' and cardinality(k.conkey) = 1
  join direct d on d.oid = k.confrelid
  join pg_catalog.pg_attribute a on a.attrelid = t.oid and a.attnum = k.conkey[1]
  join pg_catalog.pg_attribute pa on pa.attrelid = k.confrelid and pa.attnum = k.confkey[1]
  where t.oid not in (select oid from direct)
  order by 1, 2
$$;

-- The condition that selects an apprentice's rows of one table, from apprentice_tables (alias t, $1 the id).
create function app_private.apprentice_rows_condition(p_table text)
returns text
language sql stable security definer set search_path = ''
as $$
  select string_agg(case when l.parent_table is null then format('t.%I = $1', l.link_column)
                         else format('t.%I in (select p.%I from public.%I p where p.%I = $1)', l.link_column,
                                     l.parent_key, l.parent_table, l.parent_link) end, ' or ')
  from app_private.apprentice_tables() l where l.table_name = p_table
$$;

-- Puts the audit trigger on every table that holds an apprentice's data (apprentice_tables, so tables of earlier
-- migrations are covered without a list; a later migration that adds one calls this again) and on the tables of
-- accounts, roles and privacy settings. Not on lf_grade_history (copied from the audited lf_results by a trigger)
-- and risk_flags (derived; every recompute rewrites them).
-- Writes by app users (role authenticated) and the evaluation (leokop_service) are recorded. Writes by the owner
-- (migrations, demo data, the Hessen generator's COPY, the retention job) have role 'none' and are not: they are
-- operator actions outside the app, and the retention job writes one 'purge' row per apprentice itself.
create function app_private.attach_audit_triggers()
returns int
language plpgsql set search_path = ''
as $$
declare
  l record;
  n int := 0;
begin
  for l in
    select distinct on (t.table_name) t.* from (
      select * from app_private.apprentice_tables()
      union all select 'apprentices', 'id', null, null, null
      union all select unnest(array['app_users', 'memberships', 'release_settings', 'retention_settings',
                                    'terms_versions', 'terms_acceptances']), null, null, null, null
    ) t
    where t.table_name not in ('audit_log', 'lf_grade_history', 'risk_flags')
    order by t.table_name, t.parent_table nulls first, t.link_column
  loop
    execute format('create or replace trigger %I after insert or update or delete on public.%I for each row'
                   ' when (pg_catalog.current_setting(''role'') <> ''none'') execute function app_private.audit_row(%s)',
                   l.table_name || '_audit', l.table_name,
                   case when l.parent_table is not null
                        then format('%L, %L, %L, %L', l.parent_table, l.link_column, l.parent_key, l.parent_link)
                        when l.link_column is not null then format('%L', l.link_column)
                        else '' end);
    n := n + 1;
  end loop;
  return n;
end
$$;
select app_private.attach_audit_triggers();

-- Everything stored about one apprentice, as JSON: the school's admin answers an access request with it.
create function public.subject_access_export(p_apprentice_id uuid)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  result jsonb;
  t text;
  rows jsonb;
begin
  if p_apprentice_id is null or p_apprentice_id not in (select app_private.admin_apprentice_ids()) then
    raise exception 'only the school''s admin may export an apprentice''s data' using errcode = '42501';
  end if;
  select jsonb_build_object(
    'apprentice', to_jsonb(a),
    'context', jsonb_build_object('school', s.name, 'class', k.name, 'company', c.name, 'occupation', o.name),
    'exported_at', now(),
    'tables', '{}'::jsonb)
  into result
  from public.apprentices a
  join public.schools s on s.id = a.school_id
  join public.classes k on k.id = a.class_id
  join public.companies c on c.id = a.company_id
  join public.occupations o on o.id = a.occupation_id
  where a.id = p_apprentice_id;
  -- the export itself is recorded first, so that it appears in what it exports
  perform app_private.audit_event('export', p_apprentice_id);
  for t in select distinct l.table_name from app_private.apprentice_tables() l order by 1 loop
    execute format('select coalesce(jsonb_agg(to_jsonb(t) order by to_jsonb(t)::text), ''[]'') from public.%I t'
                   ' where %s', t, app_private.apprentice_rows_condition(t))
      into rows using p_apprentice_id;
    result := jsonb_set(result, array['tables', t], rows);
  end loop;
  return result;
end
$$;

-- Apprentices whose contract ended (end or dissolution) more than the school's retention period ago.
create function app_private.retention_due(p_today date)
returns table (apprentice_id uuid, school_id uuid, school text, class_name text, ended_on date, months int)
language sql stable security definer set search_path = ''
as $$
  select a.id, a.school_id, s.name, k.name, coalesce(a.dissolved_on, a.contract_end), coalesce(r.months, 12)
  from public.apprentices a
  join public.schools s on s.id = a.school_id
  join public.classes k on k.id = a.class_id
  left join public.retention_settings r on r.school_id = a.school_id
  where a.anonymised_at is null
    and coalesce(a.dissolved_on, a.contract_end) < p_today - make_interval(months => coalesce(r.months, 12))
  order by s.name, k.name, a.id
$$;

-- Anonymise one apprentice. The rows the yearly leadership figures count stay (sql/011: apprentices, Lernfeld
-- results and grade history, absences, Berichtsheft weeks, notes), stripped of names, birthday and free text;
-- every other row about the apprentice, in any table apprentice_tables finds, is deleted.
create function app_private.anonymise_apprentice(p_apprentice_id uuid)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  kept constant text[] := array['lf_results', 'lf_grade_history', 'absences', 'record_weeks', 'notes', 'audit_log',
                                'risk_flags', 'risk_cases', 'case_comments', 'case_measures'];
  l record;
begin
  update public.apprentices
  set first_name = 'Anonymisiert', last_name = 'Anonymisiert',
      birth_date = make_date(extract(year from birth_date)::int, 1, 1), anonymised_at = now()
  where id = p_apprentice_id;
  update public.notes set body = '(gelöscht)' where apprentice_id = p_apprentice_id;
  update public.absences set excuse_comment = null where apprentice_id = p_apprentice_id;
  update public.record_weeks
  set trainer_comment = case when status = 'zurueckgegeben' then '(gelöscht)' end
  where apprentice_id = p_apprentice_id;
  -- the counted facts of risks and cases stay; what was written about the person goes
  update public.risk_flags set reason = '(gelöscht)', evidence = '{}' where apprentice_id = p_apprentice_id;
  update public.risk_cases
  set title = '(gelöscht)', closing_reason = case when closing_reason is not null then '(gelöscht)' end
  where apprentice_id = p_apprentice_id;
  update public.case_comments k set body = '(gelöscht)'
  from public.risk_cases c where c.id = k.case_id and c.apprentice_id = p_apprentice_id;
  update public.case_measures x set description = null
  from public.risk_cases c where c.id = x.case_id and c.apprentice_id = p_apprentice_id;
  -- rows reached through another table first (their foreign keys may not cascade), then the direct ones
  for l in select * from app_private.apprentice_tables() order by parent_table nulls last loop
    continue when l.table_name = any (kept);
    execute format('delete from public.%I t where %s', l.table_name,
                   app_private.apprentice_rows_condition(l.table_name))
      using p_apprentice_id;
  end loop;
  perform app_private.audit_event('purge', p_apprentice_id, 'retention');
end
$$;

-- What the retention job would anonymise at the admin's schools, for the admin page (no names).
create function public.retention_preview(p_today date default current_date)
returns table (apprentice_id uuid, school text, class_name text, ended_on date, months int)
language sql stable security definer set search_path = ''
as $$
  select d.apprentice_id, d.school, d.class_name, d.ended_on, d.months from app_private.retention_due(p_today) d
  where d.school_id in (select app_private.school_ids_with_role('admin'))
$$;

revoke all on all functions in schema app_private from public;
grant execute on all functions in schema app_private to authenticated, leokop_service;
-- the job's and the export's internals are the owner's only
revoke all on function app_private.anonymise_apprentice(uuid), app_private.retention_due(date),
  app_private.audit_event(text, uuid, text),
  app_private.apprentice_tables(), app_private.apprentice_rows_condition(text), app_private.audit_row(),
  app_private.attach_audit_triggers(),
  app_private.audit_log_is_append_only() from authenticated, leokop_service;
revoke all on function public.record_apprentice_view(uuid), public.subject_access_export(uuid),
  public.retention_preview(date) from public;
grant execute on function public.record_apprentice_view(uuid), public.subject_access_export(uuid),
  public.retention_preview(date) to authenticated;

-- Policies --------------------------------------------------------------------------------------------------------

-- Terms: the school's admin publishes; every user with a membership of the school reads them.
alter table public.terms_versions enable row level security;
grant select, insert on public.terms_versions to authenticated;
create policy terms_versions_select on public.terms_versions for select to authenticated
  using (school_id in (select app_private.my_membership_school_ids()));
create policy terms_versions_insert on public.terms_versions for insert to authenticated
  with check (school_id in (select app_private.school_ids_with_role('admin')) and published_by = (select auth.uid()));

-- Acceptances: one's own (insert only, never withdrawn by editing); the school's admin reads its school's.
alter table public.terms_acceptances enable row level security;
grant select, insert on public.terms_acceptances to authenticated;
create policy terms_acceptances_select on public.terms_acceptances for select to authenticated
  using (user_id = (select auth.uid()) or school_id in (select app_private.school_ids_with_role('admin')));
create policy terms_acceptances_insert on public.terms_acceptances for insert to authenticated
  with check (user_id = (select auth.uid()) and school_id in (select app_private.my_membership_school_ids()));

-- Consents: the school side reads (it needs to know what the company may see); the admin records and revokes.
alter table public.consents enable row level security;
grant select, insert on public.consents to authenticated;
grant update (revoked_at, revoked_by, version) on public.consents to authenticated;
create policy consents_select on public.consents for select to authenticated
  using (apprentice_id in (select app_private.school_side_apprentice_ids()));
create policy consents_insert on public.consents for insert to authenticated
  with check (apprentice_id in (select app_private.admin_apprentice_ids()) and recorded_by = (select auth.uid())
              and revoked_at is null);
create policy consents_update on public.consents for update to authenticated
  using (apprentice_id in (select app_private.admin_apprentice_ids()) and revoked_at is null)
  with check (apprentice_id in (select app_private.admin_apprentice_ids()) and revoked_by = (select auth.uid()));

alter table public.retention_settings enable row level security;
grant select, insert, update on public.retention_settings to authenticated;
create policy retention_settings_select on public.retention_settings for select to authenticated
  using (school_id in (select app_private.school_ids_with_role('admin')));
create policy retention_settings_insert on public.retention_settings for insert to authenticated
  with check (school_id in (select app_private.school_ids_with_role('admin')) and updated_by = (select auth.uid()));
create policy retention_settings_update on public.retention_settings for update to authenticated
  using (school_id in (select app_private.school_ids_with_role('admin')))
  with check (school_id in (select app_private.school_ids_with_role('admin')) and updated_by = (select auth.uid()));

-- Audit: read only, by the school's admin (its apprentices' and its settings' rows, and its users' accounts).
-- No insert, update or delete grant and no such policy for any role: only the functions above write.
alter table public.audit_log enable row level security;
grant select on public.audit_log to authenticated;
create policy audit_log_select on public.audit_log for select to authenticated
  using (school_id in (select app_private.school_ids_with_role('admin'))
         or (table_name = 'app_users'
             and row_id in (select u.id::text from app_private.managed_user_ids() as u (id))));
