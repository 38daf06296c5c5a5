-- Early warning: per-school thresholds, concerns raised by hand, stored risk flags, and the cases both learning
-- places work on. Flags are written only by the evaluation (leokop_worker switching to leokop_service, after a
-- change or by `risks recompute`); users read them under RLS, the company side only where the school released the
-- data a flag rests on.

-- The rule evaluation connects with its own login role, leokop_worker, and switches to leokop_service
-- (transaction-local). leokop_app is not a member: a user's transaction can never switch to it.
do $$
begin
  if not exists (select from pg_roles where rolname = 'leokop_service') then
    create role leokop_service nologin noinherit nobypassrls;
  end if;
  if not exists (select from pg_roles where rolname = 'leokop_worker') then
    create role leokop_worker login noinherit nobypassrls;
  end if;
end
$$;
grant leokop_service to leokop_worker;
revoke leokop_service from leokop_app;  -- roles are cluster-wide: make sure no older grant survives
grant usage on schema public to leokop_service;
grant usage on schema app_private to leokop_service;

-- Part-time classes go to school on this many days a week; block classes follow their school blocks.
alter table public.classes add column school_days_per_week smallint
  check (school_days_per_week between 1 and 5);
update public.classes set school_days_per_week = 2 where schedule = 'teilzeitunterricht';

create type public.case_status as enum ('offen', 'in_bearbeitung', 'erledigt');
create type public.measure_kind as enum (
  'gespraech_azubi', 'foerderunterricht', 'gespraech_betrieb_schule', 'quabb', 'assistierte_ausbildung', 'sonstiges'
);

create table public.risk_thresholds (
  school_id uuid primary key references public.schools on delete cascade,
  unexcused_days_4_weeks int not null default 2 check (unexcused_days_4_weeks between 1 and 20),
  absence_rate_90_days numeric(4, 3) not null default 0.10 check (absence_rate_90_days > 0 and absence_rate_90_days <= 1),
  failing_grades int not null default 2 check (failing_grades between 1 and 20),
  grade_average numeric(2, 1) not null default 4.0 check (grade_average between 1 and 6),
  grade_drop numeric(2, 1) not null default 1.0 check (grade_drop between 0.1 and 5),
  unsigned_record_weeks int not null default 3 check (unsigned_record_weeks between 1 and 52),
  probation_weeks int not null default 4 check (probation_weeks between 1 and 16),
  exam_weeks int not null default 8 check (exam_weeks between 1 and 26),
  updated_at timestamptz not null default now(),
  updated_by uuid references public.app_users on delete set null
);

create table public.concerns (
  id uuid primary key default gen_random_uuid(),
  apprentice_id uuid not null references public.apprentices on delete cascade,
  place public.learning_place not null,
  kind text not null check (kind in ('konflikt', 'motivation', 'gesundheit', 'sonstiges')),
  body text not null check (length(btrim(body)) between 1 and 2000),
  raised_by uuid references public.app_users on delete set null default auth.uid(),
  raised_at timestamptz not null default now(),
  resolved_at timestamptz,
  resolved_by uuid references public.app_users on delete set null
);
create index concerns_apprentice_idx on public.concerns (apprentice_id) where resolved_at is null;

create table public.risk_flags (
  id uuid primary key default gen_random_uuid(),
  apprentice_id uuid not null references public.apprentices on delete cascade,
  rule text not null,
  severity text not null check (severity in ('hinweis', 'warnung', 'kritisch')),
  category text not null
    check (category in ('absences', 'grades', 'teacher_notes', 'record_book', 'probation', 'concern')),
  reason text not null,
  evidence jsonb not null default '{}',
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  cleared_at timestamptz
);
-- one open flag per apprentice and rule; cleared flags stay for the history
create unique index risk_flags_open_key on public.risk_flags (apprentice_id, rule) where cleared_at is null;
create index risk_flags_apprentice_idx on public.risk_flags (apprentice_id, first_seen_at);

create table public.risk_cases (
  id uuid primary key default gen_random_uuid(),
  apprentice_id uuid not null references public.apprentices on delete cascade,
  flag_id uuid references public.risk_flags on delete set null,
  title text not null check (length(btrim(title)) between 1 and 300),
  severity text not null check (severity in ('hinweis', 'warnung', 'kritisch')),
  status public.case_status not null default 'offen',
  responsible_id uuid references public.app_users on delete set null,
  opened_by uuid references public.app_users on delete set null default auth.uid(),
  opened_at timestamptz not null default now(),
  closed_at timestamptz,
  closing_reason text check (closing_reason is null or length(closing_reason) <= 2000),
  version int not null default 1,
  check ((status = 'erledigt') = (closed_at is not null)),
  check (status <> 'erledigt' or length(btrim(coalesce(closing_reason, ''))) > 0)
);
create index risk_cases_apprentice_idx on public.risk_cases (apprentice_id, status);

