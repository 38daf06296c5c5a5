"""The password form of "Mein Konto" and of the first login with a start password."""

from __future__ import annotations

import streamlit as st

from leokop import auth
from leokop.db.session import Database
from leokop.repo import credentials
from leokop.repo.users import Profile
from leokop.services.passwords import password_problems
from leokop.ui import feedback, texts


def password_form(db: Database, user: Profile, form: str = "change-password", *, start: bool = False) -> None:
    """Current password, the new one twice. A refusal says why in German and keeps what was typed; a change reruns
    the page with the confirmation and an empty form. `start`: the first login with a start password, after which
    the user's pages open."""
    with st.form(feedback.key(form), enter_to_submit=False):  # three fields: Enter in the first must not submit
        st.subheader(texts.START_PASSWORD_TITLE if start else texts.CHANGE_PASSWORD)
        if start:
            st.info(texts.START_PASSWORD_INTRO)
        current = st.text_input(texts.FIELD_START_PASSWORD if start else texts.FIELD_CURRENT_PASSWORD,
                                type="password", key=feedback.key(form, f"{form}-current"))
        new = st.text_input(texts.FIELD_NEW_PASSWORD, type="password", key=feedback.key(form, f"{form}-new"),
                            help=texts.PASSWORD_RULES)
        repeat = st.text_input(texts.FIELD_NEW_PASSWORD_REPEAT, type="password",
                               key=feedback.key(form, f"{form}-repeat"))
        if not st.form_submit_button(texts.BUTTON_SAVE, type="primary"):
            return
    problems = [] if current else [texts.PASSWORD_CURRENT_MISSING]
    problems += password_problems(new, repeat, credentials.password_context(db, user.user_id))
    if new and new == current:
        problems.append(texts.PASSWORD_SAME)
    for problem in problems:
        st.error(problem)
    if problems:
        return
    try:
        changed = auth.change_password(db, user, current, new)
    except auth.AccountLocked as exc:
        st.error(auth.locked_message(exc))
        return
    if not changed:
        st.error(texts.PASSWORD_WRONG_CURRENT)
        return
    auth.start_password_replaced()
    feedback.saved(texts.PASSWORD_CHANGED, form=form)
