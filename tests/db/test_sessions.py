"""Server-side sessions (sql/036, decision 90): who may call what, and when a session is refused, through the app's
own pool (leokop_app, no RLS bypass) and the repo functions the app uses."""

from __future__ import annotations

from collections.abc import Iterator
from uuid import UUID

import psycopg
import pytest

from leokop.db.locate import app_url, worker_url
from leokop.repo import credentials, sessions
from leokop.services import sessions as session_service
from leokop.services.passwords import hash_password
from tests.helpers import act_as, school_id, user_id

SESSION_TABLES = ("user_sessions",)
DEMO_USERS = ("lehrkraft", "ausbilder", "ausbilder2", "schulleitung", "admin", "admin2", "koordination")
WHO = ("anon", *DEMO_USERS, "leokop_app", "leokop_worker", "leokop_service")
USER = "sitzung-test"


# --- who may call what ----------------------------------------------------------------------------------------------

_H = "0" * 64
# statement → the roles that may run it ("authenticated": every signed-in demo user)
CALLS = {
    "public.session_start": ("select public.session_start(%(h)s, 'Firefox', 30, 10)", {"authenticated"}),
    "public.session_end": ("select public.session_end(%(id)s, 'beendet')", {"authenticated"}),
    "app_auth.session_claim": ("select app_auth.session_claim(%(h)s, %(h)s)", {"leokop_app"}),
    "app_auth.session_resume": ("select * from app_auth.session_resume(%(h)s)", {"leokop_app"}),
    "app_auth.session_check": ("select * from app_auth.session_check(%(id)s)", {"leokop_app"}),
    "app_auth.session_end_by_token": ("select app_auth.session_end_by_token(%(h)s)", {"leokop_app"}),
    "app_private.session_open": ("select app_private.session_open(%(id)s)", set()),
    "select own columns": ("select id, created_at, last_seen_at, user_agent from public.user_sessions",
                           {"authenticated"}),
    "select the token hash": ("select token_sha256 from public.user_sessions", set()),
    "select the handoff hash": ("select handoff_sha256 from public.user_sessions", set()),
    "insert": ("insert into public.user_sessions (user_id, idle_minutes, expires_at) values (%(id)s, 30, now())",
               set()),
    "update": ("update public.user_sessions set ended_at = null, end_reason = null", set()),
    "delete": ("delete from public.user_sessions", set()),
}


def _connect(owner_url: str, who: str) -> psycopg.Connection:
    """A connection as the app's roles connect; the demo users and anon through leokop_app, as Database does."""
    url = worker_url(owner_url) if who in ("leokop_worker", "leokop_service") else app_url(owner_url)
    conn = psycopg.connect(url)
    if who == "anon":
        act_as(conn, None)
    elif who == "leokop_service":
        conn.execute("select set_config('role', 'leokop_service', true)")
    elif who in DEMO_USERS:
        act_as(conn, who)
    return conn


def call_outcome(owner_url: str, who: str, sql: str) -> str:
    """"allowed" or "denied" (42501) for one call as `who`, with a dummy hash and lehrkraft's id; rolled back."""
    with _connect(owner_url, who) as conn:
        try:
            conn.execute(sql, {"h": _H, "id": user_id("lehrkraft")})
            return "allowed"
        except psycopg.errors.InsufficientPrivilege:
            return "denied"
        finally:
            conn.rollback()


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("call", sorted(CALLS))
def test_each_role_may_call_only_its_session_functions(owner_url, who, call):
    sql, allowed = CALLS[call]
    role = "authenticated" if who in DEMO_USERS else who
    assert call_outcome(owner_url, who, sql) == ("allowed" if role in allowed else "denied"), f"{call} as {who}"


# --- the life of a session ------------------------------------------------------------------------------------------


@pytest.fixture()
def person(owner_url) -> Iterator[UUID]:
    """A user of its own (a Schulleitung of Mainufer with a password), removed with its sessions afterwards."""
    with psycopg.connect(owner_url, autocommit=True) as conn:
        conn.execute("delete from app_users where username = %s", (USER,))
        uid = conn.execute("insert into app_users (username, display_name) values (%s, 'Sitzung Test') returning id",
                           (USER,)).fetchone()[0]
        conn.execute("insert into user_credentials (user_id, password_hash) values (%s, %s)",
                     (uid, hash_password("Sitzung-Test-Passwort-1")))
        conn.execute("insert into memberships (user_id, role, school_id) values (%s, 'schulleitung', %s)",
                     (uid, school_id("mainufer")))
    yield uid
    with psycopg.connect(owner_url, autocommit=True) as conn:
        conn.execute("delete from app_users where id = %s", (uid,))


