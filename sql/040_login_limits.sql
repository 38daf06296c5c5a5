-- Failed logins are limited per client address as well (issue 15, decision 92): the lockout of an account after
-- five failed attempts (sql/006) stays as it is; on top of it, a client address from which 50 logins failed in the
-- last hour may not try again until the hour has passed. This stops one machine from trying one or two passwords
-- on many accounts (password spraying), which the per-account lockout never sees. 50 and not less: a school's
-- teachers often share one public address.
--
-- Counted in public.auth_requests (sql/037) as kind 'anmeldung', with the sha256 of the client's address; the app
-- has no address for a browser on the same machine (Streamlit gives none for loopback), and then counts nothing.
-- Times are the real clock (now()).

alter table public.auth_requests drop constraint auth_requests_kind_check;
alter table public.auth_requests add constraint auth_requests_kind_check
  check (kind in ('einladung', 'passwort', 'anmeldung'));

-- Whether a login from this client may be tried now: fewer than p_limit failed logins in the last hour.
create function app_auth.login_client_allowed(p_client_sha256 text, p_limit integer)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select (select count(*) from public.auth_requests r
          where r.kind = 'anmeldung' and r.client_sha256 = p_client_sha256
            and r.at > now() - interval '1 hour') < greatest(p_limit, 1)
$$;
revoke all on function app_auth.login_client_allowed(text, integer) from public;
grant execute on function app_auth.login_client_allowed(text, integer) to leokop_app;

-- One failed login from this client (records older than a day go, as in sql/037).
create function app_auth.login_client_failed(p_client_sha256 text)
returns void
language sql volatile security definer set search_path = ''
as $$
  delete from public.auth_requests where at < now() - interval '1 day';
  insert into public.auth_requests (kind, client_sha256) values ('anmeldung', p_client_sha256);
$$;
revoke all on function app_auth.login_client_failed(text) from public;
grant execute on function app_auth.login_client_failed(text) to leokop_app;
