-- Learning progress of each apprentice at both learning places, and the release settings that decide what
-- the company side may see of the school's data.
--
-- Every editable row carries a version: a save names the version it started from, and a save against a
-- newer version is refused (two people editing at once never overwrite each other silently).

create type public.lf_status as enum ('nicht_begonnen', 'laufend', 'abgeschlossen');
create type public.record_week_status as enum ('eingereicht', 'unterschrieben', 'zurueckgegeben');
create type public.excuse_state as enum ('keiner', 'vorgeschlagen', 'angenommen', 'abgelehnt');
create type public.learning_place as enum ('schule', 'betrieb');

-- What companies see of school data: decided per school, overridable per apprentice (null = school default).
create table public.release_settings (
  school_id uuid primary key references public.schools on delete cascade,
  share_grades boolean not null default true,
  share_absences boolean not null default true,
  share_teacher_notes boolean not null default true,
  updated_at timestamptz not null default now(),
  updated_by uuid references public.app_users on delete set null
);

create table public.release_overrides (
  apprentice_id uuid primary key references public.apprentices on delete cascade,
  share_grades boolean,
  share_absences boolean,
  share_teacher_notes boolean,
  updated_at timestamptz not null default now(),
  updated_by uuid references public.app_users on delete set null
);

-- Lernfeld status and current grade (1 best .. 6), one row per apprentice and Lernfeld.
create table public.lf_results (
  id uuid primary key default gen_random_uuid(),
  apprentice_id uuid not null references public.apprentices on delete cascade,
  learning_field_id uuid not null references public.learning_fields,
  status public.lf_status not null default 'laufend',
  grade smallint check (grade between 1 and 6),
  graded_on date,
  version int not null default 1,
  updated_at timestamptz not null default now(),
  updated_by uuid references public.app_users on delete set null,
  unique (apprentice_id, learning_field_id),
  check ((grade is null) = (graded_on is null))
);

-- Every grade ever given, for trends (the risk rule compares half-years) and the apprentice timeline.
create table public.lf_grade_history (
  id bigint generated always as identity primary key,
  apprentice_id uuid not null references public.apprentices on delete cascade,
  learning_field_id uuid not null references public.learning_fields,
  grade smallint not null check (grade between 1 and 6),
  graded_on date not null,
  recorded_by uuid references public.app_users on delete set null,
  recorded_at timestamptz not null default now()
);
create index lf_grade_history_apprentice_idx on public.lf_grade_history (apprentice_id, graded_on);

create function app_private.record_grade_history()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.grade is not null and (tg_op = 'INSERT' or new.grade is distinct from old.grade
                                or new.graded_on is distinct from old.graded_on) then
    insert into public.lf_grade_history (apprentice_id, learning_field_id, grade, graded_on, recorded_by)
    values (new.apprentice_id, new.learning_field_id, new.grade, new.graded_on, new.updated_by);
  end if;
  return new;
end
$$;
create trigger lf_results_history after insert or update on public.lf_results
  for each row execute function app_private.record_grade_history();

-- The trainer's rating of a Berufsbildposition: 0 nicht begonnen .. 4 sicher beherrscht.
create table public.position_ratings (
  id uuid primary key default gen_random_uuid(),
  apprentice_id uuid not null references public.apprentices on delete cascade,
  training_position_id uuid not null references public.training_positions,
  level smallint not null check (level between 0 and 4),
  comment text check (comment is null or length(comment) <= 2000),
  version int not null default 1,
  updated_at timestamptz not null default now(),
  updated_by uuid references public.app_users on delete set null,
  unique (apprentice_id, training_position_id)
);

-- Berichtsheft (Ausbildungsnachweis): one row per week the apprentice handed in; weeks without a row are
-- missing. The trainer signs it or sends it back with a comment.
create table public.record_weeks (
  id uuid primary key default gen_random_uuid(),
  apprentice_id uuid not null references public.apprentices on delete cascade,
  week_start date not null check (extract(isodow from week_start) = 1),
  status public.record_week_status not null default 'eingereicht',
  submitted_at timestamptz not null default now(),
  trainer_comment text check (trainer_comment is null or length(trainer_comment) <= 2000),
  decided_at timestamptz,
  decided_by uuid references public.app_users on delete set null,
  version int not null default 1,
  unique (apprentice_id, week_start),
  check (status <> 'zurueckgegeben' or length(btrim(coalesce(trainer_comment, ''))) > 0)
);

-- School absences (Fehlzeiten) in lessons; the company may propose "entschuldigt", the teacher decides.
create table public.absences (
  id uuid primary key default gen_random_uuid(),
  apprentice_id uuid not null references public.apprentices on delete cascade,
  absence_date date not null,
  lessons smallint not null check (lessons between 1 and 12),
  excused boolean not null default false,
  excuse_state public.excuse_state not null default 'keiner',
  excuse_comment text check (excuse_comment is null or length(excuse_comment) <= 2000),
  proposed_by uuid references public.app_users on delete set null,
  proposed_at timestamptz,
  recorded_by uuid references public.app_users on delete set null,
  recorded_at timestamptz not null default now(),
  version int not null default 1,
  unique (apprentice_id, absence_date)
);

-- Notes about an apprentice for the other learning place; visible to the pair only.
create table public.notes (
  id uuid primary key default gen_random_uuid(),
  apprentice_id uuid not null references public.apprentices on delete cascade,
  author_id uuid references public.app_users on delete set null,
  place public.learning_place not null,
  body text not null check (length(btrim(body)) between 1 and 4000),
  created_at timestamptz not null default now()
);

create index lf_results_apprentice_idx on public.lf_results (apprentice_id);
create index position_ratings_apprentice_idx on public.position_ratings (apprentice_id);
create index absences_apprentice_date_idx on public.absences (apprentice_id, absence_date);
create index notes_apprentice_idx on public.notes (apprentice_id, created_at);
