"""Mein Konto: own roles, the change of the own password, the open sessions, the personal calendar feed."""

import streamlit as st

from leokop import auth, texts
from leokop.formats import plain
from leokop.ui import account_forms
from leokop.ui.resources import database

user = auth.require_page("konto")
db = database()

st.title(texts.PAGE_ACCOUNT)
st.markdown(f"**{plain(user.display_name)}** ({plain(user.username)})")
st.markdown(f"{texts.YOUR_ROLES}: " + ", ".join(texts.ROLE_LABELS[r] for r in sorted(user.roles)))

account_forms.password_form(db, user)

st.divider()
account_forms.sessions_form(db, user)

st.divider()
account_forms.calendar_feed_form(db, user)