create table public.case_comments (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references public.risk_cases on delete cascade,
  author_id uuid references public.app_users on delete set null default auth.uid(),
  place public.learning_place not null,
  body text not null check (length(btrim(body)) between 1 and 4000),
  created_at timestamptz not null default now()
);
create index case_comments_case_idx on public.case_comments (case_id, created_at);

create table public.case_measures (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references public.risk_cases on delete cascade,
  kind public.measure_kind not null,
  description text check (description is null or length(description) <= 2000),
  due_on date,
  done_at timestamptz,
  created_by uuid references public.app_users on delete set null default auth.uid(),
  created_at timestamptz not null default now()
);
create index case_measures_case_idx on public.case_measures (case_id);

-- When the user last looked at the inbox.
create table public.inbox_seen (
  user_id uuid primary key references public.app_users on delete cascade,
  seen_at timestamptz not null default now()
);

-- The pair of an apprentice: the users of both learning places who work with them.
create function app_private.pair_apprentice_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select app_private.school_side_apprentice_ids()
  union
  select app_private.company_side_apprentice_ids()
$$;
-- Flags the company side may read: no flag resting on school data the school did not release.
create function app_private.flag_visible_to_company(p_apprentice_id uuid, p_category text)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select p_category not in ('grades', 'absences', 'teacher_notes')
      or app_private.is_released(p_apprentice_id, p_category)
$$;
revoke all on all functions in schema app_private from public;
grant execute on all functions in schema app_private to authenticated, leokop_service;

alter table public.risk_thresholds enable row level security;
grant select, insert, update on public.risk_thresholds to authenticated;
grant select on public.risk_thresholds to leokop_service;
create policy risk_thresholds_select on public.risk_thresholds for select to authenticated
  using (school_id in (select app_private.school_ids_with_role('admin')));
create policy risk_thresholds_insert on public.risk_thresholds for insert to authenticated
  with check (school_id in (select app_private.school_ids_with_role('admin')) and updated_by = (select auth.uid()));
create policy risk_thresholds_update on public.risk_thresholds for update to authenticated
  using (school_id in (select app_private.school_ids_with_role('admin')))
  with check (school_id in (select app_private.school_ids_with_role('admin')) and updated_by = (select auth.uid()));
create policy risk_thresholds_service on public.risk_thresholds for select to leokop_service using (true);

alter table public.concerns enable row level security;
grant select, insert on public.concerns to authenticated;
grant update (resolved_at, resolved_by) on public.concerns to authenticated;
grant select on public.concerns to leokop_service;
create policy concerns_select on public.concerns for select to authenticated
  using (apprentice_id in (select app_private.pair_apprentice_ids()));
create policy concerns_insert on public.concerns for insert to authenticated
  with check (raised_by = (select auth.uid()) and (
    (place = 'schule' and apprentice_id in (select app_private.school_side_apprentice_ids()))
    or (place = 'betrieb' and apprentice_id in (select app_private.company_side_apprentice_ids()))));
create policy concerns_update on public.concerns for update to authenticated
  using (apprentice_id in (select app_private.pair_apprentice_ids()))
  with check (apprentice_id in (select app_private.pair_apprentice_ids()) and resolved_by = (select auth.uid()));
create policy concerns_service on public.concerns for select to leokop_service using (true);

alter table public.risk_flags enable row level security;
grant select on public.risk_flags to authenticated;
grant select, insert, update on public.risk_flags to leokop_service;
create policy risk_flags_select on public.risk_flags for select to authenticated
  using (apprentice_id in (select app_private.school_side_apprentice_ids())
         or (apprentice_id in (select app_private.company_side_apprentice_ids())
             and app_private.flag_visible_to_company(apprentice_id, category)));
create policy risk_flags_service_select on public.risk_flags for select to leokop_service using (true);
create policy risk_flags_service_insert on public.risk_flags for insert to leokop_service with check (true);
create policy risk_flags_service_update on public.risk_flags for update to leokop_service using (true) with check (true);

-- Cases are never deleted: closing keeps their history.
alter table public.risk_cases enable row level security;
grant select, insert on public.risk_cases to authenticated;
grant update (status, responsible_id, closed_at, closing_reason, version) on public.risk_cases to authenticated;
create policy risk_cases_select on public.risk_cases for select to authenticated
  using (apprentice_id in (select app_private.pair_apprentice_ids()));
create policy risk_cases_insert on public.risk_cases for insert to authenticated
  with check (apprentice_id in (select app_private.pair_apprentice_ids()) and opened_by = (select auth.uid()));
