"""leokop router: login, then the pages this user's roles allow."""

import contextlib
import logging

import psycopg
import streamlit as st

from leokop import auth, texts
from leokop.db.errors import error_summary
from leokop.ui import account_forms, feedback, invitation_views, navigation, privacy_forms, sso_views, user_cache
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
    if sso_views.login_page(database()) and auth.current_user() is None:
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


def _not_allowed_page() -> None:
    st.error(texts.PAGE_NOT_ALLOWED)


def _at_every_address(step, title: str, icon: str):
    """A step before the pages (login, start password, terms) under every page's address as well: a bookmark or a
    link a colleague sent shows the step, and after it the page it names (the address stays, and the rerun after
    the step finds the real page under it)."""
    return st.navigation([st.Page(step, title=title, icon=icon, default=True),
                          *(st.Page(step, title=p.title, url_path=p.key) for p in navigation.PAGES)],
                         position="hidden")


# one database call: resume from the session cookie, or check that the signed-in session is still valid (when the
# database is down, the page run below shows the German message)
with contextlib.suppress(DATABASE_DOWN):
    auth.keep_session(database())
    sso_views.after_callback(database())  # right after a provider's callback: its identity's account (decision 95)
user = auth.current_user()
if user is None:
    page = _at_every_address(_login_page, "Anmeldung", ":material/login:")
elif auth.must_change_password():
    # signed in with a start password the admin set (sql/028): the user's own password before anything else
    page = _at_every_address(_start_password_page, texts.START_PASSWORD_TITLE, ":material/key:")
    auth.logout_button()
elif not _terms_accepted(user):
    # a trainer sees the school's terms of use first, before any apprentice data (sql/016 enforces it too)
    page = _at_every_address(_terms_page, texts.TERMS_TITLE, ":material/gavel:")
    auth.logout_button()
else:
    try:
        titles = navigation.titles_for(user, database())
    except DATABASE_DOWN:
        titles = {}
    page = st.navigation(
        [st.Page(p.path, title=titles.get(p.key, p.title), icon=p.icon, url_path=p.key)
         for p in navigation.pages_for(user.roles)]
        # another role's page: a German refusal under its address, not in the menu
        + [st.Page(_not_allowed_page, title=p.title, url_path=p.key, visibility="hidden")
           for p in navigation.other_pages(user.roles)]
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
