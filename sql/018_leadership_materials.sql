-- Fill the extension point of 014: a material shared in a pair (a new material or a new version of a file) counts
-- as activity of that pair on the leadership page. Materials exist since 015.
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
