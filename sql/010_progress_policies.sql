-- Who sees and changes progress and planning data.
-- School side: teachers of the apprentice's class, pair-scoped teachers, the school's admin.
-- Company side: trainers of the pair. The company side sees grades, absences and teacher notes only where
-- the school released them (school default, per-apprentice override): the rule lives in one function.

create function app_private.school_side_apprentice_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select a.id from public.apprentices a
  where a.class_id in (select app_private.teacher_class_ids())
     or a.school_id in (select app_private.school_ids_with_role('admin'))
  union
  select a.id from public.apprentices a
  join app_private.active_memberships() m on m.role = 'lehrkraft' and m.cooperation_id is not null
  join public.cooperations c on c.id = m.cooperation_id
  where a.school_id = c.school_id and a.company_id = c.company_id
$$;

create function app_private.company_side_apprentice_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select a.id from public.apprentices a
  join app_private.active_memberships() m on m.role = 'ausbilder'
  left join public.cooperations c on c.id = m.cooperation_id
  where (m.company_id = a.company_id and m.school_id = a.school_id)
     or (c.school_id = a.school_id and c.company_id = a.company_id)
$$;

-- The single place that decides whether the company side may see a category of an apprentice's school data.
create function app_private.is_released(p_apprentice_id uuid, p_category text)
returns boolean
language sql stable security definer set search_path = ''
as $$
  -- no settings row: shared (the school's default); an unknown category: never shared
  select coalesce(
    case p_category
      when 'grades' then coalesce(o.share_grades, s.share_grades)
      when 'absences' then coalesce(o.share_absences, s.share_absences)
      when 'teacher_notes' then coalesce(o.share_teacher_notes, s.share_teacher_notes)
    end, p_category in ('grades', 'absences', 'teacher_notes'))
  from public.apprentices a
  left join public.release_settings s on s.school_id = a.school_id
  left join public.release_overrides o on o.apprentice_id = a.id
  where a.id = p_apprentice_id
$$;

create function app_private.released_company_side_ids(p_category text)
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select id from app_private.company_side_apprentice_ids() id
  where app_private.is_released(id, p_category)
$$;

create function app_private.admin_class_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select k.id from public.classes k where k.school_id in (select app_private.school_ids_with_role('admin'))
$$;

-- Classes the school side plans for: the teacher's classes and every class of the admin's schools.
create function app_private.school_side_class_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select app_private.teacher_class_ids()
  union
  select app_private.admin_class_ids()
$$;

-- Apprentices of the schools the user administers (release exceptions are the admin's decision).
create function app_private.admin_apprentice_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select a.id from public.apprentices a where a.school_id in (select app_private.school_ids_with_role('admin'))
$$;

-- Classes of the apprentices the user works with, at either place (whose plans they need to see).
create function app_private.classes_of_my_apprentices()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select distinct a.class_id from public.apprentices a
  where a.id in (select app_private.company_side_apprentice_ids())
     or a.id in (select app_private.school_side_apprentice_ids())
$$;

-- Display names of users for "who wrote it": staff names only, never e-mail or roles.
create function public.user_display_name(p_user_id uuid)
returns text
language sql stable security definer set search_path = ''
as $$
  select u.display_name from public.app_users u where u.id = p_user_id
$$;

revoke all on all functions in schema app_private from public;
grant execute on all functions in schema app_private to authenticated;
revoke all on function public.user_display_name(uuid) from public;
grant execute on function public.user_display_name(uuid) to authenticated;

-- Release settings: the school's admin; every school-side user may read their school's settings.
alter table public.release_settings enable row level security;
grant select, insert, update on public.release_settings to authenticated;
create policy release_settings_select on public.release_settings for select to authenticated
  using (school_id in (select app_private.school_ids_with_role('admin'))
         or school_id in (select a.school_id from public.apprentices a
                          where a.id in (select app_private.school_side_apprentice_ids())));
create policy release_settings_insert on public.release_settings for insert to authenticated
  with check (school_id in (select app_private.school_ids_with_role('admin')));
create policy release_settings_update on public.release_settings for update to authenticated
  using (school_id in (select app_private.school_ids_with_role('admin')))
  with check (school_id in (select app_private.school_ids_with_role('admin')));

alter table public.release_overrides enable row level security;
grant select, insert, update, delete on public.release_overrides to authenticated;
create policy release_overrides_select on public.release_overrides for select to authenticated
  using (apprentice_id in (select app_private.school_side_apprentice_ids()));
create policy release_overrides_insert on public.release_overrides for insert to authenticated
  with check (apprentice_id in (select app_private.admin_apprentice_ids()));
create policy release_overrides_update on public.release_overrides for update to authenticated
  using (apprentice_id in (select app_private.admin_apprentice_ids()))
  with check (apprentice_id in (select app_private.admin_apprentice_ids()));
create policy release_overrides_delete on public.release_overrides for delete to authenticated
  using (apprentice_id in (select app_private.admin_apprentice_ids()));

-- Lernfeld results: the school writes; the company reads where grades are released.
alter table public.lf_results enable row level security;
grant select, insert, update on public.lf_results to authenticated;
create policy lf_results_select on public.lf_results for select to authenticated
  using (apprentice_id in (select app_private.school_side_apprentice_ids())
         or apprentice_id in (select app_private.released_company_side_ids('grades')));
create policy lf_results_insert on public.lf_results for insert to authenticated
  with check (apprentice_id in (select app_private.school_side_apprentice_ids())
              and updated_by = (select auth.uid()));
create policy lf_results_update on public.lf_results for update to authenticated
  using (apprentice_id in (select app_private.school_side_apprentice_ids()))
  with check (apprentice_id in (select app_private.school_side_apprentice_ids())
              and updated_by = (select auth.uid()));

alter table public.lf_grade_history enable row level security;
grant select on public.lf_grade_history to authenticated;
create policy lf_grade_history_select on public.lf_grade_history for select to authenticated
  using (apprentice_id in (select app_private.school_side_apprentice_ids())
         or apprentice_id in (select app_private.released_company_side_ids('grades')));

-- Berufsbildpositionen: the company rates; both places read.
alter table public.position_ratings enable row level security;
grant select, insert, update on public.position_ratings to authenticated;
create policy position_ratings_select on public.position_ratings for select to authenticated
  using (apprentice_id in (select app_private.school_side_apprentice_ids())
         or apprentice_id in (select app_private.company_side_apprentice_ids()));
create policy position_ratings_insert on public.position_ratings for insert to authenticated
  with check (apprentice_id in (select app_private.company_side_apprentice_ids())
              and updated_by = (select auth.uid()));
create policy position_ratings_update on public.position_ratings for update to authenticated
  using (apprentice_id in (select app_private.company_side_apprentice_ids()))
  with check (apprentice_id in (select app_private.company_side_apprentice_ids())
              and updated_by = (select auth.uid()));

-- Berichtsheft: the company records and decides; both places read.
alter table public.record_weeks enable row level security;
grant select, insert on public.record_weeks to authenticated;
grant update (status, trainer_comment, decided_at, decided_by, version) on public.record_weeks to authenticated;
create policy record_weeks_select on public.record_weeks for select to authenticated
  using (apprentice_id in (select app_private.school_side_apprentice_ids())
         or apprentice_id in (select app_private.company_side_apprentice_ids()));
create policy record_weeks_insert on public.record_weeks for insert to authenticated
  with check (apprentice_id in (select app_private.company_side_apprentice_ids()));
create policy record_weeks_update on public.record_weeks for update to authenticated
  using (apprentice_id in (select app_private.company_side_apprentice_ids()))
  with check (apprentice_id in (select app_private.company_side_apprentice_ids())
              and (decided_by is null or decided_by = (select auth.uid())));

-- Absences: the school records and decides; the company reads where released and proposes an excuse
-- through public.propose_excuse (it can never set "excused" itself).
alter table public.absences enable row level security;
grant select, insert on public.absences to authenticated;
-- who recorded an absence and what the company proposed stay as written
grant update (lessons, excused, excuse_state, version) on public.absences to authenticated;
create policy absences_select on public.absences for select to authenticated
  using (apprentice_id in (select app_private.school_side_apprentice_ids())
         or apprentice_id in (select app_private.released_company_side_ids('absences')));
create policy absences_insert on public.absences for insert to authenticated
  with check (apprentice_id in (select app_private.school_side_apprentice_ids())
              and recorded_by = (select auth.uid()));
create policy absences_update on public.absences for update to authenticated
  using (apprentice_id in (select app_private.school_side_apprentice_ids()))
  with check (apprentice_id in (select app_private.school_side_apprentice_ids()));

create function public.propose_excuse(p_absence_id uuid, p_version int, p_comment text)
returns boolean
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if length(btrim(coalesce(p_comment, ''))) = 0 then
    raise exception 'comment required' using errcode = '22023';
  end if;
  update public.absences a
  set excuse_state = 'vorgeschlagen', excuse_comment = btrim(p_comment), proposed_by = (select auth.uid()),
      proposed_at = now(), version = a.version + 1
  where a.id = p_absence_id and a.version = p_version and not a.excused
    and a.excuse_state in ('keiner', 'abgelehnt')
    and a.apprentice_id in (select app_private.released_company_side_ids('absences'));
  return found;
end
$$;
revoke all on function public.propose_excuse(uuid, int, text) from public;
grant execute on function public.propose_excuse(uuid, int, text) to authenticated;

-- Notes: each place writes its own; the pair reads; teacher notes reach the company where released.
alter table public.notes enable row level security;
grant select, insert on public.notes to authenticated;
create policy notes_select on public.notes for select to authenticated
  using (apprentice_id in (select app_private.school_side_apprentice_ids())
         or (apprentice_id in (select app_private.company_side_apprentice_ids())
             and (place = 'betrieb' or app_private.is_released(apprentice_id, 'teacher_notes'))));
create policy notes_insert on public.notes for insert to authenticated
  with check (author_id = (select auth.uid()) and (
    (place = 'schule' and apprentice_id in (select app_private.school_side_apprentice_ids()))
    or (place = 'betrieb' and apprentice_id in (select app_private.company_side_apprentice_ids()))));

-- School blocks: teachers of the class and the school's admin plan them; the company side reads them.
alter table public.school_blocks enable row level security;
grant select, insert, delete on public.school_blocks to authenticated;
grant update (starts_on, ends_on, note, version) on public.school_blocks to authenticated;
create policy school_blocks_select on public.school_blocks for select to authenticated
  using (class_id in (select app_private.school_side_class_ids())
         or class_id in (select app_private.classes_of_my_apprentices()));
create policy school_blocks_insert on public.school_blocks for insert to authenticated
  with check (class_id in (select app_private.school_side_class_ids()) and created_by = (select auth.uid()));
create policy school_blocks_update on public.school_blocks for update to authenticated
  using (class_id in (select app_private.school_side_class_ids()))
  with check (class_id in (select app_private.school_side_class_ids()));
create policy school_blocks_delete on public.school_blocks for delete to authenticated
  using (class_id in (select app_private.school_side_class_ids()));

-- Exams: the school records them per class; both places read.
alter table public.exams enable row level security;
grant select, insert, update on public.exams to authenticated;
create policy exams_select on public.exams for select to authenticated
  using (class_id in (select app_private.school_side_class_ids())
         or class_id in (select app_private.classes_of_my_apprentices()));
create policy exams_insert on public.exams for insert to authenticated
  with check (class_id in (select app_private.admin_class_ids()));
create policy exams_update on public.exams for update to authenticated
  using (class_id in (select app_private.admin_class_ids()))
  with check (class_id in (select app_private.admin_class_ids()));

-- Company phases: the company plans them; both places read.
alter table public.company_phases enable row level security;
grant select, insert, delete on public.company_phases to authenticated;
grant update (title, department, starts_on, ends_on, version) on public.company_phases to authenticated;
create policy company_phases_select on public.company_phases for select to authenticated
  using (apprentice_id in (select app_private.school_side_apprentice_ids())
         or apprentice_id in (select app_private.company_side_apprentice_ids()));
create policy company_phases_insert on public.company_phases for insert to authenticated
  with check (apprentice_id in (select app_private.company_side_apprentice_ids())
              and created_by = (select auth.uid()));
create policy company_phases_update on public.company_phases for update to authenticated
  using (apprentice_id in (select app_private.company_side_apprentice_ids()))
  with check (apprentice_id in (select app_private.company_side_apprentice_ids()));
create policy company_phases_delete on public.company_phases for delete to authenticated
  using (apprentice_id in (select app_private.company_side_apprentice_ids()));

-- Joint dates: anyone working in the cooperation.
alter table public.joint_dates enable row level security;
grant select, insert, delete on public.joint_dates to authenticated;
create policy joint_dates_select on public.joint_dates for select to authenticated
  using (cooperation_id in (select app_private.visible_cooperation_ids()));
create policy joint_dates_insert on public.joint_dates for insert to authenticated
  with check (created_by = (select auth.uid())
              and cooperation_id in (select app_private.visible_cooperation_ids()));
create policy joint_dates_delete on public.joint_dates for delete to authenticated
  using (created_by = (select auth.uid()));

alter table public.school_holidays enable row level security;
grant select on public.school_holidays to authenticated;
create policy school_holidays_select on public.school_holidays for select to authenticated using (true);
