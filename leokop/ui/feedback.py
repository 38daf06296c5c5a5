"""After a successful save: rerun with fresh data, empty the form, and confirm on the next run.

Lists above a form were drawn before the form saved, so a save without a rerun leaves them stale until the next
click. The confirmation survives the rerun in session state; a per-form generation in the widget keys gives the
saved form new, empty widgets, so a second click cannot save the same text twice. A refused input keeps its keys
(and so its text), for the user to correct.
"""

from __future__ import annotations

from typing import NoReturn

import streamlit as st

_CONFIRMATION = "leokop_confirmation"
_GENERATIONS = "leokop_form_generations"
CONFIRMED = ":material/check_circle:"
NOTICE = ":material/info:"


def key(form: str, widget: str | None = None) -> str:
    """The key of a form (or of a widget in it) for the form's current generation: unchanged until its first save."""
    generation = st.session_state.get(_GENERATIONS, {}).get(form, 0)
    name = widget or form
    return f"{name}~{generation}" if generation else name


def clear(form: str) -> None:
    """Give `form` fresh, empty widgets (and a new token, leokop.ui.saving) from the next run on."""
    generations = st.session_state.setdefault(_GENERATIONS, {})
    generations[form] = generations.get(form, 0) + 1


def confirm(message: str, icon: str = CONFIRMED) -> None:
    """Keep the German confirmation for the run that shows it. A save calls this first after its commit, before
    anything that sends to the browser: Streamlit stops a run for a pending rerun request (a double click's second
    request) at its next element, and the confirmation must survive that."""
    st.session_state[_CONFIRMATION] = (message, icon)


def saved(message: str, form: str | None = None, icon: str = CONFIRMED) -> NoReturn:
    """Remember the German confirmation, give `form` fresh widgets, and rerun the page."""
    confirm(message, icon)
    if form:
        clear(form)
    st.rerun()


def show_confirmation() -> None:
    """Show (once) the confirmation of the save that caused this run. It is forgotten only after the toast is sent:
    a pending rerun request stops the run inside st.toast, before the toast leaves, and the next run shows it."""
    confirmation = st.session_state.get(_CONFIRMATION)
    if confirmation:
        message, icon = confirmation
        st.toast(message, icon=icon, duration="long")
        st.session_state.pop(_CONFIRMATION, None)
