"""The inbox: new flags and comments on the user's cooperations since the last visit."""

from __future__ import annotations

from uuid import UUID

import pandas as pd

from leokop.db.session import Database
from leokop.repo._query import fetch_df

# Without a visit yet, the inbox starts this far back.
_FIRST_VISIT_WINDOW = "14 days"

# Both parts start from the user's apprentices (the set the policies allow, repeated as a condition that can use
# the apprentice indexes); by time alone they read every new flag and comment of the state and filtered them.
_ITEMS = f"""
with since as (
  select coalesce((select seen_at from public.inbox_seen where user_id = %(uid)s),
                  app_private.now() - interval '{_FIRST_VISIT_WINDOW}') as at
),
mine as (select app_private.pair_apprentice_ids() as id)
select f.first_seen_at as at, 'flag' as kind, f.apprentice_id, null::uuid as case_id, f.severity::text as severity,
       f.reason as text
from public.risk_flags f
where f.apprentice_id in (select id from mine) and f.cleared_at is null and f.first_seen_at > (select at from since)
union all
select k.created_at, 'comment', c.apprentice_id, c.id, null, k.body
from public.risk_cases c join public.case_comments k on k.case_id = c.id
where c.apprentice_id in (select id from mine) and k.created_at > (select at from since)
  and k.author_id is distinct from %(uid)s
"""


def new_items(db: Database, user_id: UUID) -> pd.DataFrame:
    """What is new for the user (RLS limits it to their pairs and to released data), newest first; with the
    apprentice's id and, for a comment, its case's id (the items link to them)."""
    with db.user_tx(user_id) as conn:
        return fetch_df(conn, f"""
            select i.at, i.kind, a.last_name || ', ' || a.first_name as apprentice, i.severity, i.text,
                   i.apprentice_id, i.case_id
            from ({_ITEMS}) i join public.apprentices a on a.id = i.apprentice_id
            order by i.at desc""", {"uid": user_id})


def count_new(db: Database, user_id: UUID) -> int:
    with db.user_tx(user_id) as conn:
        return conn.execute(f"select count(*) as n from ({_ITEMS}) i", {"uid": user_id}).fetchone()["n"]


def mark_seen(db: Database, user_id: UUID) -> None:
    with db.user_tx(user_id) as conn:
        conn.execute("insert into public.inbox_seen (user_id, seen_at) values (%s, app_private.now())"
                     " on conflict (user_id) do update set seen_at = app_private.now()", (user_id,))
