"""Shared widgets: German-formatted tables and figures."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import Any
from uuid import UUID

import pandas as pd
import streamlit as st

from leokop import texts
from leokop.db.session import Database
from leokop.formats import german_date
from leokop.frames import capped, records
from leokop.repo.imports import admin_schools
from leokop.services.accounts import Scope
from leokop.services.addresses import PAIR_PARAM, apprentice_params
from leokop.ui import addresses, user_cache


def apprentice_table(apprentices: pd.DataFrame) -> None:
    """The apprentices of a pair, with German headers and dates."""
    if apprentices.empty:
        return
    table = apprentices[list(texts.COOP_COLUMNS)].copy()
    table["status"] = table["status"].map(texts.STATUS_LABELS)
    for column in ("contract_start", "probation_end", "contract_end"):
        table[column] = table[column].map(german_date)
    st.dataframe(table.rename(columns=texts.COOP_COLUMNS), hide_index=True, width="stretch")


def say_if_capped(frame: pd.DataFrame) -> None:
    """The German note that a list shows only its first rows (a repository result cut at its limit)."""
    limit = capped(frame)
    if limit is not None:
        st.warning(texts.ROWS_CAPPED.format(n=f"{limit:,}".replace(",", ".")), icon=":material/filter_list:")


def admin_table(frame: pd.DataFrame, columns: list[str]) -> None:
    say_if_capped(frame)
    table = frame[columns].copy()
    if "role" in table:
        table["role"] = table["role"].map(texts.ROLE_LABELS)
    st.dataframe(table.rename(columns=texts.ADMIN_COLUMNS), hide_index=True, width="stretch")


def role_select(key: str) -> str:
    """The role of a new user, invitation or membership, chosen above its form: the form's scope fields follow the
    role."""
    return st.selectbox(texts.FIELD_ROLE, list(texts.ROLE_LABELS), format_func=texts.ROLE_LABELS.get, key=key,
                        placeholder=texts.PLACEHOLDER_CHOOSE)


def label_from(frame: pd.DataFrame, key: str, parts: list[str]):
    """A format_func for selectboxes over a frame's ids: 'part1 · part2 ...'."""
    def part(row: dict, name: str) -> str:
        return texts.ROLE_LABELS[row[name]] if name == "role" else str(row[name])

    labels = {row[key]: " · ".join(part(row, p) for p in parts) for row in records(frame)}
    return lambda value: labels.get(value, str(value))


def scope_select(options: dict[str, pd.DataFrame], kinds: tuple[str, ...], key: str) -> Scope | None:
    """Choose what a membership is for, among the scope kinds a role allows (the choices change with the role: a
    choice that is no longer offered falls back to the first)."""
    choices = {
        Scope(kind, row["school_id"], row["id"]): f"{texts.SCOPE_KIND_LABELS[kind]}: {row['label']}"
        for kind in kinds
        for row in records(options[kind])
    }
    return record_select(texts.FIELD_SCOPE, choices, key)


def unique_labels(options: Mapping[Any, Any]) -> dict[Any, str]:
    """{value: label} with labels that tell the records apart: a repeated label gets " (2)", " (3)" ... (Streamlit
    sends a choice back as its label, so two equal labels would make the second record impossible to choose)."""
    used: set[str] = set()
    out: dict[Any, str] = {}
    for value, label in options.items():
        label = str(label)
        shown, n = label, 1
        while shown in used:
            n += 1
            shown = f"{label} ({n})"
        used.add(shown)
        out[value] = shown
    return out


_LAST_SUFFIX = "~chosen"  # record_select's last choice that named a record


def _remember_choice(key: str, remember: str | None, then: Callable[[], None] | None) -> None:
    """on_change of a record_select with `remember` or `on_change`: the user's choice, before the script runs
    again."""
    if remember:
        st.session_state[remember] = st.session_state.get(key)
    if then is not None:
        then()


