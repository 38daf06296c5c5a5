"""Login, navigation by role, lockout and logout through the real app script."""

from __future__ import annotations

import psycopg
import pytest

from leokop import texts
from tests.pages.conftest import create_user, delete_user, errors, registered_pages, start_app, submit_login

EXPECTED_PAGES = {
    "lehrkraft": {"dashboard", "azubi", "posteingang", "kooperationen", "materialien", "projekte", "konto"},
    "ausbilder": {"dashboard", "azubi", "posteingang", "kooperationen", "materialien", "projekte", "konto"},
    "ausbilder2": {"dashboard", "azubi", "posteingang", "kooperationen", "materialien", "projekte", "konto"},
    "schulleitung": {"schulueberblick", "konto"},
    "admin": {"verwaltung", "materialien", "konto"},
}


def test_login_page_is_german(owner_url):
    at = start_app()
    assert [t.label for t in at.text_input] == ["Benutzername", "Passwort"]
    assert [b.label for b in at.button] == ["Anmelden"]
    assert registered_pages(at) == {"anmeldung"}  # only the hidden login page


@pytest.mark.parametrize("username", sorted(EXPECTED_PAGES))
def test_each_demo_account_sees_exactly_its_pages(login, username):
    at = login(username)
    assert registered_pages(at) == EXPECTED_PAGES[username]
    assert errors(at) == []


@pytest.mark.parametrize(("username", "password"), [("lehrkraft", "falsch-falsch"), ("niemand", "leokop-demo")])
def test_wrong_credentials_show_a_german_error(owner_url, username, password):
    at = submit_login(start_app(), username, password)
    assert errors(at) == [texts.LOGIN_FAILED]
    assert registered_pages(at) == {"anmeldung"}


@pytest.fixture()
def lock_user(owner_url):
    """A throw-away account, so that locking it disturbs no other test."""
    create_user(owner_url, "sperrtest", "richtiges-passwort")
    yield "sperrtest"
    delete_user(owner_url, "sperrtest")


def test_sixth_attempt_is_refused_even_with_the_right_password(owner_url, lock_user):
    at = start_app()
    for attempt in range(1, 6):
        at = submit_login(at, lock_user, f"falsch-{attempt}")
        if attempt < 5:
            assert errors(at) == [texts.LOGIN_FAILED]
    assert errors(at)[0].startswith("Dieses Konto ist nach 5 fehlgeschlagenen Anmeldeversuchen")
    at = submit_login(at, lock_user, "richtiges-passwort")
    assert errors(at)[0].startswith("Dieses Konto ist nach 5")
    assert registered_pages(at) == {"anmeldung"}
    # stored in the database: a new session (as after a restart of the app) is refused too
    fresh = submit_login(start_app(), lock_user, "richtiges-passwort")
    assert errors(fresh)[0].startswith("Dieses Konto ist nach 5")
    with psycopg.connect(owner_url) as conn:
        locked = conn.execute("select locked_until > now() + interval '14 minutes' from user_credentials c "
                              "join app_users u on u.id = c.user_id where username = %s", (lock_user,)).fetchone()
    assert locked == (True,)


def test_lock_expires_after_fifteen_minutes(owner_url, lock_user):
    with psycopg.connect(owner_url) as conn:
        conn.execute("update user_credentials set locked_until = now() - interval '1 second' "
                     "where user_id = (select id from app_users where username = %s)", (lock_user,))
    at = submit_login(start_app(), lock_user, "richtiges-passwort")
    assert errors(at) == []
    assert registered_pages(at) == {"schulueberblick", "konto"}


def test_four_failures_then_success_resets_the_count(owner_url, lock_user):
    at = start_app()
    for attempt in range(4):
        at = submit_login(at, lock_user, f"falsch-{attempt}")
    at = submit_login(at, lock_user, "richtiges-passwort")
    assert errors(at) == []
    with psycopg.connect(owner_url) as conn:
        count = conn.execute("select failed_attempts from user_credentials c join app_users u on u.id = c.user_id"
                             " where username = %s", (lock_user,)).fetchone()[0]
    assert count == 0


def test_deactivated_user_cannot_log_in(owner_url, lock_user):
    with psycopg.connect(owner_url) as conn:
        conn.execute("update app_users set active = false where username = %s", (lock_user,))
    at = submit_login(start_app(), lock_user, "richtiges-passwort")
    assert errors(at) == [texts.LOGIN_FAILED]


def test_logout_returns_to_the_login_form(login):
    at = login("lehrkraft")
    at.sidebar.button(key="leokop-logout").click().run()
    assert registered_pages(at) == {"anmeldung"}
    assert [t.label for t in at.text_input] == ["Benutzername", "Passwort"]
