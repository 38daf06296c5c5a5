-- Invitations and password reset (issue 15, decision 92): the admin invites a person instead of typing a password,
-- and a user who forgot the password asks for a reset link by e-mail.
--
-- Both are one-time links with a random token (256 bits) of which only the sha256 is stored here: an invitation is
-- valid 14 days, a reset link 1 hour. An invitation belongs to an account the admin created for it (inactive and
-- without a password until the link is used); using it sets the password and activates the account. A reset link
-- sets a new password; the trigger of sql/036 then ends every session of that user. A new invitation or reset link
-- of the same account makes the older ones dead ('ersetzt' / used).
--
-- Rate limits, counted here (public.auth_requests, kept one day): per account at most 3 invitation mails and 3
-- reset mails an hour; per client address (the sha256 of the browser's IP address, or of the typed name/the admin
-- when there is none) at most 30 invitations and 10 reset requests an hour. A refused reset request answers like an
-- unknown user: the page says the same either way.
--
-- Times are the real clock (now()), never the school's day (LEOKOP_TODAY).

create table public.invitations (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.app_users on delete cascade,
  token_sha256 text not null unique check (token_sha256 ~ '^[0-9a-f]{64}$'),
  created_by uuid references public.app_users on delete set null,
  created_at timestamptz not null default now(),
  valid_until timestamptz not null,
  ended_at timestamptz,
  end_reason text check (end_reason in ('angenommen', 'zurueckgezogen', 'ersetzt')),
  check ((ended_at is null) = (end_reason is null))
);
create index invitations_user_idx on public.invitations (user_id, created_at);
create index invitations_ended_idx on public.invitations (ended_at) where ended_at is not null;
create index invitations_valid_idx on public.invitations (valid_until) where ended_at is null;
create index invitations_created_by_idx on public.invitations (created_by);

alter table public.invitations enable row level security;
-- The admin reads the invitations of the users they manage, never a hash. Nobody writes them but the functions below.
grant select (id, user_id, created_by, created_at, valid_until, ended_at, end_reason)
  on public.invitations to authenticated;
create policy invitations_select on public.invitations for select to authenticated
  using (user_id in (select app_private.managed_user_ids()));

create table public.password_resets (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.app_users on delete cascade,
  token_sha256 text not null unique check (token_sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now(),
  valid_until timestamptz not null,
  used_at timestamptz
);
create index password_resets_user_idx on public.password_resets (user_id) where used_at is null;
create index password_resets_created_idx on public.password_resets (created_at);
-- no grant and no policy: only the login role's functions below read or write it
alter table public.password_resets enable row level security;

create table public.auth_requests (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('einladung', 'passwort')),
  account_id uuid references public.app_users on delete cascade,
  client_sha256 text not null check (client_sha256 ~ '^[0-9a-f]{64}$'),
  at timestamptz not null default now()
);
create index auth_requests_account_idx on public.auth_requests (kind, account_id, at);
create index auth_requests_client_idx on public.auth_requests (kind, client_sha256, at);
create index auth_requests_at_idx on public.auth_requests (at);
alter table public.auth_requests enable row level security;

-- One request of `kind`: recorded, and whether it is within the limits (per account, per client) of the last hour.
-- Requests older than a day go. Called by the functions below only.
create function app_private.auth_request_allowed(p_kind text, p_account uuid, p_client_sha256 text,
                                                 p_per_account integer, p_per_client integer)
returns boolean
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_allowed boolean;
begin
  delete from public.auth_requests where at < now() - interval '1 day';
  v_allowed := (select count(*) from public.auth_requests r
                where r.kind = p_kind and r.client_sha256 = p_client_sha256
                  and r.at > now() - interval '1 hour') < p_per_client
    and (p_account is null
         or (select count(*) from public.auth_requests r
             where r.kind = p_kind and r.account_id = p_account and r.at > now() - interval '1 hour') < p_per_account);
  insert into public.auth_requests (kind, account_id, client_sha256) values (p_kind, p_account, p_client_sha256);
  return v_allowed;
end
$$;
revoke all on function app_private.auth_request_allowed(text, uuid, text, integer, integer) from public;

-- The admin invites (or invites again) an account of their school that has no password yet: older invitations of
-- it end ('ersetzt'), the account stays inactive until the link is used. Refused (42501) for an account the caller
-- does not manage or one with a password; 54000 over the rate limit. Returns the new invitation's end.
create function public.invitation_issue(p_user_id uuid, p_token_sha256 text, p_client_sha256 text)
returns timestamptz
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_until timestamptz;
begin
  if (select auth.uid()) is null
     or p_user_id not in (select app_private.managed_user_ids())
     or exists (select 1 from public.user_credentials c where c.user_id = p_user_id) then
    raise exception 'not allowed' using errcode = '42501';
  end if;
  if not app_private.auth_request_allowed('einladung', p_user_id,
       coalesce(p_client_sha256, encode(sha256(convert_to((select auth.uid())::text, 'UTF8')), 'hex')), 3, 30) then
    raise exception 'too many invitations' using errcode = '54000';
  end if;
  delete from public.invitations where ended_at < now() - interval '30 days';
  delete from public.invitations where ended_at is null and valid_until < now() - interval '30 days';
  update public.invitations set ended_at = now(), end_reason = 'ersetzt'
  where user_id = p_user_id and ended_at is null;
  update public.app_users set active = false where id = p_user_id and active;
  insert into public.invitations (user_id, token_sha256, created_by, valid_until)
  values (p_user_id, p_token_sha256, (select auth.uid()), now() + interval '14 days')
  returning valid_until into v_until;
  return v_until;
