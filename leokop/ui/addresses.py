"""Pages that take their subject from the address (decision 97): `/dashboard?pair=…`, `/azubi?id=…&case=…`,
`/materialien?pair=…&q=…`.

The address is read when the page opens and follows the user's choices (each choice widget's on_change writes it),
so a bookmark or a link sent to a colleague opens the same subject. The widgets stay keyed and take their value
from session state (widgets.record_select); the address only sets that state. An id the user may not see, or a value
that is no id, shows the German "nicht sichtbar" and nothing else, and a refused id is recorded in the audit trail
(sql/042, once per visit of this session)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import NoReturn
from urllib.parse import urlencode
from uuid import UUID

import psycopg
import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from leokop import texts
from leokop.db.errors import error_summary
from leokop.db.session import Database
from leokop.formats import german_datetime, plain_or
from leokop.frames import records
from leokop.repo import addresses as repo
from leokop.services.addresses import MALFORMED, Malformed, apprentice_params, parse_id

log = logging.getLogger("leokop.addresses")
# Streamlit reruns the page on every click in it: reruns within this time after a recorded view are the same visit
# (the audit trail's page views, and its refused ones).
VIEW_VISIT = timedelta(minutes=15)
_REFUSED_KEY = "leokop_refused_views"
_SHOWN_KEY = "leokop_address_shown"  # {param: the value this session last put into the address}
APPRENTICE_PAGE_FILE = "pages/azubi_page.py"
APPRENTICE_PAGE_KEY = "azubi"  # its address (leokop.ui.navigation)


def address_value(param: str) -> str | None:
    """What the address names under `param` when it is news to this session: a page opened with it (a bookmark,
    a link, the browser's back button). None when it names nothing, or holds the value the page itself put there
    (show_in_address): then the session's choice, which that value only mirrors, stands."""
    raw = st.query_params.get(param)
    if raw is None or st.session_state.get(_SHOWN_KEY, {}).get(param) == raw:
        return None
    return raw


def address_id(param: str) -> UUID | Malformed | None:
    """The id the address names under `param` (see address_value; MALFORMED: a value that is no id)."""
    return parse_id(address_value(param))


def show_in_address(**params: object) -> None:
    """Put these values into the address (None removes one); only what differs, so that an unchanged address is
    not sent to the browser again."""
    shown = st.session_state.setdefault(_SHOWN_KEY, {})
    for name, value in params.items():
        wanted = None if value is None or value == "" else str(value)
        shown[name] = wanted
        if st.query_params.get(name) != wanted:
            if wanted is None:
                del st.query_params[name]
            else:
                st.query_params[name] = wanted


def refuse(db: Database, user_id: UUID, kind: str, ident: UUID | Malformed | None) -> NoReturn:
    """The German "nicht sichtbar" and nothing else; a well-formed id goes into the audit trail (the attempt of
    this user on this id, once per visit)."""
    st.error(texts.ADDRESS_NOT_VISIBLE[kind])
    if isinstance(ident, UUID):
        seen = st.session_state.setdefault(_REFUSED_KEY, {})
        now = datetime.now()
        if (kind, ident) not in seen or now - seen[(kind, ident)] >= VIEW_VISIT:
            try:
                repo.record_refused_view(db, user_id, kind, ident)
                seen[(kind, ident)] = now
            except psycopg.Error as exc:  # the message stands; the trail misses this one attempt (logged)
                log.error("recording a refused view failed: %s", error_summary(exc))
    st.stop()


def refuse_unless(db: Database, user_id: UUID, kind: str, ident: UUID | Malformed | None, allowed) -> None:
    """Refuse (see `refuse`) unless the named id is among the allowed ones; nothing when the address names none."""
    if ident is MALFORMED or (ident is not None and ident not in allowed):
        refuse(db, user_id, kind, ident)


def first_pair(db: Database, user_id: UUID, ids: list[UUID]) -> UUID:
    """The pair a page opens on when neither the address nor this session names one: the one the user chose last
    (kept in the database, so also in a new session), else the one that needs attention first (open cases, then
    critical flags, then the most warning signs), else the first."""
    remembered = repo.remembered_pair(db, user_id)
    if remembered in ids:
        return remembered
    return repo.pair_needing_attention(db, user_id, ids) or ids[0]


def pair_chosen(db: Database, user_id: UUID, key: str) -> None:
    """on_change of the pair box: the choice goes into the address and is kept for the user's next session."""
    chosen = st.session_state.get(key)
    if chosen is None:
        return
    show_in_address(pair=chosen)
    try:
        repo.remember_pair(db, user_id, chosen)
    except psycopg.Error as exc:  # the choice holds for this session; only the next session's start misses it
        log.error("keeping the chosen pair failed: %s", error_summary(exc))


def apprentice_link(apprentice_id: UUID, label: str, case_id: UUID | None = None, parent=None) -> None:
    """A link to an apprentice's page (and one of their cases): `label` is Markdown, user text in it escaped."""
    params = apprentice_params(apprentice_id, case_id)
    try:
        (parent or st).page_link(APPRENTICE_PAGE_FILE, label=label, query_params=params,
                                 icon=":material/open_in_new:" if case_id is None else ":material/assignment:")
    except StreamlitPageNotFoundError:
        # a page file run without app.py's st.navigation (the form matrix runs page files alone): the same
        # address as a plain Markdown link
        (parent or st).markdown(f"[{label}](/{APPRENTICE_PAGE_KEY}?{urlencode(params)})")


def inbox_links(items) -> None:
    """Below the inbox's table: each item's link, a flag to the apprentice's page, a comment to its case."""
    st.subheader(texts.INBOX_LINKS)
    for item in records(items):
        case_id = item["case_id"] if isinstance(item["case_id"], UUID) else None
        label = texts.INBOX_OPEN[item["kind"]].format(apprentice=plain_or(item["apprentice"]))
        apprentice_link(item["apprentice_id"], f"{label} ({german_datetime(item['at'])})", case_id)
