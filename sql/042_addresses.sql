-- Addresses that name their subject (issue 18, decision 97): /azubi?id=…, /dashboard?pair=…, /materialien?pair=….
--
-- 1. A refused view: an address whose id the user may not see (row-level security returned nothing) is recorded in
--    the audit trail as action 'refused', by the signed-in user, with the kind and the id the address named. The
--    function writes only that: the actor is always auth.uid() (no one records for another), it reads nothing back
--    and answers the same whether the id exists or not (no probe for ids). The row carries the school of the
--    subject when it exists, so that this school's admin sees the attempt (audit_log_select); it names no
--    apprentice (apprentice_id stays empty: a refused attempt is no access to their data, and is not in their
--    Art. 15 export).
-- 2. The pair a user chose last, kept in the database (a new session opens on it): one row per user, only own rows.

alter table public.audit_log drop constraint audit_log_action_check;
alter table public.audit_log add constraint audit_log_action_check
  check (action in ('insert', 'update', 'delete', 'view', 'export', 'purge', 'import', 'refused'));

create function public.record_refused_view(p_kind text, p_id uuid)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  school uuid;
begin
  if (select auth.uid()) is null then
    return;
  end if;
  if p_kind = 'apprentices' then
    select a.school_id into school from public.apprentices a where a.id = p_id;
  elsif p_kind = 'cooperations' then
    select c.school_id into school from public.cooperations c where c.id = p_id;
  elsif p_kind = 'risk_cases' then
    select a.school_id into school
    from public.risk_cases r join public.apprentices a on a.id = r.apprentice_id where r.id = p_id;
  else
    raise exception 'unknown kind' using errcode = '22023';
  end if;
  insert into public.audit_log (actor_id, actor_role, action, table_name, row_id, apprentice_id, school_id)
  values ((select auth.uid()), pg_catalog.current_setting('role'), 'refused', p_kind, p_id::text, null, school);
end
$$;
revoke all on function public.record_refused_view(text, uuid) from public;
grant execute on function public.record_refused_view(text, uuid) to authenticated;

create table public.pair_choices (
  user_id uuid primary key references public.app_users on delete cascade,
  cooperation_id uuid not null references public.cooperations on delete cascade,
  chosen_at timestamptz not null default now()
);
create index pair_choices_cooperation_idx on public.pair_choices (cooperation_id);

alter table public.pair_choices enable row level security;
grant select, insert, update, delete on public.pair_choices to authenticated;
create policy pair_choices_select on public.pair_choices for select to authenticated
  using (user_id = (select auth.uid()));
-- only a pair the user works in (a remembered pair of another school is no way to learn about it)
create policy pair_choices_insert on public.pair_choices for insert to authenticated
  with check (user_id = (select auth.uid())
              and cooperation_id in (select app_private.visible_cooperation_ids()));
create policy pair_choices_update on public.pair_choices for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid())
              and cooperation_id in (select app_private.visible_cooperation_ids()));
create policy pair_choices_delete on public.pair_choices for delete to authenticated
  using (user_id = (select auth.uid()));
