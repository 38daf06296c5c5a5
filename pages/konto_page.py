"""Mein Konto: own roles and the change of the own password."""

import streamlit as st

from leokop import auth
from leokop.services.passwords import password_problems
from leokop.ui import texts
from leokop.ui.resources import database

user = auth.require_page("konto")
db = database()

st.title(texts.PAGE_ACCOUNT)
st.markdown(f"**{user.display_name}** ({user.username})")
st.markdown(f"{texts.YOUR_ROLES}: " + ", ".join(texts.ROLE_LABELS[r] for r in sorted(user.roles)))

with st.form("change-password", clear_on_submit=True):
    st.subheader(texts.CHANGE_PASSWORD)
    current = st.text_input(texts.FIELD_CURRENT_PASSWORD, type="password")
    new = st.text_input(texts.FIELD_NEW_PASSWORD, type="password")
    repeat = st.text_input(texts.FIELD_NEW_PASSWORD_REPEAT, type="password")
    if st.form_submit_button(texts.BUTTON_SAVE):
        problems = password_problems(new, repeat)
        if new and new == current:
            problems.append(texts.PASSWORD_SAME)
        if problems:
            for problem in problems:
                st.error(problem)
        else:
            try:
                changed = auth.change_password(db, user, current, new)
            except auth.AccountLocked as exc:
                st.error(auth.locked_message(exc))
            else:
                if changed:
                    st.success(texts.PASSWORD_CHANGED)
                else:
                    st.error(texts.PASSWORD_WRONG_CURRENT)
