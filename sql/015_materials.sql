-- Shared learning materials (files and links by Lernfeld, with versions, comments and an audit trail) and joint
-- projects of one or several cooperations of a school.
--
-- Visibility of a material follows its scope:
--   kooperation  : users who work in the cooperation it was shared in;
--   klasse       : users who work with the class (its teachers, the pairs with an apprentice in it);
--   beruf_schule : users who work with a class of the material's occupation at the school;
-- plus the school's admins and leadership (moderation; materials hold no personal data), and the owner.
-- Withdrawn materials are hidden from everyone but the owner and the school's admins and leadership; nothing is
-- ever deleted (audit trail).

create type public.material_scope as enum ('kooperation', 'klasse', 'beruf_schule');
create type public.material_kind as enum ('link', 'pdf', 'dokument', 'tabelle', 'praesentation', 'bild', 'text');
create type public.project_status as enum ('geplant', 'laufend', 'abgeschlossen', 'abgebrochen');

-- targets of the composite foreign keys that keep a material's Lernfelder within its occupation
alter table public.learning_fields add constraint learning_fields_id_occupation_key unique (id, occupation_id);
alter table public.training_positions add constraint training_positions_id_occupation_key unique (id, occupation_id);

-- The search document: immutable wrapper so that it can feed a generated column (array_to_string is only
-- stable in general, but for text[] it cannot change).
create function public.material_document(p_title text, p_description text, p_tags text[])
returns tsvector
language sql immutable parallel safe set search_path = ''
as $$
  select setweight(to_tsvector('pg_catalog.german'::regconfig, coalesce(p_title, '')), 'A')
      || setweight(to_tsvector('pg_catalog.german'::regconfig, pg_catalog.array_to_string(p_tags, ' ')), 'A')
      || setweight(to_tsvector('pg_catalog.german'::regconfig, coalesce(p_description, '')), 'B')
$$;

create table public.materials (
  id uuid primary key default gen_random_uuid(),
  -- the cooperation it was shared in; school_id follows from it (composite foreign key)
  cooperation_id uuid not null,
  school_id uuid not null,
  occupation_id uuid not null references public.occupations,
  scope public.material_scope not null,
  class_id uuid,
  kind public.material_kind not null,
  title text not null check (length(btrim(title)) between 1 and 200),
  description text check (description is null or length(description) <= 4000),
  url text check (url is null or (url ~* '^https?://[^[:space:]/?#]+[^[:space:]]*$' and length(url) <= 2000)),
  tags text[] not null default '{}' check (cardinality(tags) <= 20),
  search tsvector generated always as (public.material_document(title, description, tags)) stored,
  current_version int not null default 0,
  owner_id uuid not null default auth.uid() references public.app_users,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid references public.app_users on delete set null,
  withdrawn_at timestamptz,
  withdrawn_by uuid references public.app_users on delete set null,
  version int not null default 1,
  foreign key (cooperation_id, school_id) references public.cooperations (id, school_id),
  foreign key (class_id, school_id, occupation_id) references public.classes (id, school_id, occupation_id),
  unique (id, occupation_id),
  check ((scope = 'klasse') = (class_id is not null)),
  check ((kind = 'link') = (url is not null)),
  check ((withdrawn_at is null) = (withdrawn_by is null))
);
-- one index per way in: the visibility branches and the library of a cooperation (newest first)
create index materials_cooperation_idx on public.materials (cooperation_id, created_at desc);
create index materials_class_idx on public.materials (class_id, created_at desc) where class_id is not null;
create index materials_school_occupation_idx on public.materials (school_id, occupation_id, created_at desc)
  where scope = 'beruf_schule';
create index materials_school_idx on public.materials (school_id);
create index materials_owner_idx on public.materials (owner_id);
create index materials_search_idx on public.materials using gin (search);

create table public.material_versions (
  id uuid primary key default gen_random_uuid(),
  material_id uuid not null references public.materials,
  number int not null check (number >= 1),
  filename text not null check (length(filename) between 1 and 255 and filename !~ '[[:cntrl:]/\\]'
                                and filename not in ('.', '..')),
  mime text not null,
  size_bytes int not null check (size_bytes between 1 and 20971520),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  -- null: the bytes are in public.material_blobs; else the object key in the Supabase Storage bucket
  storage_key text check (storage_key is null or length(storage_key) <= 500),
  note text check (note is null or length(note) <= 500),
  created_by uuid default auth.uid() references public.app_users on delete set null,
  created_at timestamptz not null default now(),
  unique (material_id, number)
);

