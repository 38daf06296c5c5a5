-- Editing what exists (issue 18): milestones (title, due date, the responsible learning place, a description) and
-- materials (title, description, keywords, Lernfelder, Berufsbildpositionen, audience), with a trail of what
-- changed, old and new value.
--
-- Who may edit stays who may edit today: a milestone, who works in one of the project's cooperations (or created
-- the project; projects_update / project_milestones_update of 015, unchanged). A material's description, that is
-- everything but its file versions, only its owner or the admin of its school, the two who may withdraw it
-- (decision 93): until now the update policy let everyone who sees a material change its title, leadership
-- included, and the Lernfeld links were open to the same. A new file version stays open to everyone who sees it.
--
-- The trails hold the values, unlike audit_log (016), which names columns only because it is about apprentices:
-- materials and projects hold no personal data (a project's participants are in project_apprentices, audited
-- there), and a teacher asking "who moved this due date?" needs to read the old one.

-- Milestones: who is responsible (null: both learning places) and what is meant.
alter table public.project_milestones
  add column place public.learning_place,
  add column description text check (description is null or length(description) <= 4000);
grant update (place, description) on public.project_milestones to authenticated;

-- Materials: the audience (scope and class) can be changed, by the owner or the school's admin (guard below).
grant update (scope, class_id) on public.materials to authenticated;

-- "old → new" for a trail's detail; long texts are cut (the trail says that a text changed and how it began).
create function app_private.change_text(p_label text, p_old text, p_new text)
returns text
language sql immutable set search_path = ''
as $$
  select p_label || ': „' || coalesce(pg_catalog.left(p_old, 120) || case when length(p_old) > 120 then '…' else '' end,
                                      '–')
         || '“ → „' || coalesce(pg_catalog.left(p_new, 120) || case when length(p_new) > 120 then '…' else '' end,
                                '–') || '“'
$$;
revoke all on function app_private.change_text(text, text, text) from public;

-- Whether the caller may change what a material is (not only add a version): its owner or its school's admin.
-- Security invoker, like material_is_visible: it reads the material through the materials policy (what the caller
-- cannot see, the caller cannot edit), and takes no id the caller could not read anyway.
create function app_private.material_is_editable(p_id uuid)
returns boolean
language sql stable set search_path = ''
as $$
  select exists (select 1 from public.materials m
                 where m.id = p_id and m.withdrawn_at is null
                   and (m.owner_id = (select auth.uid())
                        or m.school_id in (select app_private.school_ids_with_role('admin'))))
$$;
revoke all on function app_private.material_is_editable(uuid) from public;
grant execute on function app_private.material_is_editable(uuid) to authenticated;

