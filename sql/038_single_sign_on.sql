-- Single sign-on with an OpenID Connect provider (issue 15, decision 95): identities linked to accounts, each sign-in
-- accepted once and only right after the provider's callback, and schools whose teachers must use it.
--
-- Streamlit's st.login (Authlib) does the OIDC flow and checks the ID token (signature, issuer, audience, expiry,
-- nonce); it then keeps the token's claims in its own signed cookie for 30 days. That cookie must not sign anyone
-- in again once the leokop session ended: the app hands the claims here, and a sign-in is accepted only when its ID
-- token was issued in the last 15 minutes (iat) and the sha256 of (issuer, subject, iat, nonce) was never used
-- before (public.sso_sign_ins, kept two days). A session then starts as after a password (sql/036).
--
-- An identity (issuer + subject, never the e-mail address: addresses change and are re-used) is linked to an
-- account once, in one of two ways: by the provider's verified e-mail address (email_verified true) when exactly one
-- active account has that address and it has no identity of this issuer yet; or by an open invitation (sql/037)
-- used while signed in at the provider, which activates the account without a password. Nothing else creates a link,
-- and no account is ever created here: an unknown identity gets the "kein Konto" page.
--
-- A school may require single sign-on for its teachers and its leadership (lehrkraft, schulleitung): a person with
-- such an active membership there is refused the password sign-in, unless they are also an admin somewhere (an
-- admin keeps the password, to get in while the provider is down).
--
-- Times are the real clock (now()), never the school's day (LEOKOP_TODAY).

create table public.user_identities (
  id uuid primary key default gen_random_uuid(),
  issuer text not null check (length(issuer) between 1 and 300),
  subject text not null check (length(subject) between 1 and 255),
  user_id uuid not null references public.app_users on delete cascade,
  linked_by text not null check (linked_by in ('email', 'einladung')),
  linked_at timestamptz not null default now(),
  last_used timestamptz,
  constraint user_identities_issuer_subject_key unique (issuer, subject)
);
create index user_identities_user_idx on public.user_identities (user_id);