-- File contents apart from the metadata, so that listing versions never touches the bytes.
create table public.material_blobs (
  version_id uuid primary key references public.material_versions on delete cascade,
  content bytea not null
);
-- PDFs, Office files and images are compressed already: don't spend CPU on compressing them again.
alter table public.material_blobs alter column content set storage external;

create table public.material_learning_fields (
  material_id uuid not null,
  learning_field_id uuid not null,
  occupation_id uuid not null,
  primary key (material_id, learning_field_id),
  foreign key (material_id, occupation_id) references public.materials (id, occupation_id),
  foreign key (learning_field_id, occupation_id) references public.learning_fields (id, occupation_id)
);
create index material_learning_fields_lf_idx on public.material_learning_fields (learning_field_id);

create table public.material_positions (
  material_id uuid not null,
  training_position_id uuid not null,
  occupation_id uuid not null,
  primary key (material_id, training_position_id),
  foreign key (material_id, occupation_id) references public.materials (id, occupation_id),
  foreign key (training_position_id, occupation_id) references public.training_positions (id, occupation_id)
);

create table public.material_comments (
  id uuid primary key default gen_random_uuid(),
  material_id uuid not null references public.materials,
  author_id uuid not null default auth.uid() references public.app_users,
  body text not null check (length(btrim(body)) between 1 and 4000),
  created_at timestamptz not null default now()
);
create index material_comments_material_idx on public.material_comments (material_id, created_at);

-- Who changed what and when: written only by triggers, never by users.
create table public.material_events (
  id bigint generated always as identity primary key,
  material_id uuid not null references public.materials,
  actor_id uuid references public.app_users on delete set null,
  action text not null check (action in ('angelegt', 'bearbeitet', 'neue_version', 'kommentiert',
                                         'zurueckgezogen')),
  detail text,
  at timestamptz not null default now()
);
create index material_events_material_idx on public.material_events (material_id, at);

-- Joint projects -------------------------------------------------------------------------------------------------

create table public.projects (
  id uuid primary key default gen_random_uuid(),
  school_id uuid not null references public.schools,
  title text not null check (length(btrim(title)) between 1 and 200),
  goal text check (goal is null or length(goal) <= 4000),
  starts_on date not null,
  ends_on date not null,
  status public.project_status not null default 'geplant',
  created_by uuid not null default auth.uid() references public.app_users,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1,
  check (ends_on >= starts_on),
  unique (id, school_id)
);

-- The cooperations a project belongs to: all of the project's school (composite foreign keys).
create table public.project_cooperations (
  project_id uuid not null,
  cooperation_id uuid not null,
  school_id uuid not null,
  primary key (project_id, cooperation_id),
  foreign key (project_id, school_id) references public.projects (id, school_id),
  foreign key (cooperation_id, school_id) references public.cooperations (id, school_id)
);
create index project_cooperations_cooperation_idx on public.project_cooperations (cooperation_id);

create table public.project_learning_fields (
  project_id uuid not null references public.projects,
  learning_field_id uuid not null references public.learning_fields,
  primary key (project_id, learning_field_id)
);

create table public.project_positions (
  project_id uuid not null references public.projects,
  training_position_id uuid not null references public.training_positions,
  primary key (project_id, training_position_id)
);

create table public.project_apprentices (
  project_id uuid not null references public.projects,
  apprentice_id uuid not null references public.apprentices on delete cascade,
  primary key (project_id, apprentice_id)
);
create index project_apprentices_apprentice_idx on public.project_apprentices (apprentice_id);

create table public.project_milestones (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects,
  title text not null check (length(btrim(title)) between 1 and 200),
  due_on date not null,
  done_at timestamptz,
  created_by uuid default auth.uid() references public.app_users on delete set null,
  created_at timestamptz not null default now()
);
create index project_milestones_project_idx on public.project_milestones (project_id, due_on);

create table public.project_materials (
  project_id uuid not null references public.projects,
  material_id uuid not null references public.materials,
  primary key (project_id, material_id)
);
create index project_materials_material_idx on public.project_materials (material_id);

-- Helpers -------------------------------------------------------------------------------------------------------
-- Built on the membership helpers of sql/004 (and their rewrites): each branch is an index lookup from the user's
-- few memberships, never an OR over a whole table.

