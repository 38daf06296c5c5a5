"""The pair dashboard's view of each apprentice: names and progress figures joined."""

from __future__ import annotations

import pandas as pd


def display_names(apprentices: pd.DataFrame) -> dict:
    """apprentice id -> "Nachname, Vorname" (the way class lists are read in German schools)."""
    return {row["id"]: f"{row['last_name']}, {row['first_name']}" for row in apprentices.to_dict("records")}


def with_names(frame: pd.DataFrame, apprentices: pd.DataFrame) -> pd.DataFrame:
    """The frame with a "name" column for its apprentice_id, sorted by name."""
    if frame.empty:
        return frame.assign(name=pd.Series(dtype=str))
    names = display_names(apprentices)
    return frame.assign(name=frame["apprentice_id"].map(names)).sort_values("name").reset_index(drop=True)