-- The guard of 015, plus: the description and the audience change only by the owner or the school's admin, and a
-- new audience must be one the editor could have shared for (the insert policy's rule).
create or replace function app_private.material_guard()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_admin boolean;
begin
  if old.withdrawn_at is not null then
    raise exception 'material withdrawn' using errcode = '42501';
  end if;
  v_admin := old.school_id in (select app_private.school_ids_with_role('admin'));
  if new.withdrawn_at is not null and not (old.owner_id = (select auth.uid()) or v_admin) then
    raise exception 'only the owner or an admin may withdraw' using errcode = '42501';
  end if;
  if new.withdrawn_at is not null and new.withdrawn_by is distinct from (select auth.uid()) then
    raise exception 'withdrawn_by must be the acting user' using errcode = '42501';
  end if;
  if (new.title, new.description, new.tags, new.url, new.scope, new.class_id)
       is distinct from (old.title, old.description, old.tags, old.url, old.scope, old.class_id)
     and pg_catalog.current_setting('role') <> 'none'
     and not (old.owner_id = (select auth.uid()) or v_admin) then
    raise exception 'only the owner or an admin may edit a material' using errcode = '42501';
  end if;
  if (new.scope, new.class_id) is distinct from (old.scope, old.class_id)
     and pg_catalog.current_setting('role') <> 'none' and not v_admin
     and not (new.scope = 'kooperation'
              or (new.scope = 'klasse' and new.class_id in (select app_private.work_class_ids()))
              or (new.scope = 'beruf_schule'
                  and (new.school_id, new.occupation_id) in (select * from app_private.work_school_occupations())))
  then
    raise exception 'audience not allowed' using errcode = '42501';
  end if;
  new.updated_at = now();
  new.updated_by = (select auth.uid());
  return new;
end
$$;

create function app_private.material_audience(p_scope public.material_scope, p_class_id uuid)
returns text
language sql stable security definer set search_path = ''
as $$
  select case p_scope
           when 'kooperation' then 'diese Kooperation'
           when 'klasse' then 'Klasse ' || coalesce((select k.name from public.classes k where k.id = p_class_id), '–')
           else 'Ausbildungsberuf an der Schule'
         end
$$;
revoke all on function app_private.material_audience(public.material_scope, uuid) from public;

-- The trail of 015, with what each edit changed from what to what.
create or replace function app_private.material_audit()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_material uuid;
  v_action text;
  v_detail text;
  -- users cannot set created_at (column grants), so it is the insert's own time; loaders may backdate
  v_at timestamptz = case when tg_op = 'INSERT' then new.created_at else now() end;
begin
  if tg_table_name = 'materials' then
    v_material = new.id;
    if tg_op = 'INSERT' then
      v_action = 'angelegt';
      v_detail = new.title;
    elsif new.withdrawn_at is not null then
      v_action = 'zurueckgezogen';
    elsif (new.title, new.description, new.tags, new.url, new.scope, new.class_id) is not distinct from
          (old.title, old.description, old.tags, old.url, old.scope, old.class_id) then
      return null;  -- only the version counter moved: the version's own event says it
    else
      v_action = 'bearbeitet';
      v_detail = concat_ws('; ',
        case when new.title is distinct from old.title
             then app_private.change_text('Titel', old.title, new.title) end,
        case when new.description is distinct from old.description
             then app_private.change_text('Beschreibung', old.description, new.description) end,
        case when new.tags is distinct from old.tags
             then app_private.change_text('Schlagwörter', array_to_string(old.tags, ', '),
                                          array_to_string(new.tags, ', ')) end,
        case when new.url is distinct from old.url then app_private.change_text('Link', old.url, new.url) end,
        case when (new.scope, new.class_id) is distinct from (old.scope, old.class_id)
             then app_private.change_text('Sichtbar für', app_private.material_audience(old.scope, old.class_id),
                                          app_private.material_audience(new.scope, new.class_id)) end);
    end if;
  elsif tg_table_name = 'material_versions' then
    v_material = new.material_id;
    v_action = 'neue_version';
    v_detail = format('Version %s: %s', new.number, new.filename);
  else
    v_material = new.material_id;
    v_action = 'kommentiert';
  end if;
  insert into public.material_events (material_id, actor_id, action, detail, at)
  values (v_material, (select auth.uid()), v_action, v_detail, v_at);
  return null;
end
$$;

-- A Lernfeld or Berufsbildposition added to or removed from a material after it was shared (those chosen when it
-- was shared are part of its "geteilt" event).
create function app_private.material_topic_audit()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  rec jsonb := to_jsonb(case when tg_op = 'DELETE' then old else new end);
  v_material uuid := (rec ->> 'material_id')::uuid;
  v_label text;
begin
  if exists (select 1 from public.materials m where m.id = v_material and m.created_at = now()) then
    return null;  -- shared in this very transaction
  end if;
  if tg_table_name = 'material_learning_fields' then
    select 'Lernfeld ' || case when tg_op = 'DELETE' then 'entfernt' else 'hinzugefügt' end || ': „' || lf.code
           || ' ' || lf.title || '“' into v_label
    from public.learning_fields lf where lf.id = (rec ->> 'learning_field_id')::uuid;
  else
    select 'Berufsbildposition ' || case when tg_op = 'DELETE' then 'entfernt' else 'hinzugefügt' end || ': „'
           || tp.number || ' ' || tp.title || '“' into v_label
    from public.training_positions tp where tp.id = (rec ->> 'training_position_id')::uuid;
  end if;
  insert into public.material_events (material_id, actor_id, action, detail)
  values (v_material, (select auth.uid()), 'bearbeitet', v_label);
  return null;
end
$$;
revoke all on function app_private.material_topic_audit() from public;
create trigger material_learning_fields_audit after insert or delete on public.material_learning_fields
  for each row when (pg_catalog.current_setting('role') <> 'none')
  execute function app_private.material_topic_audit();
create trigger material_positions_audit after insert or delete on public.material_positions
  for each row when (pg_catalog.current_setting('role') <> 'none')
  execute function app_private.material_topic_audit();

-- The Lernfelder and Berufsbildpositionen of a material are part of its description: added and removed by the
-- owner or the school's admin only (015 let everyone who sees the material).
drop policy material_learning_fields_insert on public.material_learning_fields;
drop policy material_learning_fields_delete on public.material_learning_fields;
drop policy material_positions_insert on public.material_positions;
drop policy material_positions_delete on public.material_positions;
create policy material_learning_fields_insert on public.material_learning_fields for insert to authenticated
  with check (app_private.material_is_editable(material_id));
create policy material_learning_fields_delete on public.material_learning_fields for delete to authenticated
  using (app_private.material_is_editable(material_id));
create policy material_positions_insert on public.material_positions for insert to authenticated
  with check (app_private.material_is_editable(material_id));
create policy material_positions_delete on public.material_positions for delete to authenticated
  using (app_private.material_is_editable(material_id));

-- Projects' trail: milestones added, edited, done, and the project's status. Written only by the triggers.
create table public.project_events (
  id bigint generated always as identity primary key,
  project_id uuid not null references public.projects,
  milestone_id uuid,  -- no foreign key: the event outlives a deleted milestone
  actor_id uuid references public.app_users on delete set null,
  action text not null check (action in ('meilenstein_angelegt', 'meilenstein_bearbeitet', 'meilenstein_erledigt',
                                         'status')),
  detail text,
  at timestamptz not null default now()
);
create index project_events_project_idx on public.project_events (project_id, at);

alter table public.project_events enable row level security;
grant select on public.project_events to authenticated;
create policy project_events_select on public.project_events for select to authenticated
  using (project_id in (select app_private.visible_project_ids()));

create function app_private.learning_place_text(p_place public.learning_place)
returns text
language sql immutable set search_path = ''
as $$
  select case p_place when 'schule' then 'Schule' when 'betrieb' then 'Betrieb' else 'beide Lernorte' end
$$;
revoke all on function app_private.learning_place_text(public.learning_place) from public;

create function app_private.project_audit()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_action text;
  v_detail text;
begin
  if tg_table_name = 'projects' then
    if new.status is not distinct from old.status then
      return null;
    end if;
    insert into public.project_events (project_id, actor_id, action, detail)
    values (new.id, (select auth.uid()), 'status', app_private.change_text('Status', old.status::text,
                                                                            new.status::text));
    return null;
  end if;
  if tg_op = 'INSERT' then
    v_action = 'meilenstein_angelegt';
    v_detail = '„' || new.title || '“, fällig am ' || to_char(new.due_on, 'DD.MM.YYYY');
  elsif new.done_at is not null and old.done_at is null then
    v_action = 'meilenstein_erledigt';
    v_detail = '„' || new.title || '“';
  else
    v_action = 'meilenstein_bearbeitet';
    v_detail = concat_ws('; ',
      case when new.title is distinct from old.title
           then app_private.change_text('Titel', old.title, new.title) end,
      case when new.due_on is distinct from old.due_on
           then app_private.change_text('fällig am', to_char(old.due_on, 'DD.MM.YYYY'),
                                        to_char(new.due_on, 'DD.MM.YYYY')) end,
      case when new.place is distinct from old.place
           then app_private.change_text('zuständig', app_private.learning_place_text(old.place),
                                        app_private.learning_place_text(new.place)) end,
      case when new.description is distinct from old.description
           then app_private.change_text('Beschreibung', old.description, new.description) end);
    if v_detail = '' then
      return null;  -- nothing a user sees changed
    end if;
    v_detail = '„' || old.title || '“: ' || v_detail;
  end if;
  insert into public.project_events (project_id, milestone_id, actor_id, action, detail)
  values (new.project_id, new.id, (select auth.uid()), v_action, v_detail);
  return null;
end
$$;
revoke all on function app_private.project_audit() from public;
create trigger project_milestones_trail after insert or update on public.project_milestones
  for each row when (pg_catalog.current_setting('role') <> 'none') execute function app_private.project_audit();
create trigger projects_trail after update on public.projects
  for each row when (pg_catalog.current_setting('role') <> 'none') execute function app_private.project_audit();