def _owner(owner_url: str, sql: str, *params) -> list[tuple]:
    with psycopg.connect(owner_url, autocommit=True) as conn:
        cur = conn.execute(sql, params)
        return cur.fetchall() if cur.description else []


def _signed_in(db, uid: UUID) -> tuple[UUID, str]:
    """A session started and claimed as the app does it: (session id, the cookie's token)."""
    started = session_service.start(db, uid, "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0")
    token = session_service.new_secret()
    assert sessions.claim(db, session_service.digest(started.handoff), session_service.digest(token))
    return started.session_id, token


def _ended(owner_url: str, session_id: UUID) -> tuple:
    return _owner(owner_url, "select ended_at is not null, end_reason from user_sessions where id = %s",
                  session_id)[0]


def test_a_claimed_session_resumes_and_is_touched(db, owner_url, person):
    session_id, token = _signed_in(db, person)
    stored = _owner(owner_url, "select token_sha256, handoff_sha256, user_agent, expires_at - created_at,"
                               " idle_minutes from user_sessions where id = %s", session_id)[0]
    assert stored[0] == session_service.digest(token) and token not in stored[0] and stored[1] is None
    assert stored[2].startswith("Mozilla") and stored[3].total_seconds() == 10 * 3600 and stored[4] == 30
    _owner(owner_url, "update user_sessions set last_seen_at = now() - interval '10 minutes' where id = %s",
           session_id)
    assert session_service.resume(db, token) == (session_id, person)
    seen = _owner(owner_url, "select now() - last_seen_at from user_sessions where id = %s", session_id)[0][0]
    assert seen.total_seconds() < 60
    check = sessions.check(db, session_id)
    assert check is not None and check.user_id == person and check.claimed


def test_a_handoff_is_claimed_once_and_only_within_two_minutes(db, owner_url, person):
    started = session_service.start(db, person, None)
    assert sessions.check(db, started.session_id).claimed is False
    first, second = session_service.new_secret(), session_service.new_secret()
    assert sessions.claim(db, session_service.digest(started.handoff), session_service.digest(first))
    assert not sessions.claim(db, session_service.digest(started.handoff), session_service.digest(second))
    assert session_service.resume(db, second) is None
    late = session_service.start(db, person, None)
    _owner(owner_url, "update user_sessions set handoff_until = now() - interval '1 second' where id = %s",
           late.session_id)
    assert not sessions.claim(db, session_service.digest(late.handoff), session_service.digest(second))
    assert not sessions.claim(db, session_service.digest("x" * 43), session_service.digest(second))


