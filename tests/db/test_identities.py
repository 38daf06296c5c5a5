"""Single sign-on (sql/038, decision 95): who may call what, linking by a verified e-mail address only (one active
account with it, no identity of that issuer yet), an invitation linked once, a sign-in accepted only once and only
right after the callback, and the password refused to teachers of a school that requires single sign-on."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from uuid import UUID, uuid4

import psycopg
import pytest

from leokop.db.locate import app_url
from leokop.repo import credentials, identities
from leokop.repo._query import StaleWrite
from leokop.services import sso
from leokop.services.passwords import hash_password
from tests.db.test_invitations import _invite, _token
from tests.db.test_sessions import DEMO_USERS, WHO, _owner, call_outcome
from tests.helpers import act_as, school_id, user_id

IDENTITY_TABLES = ("user_identities", "sso_sign_ins", "school_sign_in_settings")
ISSUER = "https://idp.schule.example"
PREFIX = "sso-test"

_MAINUFER = school_id("mainufer")
_FRESH = "%(h)s, now()"
CALLS = {
    "app_auth.sso_sign_in": (f"select * from app_auth.sso_sign_in('i', 's', {_FRESH}, 'x@y.z', true)",
                             {"leokop_app"}),
    "app_auth.sso_link_invitation": (f"select app_auth.sso_link_invitation(%(h)s, 'i', 's', {_FRESH})",
                                     {"leokop_app"}),
    "app_auth.password_login_refused": ("select app_auth.password_login_refused('lehrkraft')", {"leokop_app"}),
    "app_private.sso_fresh": ("select app_private.sso_fresh(%(h)s, now())", set()),
    "app_private.sso_account": ("select app_private.sso_account('i', 's')", set()),
    "select identities": ("select id, issuer, user_id, linked_by, last_used from public.user_identities",
                          {"authenticated"}),
    "select the subject": ("select subject from public.user_identities", set()),
    "insert identities": ("insert into public.user_identities (issuer, subject, user_id, linked_by)"
                          " values ('i', 's', %(id)s, 'email')", set()),
    "update identities": ("update public.user_identities set user_id = %(id)s", set()),
    "delete identities": ("delete from public.user_identities", set()),
    "select sso_sign_ins": ("select * from public.sso_sign_ins", set()),
    "insert sso_sign_ins": ("insert into public.sso_sign_ins (once_sha256) values (%(h)s)", set()),
    "select school_sign_in_settings": ("select * from public.school_sign_in_settings", {"authenticated"}),
    "insert the setting of Mainufer": (f"insert into public.school_sign_in_settings (school_id, sso_required)"
                                       f" values ('{_MAINUFER}', true)", {"admin"}),
    "delete school_sign_in_settings": ("delete from public.school_sign_in_settings", set()),
}


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("call", sorted(CALLS))
def test_each_role_may_call_only_its_sso_functions(owner_url, who, call):
    """Allowed, or refused with 42501 (a policy's refusal of a row is 42501 too: only Mainufer's admin may write
    Mainufer's rule)."""
    sql, allowed = CALLS[call]
    role = "authenticated" if who in DEMO_USERS else who
    assert call_outcome(owner_url, who, sql) == ("allowed" if role in allowed or who in allowed else "denied"), \
        f"{call} as {who}"


# --- accounts of their own --------------------------------------------------------------------------------------------


@pytest.fixture()
def accounts(owner_url) -> Iterator[Callable[..., UUID]]:
    """Makes Schulleitung accounts of Mainufer (with a password) and removes them, their identities and the
    school's rule afterwards."""
    def remove():
        _owner(owner_url, "delete from app_users where username like 'sso-test%%'")
        _owner(owner_url, "delete from user_identities where issuer = %s", ISSUER)
        _owner(owner_url, "delete from school_sign_in_settings")
        _owner(owner_url, "delete from auth_requests")

    def make(name: str, email: str | None, *, active: bool = True, role: str = "schulleitung") -> UUID:
        with psycopg.connect(owner_url, autocommit=True) as conn:
            uid = conn.execute("insert into app_users (username, display_name, email, active) values (%s, %s, %s, %s)"
                               " returning id", (f"{PREFIX}-{name}", f"SSO {name}", email, active)).fetchone()[0]
            conn.execute("insert into user_credentials (user_id, password_hash) values (%s, %s)",
                         (uid, hash_password("Ein-Passwort-fuer-SSO-1")))
            conn.execute("insert into memberships (user_id, role, school_id) values (%s, %s, %s)",
                         (uid, role, _MAINUFER))
        return uid

    remove()
    yield make
    remove()


def claims(subject: str, email: str | None = None, verified: bool = True, age: int = 0, **more) -> dict:
    """An ID token's claims as st.user holds them after the callback (`age` seconds old)."""
    return {"iss": ISSUER, "sub": subject, "iat": int(time.time()) - age, "nonce": uuid4().hex, "email": email,
            "email_verified": verified, "is_logged_in": True, **more}


def _sign_in(db, subject: str, email: str | None = None, **kw):
    found = sso.identity(claims(subject, email, **kw))
    assert found is not None
    return sso.sign_in(db, found)


def _links(owner_url, uid: UUID) -> list[tuple]:
    return _owner(owner_url, "select subject, linked_by from user_identities where user_id = %s", uid)


def test_a_verified_email_links_once_and_the_identity_signs_in_afterwards(db, owner_url, accounts):
    uid = accounts("a", "Anna.SSO@schule.example")
    first = _sign_in(db, "anna-1", "anna.sso@SCHULE.example")
    assert (first.user_id, first.outcome) == (uid, "verknuepft")
    assert _links(owner_url, uid) == [("anna-1", "email")]
    again = _sign_in(db, "anna-1", "ganz-andere@schule.example")  # linked by subject now, not by the address
    assert (again.user_id, again.outcome) == (uid, "angemeldet")
    assert _owner(owner_url, "select last_used is not null from user_identities where subject = 'anna-1'")[0][0]


def test_a_sign_in_counts_once_and_only_right_after_the_callback(db, owner_url, accounts):
    """The 30-day cookie of Streamlit keeps the claims: the same claims again, or claims older than 15 minutes,
    open no session."""
    uid = accounts("b", "b.sso@schule.example")
    found = sso.identity(claims("bert-1", "b.sso@schule.example"))
    assert sso.sign_in(db, found).user_id == uid
    replay = sso.sign_in(db, found)
    assert (replay.user_id, replay.outcome) == (None, "abgelaufen")
    old = _sign_in(db, "bert-1", age=16 * 60)
    assert (old.user_id, old.outcome) == (None, "abgelaufen")
    ahead = _sign_in(db, "bert-1", age=-5 * 60)
    assert (ahead.user_id, ahead.outcome) == (None, "abgelaufen")
    assert _sign_in(db, "bert-1", age=60).user_id == uid
    stored = _owner(owner_url, "select once_sha256 from sso_sign_ins where once_sha256 = %s", found.once_sha256)
    assert stored == [(found.once_sha256,)]


@pytest.mark.parametrize("case", ["unverified", "no claim", "two accounts", "inactive", "unknown address",
                                  "issuer linked already"])
def test_no_link_without_exactly_one_active_account_with_the_verified_address(db, owner_url, accounts, case):
    email = f"{case.replace(' ', '-')}@schule.example"
    uid = accounts("c", email, active=case != "inactive")
    kw = {}
    if case == "unverified":
        kw["verified"] = False
    elif case == "no claim":
        kw["verified"] = None
    elif case == "two accounts":
        accounts("c2", email.upper())
    elif case == "unknown address":
        email = "niemand@schule.example"
    elif case == "issuer linked already":
        assert _sign_in(db, "carla-old", email).user_id == uid
    refused = _sign_in(db, "carla-new", email, **kw)
    assert (refused.user_id, refused.outcome) == (None, "kein_konto")
    assert "carla-new" not in [subject for subject, _ in _links(owner_url, uid)]
    # nothing is recorded for a sign-in that leads nowhere
    assert _owner(owner_url, "select count(*) from user_identities where subject = 'carla-new'")[0][0] == 0


def test_a_deactivated_account_is_not_signed_in_by_its_identity(db, owner_url, accounts):
    uid = accounts("d", "d.sso@schule.example")
    assert _sign_in(db, "dora-1", "d.sso@schule.example").user_id == uid
    _owner(owner_url, "update app_users set active = false where id = %s", uid)
    refused = _sign_in(db, "dora-1", "d.sso@schule.example")
    assert (refused.user_id, refused.outcome) == (None, "kein_konto")


def test_an_invitation_links_the_identity_once_and_activates_the_account(db, owner_url, accounts):
    _owner(owner_url, "delete from app_users where username like 'einladung-test%%'")
    try:
        invited = _invite(db)
        token = _token(invited.link, "einladung")
        found = sso.identity(claims("eva-1"))
        old = sso.identity(claims("eva-1", age=20 * 60))
        assert sso.link_invitation(db, token, old) is None  # signed in at the provider too long ago
        assert sso.link_invitation(db, "not-a-token", found) is None
        assert sso.link_invitation(db, token, found) == invited.user_id
        assert _links(owner_url, invited.user_id) == [("eva-1", "einladung")]
        row = _owner(owner_url, "select u.active, i.end_reason from app_users u join invitations i on i.user_id = u.id"
                                " where u.id = %s", invited.user_id)
        assert row == [(True, "angenommen")]
        assert credentials.login_record(db, "einladung-test") is None  # no password: single sign-on only
        # one use: the same link again, even with a new sign-in, links nothing
        assert sso.link_invitation(db, token, sso.identity(claims("eva-2"))) is None
        assert _links(owner_url, invited.user_id) == [("eva-1", "einladung")]
        # the identity now signs in to the account
        assert sso.sign_in(db, sso.identity(claims("eva-1"))).user_id == invited.user_id
        # an identity linked already is not linked to a second invited account
        second = _invite(db, username="einladung-test2")
        assert sso.link_invitation(db, _token(second.link, "einladung"), sso.identity(claims("eva-1"))) is None
    finally:
        _owner(owner_url, "delete from app_users where username like 'einladung-test%%'")


def test_a_school_that_requires_sso_refuses_its_teachers_the_password(db, owner_url, accounts):
    accounts("e", None)
    admin_too = accounts("f", None)
    _owner(owner_url, "insert into memberships (user_id, role, school_id) values (%s, 'admin', %s)", admin_too,
           _MAINUFER)
    assert not identities.password_login_refused(db, f"{PREFIX}-e")
    admin = user_id("admin")
    frame = identities.school_settings(db, admin)
    assert frame.loc[frame["school_id"] == _MAINUFER, "sso_required"].tolist() == [False]
    identities.save_school_setting(db, admin, _MAINUFER, True, None)
    assert identities.password_login_refused(db, f"{PREFIX}-e")
    assert identities.password_login_refused(db, " SSO-TEST-E ")
    assert identities.password_login_refused(db, "lehrkraft") == (
        _owner(owner_url, "select exists (select 1 from memberships m join app_users u on u.id = m.user_id"
                          " where u.username = 'lehrkraft' and m.active and m.school_id = %s)", _MAINUFER)[0][0])
    assert not identities.password_login_refused(db, f"{PREFIX}-f")  # an admin keeps the password
    assert not identities.password_login_refused(db, "ausbilder")
    assert not identities.password_login_refused(db, "niemand")
    # a second save against the version first seen is stale; against the current one it goes through
    with pytest.raises(StaleWrite):
        identities.save_school_setting(db, admin, _MAINUFER, False, None)
    version = int(identities.school_settings(db, admin).set_index("school_id").loc[_MAINUFER, "version"])
    with pytest.raises(StaleWrite):
        identities.save_school_setting(db, admin, _MAINUFER, False, version + 1)
    identities.save_school_setting(db, admin, _MAINUFER, False, version)
    assert not identities.password_login_refused(db, f"{PREFIX}-e")
    # another school's admin cannot change it (row-level security)
    with pytest.raises((StaleWrite, psycopg.errors.InsufficientPrivilege)):
        identities.save_school_setting(db, user_id("admin2"), _MAINUFER, True, version + 1)
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        identities.save_school_setting(db, user_id("admin2"), _MAINUFER, True, None)
    assert not identities.password_login_refused(db, f"{PREFIX}-e")


def test_the_claims_make_an_identity_only_with_issuer_subject_and_iat():
    assert sso.identity({"iss": ISSUER, "sub": "x"}) is None
    assert sso.identity({"iss": "", "sub": "x", "iat": 1}) is None
    assert sso.identity({"iss": ISSUER, "sub": "x", "iat": True}) is None
    assert sso.identity({"iss": ISSUER, "sub": "x" * 256, "iat": 1}) is None
    assert sso.identity({"iss": "i" * 301, "sub": "x", "iat": 1}) is None
    found = sso.identity({"iss": ISSUER, "sub": "x", "iat": 1_700_000_000, "email": " a@b.de ",
                          "email_verified": "true"})
    assert found is not None and found.email == "a@b.de" and found.email_verified is False  # only a real true
    other_nonce = sso.identity({"iss": ISSUER, "sub": "x", "iat": 1_700_000_000, "nonce": "n"})
    assert other_nonce.once_sha256 != found.once_sha256


def test_the_providers_come_from_the_auth_section():
    base = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "s" * 32}
    keys = {"client_id": "c", "client_secret": "x", "server_metadata_url": "https://idp/.well-known"}
    assert sso.providers(None) == [] and sso.providers({}) == []
    assert sso.providers(keys) == []  # no redirect_uri and cookie_secret: st.login would refuse
    assert [(p.name, p.button) for p in sso.providers({**base, **keys})] == [(None, "Mit Single Sign-on anmelden")]
    named = sso.providers({**base, "schulportal": {**keys, "label": "Schulportal Hessen"}, "entra": keys,
                           "bad_name": keys, "incomplete": {"client_id": "c"}})
    assert [(p.name, p.button) for p in named] == [("schulportal", "Mit Schulportal Hessen anmelden"),
                                                   ("entra", "Mit Single Sign-on anmelden")]


def test_the_links_are_read_by_their_user_and_the_admin_of_the_account_only(db, owner_url, accounts):
    uid = accounts("h", "h.sso@schule.example")
    assert _sign_in(db, "hanna-1", "h.sso@schule.example").user_id == uid
    seen = {}
    for who in (uid, user_id("admin"), user_id("admin2"), user_id("lehrkraft"), user_id("schulleitung")):
        with psycopg.connect(app_url(owner_url)) as conn:
            act_as(conn, who)
            seen[who] = conn.execute("select user_id, issuer, linked_by from public.user_identities"
                                     " where issuer = %s", (ISSUER,)).fetchall()
    assert seen[uid] == [(uid, ISSUER, "email")]
    assert seen[user_id("admin")] == [(uid, ISSUER, "email")]  # Mainufer's admin manages the account
    assert seen[user_id("admin2")] == seen[user_id("lehrkraft")] == seen[user_id("schulleitung")] == []
