"""Reads that every page run repeats but that change rarely, kept for a short time in the user's own session.

The menu's inbox count, the list of the user's cooperation pairs and a trainer's pending terms were read on every
script run (each click), a third of a dashboard run's queries. They live in st.session_state, so they can never
reach another user's session, keyed by the user's id (a new sign-in in the same browser starts empty), for a few
seconds; what the user changes is forgotten at once (`forget`). Changes by others (an admin adding a membership, a
new flag) show within the TTL. Row-level security still decides every read (decision 71).
"""

from __future__ import annotations

from collections.abc import Callable
from time import monotonic
from typing import TypeVar
from uuid import UUID

import pandas as pd
import streamlit as st

from leokop.db.session import Database
from leokop.repo import cooperations, inbox, privacy

T = TypeVar("T")

_STORE = "leokop_user_cache"
PAIRS_TTL_S = 60.0
INBOX_TTL_S = 30.0
TERMS_TTL_S = 60.0


def cached(name: str, user_id: UUID, ttl_s: float, load: Callable[[], T]) -> T:
    """load() for this user, or what it returned less than ttl_s seconds ago in this session."""
    store = st.session_state.setdefault(_STORE, {})
    key = (name, str(user_id))
    hit = store.get(key)
    now = monotonic()
    if hit is not None and now - hit[0] < ttl_s:
        return hit[1]
    value = load()
    store[key] = (now, value)
    return value


def forget(*names: str) -> None:
    """Drop these entries (all when none is named), so that the next read goes to the database."""
    store = st.session_state.get(_STORE)
    if not store:
        return
    for key in [k for k in store if not names or k[0] in names]:
        del store[key]


def my_cooperations(db: Database, user_id: UUID) -> pd.DataFrame:
    return cached("pairs", user_id, PAIRS_TTL_S, lambda: cooperations.my_cooperations(db, user_id))


def inbox_count(db: Database, user_id: UUID) -> int:
    return cached("inbox", user_id, INBOX_TTL_S, lambda: inbox.count_new(db, user_id))


def pending_terms(db: Database, user_id: UUID) -> bool:
    return cached("terms", user_id, TERMS_TTL_S, lambda: privacy.pending_terms(db, user_id))