REFUSALS = {
    "ended": ("update user_sessions set ended_at = now(), end_reason = 'abgemeldet' where id = %(s)s", "abgemeldet"),
    "idle": ("update user_sessions set last_seen_at = now() - interval '31 minutes' where id = %(s)s", "leerlauf"),
    "over the maximum": ("update user_sessions set expires_at = now() - interval '1 second' where id = %(s)s",
                         "hoechstdauer"),
    "deactivated": ("update app_users set active = false where id = %(u)s", "kein_zugang"),
    "no membership": ("update memberships set active = false where user_id = %(u)s", "kein_zugang"),
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_resume_and_check_refuse_a_session_that_is_over(db, owner_url, person, case):
    session_id, token = _signed_in(db, person)
    other_id, _ = _signed_in(db, person)
    assert session_service.resume(db, token) == (session_id, person)  # valid before
    sql, reason = REFUSALS[case]
    with psycopg.connect(owner_url, autocommit=True) as conn:
        conn.execute(sql, {"s": session_id, "u": person})
    assert session_service.resume(db, token) is None
    assert sessions.check(db, session_id) is None
    assert _ended(owner_url, session_id) == (True, reason)
    # an account without access ends every session at its next use; a single session's limit ends that one only
    account_wide = case in ("deactivated", "no membership")
    assert (sessions.check(db, other_id) is None) == account_wide


def test_a_user_ends_only_their_own_sessions(db, owner_url, person):
    session_id, token = _signed_in(db, person)
    for other in ("lehrkraft", "admin"):  # an admin of the same school is refused too
        with pytest.raises(sessions.SessionGone):
            sessions.end_own(db, user_id(other), session_id)
    assert _ended(owner_url, session_id) == (False, None)
    sessions.end_own(db, person, session_id)
    assert _ended(owner_url, session_id) == (True, "beendet")
    assert session_service.resume(db, token) is None
    with pytest.raises(sessions.SessionGone):  # once
        sessions.end_own(db, person, session_id)


def test_each_user_lists_only_their_own_sessions(db, person):
    mine, _ = _signed_in(db, person)
    theirs, _ = _signed_in(db, user_id("lehrkraft"))
    try:
        assert set(sessions.my_sessions(db, person)["id"]) == {mine}
        seen_by_lehrkraft = set(sessions.my_sessions(db, user_id("lehrkraft"))["id"])
        assert theirs in seen_by_lehrkraft and mine not in seen_by_lehrkraft
        assert set(sessions.my_sessions(db, user_id("admin"))["id"]).isdisjoint({mine, theirs})
    finally:
        sessions.end_own(db, user_id("lehrkraft"), theirs)


def test_the_list_shows_a_session_past_its_idle_time_as_ended(db, owner_url, person):
    idle, _ = _signed_in(db, person)
    fresh, _ = _signed_in(db, person)
    _owner(owner_url, "update user_sessions set last_seen_at = now() - interval '31 minutes' where id = %s", idle)
    listed = {row["id"]: row["ended_at"] for _, row in sessions.my_sessions(db, person).iterrows()}
    assert listed.keys() == {idle, fresh}
    assert listed[fresh] is None or listed[fresh] != listed[fresh]  # None or NaT: still open
    assert listed[idle] is not None and listed[idle] == listed[idle]
    assert _ended(owner_url, idle) == (False, None)  # the row itself ends when it is next used


def test_logout_by_the_cookie_ends_the_session(db, owner_url, person):
    session_id, token = _signed_in(db, person)
    assert sessions.end_by_token(db, session_service.digest(token))
    assert _ended(owner_url, session_id) == (True, "abgemeldet")
    assert session_service.resume(db, token) is None
    assert not sessions.end_by_token(db, session_service.digest(token))


@pytest.mark.parametrize("how", ["own change", "set by an admin"])
def test_a_new_password_ends_every_session_of_the_user(db, owner_url, person, how):
    first, first_token = _signed_in(db, person)
    second, _ = _signed_in(db, person)
    bystander, bystander_token = _signed_in(db, user_id("lehrkraft"))
    try:
        if how == "own change":
            credentials.change_own_password(db, person, hash_password("Sitzung-Test-Passwort-2"))
        else:
            _owner(owner_url, "insert into user_credentials (user_id, password_hash) values (%s, %s) on conflict"
                              " (user_id) do update set password_hash = excluded.password_hash",
                   person, hash_password("Sitzung-Test-Passwort-3"))
        assert _ended(owner_url, first) == (True, "passwort") and _ended(owner_url, second) == (True, "passwort")
        assert session_service.resume(db, first_token) is None
        assert session_service.resume(db, bystander_token) == (bystander, user_id("lehrkraft"))
    finally:
        sessions.end_own(db, user_id("lehrkraft"), bystander)


def test_ended_sessions_are_deleted_after_30_days(db, owner_url, person):
    old, _ = _signed_in(db, person)
    recent, _ = _signed_in(db, person)
    never_closed, _ = _signed_in(db, person)
    _owner(owner_url, "update user_sessions set expires_at = now() - interval '31 days' where id = %s", never_closed)
    _owner(owner_url, "update user_sessions set ended_at = now() - interval '31 days', end_reason = 'beendet'"
                      " where id = %s", old)
    _owner(owner_url, "update user_sessions set ended_at = now() - interval '29 days', end_reason = 'beendet'"
                      " where id = %s", recent)
    session_service.start(db, person, None)
    left = {r[0] for r in _owner(owner_url, "select id from user_sessions where user_id = %s", person)}
    assert old not in left and never_closed not in left and recent in left


def test_a_malformed_cookie_is_never_looked_up(db):
    for token in (None, "", "abc", "x" * 44, "ä" * 43, "' or 1=1 --" + "a" * 32):
        assert session_service.resume(db, token) is None


@pytest.mark.parametrize(("agent", "label"), [
    ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36"
     " Edg/140.0", "Edge unter Windows"),
    ("Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0", "Firefox unter Linux"),
    ("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile Safari/604.1",
     "Safari unter iOS"),
    ("Mozilla/5.0 (Linux; Android 15) AppleWebKit/537.36 Chrome/140.0 Mobile Safari/537.36", "Chrome unter Android"),
    ("curl/8.0", "Unbekannter Browser"),
    ("", "Unbekannter Browser"),
])
def test_the_user_agent_is_shortened_to_browser_and_system(agent, label):
    assert session_service.device(agent) == label