create policy risk_cases_update on public.risk_cases for update to authenticated
  using (apprentice_id in (select app_private.pair_apprentice_ids()))
  with check (apprentice_id in (select app_private.pair_apprentice_ids()));

alter table public.case_comments enable row level security;
grant select, insert on public.case_comments to authenticated;
create policy case_comments_select on public.case_comments for select to authenticated
  using (case_id in (select c.id from public.risk_cases c))
;
create policy case_comments_insert on public.case_comments for insert to authenticated
  with check (author_id = (select auth.uid()) and case_id in (
    select c.id from public.risk_cases c
    where (place = 'schule' and c.apprentice_id in (select app_private.school_side_apprentice_ids()))
       or (place = 'betrieb' and c.apprentice_id in (select app_private.company_side_apprentice_ids()))));

alter table public.case_measures enable row level security;
grant select, insert on public.case_measures to authenticated;
grant update (done_at) on public.case_measures to authenticated;
create policy case_measures_select on public.case_measures for select to authenticated
  using (case_id in (select c.id from public.risk_cases c));
create policy case_measures_insert on public.case_measures for insert to authenticated
  with check (created_by = (select auth.uid()) and case_id in (select c.id from public.risk_cases c));
create policy case_measures_update on public.case_measures for update to authenticated
  using (case_id in (select c.id from public.risk_cases c))
  with check (case_id in (select c.id from public.risk_cases c));

alter table public.inbox_seen enable row level security;
grant select, insert, update on public.inbox_seen to authenticated;
create policy inbox_seen_select on public.inbox_seen for select to authenticated using (user_id = (select auth.uid()));
create policy inbox_seen_insert on public.inbox_seen for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy inbox_seen_update on public.inbox_seen for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));

-- What the evaluation reads, as leokop_service (read only, every row: rules need all of an apprentice's data).
grant select on public.apprentices, public.classes, public.lf_results, public.lf_grade_history, public.learning_fields,
  public.absences, public.record_weeks, public.school_blocks, public.exams, public.school_holidays, public.schools
  to leokop_service;
create policy apprentices_service on public.apprentices for select to leokop_service using (true);
create policy classes_service on public.classes for select to leokop_service using (true);
create policy lf_results_service on public.lf_results for select to leokop_service using (true);
create policy lf_grade_history_service on public.lf_grade_history for select to leokop_service using (true);
create policy learning_fields_service on public.learning_fields for select to leokop_service using (true);
create policy absences_service on public.absences for select to leokop_service using (true);
create policy record_weeks_service on public.record_weeks for select to leokop_service using (true);
create policy school_blocks_service on public.school_blocks for select to leokop_service using (true);
create policy exams_service on public.exams for select to leokop_service using (true);
create policy school_holidays_service on public.school_holidays for select to leokop_service using (true);
create policy schools_service on public.schools for select to leokop_service using (true);

-- The people of an apprentice's pair (teachers of the class or pair, trainers of the pair): who can be made
-- responsible for a case and who is told about news. Only for callers who belong to the pair themselves.
create function public.pair_people(p_apprentice_id uuid)
returns table (user_id uuid, display_name text, place public.learning_place)
language sql stable security definer set search_path = ''
as $$
  select distinct u.id, u.display_name, case m.role when 'lehrkraft' then 'schule' else 'betrieb' end
    ::public.learning_place
  from public.apprentices a
  join public.memberships m on m.active and m.role in ('lehrkraft', 'ausbilder')
  join public.app_users u on u.id = m.user_id and u.active
  left join public.cooperations c on c.id = m.cooperation_id
  where a.id = p_apprentice_id
    and p_apprentice_id in (select app_private.pair_apprentice_ids())
    and (m.class_id = a.class_id
         or (m.company_id = a.company_id and m.school_id = a.school_id)
         or (c.school_id = a.school_id and c.company_id = a.company_id))
$$;
revoke all on function public.pair_people(uuid) from public;
grant execute on function public.pair_people(uuid) to authenticated;

-- E-mail addresses of the pair for notifications: read by the evaluation only.
create function app_private.pair_emails(p_apprentice_id uuid)
returns table (user_id uuid, email text)
language sql stable security definer set search_path = ''
as $$
  select distinct u.id, u.email
  from public.apprentices a
  join public.memberships m on m.active and m.role in ('lehrkraft', 'ausbilder')
  join public.app_users u on u.id = m.user_id and u.active and u.email is not null
  left join public.cooperations c on c.id = m.cooperation_id
  where a.id = p_apprentice_id
    and (m.class_id = a.class_id
         or (m.company_id = a.company_id and m.school_id = a.school_id)
         or (c.school_id = a.school_id and c.company_id = a.company_id))
$$;
revoke all on function app_private.pair_emails(uuid) from public, authenticated;
grant execute on function app_private.pair_emails(uuid) to leokop_service;
