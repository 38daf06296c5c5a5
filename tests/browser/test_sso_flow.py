"""Single sign-on end to end (issue 15, sql/038, decision 95) in a real headless Chromium: `streamlit run serve.py`
with an `[auth]` secrets file whose provider is oidc-provider-mock, started by the test on loopback (a Flask app in
a thread under werkzeug's server).

Sign-in and first link by e-mail, a second sign-in by the linked identity, an unknown identity ("kein Konto"), the
30-day identity cookie that signs nobody in again after the session ended, and "Abmelden" that ends both. A token
the provider issues for another client (wrong audience), an expired and a tampered ID token are refused by
Streamlit's callback (Authlib checks audience, expiry and signature) before the app sees them: the user lands on the
login page, with no access and no identity cookie. A forged identity cookie is dropped by Streamlit (its signature);
one signed with the right secret but old is refused by leokop with a German message.
"""

from __future__ import annotations

import base64
import json
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import flask
import psycopg
import pytest
from playwright.sync_api import Page, expect

from leokop import texts
from leokop.services import sessions
from leokop.services.passwords import hash_password
from tests.browser.conftest import _OPEN_PAGES as OPEN_PAGES
from tests.browser.conftest import EXPECT_TIMEOUT, streamlit_server
from tests.browser.test_session_flow import LANDING_TIMEOUT, _expect_login_form, _expect_signed_in, _settled
from tests.helpers import school_id

pytestmark = pytest.mark.browser

USER = "sso-browser"
NAME = "Lena Einmal"
EMAIL = "lena.sso@schule.example"
SUBJECT = "lena-sso"
STRANGER = "fremd-sso"
LABEL = "Schulportal Hessen"
IDENTITY_COOKIE = "_streamlit_user"
COOKIE_SECRET = "leokop-sso-test-" + "k" * 24
# What the provider's token endpoint does to the ID token it hands out (set by a test, reset after it).
TAMPER: dict[str, str | None] = {"mode": None}


def _b64(part: str) -> dict:
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def _unb64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def _tampered(id_token: str, mode: str) -> str:
    """The ID token as a wrong or broken provider would send it: signed for another client (audience), signed but
    expired an hour ago, or with its content changed after signing (tampered)."""
    from joserfc import jwt
    from joserfc.jwk import RSAKey

    header, payload, signature = id_token.split(".")
    claims = _b64(payload)
    if mode == "tampered":
        claims["sub"] = "jemand-anderes"
        return f"{header}.{_unb64(claims)}.{signature}"
    now = int(time.time())
    if mode == "audience":
        claims["aud"] = "ein-anderer-client"
    elif mode == "expired":
        claims.update(iat=now - 7200, exp=now - 3600)
    key = RSAKey.import_key(flask.g.oidc_provider_mock_storage.jwk.as_dict(is_private=True))
    return jwt.encode(_b64(header), claims, key)


def _provider_app():
    from oidc_provider_mock import User, app

    provider = app(user_claims=[User(sub=SUBJECT, claims={"email": EMAIL, "email_verified": True, "name": NAME}),
                                User(sub=STRANGER, claims={"email": "fremd@schule.example", "email_verified": True})])

    @provider.after_request
    def tamper(response):
        mode = TAMPER["mode"]
        if mode and flask.request.path.endswith("/token") and response.is_json:
            body = response.get_json()
            body["id_token"] = _tampered(body["id_token"], mode)
            response.set_data(json.dumps(body))
        return response

    return provider


