"""Shared widgets: German-formatted tables and figures."""

from __future__ import annotations

from uuid import UUID

import pandas as pd
import streamlit as st

from leokop.db.session import Database
from leokop.frames import records
from leokop.services.accounts import Scope
from leokop.ui import texts, user_cache
from leokop.ui.formats import german_date


def apprentice_table(apprentices: pd.DataFrame) -> None:
    """The apprentices of a pair, with German headers and dates."""
    if apprentices.empty:
        return
    table = apprentices[list(texts.COOP_COLUMNS)].copy()
    table["status"] = table["status"].map(texts.STATUS_LABELS)
    for column in ("contract_start", "probation_end", "contract_end"):
        table[column] = table[column].map(german_date)
    st.dataframe(table.rename(columns=texts.COOP_COLUMNS), hide_index=True, width="stretch")


def admin_table(frame: pd.DataFrame, columns: list[str]) -> None:
    table = frame[columns].copy()
    if "role" in table:
        table["role"] = table["role"].map(texts.ROLE_LABELS)
    st.dataframe(table.rename(columns=texts.ADMIN_COLUMNS), hide_index=True, width="stretch")


def label_from(frame: pd.DataFrame, key: str, parts: list[str]):
    """A format_func for selectboxes over a frame's ids: 'part1 · part2 ...'."""
    def part(row: dict, name: str) -> str:
        return texts.ROLE_LABELS[row[name]] if name == "role" else str(row[name])

    labels = {row[key]: " · ".join(part(row, p) for p in parts) for row in records(frame)}
    return lambda value: labels.get(value, str(value))


def scope_select(options: dict[str, pd.DataFrame], kinds: tuple[str, ...], key: str) -> Scope | None:
    """Choose what a membership is for, among the scope kinds a role allows."""
    choices = [
        (Scope(kind, row["school_id"], row["id"]), f"{texts.SCOPE_KIND_LABELS[kind]}: {row['label']}")
        for kind in kinds
        for row in records(options[kind])
    ]
    index = st.selectbox(texts.FIELD_SCOPE, list(range(len(choices))), key=key,
                         format_func=lambda i: choices[i][1], index=0 if choices else None,
                         placeholder=texts.PLACEHOLDER_CHOOSE)
    return None if index is None else choices[index][0]


COOP_KEY = "leokop_cooperation"
APPRENTICE_KEY = "leokop_apprentice"


def chosen_cooperation(db: Database, user_id: UUID) -> UUID:
    """The pair a cooperation page shows: the user's choice among their pairs; without any pair the page says so
    in German and stops."""
    pairs = user_cache.my_cooperations(db, user_id)
    if pairs.empty:
        st.info(texts.COOP_NONE)
        st.stop()
    return cooperation_select(pairs)


def cooperation_select(pairs: pd.DataFrame):
    """Choose one of "Meine Kooperationen"; the choice is kept for the session (and the apprentice page)."""
    labels = {row["id"]: f"{row['school']} ↔ {row['company']}" for row in records(pairs)}
    ids = list(labels)
    current = st.session_state.get(COOP_KEY)
    choice = st.selectbox(texts.CHOOSE_COOPERATION, ids, format_func=labels.get,
                          index=ids.index(current) if current in ids else 0, placeholder=texts.PLACEHOLDER_CHOOSE)
    st.session_state[COOP_KEY] = choice
    return choice


def apprentice_opener(apprentices: pd.DataFrame, names: dict) -> None:
    """Pick an apprentice and open their page."""
    if apprentices.empty:
        return
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    ids = sorted(names, key=names.get)
    choice = left.selectbox(texts.CHOOSE_APPRENTICE, ids, format_func=names.get, key="open-apprentice",
                            placeholder=texts.PLACEHOLDER_CHOOSE)
    if right.button(texts.OPEN_APPRENTICE, icon=":material/person_search:"):
        st.session_state[APPRENTICE_KEY] = choice
        st.switch_page("pages/azubi_page.py")


def optional_bool(value) -> bool | None:
    """True/False, or None for a missing value (pandas gives NaN or None)."""
    return None if value is None or pd.isna(value) else bool(value)