end
$$;
revoke all on function public.invitation_issue(uuid, text, text) from public;
grant execute on function public.invitation_issue(uuid, text, text) to authenticated;

-- The admin withdraws an open invitation of an account they manage: its link is dead. Null when it is not theirs or
-- not open any more.
create function public.invitation_withdraw(p_invitation_id uuid)
returns boolean
language sql volatile security definer set search_path = ''
as $$
  update public.invitations set ended_at = now(), end_reason = 'zurueckgezogen'
  where id = p_invitation_id and ended_at is null and user_id in (select app_private.managed_user_ids())
  returning true
$$;
revoke all on function public.invitation_withdraw(uuid) from public;
grant execute on function public.invitation_withdraw(uuid) to authenticated;

-- The page behind a link: whose it is (for the greeting and the password rules' context) while it is valid.
create function app_auth.invitation_lookup(p_token_sha256 text)
returns table (user_id uuid, username text, display_name text, email text, schools text[])
language sql stable security definer set search_path = ''
as $$
  select u.id, u.username, u.display_name, u.email,
         array(select distinct s.name from public.memberships m join public.schools s on s.id = m.school_id
               where m.user_id = u.id and m.active order by 1)
  from public.invitations i join public.app_users u on u.id = i.user_id
  where i.token_sha256 = p_token_sha256 and i.ended_at is null and i.valid_until > now()
    and not exists (select 1 from public.user_credentials c where c.user_id = u.id)
$$;
revoke all on function app_auth.invitation_lookup(text) from public;
grant execute on function app_auth.invitation_lookup(text) to leokop_app;

-- The invited person sets the password (hashed by the app after its rules): once, within the 14 days. The account
-- becomes active; returns its id (null for an unknown, used, withdrawn or expired link).
create function app_auth.invitation_accept(p_token_sha256 text, p_password_hash text)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_user uuid;
begin
  update public.invitations i set ended_at = now(), end_reason = 'angenommen'
  where i.token_sha256 = p_token_sha256 and i.ended_at is null and i.valid_until > now()
    and not exists (select 1 from public.user_credentials c where c.user_id = i.user_id)
  returning i.user_id into v_user;
  if v_user is null then
    return null;
  end if;
  insert into public.user_credentials (user_id, password_hash, must_change) values (v_user, p_password_hash, false);
  update public.app_users set active = true where id = v_user;
  return v_user;
end
$$;
revoke all on function app_auth.invitation_accept(text, text) from public;
grant execute on function app_auth.invitation_accept(text, text) to leokop_app;

-- "Passwort vergessen?": a reset link for the active account with this username or e-mail address (only when the
-- address names exactly one account). Returns the address to mail the link to, or null: for an unknown name, an
-- account without e-mail, and over the rate limit alike (the page answers the same). Older links of the account die.
create function app_auth.password_reset_request(p_login text, p_token_sha256 text, p_client_sha256 text)
returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_user uuid;
  v_email text;
begin
  select u.id, u.email into v_user, v_email
  from public.app_users u join public.user_credentials c on c.user_id = u.id
  where u.active and u.email is not null
    and (u.username = lower(btrim(p_login))
         or (lower(u.email) = lower(btrim(p_login))
             and (select count(*) from public.app_users x where lower(x.email) = lower(btrim(p_login))) = 1))
  limit 1;
  if not app_private.auth_request_allowed('passwort', v_user, p_client_sha256, 3, 10) or v_user is null then
    return null;
  end if;
  delete from public.password_resets where created_at < now() - interval '1 day';
  update public.password_resets set used_at = now() where user_id = v_user and used_at is null;
  insert into public.password_resets (user_id, token_sha256, valid_until)
  values (v_user, p_token_sha256, now() + interval '1 hour');
  return v_email;
end
$$;
revoke all on function app_auth.password_reset_request(text, text, text) from public;
grant execute on function app_auth.password_reset_request(text, text, text) to leokop_app;

-- The page behind a reset link: whose it is while it is valid (an active account).
create function app_auth.password_reset_lookup(p_token_sha256 text)
returns table (user_id uuid, username text, display_name text, email text, schools text[])
language sql stable security definer set search_path = ''
as $$
  select u.id, u.username, u.display_name, u.email,
         array(select distinct s.name from public.memberships m join public.schools s on s.id = m.school_id
               where m.user_id = u.id and m.active order by 1)
  from public.password_resets r join public.app_users u on u.id = r.user_id
  where r.token_sha256 = p_token_sha256 and r.used_at is null and r.valid_until > now() and u.active
$$;
revoke all on function app_auth.password_reset_lookup(text) from public;
grant execute on function app_auth.password_reset_lookup(text) to leokop_app;

-- The new password of a reset link, once and within the hour: the lockout ends, and the trigger of sql/036 ends
-- every session of the user. Returns the user's id, null for an unknown, used or expired link.
create function app_auth.password_reset_use(p_token_sha256 text, p_password_hash text)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_user uuid;
begin
  update public.password_resets r set used_at = now()
  where r.token_sha256 = p_token_sha256 and r.used_at is null and r.valid_until > now()
    and exists (select 1 from public.app_users u where u.id = r.user_id and u.active)
  returning r.user_id into v_user;
  if v_user is null then
    return null;
  end if;
  update public.user_credentials
  set password_hash = p_password_hash, password_changed_at = now(), failed_attempts = 0, locked_until = null,
      must_change = false
  where user_id = v_user;
  return v_user;
end
$$;
revoke all on function app_auth.password_reset_use(text, text) from public;
grant execute on function app_auth.password_reset_use(text, text) to leokop_app;
