"""Process-wide resources for the Streamlit app (never anything user-specific)."""

from __future__ import annotations

import psycopg
import streamlit as st
from psycopg_pool import PoolTimeout

from leokop import texts
from leokop.config import load_settings
from leokop.db.errors import SetupError
from leokop.db.locate import runtime_url, runtime_worker_url
from leokop.db.session import Database
from leokop.storage import Storage, storage_from_settings

# What a lost or refused database connection raises; pages show one German message for all of them.
DATABASE_DOWN = (psycopg.OperationalError, PoolTimeout, SetupError)


@st.cache_resource(show_spinner=False)
def _database(conninfo: str) -> Database:
    return Database(conninfo, min_size=1, max_size=10)


def database() -> Database:
    """The process's pool for the app's login role; stops the page with a German message when unreachable."""
    try:
        return _database(runtime_url())
    except DATABASE_DOWN:
        show_database_down()
        st.stop()


def worker_database() -> Database:
    """The pool of the rule evaluation (leokop_worker); never used for a user's queries."""
    return _database(runtime_worker_url())


@st.cache_resource(show_spinner=False)
def storage() -> Storage:
    """Where material files go (LEOKOP_STORAGE); holds no user data, only the backend's client."""
    return storage_from_settings(load_settings())


def show_database_down() -> None:
    st.error(texts.DB_UNAVAILABLE, icon=":material/error:")
