-- Server-side sessions (issue 15, decision 90): a sign-in survives a reload, a second tab and an opened link, within
-- limits that the database enforces for every app process alike.
--
-- The browser holds one random token in an HttpOnly cookie; only its sha256 is stored here (a backup opens no
-- session). The cookie is set by the app's own HTTP route (leokop/web.py), never by a page script: after the password
-- check the app starts a session with a one-time handoff value (its sha256 here, valid two minutes); a small script
-- POSTs the handoff to the route, which makes the token, claims the session with the token's hash and answers with
-- the cookie. A new Streamlit session resumes from the cookie's token; every script run of a signed-in session checks
-- it again by the session's id, one call that also keeps last_seen_at.
--
-- A session ends: on "Abmelden" ('abgemeldet'); when the user ends it on "Mein Konto" ('beendet'); when the
-- password changes, every session of that user ('passwort', a trigger); after idle_minutes without a script run
-- ('leerlauf') or at expires_at ('hoechstdauer'), both fixed at its start from the deployment's settings; when the
-- account is deactivated or has no active membership left ('kein_zugang'). Ended rows are deleted 30 days after they
-- ended (a session nobody closed: 30 days after its expires_at), by the next session_start.
--
-- Times are the real clock (now()), never the school's day (LEOKOP_TODAY): a lockout or a session limit must not
-- move with a fixed demo day.

create table public.user_sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.app_users on delete cascade,
  -- set when the route claims the session (the cookie exists from then on); null before
  token_sha256 text unique check (token_sha256 ~ '^[0-9a-f]{64}$'),
  handoff_sha256 text unique check (handoff_sha256 ~ '^[0-9a-f]{64}$'),
  handoff_until timestamptz,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  idle_minutes integer not null check (idle_minutes between 1 and 1440),
  expires_at timestamptz not null,
  user_agent text not null default '' check (length(user_agent) <= 300),
  ended_at timestamptz,
  end_reason text check (end_reason in ('abgemeldet', 'beendet', 'passwort', 'leerlauf', 'hoechstdauer',
                                        'kein_zugang')),
  check ((ended_at is null) = (end_reason is null))
);
create index user_sessions_user_idx on public.user_sessions (user_id, last_seen_at);
create index user_sessions_ended_idx on public.user_sessions (ended_at) where ended_at is not null;
-- sessions nobody closed (the browser was just shut): over once expires_at passed, deleted 30 days later
create index user_sessions_expires_idx on public.user_sessions (expires_at) where ended_at is null;

alter table public.user_sessions enable row level security;
-- The user reads their own sessions ("Mein Konto"), never a hash. Nobody writes them but the functions below.
grant select (id, user_id, created_at, last_seen_at, idle_minutes, expires_at, user_agent, ended_at, end_reason)
  on public.user_sessions to authenticated;
create policy user_sessions_select on public.user_sessions for select to authenticated
  using (user_id = (select auth.uid()));

-- The session's checks, in one place: still open, used within its idle time, before its end, an active account with
-- an active membership. An open session that fails one is ended here with the reason; a valid one is touched. Returns
-- the user's id when valid. Called by the two app_auth functions below only.
create function app_private.session_open(p_session_id uuid)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v public.user_sessions;
  v_reason text;
begin
  select * into v from public.user_sessions where id = p_session_id and ended_at is null;
  if not found then
    return null;
  end if;
  v_reason := case
    when not exists (select 1 from public.app_users u where u.id = v.user_id and u.active)
      or not exists (select 1 from public.memberships m where m.user_id = v.user_id and m.active) then 'kein_zugang'
    when now() >= v.expires_at then 'hoechstdauer'
    when now() >= v.last_seen_at + make_interval(mins => v.idle_minutes) then 'leerlauf'
  end;
  if v_reason is not null then
    update public.user_sessions set ended_at = now(), end_reason = v_reason where id = v.id and ended_at is null;
    return null;
  end if;
  -- one write a minute at most, however often the user clicks: the idle limit is counted in minutes
  update public.user_sessions set last_seen_at = now()
  where id = v.id and last_seen_at < now() - interval '1 minute';
  return v.user_id;
end
$$;
revoke all on function app_private.session_open(uuid) from public;

-- After the password check: a new session of the signed-in user with a one-time handoff for the cookie route.
-- The limits come from the deployment's settings (leokop.config). Sessions that ended (or, never closed, expired)
-- more than 30 days ago go here.
create function public.session_start(p_handoff_sha256 text, p_user_agent text, p_idle_minutes integer,
                                     p_max_hours integer)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_id uuid;
