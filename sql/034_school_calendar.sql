-- The school calendar (issue 16, decision 86): the holidays of every state from the `holidays` package, the school's
-- own days off, and one view that the timeline, the conflict check and the absence rate read.
--
-- public.school_holidays keeps the state-wide days: school holidays (kind 'ferien') and public holidays ('feiertag').
-- `python -m leokop calendar sync` (also run by `db setup`, `db migrate`, `serve` and the demo load) writes them from
-- the package (source 'holidays'); the lists of 009 and 026 (source 'liste') stay as the fallback for the years the
-- package does not know yet, and give way where it does.

alter table public.school_holidays
  add column kind text not null default 'ferien' check (kind in ('ferien', 'feiertag')),
  add column source text not null default 'liste' check (source in ('liste', 'holidays'));
alter table public.school_holidays drop constraint school_holidays_state_starts_on_key;
alter table public.school_holidays add constraint school_holidays_state_kind_starts_on_key
  unique (state, kind, starts_on);
create index school_holidays_state_ends_idx on public.school_holidays (state, ends_on);

-- A school's own days off: bewegliche Ferientage, pädagogische Tage, by hand or from an .ics file (its UID kept, so
-- that importing the same file again adds nothing).
create table public.school_days_off (
  id uuid primary key default gen_random_uuid(),
  school_id uuid not null references public.schools on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 200),
  starts_on date not null,
  ends_on date not null,
  source text not null default 'hand' check (source in ('hand', 'ics')),
  ics_uid text check (ics_uid is null or length(ics_uid) <= 500),
  created_by uuid references public.app_users on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  version int not null default 1,
  check (ends_on >= starts_on and ends_on - starts_on <= 120),
  unique (school_id, starts_on, name)
);
create index school_days_off_school_idx on public.school_days_off (school_id, starts_on);
create unique index school_days_off_ics_idx on public.school_days_off (school_id, ics_uid) where ics_uid is not null;

alter table public.school_days_off enable row level security;
grant select on public.school_days_off to authenticated;
grant insert (school_id, name, starts_on, ends_on, source, ics_uid), delete on public.school_days_off to authenticated;
-- everyone with a membership at the school (teachers, leadership, admins, and trainers of its pairs) sees its days off
create policy school_days_off_select on public.school_days_off for select to authenticated
  using (school_id in (select app_private.my_membership_school_ids()));
create policy school_days_off_insert on public.school_days_off for insert to authenticated
  with check (school_id in (select app_private.school_ids_with_role('admin')));
create policy school_days_off_delete on public.school_days_off for delete to authenticated
  using (school_id in (select app_private.school_ids_with_role('admin')));

-- The evaluation counts school days without holidays and days off (the absence rate's denominator).
grant select on public.school_holidays, public.school_days_off, public.schools to leokop_service;
create policy school_holidays_service on public.school_holidays for select to leokop_service using (true);
create policy school_days_off_service on public.school_days_off for select to leokop_service using (true);
create policy schools_service on public.schools for select to leokop_service using (true);

-- One calendar per school: its state's holidays and its own days off. security_invoker: the reader's policies apply.
create view public.school_calendar with (security_invoker = true) as
  select s.id as school_id, h.kind, h.name, h.starts_on, h.ends_on, h.id
  from public.schools s join public.school_holidays h on h.state = s.state
  union all
  select d.school_id, 'schulfrei', d.name, d.starts_on, d.ends_on, d.id
  from public.school_days_off d;
revoke all on public.school_calendar from public;
grant select on public.school_calendar to authenticated, leokop_service;

-- The audit trail records every change of a school's days off (not personal data, but the admin's decisions).
create trigger school_days_off_audit after insert or update or delete on public.school_days_off for each row
  when (pg_catalog.current_setting('role') <> 'none') execute function app_private.audit_row();
