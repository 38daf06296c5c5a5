-- A page's read-only transaction reads the user's memberships once, not once per policy check (issue 7).
--
-- Every select policy on an apprentice's data asks my_apprentice_sides() (018): the user's memberships and the
-- apprentices they open. A dashboard load runs some twenty policy checks in its one read-only transaction
-- (Database.reads), each computing the same set. In a read-only transaction the memberships cannot change, so the
-- set is now kept for the rest of it in a transaction-local setting, keyed by the user (auth.uid()). Transactions
-- that write compute it every time, as before: a save that changes the user's own memberships sees the change.
-- Kept with app_private.kept()/keep() of 020; as trustworthy as the request.jwt.claims (decision 74).
alter function app_private.my_apprentice_sides() rename to my_apprentice_sides_computed;

create function app_private.my_apprentice_sides()
returns table (apprentice_id uuid, side text)
language plpgsql stable security definer set search_path = '' rows 100
as $$
declare
  v_key text;
  v_rows jsonb;
begin
  if current_setting('transaction_read_only') <> 'on' then
    return query select s.apprentice_id, s.side from app_private.my_apprentice_sides_computed() s;
    return;
  end if;
  v_key := coalesce((select auth.uid())::text, '-');
  v_rows := app_private.kept('leokop.my_apprentice_sides', v_key);
  if v_rows is null then
    select app_private.keep('leokop.my_apprentice_sides', v_key,
                           coalesce(jsonb_agg(jsonb_build_array(s.apprentice_id, s.side)), '[]'::jsonb))
      into v_rows
    from app_private.my_apprentice_sides_computed() s;
  end if;
  return query select (e ->> 0)::uuid, e ->> 1 from jsonb_array_elements(v_rows) e;
end
$$;

revoke all on function app_private.my_apprentice_sides() from public;
revoke all on function app_private.my_apprentice_sides_computed() from public;
grant execute on function app_private.my_apprentice_sides() to authenticated, leokop_service;
grant execute on function app_private.my_apprentice_sides_computed() to authenticated, leokop_service;
