-- Login support. The app's login role reads a credential record before anyone is signed in and writes back
-- failed attempts and the lockout, so a restart of the app never resets them.

create function app_auth.login_record(p_username text)
returns table (user_id uuid, username text, display_name text, email text, password_hash text,
               locked_until timestamptz)
language sql stable security definer set search_path = ''
as $$
  select u.id, u.username, u.display_name, u.email, c.password_hash,
         case when c.locked_until > now() then c.locked_until end
  from public.app_users u
  join public.user_credentials c on c.user_id = u.id
  where u.username = lower(btrim(p_username)) and u.active
$$;

-- 5 failed attempts in a row lock the account for 15 minutes; the count starts again after the lock.
create function app_auth.record_login_attempt(p_username text, p_success boolean)
returns timestamptz
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_locked timestamptz;
begin
  if p_success then
    update public.user_credentials c set failed_attempts = 0, locked_until = null
    from public.app_users u
    where u.id = c.user_id and u.username = lower(btrim(p_username));
    return null;
  end if;
  update public.user_credentials c
  set failed_attempts = case when c.failed_attempts + 1 >= 5 then 0 else c.failed_attempts + 1 end,
      locked_until = case when c.failed_attempts + 1 >= 5 then now() + interval '15 minutes' end
  from public.app_users u
  where u.id = c.user_id and u.username = lower(btrim(p_username))
    and (c.locked_until is null or c.locked_until <= now())
  returning c.locked_until into v_locked;
  return v_locked;
end
$$;

revoke all on all functions in schema app_auth from public;
grant execute on all functions in schema app_auth to leokop_app;

-- A signed-in user replaces their own password (the app has checked the old one).
create function public.change_own_password(p_new_hash text)
returns void
language sql volatile security definer set search_path = ''
as $$
  update public.user_credentials
  set password_hash = p_new_hash, password_changed_at = now(), failed_attempts = 0, locked_until = null
  where user_id = (select auth.uid())
$$;

-- An admin sets the password of a user of their school (new accounts, resets).
create function public.admin_set_password(p_user_id uuid, p_new_hash text)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if p_user_id not in (select app_private.managed_user_ids()) then
    raise exception 'not allowed' using errcode = '42501';
  end if;
  insert into public.user_credentials (user_id, password_hash) values (p_user_id, p_new_hash)
  on conflict (user_id) do update
    set password_hash = excluded.password_hash, password_changed_at = now(),
        failed_attempts = 0, locked_until = null;
end
$$;

revoke all on function public.change_own_password(text), public.admin_set_password(uuid, text) from public;
grant execute on function public.change_own_password(text), public.admin_set_password(uuid, text)
  to authenticated;

-- Usernames are unique across all schools, but an admin only sees the users of their own school.
create function public.username_taken(p_username text)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select (select app_private.is_admin_anywhere())
     and exists (select 1 from public.app_users where username = lower(btrim(p_username)))
$$;
revoke all on function public.username_taken(text) from public;
grant execute on function public.username_taken(text) to authenticated;
