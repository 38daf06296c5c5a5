-- Retention after 014: the leadership page also counts open risks, cases, their measures and case comments (as
-- cooperation activity), so an anonymised apprentice keeps those rows, stripped of their free text, and the figures
-- of past school years stay the same after a purge (issue 8). Replaces 016's anonymise_apprentice.
create or replace function app_private.anonymise_apprentice(p_apprentice_id uuid)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  kept constant text[] := array['lf_results', 'lf_grade_history', 'absences', 'record_weeks', 'notes', 'audit_log',
                                'risk_flags', 'risk_cases', 'case_comments', 'case_measures'];
  l record;
begin
  update public.apprentices
  set first_name = 'Anonymisiert', last_name = 'Anonymisiert',
      birth_date = make_date(extract(year from birth_date)::int, 1, 1), anonymised_at = now()
  where id = p_apprentice_id;
  update public.notes set body = '(gelöscht)' where apprentice_id = p_apprentice_id;
  update public.absences set excuse_comment = null where apprentice_id = p_apprentice_id;
  update public.record_weeks
  set trainer_comment = case when status = 'zurueckgegeben' then '(gelöscht)' end
  where apprentice_id = p_apprentice_id;
  -- the counted facts of risks and cases stay; what was written about the person goes
  update public.risk_flags set reason = '(gelöscht)', evidence = '{}' where apprentice_id = p_apprentice_id;
  update public.risk_cases
  set title = '(gelöscht)', closing_reason = case when closing_reason is not null then '(gelöscht)' end
  where apprentice_id = p_apprentice_id;
  update public.case_comments k set body = '(gelöscht)'
  from public.risk_cases c where c.id = k.case_id and c.apprentice_id = p_apprentice_id;
  update public.case_measures x set description = null
  from public.risk_cases c where c.id = x.case_id and c.apprentice_id = p_apprentice_id;
  -- rows reached through another table first (their foreign keys may not cascade), then the direct ones
  for l in select * from app_private.apprentice_tables() order by parent_table nulls last loop
    continue when l.table_name = any (kept);
    execute format('delete from public.%I t where %s', l.table_name,
                   app_private.apprentice_rows_condition(l.table_name))
      using p_apprentice_id;
  end loop;
  perform app_private.audit_event('purge', p_apprentice_id, 'retention');
end
$$;
revoke all on function app_private.anonymise_apprentice(uuid) from public, authenticated, leokop_service;
