-- Start passwords (issue 22): a password the school's admin sets (a new account, a reset) is a start password.
-- Its owner must replace it at the first login before any page opens (leokop/auth.py); the owner's own change
-- clears the mark. Accounts loaded directly (the demo, the generator, an import of credentials) have none.

alter table public.user_credentials add column must_change boolean not null default false;

-- An admin sets the password of a user of their school: always a start password.
create or replace function public.admin_set_password(p_user_id uuid, p_new_hash text)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if p_user_id not in (select app_private.managed_user_ids()) then
    raise exception 'not allowed' using errcode = '42501';
  end if;
  insert into public.user_credentials (user_id, password_hash, must_change) values (p_user_id, p_new_hash, true)
  on conflict (user_id) do update
    set password_hash = excluded.password_hash, password_changed_at = now(),
        failed_attempts = 0, locked_until = null, must_change = true;
end
$$;

-- A signed-in user replaces their own password (the app has checked the old one): no longer a start password.
create or replace function public.change_own_password(p_new_hash text)
returns void
language sql volatile security definer set search_path = ''
as $$
  update public.user_credentials
  set password_hash = p_new_hash, password_changed_at = now(), failed_attempts = 0, locked_until = null,
      must_change = false
  where user_id = (select auth.uid())
$$;

-- The login's credential record says whether the password is a start password (a new result column: the function
-- is dropped and created again, with its one grant).
drop function app_auth.login_record(text);
create function app_auth.login_record(p_username text)
returns table (user_id uuid, username text, display_name text, email text, password_hash text,
               locked_until timestamptz, must_change boolean)
language sql stable security definer set search_path = ''
as $$
  select u.id, u.username, u.display_name, u.email, c.password_hash,
         case when c.locked_until > now() then c.locked_until end, c.must_change
  from public.app_users u
  join public.user_credentials c on c.user_id = u.id
  where u.username = lower(btrim(p_username)) and u.active
$$;
revoke all on function app_auth.login_record(text) from public;
grant execute on function app_auth.login_record(text) to leokop_app;
