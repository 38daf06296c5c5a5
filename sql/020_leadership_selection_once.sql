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
alter function app_leadership.classes(uuid[], int) rename to classes_computed;

create function app_leadership.classes(p_school_ids uuid[], p_year int)
returns table (school_id uuid, class_id uuid, occupation_id uuid, training_year int, apprentices int,
               shown boolean)
language plpgsql stable rows 100 set search_path = '' set jit = off
as $$
declare
  v_key text := p_year::text || '/' || array_to_string(p_school_ids, ',') || '|';
  v_memo text := current_setting('leokop.leadership_classes', true);
  v_rows jsonb;
begin
  if v_memo is not null and starts_with(v_memo, v_key) then
    v_rows := substr(v_memo, length(v_key) + 1)::jsonb;
  else
    select coalesce(jsonb_agg(to_jsonb(c)), '[]'::jsonb) into v_rows
    from app_leadership.classes_computed(p_school_ids, p_year) c;
    perform set_config('leokop.leadership_classes', v_key || v_rows::text, true);
  end if;
  return query
    select x.school_id, x.class_id, x.occupation_id, x.training_year, x.apprentices, x.shown
    from jsonb_to_recordset(v_rows) as x(school_id uuid, class_id uuid, occupation_id uuid, training_year int,
                                         apprentices int, shown boolean);
end
$$;

revoke all on function app_leadership.classes(uuid[], int) from public;
revoke all on function app_leadership.classes_computed(uuid[], int) from public;
