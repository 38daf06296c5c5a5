"""Accounts (issue 22): the empty login, the password rules with German feedback, and the start password an admin
sets, which its owner must replace at the first login before any page opens."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest
from streamlit.testing.v1 import AppTest

from leokop import texts
from tests.pages.conftest import (
    confirmations,
    create_user,
    delete_user,
    errors,
    registered_pages,
    start_app,
    submit_login,
)

STRONG = "Kaffeetasse-Laterne-7"
NEWER = "Gartenzaun-Wolke-Tinte-42"


def _must_change(owner_url: str, username: str) -> bool:
    with psycopg.connect(owner_url) as conn:
        return conn.execute("select c.must_change from user_credentials c join app_users u on u.id = c.user_id"
                            " where u.username = %s", (username,)).fetchone()[0]


def _fields(at: AppTest) -> dict:
    return {t.label: t for t in at.text_input}


def _save(at: AppTest) -> AppTest:
    return next(b for b in at.button if b.label == texts.BUTTON_SAVE and b.proto.is_form_submitter).click().run()


@pytest.mark.parametrize(("username", "password"), [("", ""), ("lehrkraft", ""), ("", "leokop-demo"),
                                                    ("   ", "leokop-demo")])
def test_an_empty_login_says_what_is_missing_and_counts_no_attempt(owner_url, username, password):
    at = submit_login(start_app(), username, password)
    assert errors(at) == [texts.LOGIN_EMPTY]
    with psycopg.connect(owner_url) as conn:
        assert conn.execute("select failed_attempts from user_credentials c join app_users u on u.id = c.user_id"
                            " where u.username = 'lehrkraft'").fetchone()[0] == 0


@pytest.fixture()
def start_account(login, owner_url) -> Iterator[str]:
    """An account the admin creates on the Verwaltung page, with a start password."""
    at = login("admin")
    at.switch_page("pages/verwaltung_page.py").run()
    fields = _fields(at)
    for label, value in {texts.FIELD_USERNAME: "start.test", texts.FIELD_DISPLAY_NAME: "Jana Startmann",
                         texts.FIELD_PASSWORD: STRONG, texts.FIELD_PASSWORD_REPEAT: STRONG}.items():
        fields[label].input(value)
    at = next(b for b in at.button if b.label == texts.BUTTON_CREATE).click().run()
    assert confirmations(at) == [texts.USER_CREATED.format(username="start.test")], errors(at)
    yield "start.test"
    delete_user(owner_url, "start.test")


def test_a_start_password_must_be_replaced_before_any_page_opens(start_account, owner_url):
    assert _must_change(owner_url, start_account)
    at = submit_login(start_app(), start_account, STRONG)
    assert errors(at) == []
    assert [s.value for s in at.subheader] == [texts.START_PASSWORD_TITLE]
    assert [i.value for i in at.info] == [texts.START_PASSWORD_INTRO]
    assert registered_pages(at) == {"anmeldung"}  # only this step (under every address): no menu, no dashboard
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("pages/dashboard_page.py")

    at = submit_login(start_app(), start_account, STRONG)
    fields = _fields(at)
    fields[texts.FIELD_START_PASSWORD].input(STRONG)
    fields[texts.FIELD_NEW_PASSWORD].input("Startmann-leokop")
    fields[texts.FIELD_NEW_PASSWORD_REPEAT].input("Startmann-leokop")
    at = _save(at)
    assert errors(at) == [" ".join([texts.PASSWORD_WEAK, texts.PASSWORD_HINT_CONTEXT, texts.PASSWORD_TIP])]
    assert _fields(at)[texts.FIELD_NEW_PASSWORD].value == "Startmann-leokop"  # kept for correcting
    assert _must_change(owner_url, start_account)

    fields = _fields(at)
    fields[texts.FIELD_NEW_PASSWORD].input(NEWER)
    fields[texts.FIELD_NEW_PASSWORD_REPEAT].input(NEWER)
    at = _save(at)
    assert errors(at) == []
    assert confirmations(at) == [texts.PASSWORD_CHANGED]
    assert [t.value for t in at.title] == [texts.PAGE_DASHBOARD]  # the landing page of a teacher
    assert not _must_change(owner_url, start_account)

    fresh = submit_login(start_app(), start_account, NEWER)  # the next login goes straight in
    assert [t.value for t in fresh.title] == [texts.PAGE_DASHBOARD]
    assert errors(submit_login(start_app(), start_account, STRONG)) == [texts.LOGIN_FAILED]


def test_a_weak_start_password_is_refused_with_german_hints(login, owner_url):
    at = login("admin")
    at.switch_page("pages/verwaltung_page.py").run()
    fields = _fields(at)
    for label, value in {texts.FIELD_USERNAME: "schwach.test", texts.FIELD_DISPLAY_NAME: "Schwach Test",
                         texts.FIELD_PASSWORD: "password1234", texts.FIELD_PASSWORD_REPEAT: "password1234"}.items():
        fields[label].input(value)
    at = next(b for b in at.button if b.label == texts.BUTTON_CREATE).click().run()
    assert errors(at) == [" ".join([texts.PASSWORD_WEAK, texts.PASSWORD_HINT_COMMON, texts.PASSWORD_TIP])]
    with psycopg.connect(owner_url) as conn:
        assert conn.execute("select count(*) from app_users where username = 'schwach.test'").fetchone()[0] == 0


@pytest.fixture()
def own_account(owner_url) -> Iterator[str]:
    create_user(owner_url, "eigen.test", STRONG)  # loaded directly, like the demo accounts: no start password
    yield "eigen.test"
    delete_user(owner_url, "eigen.test")


def _change(at: AppTest, current: str, new: str, repeat: str) -> AppTest:
    at.switch_page("pages/konto_page.py").run()
    fields = _fields(at)
    fields[texts.FIELD_CURRENT_PASSWORD].input(current)
    fields[texts.FIELD_NEW_PASSWORD].input(new)
    fields[texts.FIELD_NEW_PASSWORD_REPEAT].input(repeat)
    return _save(at)


@pytest.mark.parametrize(("new", "message"), [
    ("1234567890", texts.PASSWORD_TOO_SHORT.format(n=12)),
    ("password123", texts.PASSWORD_TOO_SHORT.format(n=12)),
    ("password1234", " ".join([texts.PASSWORD_WEAK, texts.PASSWORD_HINT_COMMON, texts.PASSWORD_TIP])),
    ("eigen.test-leokop", " ".join([texts.PASSWORD_WEAK, texts.PASSWORD_HINT_CONTEXT, texts.PASSWORD_TIP])),
])
def test_a_weak_new_password_is_refused_and_the_input_kept(login, own_account, new, message):
    at = login(own_account, STRONG)
    assert [t.value for t in at.title] != [texts.START_PASSWORD_TITLE]  # no start password: straight in
    at = _change(at, STRONG, new, new)
    assert errors(at) == [message]
    assert _fields(at)[texts.FIELD_NEW_PASSWORD].value == new
    assert errors(submit_login(start_app(), own_account, STRONG)) == []


def test_the_own_change_confirms_and_empties_the_form_and_a_repeat_is_no_failed_attempt(login, own_account,
                                                                                         owner_url):
    at = _change(login(own_account, STRONG), STRONG, NEWER, NEWER)
    assert confirmations(at) == [texts.PASSWORD_CHANGED]
    assert all(t.value == "" for t in at.text_input)
    at = _change(at, STRONG, NEWER, NEWER)  # the same submission once more (a double click)
    assert errors(at) == []
    with psycopg.connect(owner_url) as conn:
        assert conn.execute("select failed_attempts, must_change from user_credentials c join app_users u"
                            " on u.id = c.user_id where u.username = %s", (own_account,)).fetchone() == (0, False)
    assert errors(submit_login(start_app(), own_account, NEWER)) == []


def test_demo_accounts_have_no_start_password(owner_url):
    with psycopg.connect(owner_url) as conn:
        flagged = conn.execute("select u.username from user_credentials c join app_users u on u.id = c.user_id"
                               " where c.must_change").fetchall()
    assert flagged == []