-- The few ids a material's visibility is checked against. Each is small (a user's classes, the schools and
-- occupations of those classes, the schools they oversee) and is computed once per query as a hashed subplan; the
-- policy then tests each row the query's own index lookup reached. A set-returning "all materials I may see"
-- would grow with the materials of the school (11,500 for one teacher at 100,000 materials) and was measured at
-- 2.6 s per search (docs/benchmarks.md, docs/decisions.md).

-- Classes the user works with: as their teacher or through a pair.
create function app_private.work_class_ids()
returns setof uuid
language sql stable security definer set search_path = '' rows 20
as $$
  select app_private.teacher_class_ids()
  union
  select app_private.classes_of_my_pairs()
$$;

-- (school, occupation) of those classes: the scope beruf_schule.
create function app_private.work_school_occupations()
returns table (school_id uuid, occupation_id uuid)
language sql stable security definer set search_path = '' rows 5
as $$
  select distinct k.school_id, k.occupation_id from public.classes k
  where k.id in (select app_private.work_class_ids())
$$;

-- Schools whose materials the user oversees (admin: withdraws; leadership: reads).
create function app_private.overseen_school_ids()
returns setof uuid
language sql stable security definer set search_path = '' rows 2
as $$
  select app_private.school_ids_with_role('admin')
  union
  select app_private.school_ids_with_role('schulleitung')
$$;

-- Whether the select policy shows the material to the caller. Security invoker on purpose: the query runs under
-- materials' own select policy, which an update policy cannot reference directly (it would recurse).
create function app_private.material_is_visible(p_id uuid)
returns boolean
language sql stable set search_path = ''
as $$
  select exists (select 1 from public.materials m where m.id = p_id)
$$;

-- Cooperations the user may share into or run projects in: visible ones, unless the user is leadership only.
create function app_private.working_cooperation_ids()
returns setof uuid
language sql stable security definer set search_path = '' rows 10
as $$
  select v.id from app_private.visible_cooperation_ids() v(id)
  where exists (select 1 from app_private.active_memberships() m where m.role in ('lehrkraft', 'ausbilder', 'admin'))
$$;

create function app_private.visible_project_ids()
returns setof uuid
language sql stable security definer set search_path = '' rows 20
as $$
  select pc.project_id from public.project_cooperations pc
  where pc.cooperation_id in (select app_private.visible_cooperation_ids())
  union all
  select p.id from public.projects p where p.created_by = (select auth.uid())
$$;

create function app_private.editable_project_ids()
returns setof uuid
language sql stable security definer set search_path = '' rows 20
as $$
  select pc.project_id from public.project_cooperations pc
  where pc.cooperation_id in (select app_private.working_cooperation_ids())
  union all
  select p.id from public.projects p where p.created_by = (select auth.uid())
$$;

-- Only the owner or the school's admin withdraws; a withdrawn material stays as it is.
create function app_private.material_guard()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if old.withdrawn_at is not null then
    raise exception 'material withdrawn' using errcode = '42501';
  end if;
  if new.withdrawn_at is not null and not (
      old.owner_id = (select auth.uid())
      or old.school_id in (select app_private.school_ids_with_role('admin'))) then
    raise exception 'only the owner or an admin may withdraw' using errcode = '42501';
  end if;
  if new.withdrawn_at is not null and new.withdrawn_by is distinct from (select auth.uid()) then
    raise exception 'withdrawn_by must be the acting user' using errcode = '42501';
  end if;
  new.updated_at = now();
  new.updated_by = (select auth.uid());
  return new;
end
$$;
create trigger materials_guard before update on public.materials
  for each row execute function app_private.material_guard();

create function app_private.material_audit()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_material uuid;
  v_action text;
  v_detail text;
  -- users cannot set created_at (column grants below), so it is the insert's own time; loaders may backdate
  v_at timestamptz = case when tg_op = 'INSERT' then new.created_at else now() end;
begin
  if tg_table_name = 'materials' then
    v_material = new.id;
    if tg_op = 'INSERT' then
      v_action = 'angelegt';
      v_detail = new.title;
    elsif new.withdrawn_at is not null then
      v_action = 'zurueckgezogen';
    elsif (new.title, new.description, new.tags, new.url) is not distinct from
          (old.title, old.description, old.tags, old.url) then
      return null;  -- only the version counter moved: the version's own event says it
    else
      v_action = 'bearbeitet';
      v_detail = concat_ws(', ',
        case when new.title is distinct from old.title then 'Titel' end,
        case when new.description is distinct from old.description then 'Beschreibung' end,
        case when new.tags is distinct from old.tags then 'Schlagwörter' end,
        case when new.url is distinct from old.url then 'Link' end);
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
create trigger materials_audit after insert or update on public.materials
  for each row execute function app_private.material_audit();
