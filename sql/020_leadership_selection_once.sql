-- The leadership page computes the school's class protection once per view, not once per figure (issue 7).
--
-- Every aggregate of the leadership page (011, 014) starts from app_leadership.selected(), which runs
-- app_leadership.classes(): the school's cohort, grouped by class, and the rounds that hide small classes. The page
-- reads its nine figures and the filter options in one transaction, so the same protection was computed about ten
-- times per view (4-5 ms each for the largest school at Hessen scale, a fifth of the page).
--
-- Now classes() keeps its result for the rest of the transaction in a transaction-local setting
-- (set_config(..., true)), keyed by school year and schools; the computation itself is unchanged, renamed to
-- classes_computed(). A new transaction computes it again, so nothing outlives the page view, and the nine figures
-- of one view share one protection even when apprentices change meanwhile. The setting is as trustworthy as the
-- request.jwt.claims that auth.uid() reads: whoever could set one could set the other, and neither the app nor
-- PostgREST lets a user set either.
-- A value kept for the rest of the transaction under a setting name, stored as "<key>|<json>": kept() returns it
-- when the key matches (NULL otherwise), keep() stores it and returns it. Used by app_leadership.classes() here and
-- app_private.my_apprentice_sides() (021). Only the owner's functions call them.
create function app_private.kept(p_setting text, p_key text)
returns jsonb
language sql stable set search_path = ''
as $$
  select case when starts_with(v.memo, p_key || '|') then substr(v.memo, length(p_key) + 2)::jsonb end
  from (select current_setting(p_setting, true) as memo) v
$$;

create function app_private.keep(p_setting text, p_key text, p_value jsonb)
returns jsonb
language sql volatile set search_path = ''
as $$
  select p_value from (select set_config(p_setting, p_key || '|' || p_value::text, true)) v
$$;

revoke all on function app_private.kept(text, text) from public;
revoke all on function app_private.keep(text, text, jsonb) from public;

alter function app_leadership.classes(uuid[], int) rename to classes_computed;

create function app_leadership.classes(p_school_ids uuid[], p_year int)
returns table (school_id uuid, class_id uuid, occupation_id uuid, training_year int, apprentices int,
               shown boolean)
language plpgsql stable rows 100 set search_path = '' set jit = off
as $$
declare
  v_key text := p_year::text || '/' || array_to_string(p_school_ids, ',');
  v_rows jsonb := app_private.kept('leokop.leadership_classes', v_key);
begin
  if v_rows is null then
    select app_private.keep('leokop.leadership_classes', v_key, coalesce(jsonb_agg(to_jsonb(c)), '[]'::jsonb))
      into v_rows
    from app_leadership.classes_computed(p_school_ids, p_year) c;
  end if;
  return query
    select x.school_id, x.class_id, x.occupation_id, x.training_year, x.apprentices, x.shown
    from jsonb_to_recordset(v_rows) as x(school_id uuid, class_id uuid, occupation_id uuid, training_year int,
                                         apprentices int, shown boolean);
end
$$;

revoke all on function app_leadership.classes(uuid[], int) from public;
revoke all on function app_leadership.classes_computed(uuid[], int) from public;
