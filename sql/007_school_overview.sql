-- Aggregates for school leadership (and the school's admin). Only counts leave the function; any group of
-- fewer than 5 apprentices comes back as NULL, which the UI shows as "< 5". Where a dimension would hide
-- exactly one group, the next smallest group is hidden too, so that no hidden count can be worked out as
-- the total minus the shown ones (secondary suppression).

create function public.school_overview()
returns table (school_id uuid, school_name text, dimension text, label text, apprentices int)
language sql stable security definer set search_path = ''
as $$
  with my_schools as (
    select app_private.school_ids_with_role('schulleitung') as id
    union
    select app_private.school_ids_with_role('admin')
  ),
  active as (
    select a.school_id, a.occupation_id, a.class_id,
           public.school_year_start() - k.start_year + 1 as training_year
    from public.apprentices a
    join public.classes k on k.id = a.class_id
    where a.status = 'aktiv' and a.school_id in (select id from my_schools)
  ),
  groups as (
    select school_id, 'gesamt' as dimension, 'Alle' as label, count(*) as n
    from active group by school_id
    union all
    select a.school_id, 'beruf', o.name, count(*)
    from active a join public.occupations o on o.id = a.occupation_id group by a.school_id, o.id, o.name
    union all
    select school_id, 'ausbildungsjahr', training_year || '. Ausbildungsjahr', count(*)
    from active group by school_id, training_year
    union all
    select a.school_id, 'klasse', k.name, count(*)
    from active a join public.classes k on k.id = a.class_id group by a.school_id, k.id, k.name
  ),
  ranked as (
    select g.*,
           count(*) filter (where g.n < 5) over (partition by g.school_id, g.dimension) as hidden,
           row_number() over (partition by g.school_id, g.dimension
                              order by (g.n < 5) desc, g.n, g.label) as rank_small
    from groups g
  ),
  structure as (
    select s.id as school_id, 'struktur' as dimension, x.label, x.n
    from public.schools s
    cross join lateral (
      select 'Klassen' as label, (select count(*) from public.classes c where c.school_id = s.id) as n
      union all
      select 'Kooperationen', (select count(*) from public.cooperations c where c.school_id = s.id and c.active)
    ) x
    where s.id in (select id from my_schools)
  )
  select r.school_id, s.name, r.dimension, r.label,
         case when r.n < 5 or (r.hidden = 1 and r.rank_small = 2) then null else r.n::int end
  from ranked r join public.schools s on s.id = r.school_id
  union all
  select x.school_id, s.name, x.dimension, x.label, x.n::int
  from structure x join public.schools s on s.id = x.school_id
  order by 2, 3, 4
$$;

revoke all on function public.school_overview() from public;
grant execute on function public.school_overview() to authenticated;
