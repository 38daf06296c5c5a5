"""The trainer's ratings of the Berufsbildpositionen."""

from __future__ import annotations

from uuid import UUID

import pandas as pd

from leokop.db.session import Database
from leokop.repo._query import expect_one, fetch_df


def positions_of(db: Database, user_id: UUID, apprentice_id: UUID) -> pd.DataFrame:
    """Every Berufsbildposition of the apprentice's occupation with its current rating, if any."""
    with db.user_tx(user_id) as conn:
        return fetch_df(
            conn,
            """
            select tp.id as training_position_id, tp.number, tp.title, tp.section, p.id, p.level, p.comment,
                   p.version, p.updated_at, public.user_display_name(p.updated_by) as updated_by
            from public.apprentices a
            join public.training_positions tp on tp.occupation_id = a.occupation_id
            left join public.position_ratings p on p.apprentice_id = a.id and p.training_position_id = tp.id
            where a.id = %s order by tp.sort_order
            """,
            (apprentice_id,),
        )


def rate_position(db: Database, user_id: UUID, *, apprentice_id: UUID, training_position_id: UUID, level: int,
                  comment: str | None, version: int | None) -> int:
    params = {"a": apprentice_id, "tp": training_position_id, "level": level, "comment": comment, "by": user_id,
              "version": version}
    with db.user_tx(user_id) as conn:
        if version is None:
            cur = conn.execute(
                """
                insert into public.position_ratings (apprentice_id, training_position_id, level, comment, updated_by)
                values (%(a)s, %(tp)s, %(level)s, %(comment)s, %(by)s)
                on conflict (apprentice_id, training_position_id) do nothing returning version
                """,
                params,
            )
        else:
            cur = conn.execute(
                """
                update public.position_ratings
                set level = %(level)s, comment = %(comment)s, updated_by = %(by)s, updated_at = now(),
                    version = version + 1
                where apprentice_id = %(a)s and training_position_id = %(tp)s and version = %(version)s
                returning version
                """,
                params,
            )
        return expect_one(cur)["version"]
