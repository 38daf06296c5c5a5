"""SQL that only the benchmark runs: the owner's explicit-filter variant of "my cooperations", the naive whole-table
reads and the state-wide totals. The app's own SQL stays in leokop/repo/; the benchmark calls the repo functions
for everything the pages run."""

# The pairs a user works in, filtered explicitly from the memberships: what a database without RLS would need.
OWNER_MY_COOPERATIONS = """
    with mine as (select * from public.memberships m where m.user_id = %(user)s and m.active),
    pairs as (
      select c.id from public.cooperations c join mine m
        on m.role = 'ausbilder' and m.company_id = c.company_id and m.school_id = c.school_id
      union select m.cooperation_id from mine m where m.cooperation_id is not null
      union select c.id from public.apprentices a join mine m on m.class_id = a.class_id
        join public.cooperations c on c.school_id = a.school_id and c.company_id = a.company_id
    )
    select c.id, s.name as school, s.city as school_city, co.name as company, co.city as company_city,
           c.since, count(a.id) filter (where a.status = 'aktiv') as apprentices
    from public.cooperations c
    join public.schools s on s.id = c.school_id
    join public.companies co on co.id = c.company_id
    left join public.apprentices a on a.school_id = c.school_id and a.company_id = c.company_id
    where c.active and c.id in (select id from pairs)
    group by c.id, s.name, s.city, co.name, co.city
    having count(a.id) > 0
    order by s.name, co.name
"""

NAIVE_TABLES = ("cooperations", "apprentices", "lf_results", "record_weeks", "absences")

