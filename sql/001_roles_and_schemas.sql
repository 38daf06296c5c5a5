-- Roles and schemas.
-- leokop_app is the login role the Streamlit app connects with. It owns nothing, bypasses no RLS and has no
-- table privileges of its own: every user query switches to "authenticated" inside its transaction, and the
-- few pre-login calls (credential lookup, lockout bookkeeping) go through functions in app_auth.
do $$
begin
  if not exists (select from pg_roles where rolname = 'leokop_app') then
    create role leokop_app login noinherit nobypassrls;
  end if;
end
$$;
grant anon, authenticated to leokop_app;

-- Helper functions used by RLS policies. Not exposed through Supabase's API (only "public" is).
create schema app_private;
revoke all on schema app_private from public;
grant usage on schema app_private to authenticated;

-- Pre-login functions: only the app's login role may call them, never a signed-in user.
create schema app_auth;
revoke all on schema app_auth from public;
grant usage on schema app_auth to leokop_app;

-- Supabase grants everything in "public" to anon and authenticated by default (TRUNCATE included, which RLS
-- does not cover); we grant per table and per function instead, next to each object.
alter default privileges in schema public revoke all on tables from public, anon, authenticated;
alter default privileges in schema public revoke all on sequences from public, anon, authenticated;
alter default privileges in schema public revoke all on functions from public, anon, authenticated;
grant usage on schema public to authenticated;

-- The school year starts on 1 August: 2026 for any day from 2026-08-01 to 2027-07-31.
create function public.school_year_start(p_day date default current_date)
returns int
language sql stable
as $$ select extract(year from p_day - interval '7 months')::int $$;
grant execute on function public.school_year_start(date) to authenticated;

create type public.app_role as enum ('lehrkraft', 'ausbilder', 'schulleitung', 'admin');
create type public.apprentice_status as enum ('aktiv', 'geloest', 'abgeschlossen');
create type public.class_schedule as enum ('blockunterricht', 'teilzeitunterricht');
