-- Aggregates for school leadership (and the school's admin). Only counts leave the function; any group of
-- fewer than 5 apprentices comes back as NULL, which the UI shows as "< 5".

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
    select a.school_id, a.occupation_id, a.class_id, c.school_year
    from public.apprentices a
    join public.classes c on c.id = a.class_id
    where a.status = 'aktiv' and a.school_id in (select id from my_schools)
  ),
  groups as (
    select school_id, 'gesamt' as dimension, 'Alle' as label, count(*) as n from active group by school_id
    union all
    select a.school_id, 'beruf', o.name, count(*)
    from active a join public.occupations o on o.id = a.occupation_id group by a.school_id, o.name
    union all
    select school_id, 'ausbildungsjahr', school_year || '. Ausbildungsjahr', count(*)
    from active group by school_id, school_year
    union all
    select a.school_id, 'klasse', c.name, count(*)
    from active a join public.classes c on c.id = a.class_id group by a.school_id, c.name
  ),
  structure as (
    select s.id as school_id, 'struktur' as dimension, 'Klassen' as label,
           (select count(*) from public.classes c where c.school_id = s.id) as n
    from public.schools s where s.id in (select id from my_schools)
    union all
    select s.id, 'struktur', 'Kooperationen',
           (select count(*) from public.cooperations c where c.school_id = s.id and c.active)
    from public.schools s where s.id in (select id from my_schools)
  )
  select g.school_id, s.name, g.dimension, g.label,
         case when g.dimension = 'struktur' or g.n >= 5 then g.n::int end
  from (select * from groups union all select * from structure) g
  join public.schools s on s.id = g.school_id
  order by s.name, g.dimension, g.label
$$;

revoke all on function public.school_overview() from public;
grant execute on function public.school_overview() to authenticated;
