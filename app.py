"""leokop router: login, then the pages this user's roles allow."""

import streamlit as st

from leokop import auth
from leokop.ui import feedback, navigation, texts
from leokop.ui.resources import DATABASE_DOWN, database, show_database_down

st.set_page_config(page_title="leokop", page_icon=":material/school:", layout="wide")


def _login_page() -> None:
    st.title(texts.APP_TITLE)
    st.caption(texts.APP_TAGLINE)
    auth.login(database())


user = auth.current_user()
if user is None:
    page = st.navigation([st.Page(_login_page, title="Anmeldung", icon=":material/login:")], position="hidden")
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

try:
    page.run()
except DATABASE_DOWN:
    show_database_down()
