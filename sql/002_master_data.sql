-- Master data: schools, companies, occupations with their curricula, classes and cooperation pairs.

create table public.schools (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(btrim(name)) > 0),
  school_number text not null unique,
  city text not null,
  state text not null default 'Hessen',
  created_at timestamptz not null default now()
);

create table public.companies (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(btrim(name)) > 0),
  city text not null,
  chamber text not null check (chamber in ('IHK', 'HWK', 'sonstige')),
  sector text,
  created_at timestamptz not null default now()
);

-- Ausbildungsberufe with their KMK Rahmenlehrplan (Lernfelder) and Ausbildungsrahmenplan (Berufsbildpositionen).
create table public.occupations (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  regulation text not null,
  duration_months int not null check (duration_months between 24 and 42)
);

create table public.learning_fields (
  id uuid primary key default gen_random_uuid(),
  occupation_id uuid not null references public.occupations on delete cascade,
  code text not null,
  title text not null,
  hours int check (hours > 0),
  school_year int not null check (school_year between 1 and 4),
  track text,
  sort_order int not null,
  unique (occupation_id, code)
);

create table public.training_positions (
  id uuid primary key default gen_random_uuid(),
  occupation_id uuid not null references public.occupations on delete cascade,
  number text not null,
  title text not null,
  section text not null,
  sort_order int not null,
  unique (occupation_id, number)
);

create table public.classes (
  id uuid primary key default gen_random_uuid(),
  school_id uuid not null references public.schools,
  occupation_id uuid not null references public.occupations,
  name text not null check (length(btrim(name)) > 0),
  -- the year the class began; its Ausbildungsjahr follows from public.school_year_start()
  start_year int not null check (start_year between 2000 and 2100),
  schedule public.class_schedule not null,
  created_at timestamptz not null default now(),
  unique (school_id, name, start_year),
  -- targets of the composite foreign keys that keep apprentices and memberships consistent
  unique (id, school_id),
  unique (id, school_id, occupation_id)
);
create index classes_occupation_id_idx on public.classes (occupation_id);

-- A cooperation pair (Lernortkooperation): one school and one company that share apprentices.
create table public.cooperations (
  id uuid primary key default gen_random_uuid(),
  school_id uuid not null references public.schools,
  company_id uuid not null references public.companies,
  since date not null default current_date,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  unique (school_id, company_id),
  unique (id, school_id)
);
create index cooperations_company_id_idx on public.cooperations (company_id);
