"""The apprentice page's own search: every apprentice of the user's pairs by name (type-ahead), with class and pair."""

from __future__ import annotations

from uuid import UUID

import streamlit as st

from leokop import texts
from leokop.db.session import Database
from leokop.frames import records
from leokop.repo import cooperations
from leokop.ui.addresses import show_in_address
from leokop.ui.widgets import APPRENTICE_KEY, say_if_capped, unique_labels

SEARCH_KEY = "apprentice-search"


def _opened() -> None:
    """A hit chosen: it is the apprentice the page shows (as the dashboard's "Öffnen" does)."""
    chosen = st.session_state.get(SEARCH_KEY)
    if chosen is not None:
        st.session_state[APPRENTICE_KEY] = chosen
        show_in_address(id=chosen, case=None)  # the address names the apprentice now shown


def apprentice_search(db: Database, user_id: UUID) -> UUID | None:
    """The search box over the apprentices the user may see (RLS), showing the one the page shows; returns that
    apprentice's id, or None when none is chosen yet. Streamlit's selectbox filters its options as the user types."""
    found = cooperations.my_apprentices(db, user_id)
    say_if_capped(found)
    hits = unique_labels({row["id"]: texts.APPRENTICE_HIT.format(**row) for row in records(found)})
    current = st.session_state.get(APPRENTICE_KEY)
    # set before it renders (a keyed widget keeps its own value otherwise): the box shows the page's apprentice,
    # also one opened from the dashboard, and nothing when there is none
    st.session_state[SEARCH_KEY] = current if current in hits else None
    st.selectbox(texts.APPRENTICE_SEARCH, list(hits), format_func=hits.get, key=SEARCH_KEY, on_change=_opened,
                 placeholder=texts.APPRENTICE_SEARCH_PLACEHOLDER, help=texts.APPRENTICE_SEARCH_HELP,
                 disabled=not hits)
    if not hits:
        st.info(texts.APPRENTICE_SEARCH_NONE)
    return current
