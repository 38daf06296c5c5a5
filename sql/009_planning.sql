-- Planning: school blocks per class, company phases (Ausbildungsabschnitte) per apprentice, chamber exams
-- per class, joint dates per cooperation, and the school holidays (reference data, per state).

create type public.exam_kind as enum ('zwischenpruefung', 'abschluss_teil1', 'abschluss_teil2');

create table public.school_blocks (
  id uuid primary key default gen_random_uuid(),
  class_id uuid not null references public.classes on delete cascade,
  starts_on date not null,
  ends_on date not null,
  note text check (note is null or length(note) <= 500),
  created_by uuid references public.app_users on delete set null,
  created_at timestamptz not null default now(),
  version int not null default 1,
  check (ends_on >= starts_on and ends_on - starts_on <= 84)
);
create index school_blocks_class_idx on public.school_blocks (class_id, starts_on);

create table public.company_phases (
  id uuid primary key default gen_random_uuid(),
  apprentice_id uuid not null references public.apprentices on delete cascade,
  title text not null check (length(btrim(title)) between 1 and 200),
  department text check (department is null or length(department) <= 200),
  starts_on date not null,
  ends_on date not null,
  created_by uuid references public.app_users on delete set null,
  created_at timestamptz not null default now(),
  version int not null default 1,
  check (ends_on >= starts_on)
);
create index company_phases_apprentice_idx on public.company_phases (apprentice_id, starts_on);

create table public.exams (
  id uuid primary key default gen_random_uuid(),
  class_id uuid not null references public.classes on delete cascade,
  kind public.exam_kind not null,
  starts_on date not null,
  ends_on date not null,
  check (ends_on >= starts_on),
  unique (class_id, kind)
);

create table public.joint_dates (
  id uuid primary key default gen_random_uuid(),
  cooperation_id uuid not null references public.cooperations on delete cascade,
  title text not null check (length(btrim(title)) between 1 and 200),
  on_date date not null,
  created_by uuid references public.app_users on delete set null,
  created_at timestamptz not null default now()
);
create index joint_dates_cooperation_idx on public.joint_dates (cooperation_id, on_date);

create table public.school_holidays (
  id uuid primary key default gen_random_uuid(),
  state text not null,
  name text not null,
  starts_on date not null,
  ends_on date not null,
  check (ends_on >= starts_on),
  unique (state, starts_on)
);

-- Hessen, first and last day (MISSION.md).
insert into public.school_holidays (state, name, starts_on, ends_on) values
  ('Hessen', 'Herbstferien', '2025-10-06', '2025-10-18'),
  ('Hessen', 'Weihnachtsferien', '2025-12-22', '2026-01-10'),
  ('Hessen', 'Osterferien', '2026-03-30', '2026-04-10'),
  ('Hessen', 'Sommerferien', '2026-06-29', '2026-08-07'),
  ('Hessen', 'Herbstferien', '2026-10-05', '2026-10-17'),
  ('Hessen', 'Weihnachtsferien', '2026-12-23', '2027-01-12'),
  ('Hessen', 'Osterferien', '2027-03-22', '2027-04-02'),
  ('Hessen', 'Sommerferien', '2027-06-28', '2027-08-06');