create trigger material_versions_audit after insert on public.material_versions
  for each row execute function app_private.material_audit();
create trigger material_comments_audit after insert on public.material_comments
  for each row execute function app_private.material_audit();

-- A stored file must be exactly the bytes the version row describes: an interrupted or altered upload is refused
-- by the database, and the whole transaction (material, version) goes with it.
create function app_private.material_blob_check()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v public.material_versions;
begin
  select * into v from public.material_versions where id = new.version_id;
  if v.storage_key is not null then
    raise exception 'version is stored outside the database' using errcode = '23514';
  end if;
  if length(new.content) <> v.size_bytes or encode(sha256(new.content), 'hex') <> v.sha256 then
    raise exception 'upload incomplete: size or checksum does not match' using errcode = '23514';
  end if;
  return new;
end
$$;
create trigger material_blobs_check before insert on public.material_blobs
  for each row execute function app_private.material_blob_check();

-- At commit, every version held in the database has its bytes, and every file material has a version.
create function app_private.material_complete()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_table_name = 'material_versions' then
    if new.storage_key is null and not exists (select 1 from public.material_blobs b where b.version_id = new.id) then
      raise exception 'material version has no content' using errcode = '23514';
    end if;
  elsif new.kind <> 'link' and not exists (select 1 from public.material_versions v where v.material_id = new.id) then
    raise exception 'file material without a file' using errcode = '23514';
  end if;
  return null;
end
$$;
create constraint trigger material_versions_complete after insert on public.material_versions
  deferrable initially deferred for each row execute function app_private.material_complete();
create constraint trigger materials_complete after insert on public.materials
  deferrable initially deferred for each row execute function app_private.material_complete();

revoke all on all functions in schema app_private from public;
grant execute on all functions in schema app_private to authenticated;

-- Policies ------------------------------------------------------------------------------------------------------

alter table public.materials enable row level security;
grant select on public.materials to authenticated;
grant insert (id, cooperation_id, school_id, occupation_id, scope, class_id, kind, title, description, url, tags,
              current_version, owner_id) on public.materials to authenticated;
grant update (title, description, tags, url, kind, current_version, withdrawn_at, withdrawn_by, version)
  on public.materials to authenticated;
-- Per row, against small hashed sets (see the helpers above).
create policy materials_select on public.materials for select to authenticated
  using ((withdrawn_at is null
          and case scope
                when 'kooperation' then cooperation_id in (select app_private.visible_cooperation_ids())
                when 'klasse' then class_id in (select app_private.work_class_ids())
                else (school_id, occupation_id) in (select * from app_private.work_school_occupations())
              end)
         or school_id in (select app_private.overseen_school_ids())
         or owner_id = (select auth.uid()));
create policy materials_insert on public.materials for insert to authenticated
  with check (owner_id = (select auth.uid()) and withdrawn_at is null
              and cooperation_id in (select app_private.working_cooperation_ids())
              and (scope = 'kooperation' or school_id in (select app_private.school_ids_with_role('admin'))
                   or (school_id, occupation_id) in (select * from app_private.work_school_occupations()))
              and (scope <> 'klasse' or school_id in (select app_private.school_ids_with_role('admin'))
                   or class_id in (select app_private.work_class_ids())));
-- the rows the select policy shows; materials_guard limits withdrawal
create policy materials_update on public.materials for update to authenticated
  using (app_private.material_is_visible(id)) with check (app_private.material_is_visible(id));

-- The children of a material follow it.
alter table public.material_versions enable row level security;
grant select on public.material_versions to authenticated;
grant insert (id, material_id, number, filename, mime, size_bytes, sha256, storage_key, note, created_by)
  on public.material_versions to authenticated;
create policy material_versions_select on public.material_versions for select to authenticated
  using (exists (select 1 from public.materials m where m.id = material_id));
create policy material_versions_insert on public.material_versions for insert to authenticated
  with check (created_by = (select auth.uid())
              and exists (select 1 from public.materials m where m.id = material_id and m.withdrawn_at is null));

