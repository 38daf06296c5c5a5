-- The school's day in the database: one "today" for the pages and the functions they call.
--
-- The app sends its day (leokop.clock.today(): LEOKOP_TODAY when set, else the day in Europe/Berlin) with every
-- user and service transaction as the transaction-local setting `leokop.today`. Functions that count from today
-- read it through app_private.today(); without the setting (psql, a cron job on the owner connection) it is the
-- calendar day in Berlin, not the server's time zone, so a server on UTC does not use yesterday after midnight.

create function app_private.today()
returns date
language sql
stable
set search_path = ''
as $$
  select coalesce(nullif(current_setting('leokop.today', true), '')::date,
                  (pg_catalog.now() at time zone 'Europe/Berlin')::date)
$$;
revoke all on function app_private.today() from public;
-- authenticated: the default of public.school_year_start() and the policies' helpers evaluate it as the user;
-- leokop_service: the rule evaluation's functions
grant execute on function app_private.today() to authenticated, leokop_service;

-- The current moment on the school's day: the real time of day in Berlin on app_private.today(). Without a fixed
-- day it is now() itself. The inbox counts its first visit back from it, the demo loads stamp their rows with it.
create function app_private.now()
returns timestamptz
language sql
stable
set search_path = ''
as $$
  select ((app_private.today() + (pg_catalog.now() at time zone 'Europe/Berlin')::time) at time zone 'Europe/Berlin')
$$;
revoke all on function app_private.now() from public;
grant execute on function app_private.now() to authenticated, leokop_service;

-- Defaults are evaluated in the caller's context: school_year_start() is called without an argument by the
-- school overview and the leadership checks.
create or replace function public.school_year_start(p_day date default app_private.today())
returns int
language sql
stable
as $$ select extract(year from p_day - interval '7 months')::int $$;

create or replace function public.retention_preview(p_today date default app_private.today())
returns table (apprentice_id uuid, school text, class_name text, ended_on date, months int)
language sql
stable
security definer
set search_path = ''
as $$
  select d.apprentice_id, d.school, d.class_name, d.ended_on, d.months from app_private.retention_due(p_today) d
  where d.school_id in (select app_private.school_ids_with_role('admin'))
$$;

-- The leadership figures end their school year's window at today. Their bodies stay as 011 and 014 wrote them;
-- only `current_date` becomes the school's day, so the rewrite is done on the stored definitions rather than by
-- repeating several hundred lines here.
do $$
declare
  f regprocedure;
begin
  foreach f in array array[
    'app_leadership.window_of(int)',
    'app_leadership.cases(uuid[], int, uuid, uuid)',
    'app_leadership.cooperations(uuid[], int, uuid, uuid)',
    'app_leadership.risks(uuid[], int, uuid, uuid)',
    'app_leadership.measures(uuid[], int, uuid, uuid)'
  ]::regprocedure[]
  loop
    execute replace(pg_get_functiondef(f), 'current_date', 'app_private.today()');
  end loop;
  if exists (select 1 from pg_proc p join pg_namespace n on n.oid = p.pronamespace
             where n.nspname in ('public', 'app_private', 'app_auth', 'app_leadership')
               and (p.prosrc ilike '%current_date%' or pg_get_function_arguments(p.oid) ilike '%current_date%')) then
    raise exception '025: a function still counts from current_date';
  end if;
end
$$;