def record_select(label: str, options: Mapping[Any, Any], key: str, *, remember: str | None = None, parent=None,
                  help: str | None = None, on_change: Callable[[], None] | None = None) -> Any | None:
    """Choose one of these records: `options` is {id: label} in the order shown; returns the chosen id (None when
    there is none to choose).

    The choice always takes: the selectbox has a key and its value is put into session state before it renders, so
    its options changing (another pair, a new material) never makes it a new widget that drops the user's next
    choice. A chosen record that is no longer among the options falls back to the first one, and that is what the
    box shows. `remember` names a session key that keeps the choice beyond this widget (the pair across pages, or a
    choice made elsewhere); it is set from the box on every change and read first. `on_change` runs after the
    user's change is remembered (the address and the database follow it)."""
    parent = parent or st
    labels = unique_labels(options)
    ids = list(labels)
    if not ids:
        parent.selectbox(label, [], key=key, placeholder=texts.PLACEHOLDER_NOTHING, disabled=True, help=help)
        return None
    state = st.session_state
    last = f"{key}{_LAST_SUFFIX}"
    if remember and remember in state and state[remember] in ids:
        chosen = state[remember]
    elif key in state and state[key] in ids:
        chosen = state[key]
    elif last in state and state[last] in ids:
        # a label that names no record any more: its record was renamed after the page was drawn (a double click's
        # second request, another tab); Streamlit sends a choice back as its label. The record chosen before stays.
        chosen = state[last]
    else:
        chosen = ids[0]
    # Always, also when it seems to hold it already: a widget's id includes the page, so on another page the same
    # key belongs to a new widget that would otherwise start at the first option.
    st.session_state[key] = chosen
    choice = parent.selectbox(label, ids, format_func=labels.__getitem__, key=key, help=help,
                              placeholder=texts.PLACEHOLDER_CHOOSE,
                              on_change=_remember_choice if remember or on_change else None,
                              args=(key, remember, on_change) if remember or on_change else None)
    if remember:
        st.session_state[remember] = choice
    st.session_state[last] = choice
    return choice


COOP_KEY = "leokop_cooperation"  # the pair chosen last, on any page (the apprentice page reads it too)
COOP_WIDGET_KEY = "coop-choice"
APPRENTICE_KEY = "leokop_apprentice"


def chosen_cooperation(db: Database, user_id: UUID) -> UUID:
    """The pair a cooperation page shows (decision 97): the one its address names (`?pair=…`; one the user does not
    work in is refused in German), else the one chosen in this session, else addresses.first_pair (the one chosen
    last, kept in the database, or the one that needs attention). The choice goes into the address. Without any
    pair the page says so in German and stops."""
    pairs = user_cache.my_cooperations(db, user_id)
    if pairs.empty:
        st.info(texts.COOP_NONE)
        st.stop()
    ids = pairs["id"].tolist()
    named = addresses.address_id(PAIR_PARAM)
    addresses.refuse_unless(db, user_id, "cooperations", named, ids)
    if named is not None:
        st.session_state[COOP_KEY] = named
    elif st.session_state.get(COOP_KEY) not in ids:
        st.session_state[COOP_KEY] = addresses.first_pair(db, user_id, ids)
    choice = cooperation_select(pairs, on_change=partial(addresses.pair_chosen, db, user_id, COOP_WIDGET_KEY))
    addresses.show_in_address(pair=choice)
    return choice


def cooperation_select(pairs: pd.DataFrame, on_change: Callable[[], None] | None = None):
    """Choose one of "Meine Kooperationen"; the choice is kept for the session (and the apprentice page)."""
    labels = {row["id"]: f"{row['school']} ↔ {row['company']}" for row in records(pairs)}
    return record_select(texts.CHOOSE_COOPERATION, labels, COOP_WIDGET_KEY, remember=COOP_KEY, on_change=on_change)


def apprentice_opener(apprentices: pd.DataFrame, names: dict) -> None:
    """Pick an apprentice and open their page."""
    if apprentices.empty:
        return
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    ids = sorted(names, key=names.get)
    choice = record_select(texts.CHOOSE_APPRENTICE, {i: names[i] for i in ids}, "open-apprentice", parent=left)
    if right.button(texts.OPEN_APPRENTICE, icon=":material/person_search:"):
        st.session_state[APPRENTICE_KEY] = choice
        st.switch_page("pages/azubi_page.py", query_params=apprentice_params(choice))


def admin_school(db: Database, user_id: UUID, key: str) -> tuple[UUID, str] | None:
    """The school an admin tab works on, with its name: chosen when the user administers several, else the one;
    None without any."""
    schools = admin_schools(db, user_id)
    if schools.empty:
        return None
    names = dict(zip(schools["id"], schools["name"], strict=True))
    school = record_select(texts.ADMIN_SCHOOL, names, key) if len(names) > 1 else next(iter(names))
    return school, names[school]


def optional_bool(value) -> bool | None:
    """True/False, or None for a missing value (pandas gives NaN or None)."""
    return None if value is None or pd.isna(value) else bool(value)
