"""Small helpers for the pandas frames the repositories return."""

from __future__ import annotations

import pandas as pd


def records(frame: pd.DataFrame) -> list[dict]:
    """The rows as dicts, like frame.to_dict("records") but built column by column: five times faster in pandas 3
    (2 ms for a dashboard's 120 Lernfeld rows), and a page run converts several frames."""
    keys = list(frame.columns)
    columns = [frame[key].tolist() for key in keys]
    return [dict(zip(keys, row, strict=True)) for row in zip(*columns, strict=True)]


CAPPED = "leokop_capped_at"  # set by repo._query.fetch_df on a result cut at its row limit


def capped(frame: pd.DataFrame) -> int | None:
    """The row limit a repository result was cut at, or None when it is whole."""
    return frame.attrs.get(CAPPED)
