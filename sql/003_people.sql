-- Users, credentials, memberships (role + scope) and apprentices.

create table public.app_users (
  id uuid primary key default gen_random_uuid(),
  username text not null check (username ~ '^[a-z0-9._-]{3,40}$'),
  display_name text not null check (length(btrim(display_name)) > 0),
  email text check (email is null or email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  active boolean not null default true,
  -- the admin who created the account: only they may give it its first membership
  created_by uuid references public.app_users on delete set null default auth.uid(),
  created_at timestamptz not null default now()
);
create unique index app_users_username_key on public.app_users (username);
create index app_users_created_by_idx on public.app_users (created_by);

-- Kept apart from app_users so that no policy on users can ever expose a hash: this table has RLS and no
-- policy at all; only security definer functions read or write it.
create table public.user_credentials (
  user_id uuid primary key references public.app_users on delete cascade,
  password_hash text not null check (password_hash ~ '^\$2[aby]\$\d\d\$.{53}$'),
  failed_attempts int not null default 0 check (failed_attempts >= 0),
  locked_until timestamptz,
  password_changed_at timestamptz not null default now()
);

-- A role of a user, scoped to a school (schulleitung, admin), a class or a cooperation (lehrkraft), or a
-- company or a cooperation (ausbilder). school_id is always the school that administers the membership.
create table public.memberships (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.app_users on delete cascade,
  role public.app_role not null,
  school_id uuid not null references public.schools,
  class_id uuid,
  company_id uuid references public.companies,
  cooperation_id uuid,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  foreign key (class_id, school_id) references public.classes (id, school_id),
  foreign key (cooperation_id, school_id) references public.cooperations (id, school_id),
  -- a school may only grant trainer access for companies it cooperates with
  foreign key (school_id, company_id) references public.cooperations (school_id, company_id),
  constraint memberships_unique unique nulls not distinct
    (user_id, role, school_id, class_id, company_id, cooperation_id),
  constraint memberships_scope_check check (
    case role
      when 'schulleitung' then num_nonnulls(class_id, company_id, cooperation_id) = 0
      when 'admin' then num_nonnulls(class_id, company_id, cooperation_id) = 0
      when 'lehrkraft' then company_id is null and num_nonnulls(class_id, cooperation_id) = 1
      when 'ausbilder' then class_id is null and num_nonnulls(company_id, cooperation_id) = 1
    end
  )
);
create index memberships_school_id_idx on public.memberships (school_id);
create index memberships_class_id_idx on public.memberships (class_id);
create index memberships_company_id_idx on public.memberships (company_id);
create index memberships_cooperation_id_idx on public.memberships (cooperation_id);

create table public.apprentices (
  id uuid primary key default gen_random_uuid(),
  first_name text not null check (length(btrim(first_name)) > 0),
  last_name text not null check (length(btrim(last_name)) > 0),
  birth_date date not null,
  school_id uuid not null references public.schools,
  class_id uuid not null,
  company_id uuid not null references public.companies,
  occupation_id uuid not null references public.occupations,
  track text,
  contract_start date not null,
  contract_end date not null,
  probation_end date not null,
  status public.apprentice_status not null default 'aktiv',
  dissolved_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (class_id, school_id, occupation_id) references public.classes (id, school_id, occupation_id),
  foreign key (school_id, company_id) references public.cooperations (school_id, company_id),
  check (contract_end > contract_start),
  -- Probezeit: at least one, at most four months (§ 20 BBiG)
  check (probation_end >= (contract_start + interval '1 month' - interval '1 day')::date
         and probation_end <= (contract_start + interval '4 months')::date),
  check ((status = 'geloest') = (dissolved_on is not null)),
  check (dissolved_on is null or dissolved_on >= contract_start)
);
create index apprentices_class_id_idx on public.apprentices (class_id);
create index apprentices_company_id_idx on public.apprentices (company_id);
create index apprentices_school_company_idx on public.apprentices (school_id, company_id);

create function public.touch_updated_at()
returns trigger
language plpgsql
as $$
begin
  new.updated_at = now();
  return new;
end
$$;
revoke all on function public.touch_updated_at() from public;

create trigger apprentices_touch_updated_at before update on public.apprentices
  for each row execute function public.touch_updated_at();
