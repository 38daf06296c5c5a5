-- A page's read-only transaction computes the readable and released sets once, not once per policy check (issue 7).
--
-- 021 keeps the user's sides (my_apprentice_sides) for a read-only transaction. The select policies of the
-- apprentice's data do not ask the sides themselves but the sets built on them: readable_apprentice_ids(category)
-- (lf_results, absences, position_ratings, record_weeks, company_phases, notes) and
-- released_company_side_ids(category) (risk_flags, the dashboard's "not released" counts). Each was computed at
-- every check, in SQL functions that PostgreSQL plans anew at every call, and for a trainer each joined the sides to
-- the release rule (settings, overrides, consents) again: 0.6 ms per check at Hessen scale against 0.1 ms for the
-- kept sides, with about ten such checks per dashboard load.
--
-- Now both are views of app_private.access_set(), a PL/pgSQL function (its plans are cached per session) that:
-- - in a read-only transaction keeps each set for the rest of it, keyed by the user, in one setting per set and
--   category (leokop.released_grades, leokop.readable_all, ...), exactly as 021 keeps the sides
--   (app_private.kept/keep of 020, same trust argument: decision 75);
-- - there computes all seven sets (readable: all, grades, absences, teacher_notes; released: the three categories)
--   at the first check, from one reading of the sides and one pass of the release rule over the company side
--   (released_categories(), of which 018's released_apprentice_ids(category) is now a view: one rule); a writing
--   transaction runs the same statement for the one category it asks;
-- - computes every time in a writing transaction, so a save that changes a release, an override, a consent or a
--   membership sees the change at once.
-- The sets are the same as 018's: tests/db/test_rls_helpers.py compares them with 018's bodies for every demo user
-- and category, in read-only and in writing transactions.
--
-- Not kept: my_class_ids(), visible_cooperation_ids() and pair_apprentice_ids(), which a dashboard load asks once
-- or twice; keeping them cost more on first use than it saved (measured: cooperation_apprentices 2.5 -> 2.9 ms).
-- The policies call the two replaced functions by OID, so they are replaced in place (same name, signature, OID).

-- The release rule (016, 018) for every category of school data at once: (apprentice, category) where the
-- apprentice's open consents name the category and neither the override nor the school's settings withhold it (no
-- settings row: shared). Consents only name grades, absences and teacher_notes (016's check); any other category is
-- never released. Plain SQL without SECURITY DEFINER or SET, so that the planner inlines it (as 018's function).
create function app_private.released_categories()
returns table (apprentice_id uuid, category text)
language sql stable
as $$
  select a.id, k.category
  from public.apprentices a
  left join public.release_settings s on s.school_id = a.school_id
  left join public.release_overrides o on o.apprentice_id = a.id
  cross join lateral (select distinct unnest(c.categories) as category from public.consents c
                      where c.apprentice_id = a.id and c.revoked_at is null) k
  where coalesce(
      case k.category
        when 'grades' then coalesce(o.share_grades, s.share_grades)
        when 'absences' then coalesce(o.share_absences, s.share_absences)
        when 'teacher_notes' then coalesce(o.share_teacher_notes, s.share_teacher_notes)
      end, k.category in ('grades', 'absences', 'teacher_notes'))
$$;

create or replace function app_private.released_apprentice_ids(p_category text)
returns setof uuid
language sql stable
as $$
  select r.apprentice_id from app_private.released_categories() r where r.category = p_category
$$;

revoke all on function app_private.released_categories() from public, authenticated, leokop_service;

create function app_private.access_set(p_set text, p_category text)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_setting text := 'leokop.' || p_set || '_' || coalesce(p_category, 'all');
  v_key text;
  v_ids jsonb;
  v_categories text[];
  v_name text;
  v_set jsonb;
begin
  if p_set not in ('readable', 'released') then
    raise exception 'unknown access set' using errcode = '22023';
  end if;
  if current_setting('transaction_read_only') = 'on' and coalesce(p_category, 'all') ~ '^[a-z_]{1,40}$' then
    v_key := coalesce((select auth.uid())::text, '-');
    v_ids := app_private.kept(v_setting, v_key);
    if v_ids is not null then
      return v_ids;
    end if;
  end if;
  -- the categories to compute: when keeping, all three of school data at once (and the asked one); else the asked one
  v_categories := array(select distinct c from unnest(
    case when v_key is not null then array['grades', 'absences', 'teacher_notes'] else '{}'::text[] end
    || array[p_category]) c where c is not null);
  -- readable and released sets of those categories and readable_all, from one reading of the sides and one pass of
  -- the release rule over the company side (an unknown category is never released: its readable set is the school
  -- side); each kept under its own setting when keeping
  for v_name, v_set in
    with s as materialized (select * from app_private.my_apprentice_sides()),
    released as materialized (
      select r.apprentice_id, r.category from s
      join app_private.released_categories() r on r.apprentice_id = s.apprentice_id
      where s.side = 'betrieb' and r.category = any (v_categories)
    ),
    k(category) as (select unnest(v_categories))
    select 'released_' || k.category,
           coalesce((select jsonb_agg(r.apprentice_id) from released r where r.category = k.category), '[]')
    from k
    union all
    select 'readable_' || k.category,
           coalesce((select jsonb_agg(distinct u.id)
                     from (select s.apprentice_id as id from s where s.side = 'schule'
                           union all
                           select r.apprentice_id from released r where r.category = k.category) u), '[]')
    from k
    union all
    select 'readable_all', coalesce((select jsonb_agg(distinct s.apprentice_id) from s), '[]')
    union all
    select 'released_all', '[]'  -- no category: nothing is released
  loop
    if v_key is not null then
      perform app_private.keep('leokop.' || v_name, v_key, v_set);
    end if;
    if 'leokop.' || v_name = v_setting then
      v_ids := v_set;
    end if;
  end loop;
  return v_ids;
end
$$;

create or replace function app_private.readable_apprentice_ids(p_category text)
returns setof uuid
language plpgsql stable security definer set search_path = '' rows 100
as $$
begin
  return query select e::uuid from jsonb_array_elements_text(app_private.access_set('readable', p_category)) e;
end
$$;

create or replace function app_private.released_company_side_ids(p_category text)
returns setof uuid
language plpgsql stable security definer set search_path = '' rows 100
as $$
begin
  return query select e::uuid from jsonb_array_elements_text(app_private.access_set('released', p_category)) e;
end
$$;

revoke all on function app_private.access_set(text, text) from public;
grant execute on function app_private.access_set(text, text) to authenticated, leokop_service;
