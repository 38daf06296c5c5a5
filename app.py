"""leokop router: login, then the pages this user's roles allow."""

import contextlib
import logging

import psycopg
import streamlit as st

from leokop import auth, texts
from leokop.db.errors import error_summary
from leokop.ui import account_forms, feedback, invitation_views, navigation, privacy_forms, user_cache
from leokop.ui.resources import DATABASE_DOWN, database, show_database_down

st.set_page_config(page_title="leokop", page_icon=":material/school:", layout="wide")


def _login_page() -> None:
    st.title(texts.APP_TITLE)
    st.caption(texts.APP_TAGLINE)
    feedback.show_confirmation()
    link = invitation_views.link_param()
    if link is not None:  # /?einladung=… or /?passwort=…: the password is set there instead of signing in
        invitation_views.link_page(database(), link)
        return
    auth.login(database())
    if auth.current_user() is None:
        invitation_views.forgot_form(database())


def _terms_page() -> None:
    privacy_forms.terms_gate(database(), user)


def _start_password_page() -> None:
    st.title(texts.APP_TITLE)
    account_forms.password_form(database(), user, "start-password", start=True)


def _terms_accepted(profile) -> bool:
    """Whether the trainer accepted every school's published terms (no query for other roles)."""
    if "ausbilder" not in profile.roles:
        return True
    try:
        return not user_cache.pending_terms(database(), profile.user_id)
    except DATABASE_DOWN:
        return True  # the page run below shows the German message; RLS shows nothing without acceptance


# one database call: resume from the session cookie, or check that the signed-in session is still valid (when the
# database is down, the page run below shows the German message)
with contextlib.suppress(DATABASE_DOWN):
    auth.keep_session(database())
user = auth.current_user()
if user is None:
    page = st.navigation([st.Page(_login_page, title="Anmeldung", icon=":material/login:")], position="hidden")
elif auth.must_change_password():
    # signed in with a start password the admin set (sql/028): the user's own password before anything else
    page = st.navigation([st.Page(_start_password_page, title=texts.START_PASSWORD_TITLE, icon=":material/key:")],
                         position="hidden")
    auth.logout_button()
elif not _terms_accepted(user):
    # a trainer sees the school's terms of use first, before any apprentice data (sql/016 enforces it too)
    page = st.navigation([st.Page(_terms_page, title=texts.TERMS_TITLE, icon=":material/gavel:")], position="hidden")
    auth.logout_button()
else:
    try:
        titles = navigation.titles_for(user, database())
    except DATABASE_DOWN:
        titles = {}
    page = st.navigation(
        [st.Page(p.path, title=titles.get(p.key, p.title), icon=p.icon, url_path=p.key)
         for p in navigation.pages_for(user.roles)]
    )
    auth.logout_button()
    feedback.show_confirmation()
    invitation_views.signed_in_notice()

try:
    page.run()
except DATABASE_DOWN:
    show_database_down()
except psycopg.Error as exc:
    # one German message, and a log line without the error's text (it may hold an apprentice's data)
    logging.getLogger("leokop.app").error("database error on a page: %s", error_summary(exc))
    st.error(texts.DB_ERROR)
auth.cookie_removal_script()
