"""AppTest helpers: the real app.py against the test database."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = Path(__file__).parents[2] / "app.py"
PASSWORD = "leokop-demo"


def start_app() -> AppTest:
    return AppTest.from_file(str(APP), default_timeout=30).run()


def submit_login(at: AppTest, username: str, password: str) -> AppTest:
    at.text_input[0].input(username)
    at.text_input[1].input(password)
    return at.button[0].click().run()


def registered_pages(at: AppTest) -> set[str]:
    """The page files st.navigation offered in the last run ("anmeldung" for the login page)."""
    return {Path(info["script_path"]).stem.removesuffix("_page") if "/pages/" in info["script_path"] else "anmeldung"
            for info in at._registered_pages.values()}


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


@pytest.fixture()
def login(owner_url):
    def _login(username: str, password: str = PASSWORD) -> AppTest:
        at = submit_login(start_app(), username, password)
        assert not at.exception, at.exception
        return at

    return _login