# --- the cookie route (leokop/web.py) ---------------------------------------------------------------------------------


@pytest.fixture()
def client(owner_url):
    from starlette.applications import Starlette
    from starlette.testclient import TestClient

    from leokop import web

    with TestClient(Starlette(routes=web.routes()), base_url="http://leokop.test") as test_client:
        yield test_client


_SAME = {"Origin": "http://leokop.test", "Content-Type": "application/json"}


def test_the_route_sets_an_httponly_strict_cookie_for_a_handoff_once(db, owner_url, person, client):
    started = session_service.start(db, person, None)
    response = client.post("/sitzung", json={"handoff": started.handoff}, headers=_SAME)
    assert response.status_code == 204
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{session_service.COOKIE}=") and "HttpOnly" in cookie
    assert "SameSite=strict" in cookie and "Path=/" in cookie and "Max-Age=36000" in cookie
    assert "Secure" not in cookie  # served over http here; over https it is Secure
    token = cookie.split(";")[0].split("=", 1)[1]
    assert session_service.resume(db, token) == (started.session_id, person)
    again = client.post("/sitzung", json={"handoff": started.handoff}, headers=_SAME)
    assert again.status_code == 403 and "set-cookie" not in again.headers
    secure = session_service.start(db, person, None)
    over_https = client.post("https://leokop.test/sitzung", json={"handoff": secure.handoff},
                             headers={**_SAME, "Origin": "https://leokop.test"})
    assert over_https.status_code == 204 and "Secure" in over_https.headers["set-cookie"]


@pytest.mark.parametrize("request_kind", ["other origin", "no origin", "cross-site fetch", "form post", "GET"])
def test_the_route_refuses_what_another_site_could_send(db, owner_url, person, client, request_kind):
    started = session_service.start(db, person, None)
    body = {"handoff": started.handoff}
    if request_kind == "other origin":
        response = client.post("/sitzung", json=body, headers={**_SAME, "Origin": "http://angreifer.test"})
    elif request_kind == "no origin":
        response = client.post("/sitzung", json=body, headers={"Content-Type": "application/json"})
    elif request_kind == "cross-site fetch":
        response = client.post("/sitzung", json=body, headers={**_SAME, "Sec-Fetch-Site": "cross-site"})
    elif request_kind == "form post":
        response = client.post("/sitzung", data=body, headers={"Origin": "http://leokop.test"})
    else:
        response = client.get("/sitzung", params=body, headers=_SAME)
    assert response.status_code in (403, 405) and "set-cookie" not in response.headers
    # the handoff is still unused: only the app's own request could have claimed it
    assert sessions.claim(db, session_service.digest(started.handoff), session_service.digest("t" * 43))


def test_the_logout_route_ends_the_session_and_deletes_the_cookie(db, owner_url, person, client):
    session_id, token = _signed_in(db, person)
    client.cookies.set(session_service.COOKIE, token)
    refused = client.post("/sitzung/ende", json={}, headers={**_SAME, "Origin": "http://angreifer.test"})
    assert refused.status_code == 403 and _ended(owner_url, session_id) == (False, None)
    response = client.post("/sitzung/ende", json={}, headers=_SAME)
    assert response.status_code == 204
    assert response.headers["set-cookie"].startswith(f'{session_service.COOKIE}=""') or \
        "Max-Age=0" in response.headers["set-cookie"]
    assert _ended(owner_url, session_id) == (True, "abgemeldet")
