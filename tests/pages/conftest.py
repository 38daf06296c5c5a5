"""AppTest helpers: the real app.py against the test database."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = Path(__file__).parents[2] / "app.py"
PASSWORD = "leokop-demo"


class LeokopAppTest(AppTest):
    """AppTest whose page switch clears the address's query parameters, as a real page change does (the menu, and
    st.switch_page without query_params); AppTest keeps them, and a page would take its subject from the previous
    page's address (decision 97)."""

    def switch_page(self, page_path: str) -> AppTest:
        self.query_params = {}
        return super().switch_page(page_path)


def start_app() -> AppTest:
    return LeokopAppTest.from_file(str(APP), default_timeout=30).run()


def submit_login(at: AppTest, username: str, password: str) -> AppTest:
    at.text_input[0].input(username)
    at.text_input[1].input(password)
    return at.button[0].click().run()


def registered_pages(at: AppTest) -> set[str]:
    """The page files st.navigation offered in the last run, or {"anmeldung"} when it offered none: the login (or
    another step before the pages), which app.py registers under every page's address. The other roles' addresses
    that a signed-in user gets leokop's refusal under are no page files and not counted."""
    files = {Path(info["script_path"]).stem.removesuffix("_page") for info in at._registered_pages.values()
             if "/pages/" in info["script_path"]}
    return files or {"anmeldung"}


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


@pytest.fixture()
def login(owner_url):
    def _login(username: str, password: str = PASSWORD) -> AppTest:
        at = submit_login(start_app(), username, password)
        assert not at.exception, at.exception
        return at

    return _login


def create_user(owner_url: str, username: str, password: str) -> None:
    """A throw-away Schulleitung account of the Mainufer school (so that it can log in)."""
    import psycopg

    from leokop.services.passwords import hash_password

    with psycopg.connect(owner_url) as conn:
        uid = conn.execute("insert into app_users (username, display_name) values (%s, %s) returning id",
                           (username, username)).fetchone()[0]
        conn.execute("insert into user_credentials (user_id, password_hash) values (%s, %s)",
                     (uid, hash_password(password)))
        conn.execute("insert into memberships (user_id, role, school_id) select %s, 'schulleitung', id "
                     "from schools where school_number = '9401'", (uid,))


def delete_user(owner_url: str, username: str) -> None:
    import psycopg

    with psycopg.connect(owner_url) as conn:
        conn.execute("delete from app_users where username = %s", (username,))


def confirmations(at: AppTest) -> list[str]:
    """The German confirmations of a save: shown as a toast on the run after it (leokop.ui.feedback)."""
    return [t.value for t in at.toast]


def widget(elements, key: str):
    """The widget with this key in its form's current generation (see leokop.ui.feedback.key)."""
    pattern = re.compile(rf"{re.escape(key)}(~\d+)?")
    return next(e for e in elements if e.key and pattern.fullmatch(e.key))


def form_button(at: AppTest, form: str, button: str):
    """A form's submit button with this label, whatever generation the form is in (see leokop.ui.saving.key)."""
    pattern = re.compile(rf"{re.escape(form)}(~\d+)?")
    return next(b for b in at.button if b.label == button and b.proto.is_form_submitter
                and pattern.fullmatch(b.proto.form_id))


def submit(at: AppTest, form: str, button: str) -> AppTest:
    """Click a form's submit button, whatever generation the form is in, and run the page."""
    return form_button(at, form, button).click().run()