alter table public.material_blobs enable row level security;
grant select, insert on public.material_blobs to authenticated;
create policy material_blobs_select on public.material_blobs for select to authenticated
  using (exists (select 1 from public.material_versions v where v.id = version_id));
create policy material_blobs_insert on public.material_blobs for insert to authenticated
  with check (version_id in (select v.id from public.material_versions v
                             where v.created_by = (select auth.uid())));

alter table public.material_learning_fields enable row level security;
grant select, insert, delete on public.material_learning_fields to authenticated;
create policy material_learning_fields_select on public.material_learning_fields for select to authenticated
  using (exists (select 1 from public.materials m where m.id = material_id));
create policy material_learning_fields_insert on public.material_learning_fields for insert to authenticated
  with check (exists (select 1 from public.materials m where m.id = material_id and m.withdrawn_at is null));
create policy material_learning_fields_delete on public.material_learning_fields for delete to authenticated
  using (exists (select 1 from public.materials m where m.id = material_id and m.withdrawn_at is null));

alter table public.material_positions enable row level security;
grant select, insert, delete on public.material_positions to authenticated;
create policy material_positions_select on public.material_positions for select to authenticated
  using (exists (select 1 from public.materials m where m.id = material_id));
create policy material_positions_insert on public.material_positions for insert to authenticated
  with check (exists (select 1 from public.materials m where m.id = material_id and m.withdrawn_at is null));
create policy material_positions_delete on public.material_positions for delete to authenticated
  using (exists (select 1 from public.materials m where m.id = material_id and m.withdrawn_at is null));

alter table public.material_comments enable row level security;
grant select on public.material_comments to authenticated;
grant insert (id, material_id, author_id, body) on public.material_comments to authenticated;
create policy material_comments_select on public.material_comments for select to authenticated
  using (exists (select 1 from public.materials m where m.id = material_id));
create policy material_comments_insert on public.material_comments for insert to authenticated
  with check (author_id = (select auth.uid())
              and exists (select 1 from public.materials m where m.id = material_id and m.withdrawn_at is null));

alter table public.material_events enable row level security;
grant select on public.material_events to authenticated;
create policy material_events_select on public.material_events for select to authenticated
  using (exists (select 1 from public.materials m where m.id = material_id));

alter table public.projects enable row level security;
grant select, insert on public.projects to authenticated;
grant update (title, goal, starts_on, ends_on, status, updated_at, version) on public.projects to authenticated;
create policy projects_select on public.projects for select to authenticated
  using (id in (select app_private.visible_project_ids()));
create policy projects_insert on public.projects for insert to authenticated
  with check (created_by = (select auth.uid())
              and school_id in (select c.school_id from public.cooperations c
                                where c.id in (select app_private.working_cooperation_ids())));
create policy projects_update on public.projects for update to authenticated
  using (id in (select app_private.editable_project_ids()))
  with check (id in (select app_private.editable_project_ids()));

alter table public.project_cooperations enable row level security;
grant select, insert, delete on public.project_cooperations to authenticated;
create policy project_cooperations_select on public.project_cooperations for select to authenticated
  using (project_id in (select app_private.visible_project_ids()));
create policy project_cooperations_insert on public.project_cooperations for insert to authenticated
  with check (project_id in (select app_private.editable_project_ids())
              and cooperation_id in (select app_private.working_cooperation_ids()));
create policy project_cooperations_delete on public.project_cooperations for delete to authenticated
  using (project_id in (select app_private.editable_project_ids())
         and cooperation_id in (select app_private.working_cooperation_ids()));

alter table public.project_learning_fields enable row level security;
grant select, insert, delete on public.project_learning_fields to authenticated;
create policy project_learning_fields_select on public.project_learning_fields for select to authenticated
  using (project_id in (select app_private.visible_project_ids()));
create policy project_learning_fields_insert on public.project_learning_fields for insert to authenticated
  with check (project_id in (select app_private.editable_project_ids()));
create policy project_learning_fields_delete on public.project_learning_fields for delete to authenticated
  using (project_id in (select app_private.editable_project_ids()));

alter table public.project_positions enable row level security;
grant select, insert, delete on public.project_positions to authenticated;
create policy project_positions_select on public.project_positions for select to authenticated
  using (project_id in (select app_private.visible_project_ids()));
