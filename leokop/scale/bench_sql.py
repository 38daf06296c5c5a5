"""SQL that only the benchmark runs: the owner's explicit-filter variant of "my cooperations", the naive whole-table
reads and the state-wide totals. The app's own SQL stays in leokop/repo/; the benchmark calls the repo functions
for everything the pages run."""

from leokop.repo.cooperations import COOPERATIONS_AMONG

# The pairs a user works in, filtered explicitly from the memberships (what a database without RLS would need), then
# read as the app reads them.
OWNER_MY_COOPERATIONS = """
    with mine as (select * from public.memberships m where m.user_id = %(user)s and m.active),
    pairs as (
      select c.id from public.cooperations c join mine m
        on m.role = 'ausbilder' and m.company_id = c.company_id and m.school_id = c.school_id
      union select m.cooperation_id from mine m where m.cooperation_id is not null
      union select c.id from public.apprentices a join mine m on m.class_id = a.class_id
        join public.cooperations c on c.school_id = a.school_id and c.company_id = a.company_id
    )
""" + COOPERATIONS_AMONG.format(pairs="select id from pairs")

NAIVE_TABLES = ("cooperations", "apprentices", "lf_results", "record_weeks", "absences")

