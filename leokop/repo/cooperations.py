"""Cooperation pairs and the apprentices they share."""

from __future__ import annotations

from uuid import UUID

import pandas as pd

from leokop.db.session import Database
from leokop.repo._query import fetch_df

# The active pairs among those {pairs} selects, with their apprentices (the active ones counted). The benchmark runs
# it with the owner's explicit filter instead of the set RLS allows (scale/bench_sql.py).
COOPERATIONS_AMONG = """
    select c.id, s.name as school, s.city as school_city, co.name as company, co.city as company_city,
           c.since, count(a.id) filter (where a.status = 'aktiv') as apprentices
    from public.cooperations c
    join public.schools s on s.id = c.school_id
    join public.companies co on co.id = c.company_id
    left join public.apprentices a on a.school_id = c.school_id and a.company_id = c.company_id
    where c.active and c.id in ({pairs})
    group by c.id, s.name, s.city, co.name, co.city
    having count(a.id) > 0
    order by s.name, co.name
"""


def my_cooperations(db: Database, user_id: UUID) -> pd.DataFrame:
    """The pairs the user works in, with the number of active apprentices the user can see in each."""
    with db.user_tx(user_id) as conn:
        # the set RLS allows, repeated as a condition that starts the plan (the policy alone only filters)
        return fetch_df(conn, COOPERATIONS_AMONG.format(pairs="select app_private.visible_cooperation_ids()"))


def cooperation_apprentices(db: Database, user_id: UUID, cooperation_id: UUID) -> pd.DataFrame:
    """The apprentices of one pair that the user may see (RLS decides), newest contracts last."""
    with db.user_tx(user_id) as conn:
        return fetch_df(
            conn,
            """
            select a.id, a.last_name, a.first_name, a.class_id, k.name as class_name, o.name as occupation, a.track,
                   public.school_year_start() - k.start_year + 1 as school_year,
                   a.contract_start, a.probation_end, a.contract_end, a.status::text as status,
                   s.state as school_state
            from public.cooperations c
            join public.schools s on s.id = c.school_id
            join public.apprentices a on a.school_id = c.school_id and a.company_id = c.company_id
            join public.classes k on k.id = a.class_id
            join public.occupations o on o.id = a.occupation_id
            where c.id = %s
            order by k.name, a.last_name, a.first_name
            """,
            (cooperation_id,),
        )


def my_apprentices(db: Database, user_id: UUID) -> pd.DataFrame:
    """Every apprentice of the user's pairs (the set RLS allows, also as the plan's start), with class and pair, by
    name: what the apprentice page's search offers. Anonymised ones have no name left to find."""
    with db.user_tx(user_id) as conn:
        return fetch_df(conn, """
            select a.id, a.last_name, a.first_name, k.name as class_name, s.name as school, co.name as company
            from public.apprentices a
            join public.classes k on k.id = a.class_id
            join public.schools s on s.id = a.school_id
            join public.companies co on co.id = a.company_id
            where a.id in (select app_private.pair_apprentice_ids()) and a.anonymised_at is null
            order by a.last_name, a.first_name, k.name""")


def apprentice(db: Database, user_id: UUID, apprentice_id: UUID) -> dict | None:
    """One apprentice with class, occupation, school and company; None when not visible to the user."""
    with db.user_tx(user_id) as conn:
        return conn.execute(
            """
            select a.*, k.name as class_name, o.name as occupation, s.name as school, co.name as company,
                   public.school_year_start() - k.start_year + 1 as training_year
            from public.apprentices a
            join public.classes k on k.id = a.class_id
            join public.occupations o on o.id = a.occupation_id
            join public.schools s on s.id = a.school_id
            join public.companies co on co.id = a.company_id
            where a.id = %s
            """,
            (apprentice_id,),
        ).fetchone()


def side_of(db: Database, user_id: UUID, apprentice_id: UUID) -> str | None:
    """The learning place the user speaks for with this apprentice: "schule", "betrieb" or None."""
    with db.user_tx(user_id) as conn:
        return conn.execute(
            """
            select case
              when %(a)s in (select app_private.school_side_apprentice_ids()) then 'schule'
              when %(a)s in (select app_private.company_side_apprentice_ids()) then 'betrieb'
            end as side
            """,
            {"a": apprentice_id},
        ).fetchone()["side"]