create policy project_positions_insert on public.project_positions for insert to authenticated
  with check (project_id in (select app_private.editable_project_ids()));
create policy project_positions_delete on public.project_positions for delete to authenticated
  using (project_id in (select app_private.editable_project_ids()));

-- Participants are personal data: each side sees only the apprentices it may see anyway (apprentices' RLS),
-- and only apprentices of the project's cooperations can be added.
alter table public.project_apprentices enable row level security;
grant select, insert, delete on public.project_apprentices to authenticated;
create policy project_apprentices_select on public.project_apprentices for select to authenticated
  using (project_id in (select app_private.visible_project_ids())
         and apprentice_id in (select a.id from public.apprentices a));
create policy project_apprentices_insert on public.project_apprentices for insert to authenticated
  with check (project_id in (select app_private.editable_project_ids())
              and apprentice_id in (
                select a.id from public.apprentices a
                join public.cooperations c on c.school_id = a.school_id and c.company_id = a.company_id
                join public.project_cooperations pc on pc.cooperation_id = c.id
                where pc.project_id = project_apprentices.project_id));
create policy project_apprentices_delete on public.project_apprentices for delete to authenticated
  using (project_id in (select app_private.editable_project_ids())
         and apprentice_id in (select a.id from public.apprentices a));

alter table public.project_milestones enable row level security;
grant select, insert, delete on public.project_milestones to authenticated;
grant update (title, due_on, done_at) on public.project_milestones to authenticated;
create policy project_milestones_select on public.project_milestones for select to authenticated
  using (project_id in (select app_private.visible_project_ids()));
create policy project_milestones_insert on public.project_milestones for insert to authenticated
  with check (created_by = (select auth.uid()) and project_id in (select app_private.editable_project_ids()));
create policy project_milestones_update on public.project_milestones for update to authenticated
  using (project_id in (select app_private.editable_project_ids()))
  with check (project_id in (select app_private.editable_project_ids()));
create policy project_milestones_delete on public.project_milestones for delete to authenticated
  using (project_id in (select app_private.editable_project_ids()));

alter table public.project_materials enable row level security;
grant select, insert, delete on public.project_materials to authenticated;
create policy project_materials_select on public.project_materials for select to authenticated
  using (project_id in (select app_private.visible_project_ids())
         and exists (select 1 from public.materials m where m.id = material_id));
create policy project_materials_insert on public.project_materials for insert to authenticated
  with check (project_id in (select app_private.editable_project_ids())
              and exists (select 1 from public.materials m where m.id = material_id));
create policy project_materials_delete on public.project_materials for delete to authenticated
  using (project_id in (select app_private.editable_project_ids()));

-- Supabase Storage (only where the storage schema exists, i.e. on a Supabase project): the bucket for material
-- files is private; objects are named "<material_id>/<version_id>". The app reads and writes them with the
-- service key after the database checked the user's right on the version row; a signed-in Supabase user may
-- read an object only when the material is visible to them, and nobody but the service role writes.
do $$
begin
  if exists (select from pg_namespace where nspname = 'storage')
     and to_regclass('storage.objects') is not null then
    insert into storage.buckets (id, name, public, file_size_limit)
    values ('leokop-materials', 'leokop-materials', false, 20971520)
    on conflict (id) do nothing;
    execute $p$
      create policy leokop_materials_read on storage.objects for select to authenticated
      using (bucket_id = 'leokop-materials'
             and exists (select 1 from public.materials m where m.id::text = (storage.foldername(name))[1]))
    $p$;
  end if;
end
$$;

-- Fill the extension point of 014: a material shared in a pair (a new material or a new version of a file) counts
-- as activity of that pair on the leadership page.
create or replace function app_leadership.shared_materials(p_school_ids uuid[], p_from timestamptz, p_to timestamptz)
returns table (school_id uuid, company_id uuid, shared_at timestamptz)
language sql stable set search_path = ''
as $$
  select c.school_id, c.company_id, m.created_at
  from public.materials m
  join public.cooperations c on c.id = m.cooperation_id
  where m.school_id = any (p_school_ids) and m.created_at >= p_from and m.created_at < p_to
  union all
  select c.school_id, c.company_id, v.created_at
  from public.material_versions v
  join public.materials m on m.id = v.material_id
  join public.cooperations c on c.id = m.cooperation_id
  where m.school_id = any (p_school_ids) and v.number > 1 and v.created_at >= p_from and v.created_at < p_to
$$;