@pytest.fixture(scope="module")
def provider_url() -> Iterator[str]:
    """oidc-provider-mock on a free loopback port, in a thread of this process; stopped afterwards."""
    from werkzeug.serving import make_server

    os.environ["AUTHLIB_INSECURE_TRANSPORT"] = "1"  # the provider on plain http (loopback only)
    server = make_server("127.0.0.1", 0, _provider_app(), threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(10)


@pytest.fixture(scope="module")
def sso_url(chromium, owner_url: str, provider_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app with its routes (serve.py) and a secrets file (outside the project) that configures the provider."""
    folder = tmp_path_factory.mktemp("sso")
    secrets = folder / "secrets.toml"
    secrets.write_text(f"""[auth]
redirect_uri = "http://127.0.0.1:{{port}}/oauth2callback"
cookie_secret = "{COOKIE_SECRET}"

[auth.schulportal]
label = "{LABEL}"
client_id = "leokop"
client_secret = "leokop-geheim"
server_metadata_url = "{provider_url}/.well-known/openid-configuration"
""", encoding="utf-8")
    with streamlit_server("serve.py", owner_url, folder, ("--secrets.files", str(secrets))) as base_url:
        yield base_url


@pytest.fixture()
def person(owner_url: str) -> Iterator[str]:
    """A Schulleitung of Mainufer with the provider's e-mail address (and a password), removed afterwards with its
    identities and sessions."""
    with psycopg.connect(owner_url, autocommit=True) as conn:
        conn.execute("delete from app_users where username = %s", (USER,))
        uid = conn.execute("insert into app_users (username, display_name, email) values (%s, %s, %s) returning id",
                           (USER, NAME, EMAIL)).fetchone()[0]
        conn.execute("insert into user_credentials (user_id, password_hash) values (%s, %s)",
                     (uid, hash_password("Ein-langes-SSO-Passwort-7")))
        conn.execute("insert into memberships (user_id, role, school_id) values (%s, 'schulleitung', %s)",
                     (uid, school_id("mainufer")))
    yield USER
    with psycopg.connect(owner_url, autocommit=True) as conn:
        conn.execute("delete from app_users where id = %s", (uid,))
        conn.execute("delete from user_identities where subject in (%s, %s)", (SUBJECT, STRANGER))


@pytest.fixture()
def context(browser, request: pytest.FixtureRequest):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="de-DE")
    context.set_default_timeout(EXPECT_TIMEOUT)
    expect.set_options(timeout=EXPECT_TIMEOUT)
    request.node.stash[OPEN_PAGES] = pages = []
    context.on("page", lambda page: pages.append(page))
    TAMPER["mode"] = None
    try:
        yield context
    finally:
        TAMPER["mode"] = None
        context.close()


def _cookies(context) -> dict[str, str]:
    return {c["name"]: c["value"] for c in context.cookies()}


def _open(context, url: str) -> Page:
    page = context.new_page()
    page.goto(url, wait_until="domcontentloaded")
    _settled(page)
    return page


def _at_the_provider(page: Page, sso_url: str) -> None:
    """The login page's provider button, and the provider's page."""
    page.goto(sso_url, wait_until="domcontentloaded")
    _settled(page)
    page.get_by_role("button", name=f"Mit {LABEL} anmelden").click()
    expect(page.get_by_role("heading", name="Authorize Client")).to_be_visible()


def _choose(page: Page, subject: str, *, handed_over: bool = False) -> None:
    """The provider's predefined user; back in the app, (with handed_over) the session's cookie handoff."""
    button = page.get_by_role("button", name=subject, exact=True)
    if handed_over:
        with page.expect_response(lambda r: r.url.endswith("/sitzung") and r.request.method == "POST",
                                  timeout=LANDING_TIMEOUT) as handover:
            button.click()
        assert handover.value.status == 204, "the cookie route refused the handoff"
    else:
        button.click()
        page.wait_for_url(lambda url: "127.0.0.1" in url and "/oauth2" not in url and "/auth/" not in url,
                          timeout=LANDING_TIMEOUT)
    _settled(page)


def _sign_out_everywhere(page: Page) -> None:
    """"Abmelden": the app ends its session and sends the browser to the provider's logout, which returns to the
    app."""
    page.get_by_test_id("stSidebar").get_by_role("button", name=texts.LOGOUT).click()
    expect(page.get_by_role("heading", name="End Session")).to_be_visible()
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(lambda url: "/oauth2" not in url and "/end_session" not in url, timeout=LANDING_TIMEOUT)
    _settled(page)


def _open_sessions(owner_url: str) -> int:
    with psycopg.connect(owner_url) as conn:
        return conn.execute("select count(*) from user_sessions s join app_users u on u.id = s.user_id"
                            " where u.username = %s and s.ended_at is null", (USER,)).fetchone()[0]


def _links(owner_url: str) -> list[tuple]:
    with psycopg.connect(owner_url) as conn:
        return conn.execute("select i.subject, i.linked_by from user_identities i join app_users u on u.id = i.user_id"
                            " where u.username = %s", (USER,)).fetchall()


def test_first_sign_in_links_by_email_and_the_second_by_the_identity(context, sso_url, owner_url, person):
    page = _open(context, sso_url)
    _expect_login_form(page)
    _at_the_provider(page, sso_url)
    _choose(page, SUBJECT, handed_over=True)
    _expect_signed_in(page, NAME)
    assert _links(owner_url) == [(SUBJECT, "email")]
    cookies = _cookies(context)
    assert sessions.COOKIE in cookies and IDENTITY_COOKIE in cookies
    # a reload keeps the leokop session (its own cookie), as after a password
    page.reload(wait_until="domcontentloaded")
    _settled(page)
    _expect_signed_in(page, NAME)

    # "Abmelden" ends both: the leokop session in the database and Streamlit's identity cookie
    _sign_out_everywhere(page)
    _expect_login_form(page)
    assert _open_sessions(owner_url) == 0
    assert IDENTITY_COOKIE not in _cookies(context)
    # the cookie route was asked before the browser left for the provider (a keepalive fetch): no cookie left over
    assert sessions.COOKIE not in _cookies(context)

    # the second sign-in: the identity is linked now
    _at_the_provider(page, sso_url)
    _choose(page, SUBJECT, handed_over=True)
    _expect_signed_in(page, NAME)
    assert _links(owner_url) == [(SUBJECT, "email")] and _open_sessions(owner_url) == 1


def test_the_identity_cookie_alone_signs_nobody_in_after_the_session_ended(context, sso_url, owner_url, person):
    page = _open(context, sso_url)
    _at_the_provider(page, sso_url)
    _choose(page, SUBJECT, handed_over=True)
    _expect_signed_in(page, NAME)
    # the session runs idle (as test_session_flow's idle test does it), Streamlit's 30-day cookie stays
    with psycopg.connect(owner_url, autocommit=True) as conn:
        conn.execute("update user_sessions set last_seen_at = now() - interval '31 minutes' where user_id ="
                     " (select id from app_users where username = %s) and ended_at is null", (USER,))
    page.reload(wait_until="domcontentloaded")
    _settled(page)
    _expect_login_form(page)
    expect(page.get_by_text(texts.SSO_STALE)).to_be_visible()
    assert IDENTITY_COOKIE in _cookies(context)
    # a new tab with the same cookies: still no session
    _expect_login_form(_open(context, sso_url))
    assert _open_sessions(owner_url) == 0


def test_an_unknown_identity_gets_kein_konto_and_can_sign_out_of_the_provider(context, sso_url, owner_url, person):
    page = _open(context, sso_url)
    _at_the_provider(page, sso_url)
    _choose(page, STRANGER)
    expect(page.get_by_text(texts.SSO_NO_ACCOUNT)).to_be_visible()
    expect(page.get_by_role("button", name=texts.LOGOUT, exact=True)).to_have_count(0)
    expect(page.get_by_label(texts.LOGIN_FIELDS["Username"])).to_have_count(0)
    with psycopg.connect(owner_url) as conn:
        assert conn.execute("select count(*) from user_identities where subject = %s", (STRANGER,)).fetchone()[0] == 0
    page.get_by_role("button", name=texts.SSO_SIGN_OUT).click()
    expect(page.get_by_role("heading", name="End Session")).to_be_visible()
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(lambda url: "/oauth2" not in url and "/end_session" not in url, timeout=LANDING_TIMEOUT)
    _settled(page)
    _expect_login_form(page)
    assert IDENTITY_COOKIE not in _cookies(context)


@pytest.mark.parametrize("mode", ["audience", "expired", "tampered"])
def test_a_wrong_audience_an_expired_or_a_tampered_token_is_refused(context, sso_url, owner_url, person, mode):
    """Streamlit's callback refuses the token (Authlib: aud, exp, signature) and sends the browser back to the app
    without an identity cookie: the login page, no access, nothing linked."""
    page = _open(context, sso_url)
    TAMPER["mode"] = mode
    _at_the_provider(page, sso_url)
    _choose(page, SUBJECT)
    _expect_login_form(page)
    expect(page.get_by_role("button", name=f"Mit {LABEL} anmelden")).to_be_visible()
    assert IDENTITY_COOKIE not in _cookies(context) and sessions.COOKIE not in _cookies(context)
    assert _links(owner_url) == [] and _open_sessions(owner_url) == 0


def _identity_cookie(claims: dict, signed_with: str) -> str:
    """Streamlit's identity cookie as its callback writes it (itsdangerous, the cookie's name as salt)."""
    from itsdangerous import URLSafeTimedSerializer

    return URLSafeTimedSerializer(signed_with, salt=IDENTITY_COOKIE).dumps(json.dumps(claims))


def test_a_forged_identity_cookie_is_refused(context, sso_url, provider_url, owner_url, person):
    """The identity cookie is signed with the cookie secret: claims of the known person signed with another secret
    are dropped by Streamlit; signed with the right one but 20 minutes old, leokop refuses them (decision 95); fresh and
    rightly signed, as the callback writes them, they sign in."""
    page = _open(context, sso_url)
    _at_the_provider(page, sso_url)
    _choose(page, STRANGER)
    expect(page.get_by_text(texts.SSO_NO_ACCOUNT)).to_be_visible()
    cookie = next(c for c in context.cookies() if c["name"] == IDENTITY_COOKIE)
    claims = {"iss": provider_url, "sub": SUBJECT, "email": EMAIL, "email_verified": True, "nonce": "n",
              "iat": int(time.time()), "is_logged_in": True, "provider": "schulportal", "origin": sso_url}
    for secret, fresh, shown in (("ein-anderes-geheimnis-" * 2, True, None), (COOKIE_SECRET, False, texts.SSO_STALE)):
        forged = _identity_cookie({**claims, "iat": claims["iat"] - (0 if fresh else 20 * 60)}, secret)
        context.add_cookies([{**cookie, "value": forged}])
        again = _open(context, sso_url)
        _expect_login_form(again)
        expect(again.get_by_text(texts.SSO_NO_ACCOUNT)).to_have_count(0)
        if shown:
            expect(again.get_by_text(shown)).to_be_visible()
        assert _links(owner_url) == [] and _open_sessions(owner_url) == 0
        again.close()
    # the control: the same claims, fresh and signed with the right secret (what the callback writes), sign in
    context.add_cookies([{**cookie, "value": _identity_cookie({**claims, "nonce": "m"}, COOKIE_SECRET)}])
    _expect_signed_in(_open(context, sso_url), NAME)


def test_the_secrets_file_is_outside_the_project(sso_url):
    assert not (Path(__file__).parents[2] / ".streamlit" / "secrets.toml").exists()