alter table public.user_identities enable row level security;
-- The user sees their own links, the admin those of the accounts they manage. Nobody writes them but the functions
-- below (the login role's).
grant select (id, issuer, user_id, linked_by, linked_at, last_used) on public.user_identities to authenticated;
create policy user_identities_select on public.user_identities for select to authenticated
  using (user_id = (select auth.uid()) or user_id in (select app_private.managed_user_ids()));

-- Every accepted sign-in, once: the sha256 of issuer, subject, iat and nonce of its ID token. No grant, no policy.
create table public.sso_sign_ins (
  once_sha256 text primary key check (once_sha256 ~ '^[0-9a-f]{64}$'),
  used_at timestamptz not null default now()
);
create index sso_sign_ins_used_idx on public.sso_sign_ins (used_at);
alter table public.sso_sign_ins enable row level security;

-- The school's sign-in rule, set by its admin (the form names the version it was drawn from, sql/032).
create table public.school_sign_in_settings (
  school_id uuid primary key references public.schools on delete cascade,
  sso_required boolean not null default false,
  version int not null default 1,
  updated_at timestamptz,
  updated_by uuid references public.app_users on delete set null
);
create index school_sign_in_settings_updated_by_idx on public.school_sign_in_settings (updated_by);
create trigger school_sign_in_settings_stamp before update on public.school_sign_in_settings
  for each row execute function app_private.stamp_change();

alter table public.school_sign_in_settings enable row level security;
grant select, insert, update on public.school_sign_in_settings to authenticated;
create policy school_sign_in_settings_select on public.school_sign_in_settings for select to authenticated
  using (school_id in (select app_private.school_ids_with_role('admin')));
create policy school_sign_in_settings_insert on public.school_sign_in_settings for insert to authenticated
  with check (school_id in (select app_private.school_ids_with_role('admin')));
create policy school_sign_in_settings_update on public.school_sign_in_settings for update to authenticated
  using (school_id in (select app_private.school_ids_with_role('admin')))
  with check (school_id in (select app_private.school_ids_with_role('admin')));

-- A fresh sign-in, used now: its ID token issued within the last 15 minutes (two minutes of clock skew ahead
-- allowed) and its digest not used before. Records it; false for an old or a used one. Called by the functions
-- below only, as their last check (nothing is recorded for a sign-in that leads nowhere).
create function app_private.sso_fresh(p_once_sha256 text, p_issued_at timestamptz)
returns boolean
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if p_issued_at is null or p_issued_at < now() - interval '15 minutes' or p_issued_at > now() + interval '2 minutes'
  then
    return false;
  end if;
  delete from public.sso_sign_ins where used_at < now() - interval '2 days';
  insert into public.sso_sign_ins (once_sha256) values (p_once_sha256) on conflict do nothing;
  return found;
end
$$;
revoke all on function app_private.sso_fresh(text, timestamptz) from public;

-- The active account (with an active membership) an identity signs in to.
create function app_private.sso_account(p_issuer text, p_subject text)
returns uuid
language sql stable security definer set search_path = ''
as $$
  select i.user_id from public.user_identities i join public.app_users u on u.id = i.user_id
  where i.issuer = p_issuer and i.subject = p_subject and u.active
    and exists (select 1 from public.memberships m where m.user_id = u.id and m.active)
$$;
revoke all on function app_private.sso_account(text, text) from public;

-- After the provider's callback: the account of a linked identity, or (not linked yet) the one active account with
-- the provider's verified e-mail address, linked now. Returns the account and how ('angemeldet', 'verknuepft'),
-- or no account and why: 'kein_konto' (nothing written), 'abgelaufen' (the ID token is older than 15 minutes or
-- used before: the 30-day cookie of Streamlit alone signs nobody in).
create function app_auth.sso_sign_in(p_issuer text, p_subject text, p_once_sha256 text, p_issued_at timestamptz,
                                     p_email text, p_email_verified boolean)
returns table (user_id uuid, outcome text)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_user uuid := app_private.sso_account(p_issuer, p_subject);
  v_outcome text := 'angemeldet';
begin
  if v_user is null and not exists (select 1 from public.user_identities i
                                    where i.issuer = p_issuer and i.subject = p_subject) then
    if p_email_verified is true and coalesce(btrim(p_email), '') <> ''
       and (select count(*) from public.app_users x where lower(x.email) = lower(btrim(p_email))) = 1 then
      select u.id into v_user from public.app_users u
      where lower(u.email) = lower(btrim(p_email)) and u.active
        and exists (select 1 from public.memberships m where m.user_id = u.id and m.active)
        and not exists (select 1 from public.user_identities i where i.user_id = u.id and i.issuer = p_issuer);
    end if;
    v_outcome := 'verknuepft';
  end if;
  if v_user is null then
    return query select null::uuid, 'kein_konto';
    return;
  end if;
  if not app_private.sso_fresh(p_once_sha256, p_issued_at) then
    return query select null::uuid, 'abgelaufen';
    return;
  end if;
  if v_outcome = 'verknuepft' then
    insert into public.user_identities (issuer, subject, user_id, linked_by, last_used)
    values (p_issuer, p_subject, v_user, 'email', now());
  else
    update public.user_identities i set last_used = now() where i.issuer = p_issuer and i.subject = p_subject;
  end if;
  return query select v_user, v_outcome;
end
$$;
revoke all on function app_auth.sso_sign_in(text, text, text, timestamptz, text, boolean) from public;
grant execute on function app_auth.sso_sign_in(text, text, text, timestamptz, text, boolean) to leokop_app;

-- An open invitation (sql/037) used while signed in at the provider: the identity (not linked to anyone yet) is
-- linked to the invited account, which becomes active without a password; the invitation is used up. Returns the
-- account, null for an unknown, used, withdrawn or expired link, an identity linked already, or an old or used
-- sign-in (then nothing is written).
create function app_auth.sso_link_invitation(p_token_sha256 text, p_issuer text, p_subject text,
                                             p_once_sha256 text, p_issued_at timestamptz)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_user uuid;
begin
  select i.user_id into v_user from public.invitations i
  where i.token_sha256 = p_token_sha256 and i.ended_at is null and i.valid_until > now()
    and not exists (select 1 from public.user_credentials c where c.user_id = i.user_id);
  if v_user is null
     or exists (select 1 from public.user_identities x where x.issuer = p_issuer and x.subject = p_subject)
     or not app_private.sso_fresh(p_once_sha256, p_issued_at) then
    return null;
  end if;
  update public.invitations set ended_at = now(), end_reason = 'angenommen'
  where token_sha256 = p_token_sha256 and ended_at is null;
  insert into public.user_identities (issuer, subject, user_id, linked_by, last_used)
  values (p_issuer, p_subject, v_user, 'einladung', now());
  update public.app_users set active = true where id = v_user;
  return v_user;
end
$$;
revoke all on function app_auth.sso_link_invitation(text, text, text, text, timestamptz) from public;
grant execute on function app_auth.sso_link_invitation(text, text, text, text, timestamptz) to leokop_app;

-- Before the password check: whether this username must sign in with single sign-on (a teacher or leadership
-- membership at a school that requires it, and no admin membership).
create function app_auth.password_login_refused(p_username text)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.app_users u
    join public.memberships m on m.user_id = u.id and m.active and m.role in ('lehrkraft', 'schulleitung')
    join public.school_sign_in_settings s on s.school_id = m.school_id and s.sso_required
    where u.username = lower(btrim(p_username))
      and not exists (select 1 from public.memberships a where a.user_id = u.id and a.active and a.role = 'admin'))
$$;
revoke all on function app_auth.password_login_refused(text) from public;
grant execute on function app_auth.password_login_refused(text) to leokop_app;