begin
  if (select auth.uid()) is null
     or not exists (select 1 from public.app_users u where u.id = (select auth.uid()) and u.active) then
    raise exception 'not allowed' using errcode = '42501';
  end if;
  if p_max_hours not between 1 and 168 then
    raise exception 'session length out of range' using errcode = '22023';
  end if;
  delete from public.user_sessions where ended_at < now() - interval '30 days';
  delete from public.user_sessions where ended_at is null and expires_at < now() - interval '30 days';
  insert into public.user_sessions (user_id, handoff_sha256, handoff_until, idle_minutes, expires_at, user_agent)
  values ((select auth.uid()), p_handoff_sha256, now() + interval '2 minutes', p_idle_minutes,
          now() + make_interval(hours => p_max_hours), left(coalesce(p_user_agent, ''), 300))
  returning id into v_id;
  return v_id;
end
$$;
revoke all on function public.session_start(text, text, integer, integer) from public;
grant execute on function public.session_start(text, text, integer, integer) to authenticated;

-- The user ends one of their own open sessions ("Mein Konto", "Abmelden"). False for a session that is not the
-- caller's, or not open any more.
create function public.session_end(p_session_id uuid, p_reason text)
returns boolean
language sql volatile security definer set search_path = ''
as $$
  update public.user_sessions set ended_at = now(), end_reason = p_reason
  where id = p_session_id and user_id = (select auth.uid()) and ended_at is null
    and p_reason in ('abgemeldet', 'beendet')
  returning true
$$;
revoke all on function public.session_end(uuid, text) from public;
grant execute on function public.session_end(uuid, text) to authenticated;

-- The cookie route: the handoff, once and within its two minutes, becomes the session's token (the route made it).
create function app_auth.session_claim(p_handoff_sha256 text, p_token_sha256 text)
returns boolean
language sql volatile security definer set search_path = ''
as $$
  update public.user_sessions
  set token_sha256 = p_token_sha256, handoff_sha256 = null, handoff_until = null
  where handoff_sha256 = p_handoff_sha256 and handoff_until > now() and token_sha256 is null and ended_at is null
  returning true
$$;
revoke all on function app_auth.session_claim(text, text) from public;
grant execute on function app_auth.session_claim(text, text) to leokop_app;

-- A new Streamlit session (a reload, a second tab, an opened link) with the cookie's token: the session and its
-- user when it is still valid (checked and touched by session_open).
create function app_auth.session_resume(p_token_sha256 text)
returns table (session_id uuid, user_id uuid)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_id uuid;
  v_user uuid;
begin
  select s.id into v_id from public.user_sessions s where s.token_sha256 = p_token_sha256 and s.ended_at is null;
  v_user := app_private.session_open(v_id);
  if v_user is not null then
    return query select v_id, v_user;
  end if;
end
$$;
revoke all on function app_auth.session_resume(text) from public;
grant execute on function app_auth.session_resume(text) to leokop_app;

-- Every script run of a signed-in session: still valid? The user's id when it is, and whether the cookie was set
-- (claimed), so that the app stops offering the handoff.
create function app_auth.session_check(p_session_id uuid)
returns table (user_id uuid, claimed boolean)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_user uuid := app_private.session_open(p_session_id);
begin
  if v_user is not null then
    return query select v_user, s.token_sha256 is not null from public.user_sessions s where s.id = p_session_id;
  end if;
end
$$;
revoke all on function app_auth.session_check(uuid) from public;
grant execute on function app_auth.session_check(uuid) to leokop_app;

-- The cookie route on "Abmelden": the session of this token ends, whoever's tab still shows it.
create function app_auth.session_end_by_token(p_token_sha256 text)
returns boolean
language sql volatile security definer set search_path = ''
as $$
  update public.user_sessions set ended_at = now(), end_reason = 'abgemeldet'
  where token_sha256 = p_token_sha256 and ended_at is null
  returning true
$$;
revoke all on function app_auth.session_end_by_token(text) from public;
grant execute on function app_auth.session_end_by_token(text) to leokop_app;

-- A new password (the user's own, or set by an admin) ends every open session of that user. The app starts a new
-- session for the tab that changed it (decision 90).
create function app_private.end_sessions_on_password_change()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.user_sessions set ended_at = now(), end_reason = 'passwort'
  where user_id = new.user_id and ended_at is null;
  return null;
end
$$;
revoke all on function app_private.end_sessions_on_password_change() from public;
create trigger user_credentials_end_sessions
  after update of password_hash on public.user_credentials
  for each row when (old.password_hash is distinct from new.password_hash)
  execute function app_private.end_sessions_on_password_change();
