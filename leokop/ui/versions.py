"""What version of a record the user last saw, so that a save against a newer version is refused."""

from __future__ import annotations

import streamlit as st

_KEY = "leokop_seen_versions"


def seen(record_key: str, fresh: int | None) -> int | None:
    """The version the user was shown before this run (the fresh one on first sight)."""
    return st.session_state.setdefault(_KEY, {}).get(record_key, fresh)


def remember(record_key: str, version: int | None) -> None:
    st.session_state.setdefault(_KEY, {})[record_key] = version
