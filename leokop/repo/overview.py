"""School-wide counts for leadership, from the security definer function with small-group suppression."""

from __future__ import annotations

from uuid import UUID

import pandas as pd

from leokop.db.session import Database
from leokop.repo._query import fetch_df


def school_overview(db: Database, user_id: UUID) -> pd.DataFrame:
    with db.user_tx(user_id) as conn:
        return fetch_df(conn, "select * from public.school_overview()")
