"""Single sign-on in the app (decision 95), through AppTest with st.user seeded as Streamlit's callback leaves it:
the login page's button, a linked identity signed in with a session as after a password, "kein Konto", the same
claims again (the 30-day cookie) refused, the password refused by a school that requires single sign-on, and the
invitation's link (leokop.ui.sso_views.invitation_link, for the invitation page)."""

from __future__ import annotations

import psycopg
import pytest
from streamlit.testing.v1 import AppTest

from leokop import texts
from tests.db import test_identities
from tests.db.test_identities import ISSUER, claims
from tests.db.test_invitations import _invite, _token
from tests.pages.conftest import APP, errors, registered_pages, submit_login

accounts = test_identities.accounts  # the fixture: throw-away accounts of Mainufer

AUTH = {"auth": {"redirect_uri": "http://127.0.0.1:8501/oauth2callback", "cookie_secret": "c" * 32,
                 "schulportal": {"client_id": "leokop", "client_secret": "geheim", "label": "Schulportal Hessen",
                                 "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}}}


def _app(user: dict | None = None, secrets: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.secrets = secrets if secrets is not None else AUTH
    if user is not None:
        at.user = user
    return at.run()


def _session_count(owner_url: str, uid) -> int:
    with psycopg.connect(owner_url) as conn:
        return conn.execute("select count(*) from user_sessions where user_id = %s and ended_at is null",
                            (uid,)).fetchone()[0]


def test_the_login_page_offers_each_configured_provider(owner_url):
    at = _app()
    assert [b.label for b in at.button] == ["Anmelden", "Mit Schulportal Hessen anmelden"]
    assert registered_pages(at) == {"anmeldung"}


def test_a_linked_identity_signs_in_once_with_a_session(owner_url, accounts):
    uid = accounts("p", "p.sso@schule.example")
    seen = claims("paula-1", "p.sso@schule.example")
    at = _app(seen)
    assert not at.exception, at.exception
    assert registered_pages(at) == {"schulueberblick", "konto"}
    assert _session_count(owner_url, uid) == 1  # a leokop session as after a password (sql/036)
    # the same claims in a new Streamlit session (a reload after the session ended: Streamlit's cookie still holds
    # them) sign nobody in
    again = _app(seen)
    assert registered_pages(again) == {"anmeldung"}
    assert next(i.value for i in again.info) == texts.SSO_STALE  # first, above the login form
    assert [t.label for t in again.text_input] == ["Benutzername", "Passwort"]
    assert _session_count(owner_url, uid) == 1


def test_an_unknown_identity_gets_the_kein_konto_page_and_nothing_is_created(owner_url, accounts):
    at = _app(claims("fremd-1", "fremd@schule.example"))
    assert registered_pages(at) == {"anmeldung"}
    assert [w.value for w in at.warning] == [texts.SSO_NO_ACCOUNT]
    assert [b.label for b in at.button] == [texts.SSO_SIGN_OUT]
    assert at.text_input.len == 0
    with psycopg.connect(owner_url) as conn:
        assert conn.execute("select count(*) from user_identities where subject = 'fremd-1'").fetchone()[0] == 0
        assert conn.execute("select count(*) from app_users where email = 'fremd@schule.example'").fetchone()[0] == 0
    # signing out of the provider's identity: st.logout clears st.user
    at.button[0].click().run()
    assert at.user.get("is_logged_in") is False


def test_a_school_that_requires_sso_refuses_the_password_with_a_german_message(owner_url, accounts):
    accounts("q", None)
    with psycopg.connect(owner_url, autocommit=True) as conn:
        conn.execute("insert into school_sign_in_settings (school_id, sso_required)"
                     " select school_id, true from memberships m join app_users u on u.id = m.user_id"
                     " where u.username = 'sso-test-q'")
    at = submit_login(_app(secrets={}), "sso-test-q", "Ein-Passwort-fuer-SSO-1")
    assert errors(at) == [texts.SSO_PASSWORD_REFUSED]
    assert registered_pages(at) == {"anmeldung"}
    wrong = submit_login(_app(secrets={}), "sso-test-q", "falsch-falsch-falsch")
    assert errors(wrong) == [texts.LOGIN_FAILED]  # a wrong password says nothing about the school's rule


def _invitation_page(token: str) -> None:
    """What the invitation page does for single sign-on (its only call into sso_views)."""
    import streamlit as st

    from leokop import auth
    from leokop.ui import sso_views
    from leokop.ui.resources import database

    sso_views.invitation_link(database(), token)
    user = auth.current_user()
    st.write(f"angemeldet: {user.username if user else '-'}")


def _invitation_app(token: str, user: dict | None) -> AppTest:
    at = AppTest.from_function(_invitation_page, args=(token,), default_timeout=30)
    at.secrets = AUTH
    if user is not None:
        at.user = user
    return at.run()


@pytest.fixture()
def invitation(db, owner_url):
    with psycopg.connect(owner_url, autocommit=True) as conn:
        conn.execute("delete from app_users where username like 'einladung-test%%'")
    invited = _invite(db)
    yield invited.user_id, _token(invited.link, "einladung")
    with psycopg.connect(owner_url, autocommit=True) as conn:
        conn.execute("delete from app_users where username like 'einladung-test%%'")
        conn.execute("delete from user_identities where issuer = %s", (ISSUER,))


def test_an_invitation_is_linked_once_by_the_button(owner_url, invitation):
    uid, token = invitation
    # not signed in at the provider: how to get there, and the provider's button
    outside = _invitation_app(token, None)
    assert [i.value for i in outside.info] == [texts.SSO_INVITATION_SIGN_IN]
    assert [b.label for b in outside.button] == ["Mit Schulportal Hessen anmelden"]
    seen = claims("ines-1")
    at = _invitation_app(token, seen)
    assert [i.value for i in at.info] == [texts.SSO_INVITATION_INTRO]
    at.button(key="sso-invitation-link").click().run()
    assert not at.exception, at.exception
    assert errors(at) == []
    assert "angemeldet: einladung-test" in [m.value for m in at.markdown]
    assert _session_count(owner_url, uid) == 1
    # the link is used: a second try, even with a new sign-in, is refused in German and signs nobody in
    second = _invitation_app(token, claims("ines-2"))
    second.button(key="sso-invitation-link").click().run()
    assert errors(second) == [texts.SSO_INVITATION_REFUSED]
    assert "angemeldet: -" in [m.value for m in second.markdown]


def test_without_a_provider_the_invitation_page_shows_nothing_of_sso(owner_url, invitation):
    _, token = invitation
    at = AppTest.from_function(_invitation_page, args=(token,), default_timeout=30).run()
    assert at.info.len == 0 and at.button.len == 0
