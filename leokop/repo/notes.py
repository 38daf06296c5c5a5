"""Notes about an apprentice for the other learning place."""

from __future__ import annotations

from uuid import UUID

import pandas as pd

from leokop.db.session import Database
from leokop.repo._query import fetch_df


def notes_of(db: Database, user_id: UUID, apprentice_id: UUID) -> pd.DataFrame:
    with db.user_tx(user_id) as conn:
        return fetch_df(
            conn,
            """
            select n.id, n.place::text as place, n.body, n.created_at, public.user_display_name(n.author_id) as author
            from public.notes n where n.apprentice_id = %s order by n.created_at desc
            """,
            (apprentice_id,),
        )


def add_note(db: Database, user_id: UUID, *, apprentice_id: UUID, place: str, body: str) -> None:
    with db.user_tx(user_id) as conn:
        conn.execute(
            "insert into public.notes (apprentice_id, author_id, place, body) values (%s, %s, %s, %s)",
            (apprentice_id, user_id, place, body),
        )
