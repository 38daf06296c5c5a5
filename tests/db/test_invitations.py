"""Invitations and password reset (sql/037, decision 92): who may call what, the life of a link (one use, expiry,
withdrawal, a new link), the same answer for unknown users, the rate limits, and the German mails read from a real
SMTP server (aiosmtpd) with the link in them opened."""

from __future__ import annotations

import re
from collections.abc import Iterator
from email.header import decode_header, make_header
from urllib.parse import parse_qs, urlsplit
from uuid import UUID

import psycopg
import pytest
from aiosmtpd.controller import Controller

from leokop.config import SmtpSettings
from leokop.repo import credentials, invitations
from leokop.services import invitations as service
from leokop.services import sessions as session_service
from leokop.services.passwords import verify_password
from tests.db.test_notify import _free_port, _Inbox
from tests.db.test_sessions import DEMO_USERS, WHO, _ended, _owner, _signed_in, call_outcome
from tests.helpers import school_id, user_id

INVITATION_TABLES = ("invitations", "password_resets", "auth_requests")
BASE = "https://leokop.schule.example"
NAME = "einladung-test"
PASSWORD = "Kaffeemaschine Wolkenkratzer Birnbaum 7"

CALLS = {
    "public.invitation_issue": ("select public.invitation_issue(%(id)s, %(h)s, null)", set()),  # no managed id
    "public.invitation_withdraw": ("select public.invitation_withdraw(%(id)s)", {"authenticated"}),
    "app_auth.invitation_lookup": ("select * from app_auth.invitation_lookup(%(h)s)", {"leokop_app"}),
    "app_auth.invitation_accept": ("select app_auth.invitation_accept(%(h)s, 'x')", {"leokop_app"}),
    "app_auth.password_reset_request": ("select app_auth.password_reset_request('x', %(h)s, %(h)s)",
                                        {"leokop_app"}),
    "app_auth.password_reset_lookup": ("select * from app_auth.password_reset_lookup(%(h)s)", {"leokop_app"}),
    "app_auth.password_reset_use": ("select app_auth.password_reset_use(%(h)s, 'x')", {"leokop_app"}),
    "app_private.auth_request_allowed": (
        "select app_private.auth_request_allowed('passwort', null, %(h)s, 1, 1)", set()),
    "select invitations": ("select id, user_id, valid_until, end_reason from public.invitations", {"authenticated"}),
    "select the invitation hash": ("select token_sha256 from public.invitations", set()),
    "select password_resets": ("select * from public.password_resets", set()),
    "select auth_requests": ("select * from public.auth_requests", set()),
    "insert invitations": ("insert into public.invitations (user_id, token_sha256, valid_until)"
                           " values (%(id)s, %(h)s, now())", set()),
    "update invitations": ("update public.invitations set ended_at = null, end_reason = null", set()),
    "insert password_resets": ("insert into public.password_resets (user_id, token_sha256, valid_until)"
                               " values (%(id)s, %(h)s, now())", set()),
}


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("call", sorted(CALLS))
def test_each_role_may_call_only_its_invitation_functions(owner_url, who, call):
    """Allowed or refused with 42501 (invitation_issue: every demo user is refused for a demo account, which has a
    password; an admin's own case is below)."""
    sql, allowed = CALLS[call]
    role = "authenticated" if who in DEMO_USERS else who
    assert call_outcome(owner_url, who, sql) == ("allowed" if role in allowed else "denied"), f"{call} as {who}"


@pytest.fixture()
def mail_server():
    """A local SMTP server (aiosmtpd) that keeps what it receives."""
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield inbox, SmtpSettings("127.0.0.1", controller.port, "leokop@schule.example", False, None, None)
    controller.stop()


# --- invitations ----------------------------------------------------------------------------------------------------


@pytest.fixture()
def clean(owner_url) -> Iterator[None]:
    def remove():
        _owner(owner_url, "delete from app_users where username like 'einladung-test%%'")
        _owner(owner_url, "delete from auth_requests")
    remove()
    yield
    remove()


def _invite(db, admin: str = "admin", school: str = "mainufer", username: str = NAME, smtp=None, client=None):
    return service.invite(db, user_id(admin), username=username, display_name="Eva Einladung",
                          email=f"{username}@schule.example", role="schulleitung",
                          scope={"school_id": school_id(school), "class_id": None, "company_id": None,
                                 "cooperation_id": None},
                          base_url=BASE, smtp=smtp, client=client)


def _token(url: str, param: str) -> str:
    return parse_qs(urlsplit(url).query)[param][0]


def test_an_invitation_sets_the_password_once_and_activates_the_account(db, owner_url, clean):
    invited = _invite(db)
    assert not invited.mailed and invited.link.startswith(f"{BASE}/?einladung=")
    token = _token(invited.link, "einladung")
    stored = _owner(owner_url, "select i.token_sha256, i.valid_until - i.created_at, u.active from invitations i"
                               " join app_users u on u.id = i.user_id where u.id = %s", invited.user_id)[0]
    assert stored[0] == session_service.digest(token) and token not in stored[0]
    assert stored[1].days == 14 and stored[2] is False
    assert credentials.login_record(db, NAME) is None  # no password, inactive: no sign-in yet
    found = service.owner(db, "einladung", token)
    assert found is not None and found.username == NAME and found.display_name == "Eva Einladung"
    assert found.schools == [_owner(owner_url, "select name from schools where id = %s", school_id("mainufer"))[0][0]]
    assert service.use(db, "einladung", token, PASSWORD) == invited.user_id
    record = credentials.login_record(db, NAME)
    assert record is not None and verify_password(PASSWORD, record.password_hash) and not record.must_change
    # the person is signed in the way sessions start
    session_id, _ = _signed_in(db, invited.user_id)
    assert _ended(owner_url, session_id) == (False, None)
    # one use only
    assert service.owner(db, "einladung", token) is None
    assert service.use(db, "einladung", token, "Ein ganz anderes Passwort 99") is None
    assert verify_password(PASSWORD, credentials.login_record(db, NAME).password_hash)
    listed = invitations.list_invitations(db, user_id("admin"))
    assert listed.set_index("username").loc[NAME, "state"] == "angenommen"


def test_an_expired_invitation_is_refused(db, owner_url, clean):
    token = _token(_invite(db).link, "einladung")
    _owner(owner_url, "update invitations set valid_until = now() - interval '1 second'"
                      " where token_sha256 = %s", session_service.digest(token))
    assert service.owner(db, "einladung", token) is None
    assert service.use(db, "einladung", token, PASSWORD) is None
    assert invitations.list_invitations(db, user_id("admin")).set_index("username").loc[NAME, "state"] == "abgelaufen"


def test_a_withdrawn_invitation_is_dead_and_withdrawn_once(db, clean):
    invited = _invite(db)
    listed = invitations.list_invitations(db, user_id("admin")).set_index("username")
    assert listed.loc[NAME, "state"] == "offen"
    invitation = listed.loc[NAME, "id"]
    with pytest.raises(invitations.InvitationGone):  # another school's admin
        invitations.withdraw(db, user_id("admin2"), invitation)
    assert invitations.withdraw(db, user_id("admin"), invitation)
    with pytest.raises(invitations.InvitationGone):
        invitations.withdraw(db, user_id("admin"), invitation)
    assert service.use(db, "einladung", _token(invited.link, "einladung"), PASSWORD) is None
    assert invitations.list_invitations(db, user_id("admin")).set_index("username").loc[NAME, "state"] \
        == "zurueckgezogen"


def test_sending_again_makes_a_new_link_and_kills_the_old_one(db, clean):
    first = _invite(db)
    again = service.invite_again(db, user_id("admin"), first.user_id, None, "Eva Einladung", base_url=BASE,
                                 smtp=None, client=None)
    assert again.link != first.link
    assert service.use(db, "einladung", _token(first.link, "einladung"), PASSWORD) is None
    listed = invitations.list_invitations(db, user_id("admin"))
    assert len(listed[listed["username"] == NAME]) == 1  # the replaced one is not listed
    assert service.use(db, "einladung", _token(again.link, "einladung"), PASSWORD) == first.user_id
    with pytest.raises(invitations.NotInvitable):  # it has a password now
        service.invite_again(db, user_id("admin"), first.user_id, None, "Eva", base_url=BASE, smtp=None,
                             client=None)


def test_an_admin_of_another_school_cannot_invite_into_it(db, owner_url, clean):
    with pytest.raises(psycopg.errors.InsufficientPrivilege):  # the membership's policy
        _invite(db, admin="admin2", school="mainufer")
    assert _owner(owner_url, "select count(*) from app_users where username = %s", NAME) == [(0,)]
    invited = _invite(db)
    with pytest.raises(invitations.NotInvitable):
        invitations.issue(db, user_id("admin2"), invited.user_id, "c" * 64, None)
    with pytest.raises(invitations.NotInvitable):  # a demo account of the own school has a password
        invitations.issue(db, user_id("admin"), user_id("lehrkraft"), "c" * 64, None)


def test_invitations_are_rate_limited_per_account_and_per_client(db, clean):
    client = service.client_digest("192.0.2.1", "")
    invited = _invite(db, client=client)
    for _ in range(2):
        service.invite_again(db, user_id("admin"), invited.user_id, None, "Eva", base_url=BASE, smtp=None,
                             client=client)
    with pytest.raises(invitations.TooMany):  # the fourth for this account within the hour
        service.invite_again(db, user_id("admin"), invited.user_id, None, "Eva", base_url=BASE, smtp=None,
                             client=service.client_digest("192.0.2.2", ""))
    for n in range(27):  # 27 more accounts from the same address: 30 in all
        _invite(db, username=f"{NAME}-{n}", client=client)
    with pytest.raises(invitations.TooMany):
        _invite(db, username=f"{NAME}-x", client=client)
    _invite(db, username=f"{NAME}-y", client=service.client_digest("192.0.2.3", ""))


def test_the_invitation_mail_is_german_and_its_link_works(db, clean, mail_server):
    inbox, settings = mail_server
    invited = _invite(db, smtp=settings)
    assert invited.mailed and len(inbox.messages) == 1
    mail = inbox.messages[0]
    assert mail["To"] == f"{NAME}@schule.example" and mail["Subject"] == "Einladung zu leokop"
    body = mail.get_payload(decode=True).decode("utf-8")
    assert "Guten Tag Eva Einladung" in body and "legen Sie Ihr Passwort fest" in body
    url = re.search(r"https://\S+", body).group(0)
    assert url == invited.link
    assert service.use(db, "einladung", _token(url, "einladung"), PASSWORD) == invited.user_id


# --- password reset -------------------------------------------------------------------------------------------------

RESET_USER = "einladung-test-reset"


@pytest.fixture()
def account(db, owner_url, clean) -> UUID:
    """An active account with an e-mail address and a password (through an accepted invitation)."""
    invited = _invite(db, username=RESET_USER)
    service.use(db, "einladung", _token(invited.link, "einladung"), PASSWORD)
    _owner(owner_url, "delete from auth_requests")
    return invited.user_id


def test_a_reset_link_sets_a_new_password_once_and_ends_the_sessions(db, owner_url, account, mail_server):
    inbox, settings = mail_server
    session_id, _ = _signed_in(db, account)
    mail = service.request_reset(db, f"  {RESET_USER.upper()} ", base_url=BASE, client="192.0.2.9")
    assert mail is not None and mail.email == f"{RESET_USER}@schule.example"
    assert mail.send(settings) and len(inbox.messages) == 1
    message = inbox.messages[0]
    assert str(make_header(decode_header(message["Subject"]))) == "leokop: Passwort zurücksetzen"
    body = message.get_payload(decode=True).decode("utf-8")
    assert "60 Minuten" in body and RESET_USER not in body  # no name of the account in a mail anyone may trigger
    url = re.search(r"https://\S+", body).group(0)
    token = _token(url, "passwort")
    stored = _owner(owner_url, "select token_sha256, valid_until - created_at from password_resets"
                               " where user_id = %s", account)[0]
    assert stored[0] == session_service.digest(token) and stored[1].total_seconds() == 3600
    assert service.owner(db, "passwort", token).user_id == account
    new = "Leuchtturm Bratpfanne Gletscher 42"
    assert service.use(db, "passwort", token, new) == account
    assert verify_password(new, credentials.login_record(db, RESET_USER).password_hash)
    assert _ended(owner_url, session_id) == (True, "passwort")
    assert service.use(db, "passwort", token, "Noch ein anderes Passwort 77") is None
    assert service.owner(db, "passwort", token) is None


def test_a_reset_link_by_e_mail_address_and_expiry_and_the_newest_only(db, owner_url, account):
    first = service.request_reset(db, f"{RESET_USER}@Schule.example", base_url=BASE, client=None)
    second = service.request_reset(db, RESET_USER, base_url=BASE, client=None)
    assert first is not None and second is not None
    first_token = _token(re.search(r"https://\S+", first.body).group(0), "passwort")
    second_token = _token(re.search(r"https://\S+", second.body).group(0), "passwort")
    assert service.use(db, "passwort", first_token, PASSWORD + "x") is None  # the newer link replaced it
    _owner(owner_url, "update password_resets set valid_until = now() - interval '1 second' where user_id = %s",
           account)
    assert service.owner(db, "passwort", second_token) is None
    assert service.use(db, "passwort", second_token, PASSWORD + "x") is None


def test_unknown_users_get_the_same_answer_and_no_mail(db, owner_url, account, mail_server):
    inbox, _settings = mail_server
    for login in ("niemand-hier", "niemand@schule.example", "", "x" * 400):
        assert service.request_reset(db, login, base_url=BASE, client="192.0.2.10") is None
    # a deactivated account gets none either
    _owner(owner_url, "update app_users set active = false where id = %s", account)
    assert service.request_reset(db, RESET_USER, base_url=BASE, client="192.0.2.10") is None
    assert inbox.messages == []
    assert _owner(owner_url, "select count(*) from password_resets where user_id = %s", account) == [(0,)]


def test_reset_requests_are_rate_limited_per_account_and_per_client(db, account):
    for n in range(3):
        assert service.request_reset(db, RESET_USER, base_url=BASE, client=f"192.0.2.{20 + n}") is not None
    # the fourth for this account within the hour: the same answer as for an unknown name
    assert service.request_reset(db, RESET_USER, base_url=BASE, client="192.0.2.30") is None
    for n in range(9):  # unknown names count for the address too
        assert service.request_reset(db, f"niemand-{n}", base_url=BASE, client="192.0.2.40") is None
    assert service.request_reset(db, f"niemand-{n}", base_url=BASE, client="192.0.2.40") is None
    # the address limit: the 11th request of 192.0.2.41 is refused even for a fresh account's name
    for n in range(10):
        service.request_reset(db, f"niemand-{n}", base_url=BASE, client="192.0.2.41")
    assert service.request_reset(db, f"{RESET_USER}@schule.example", base_url=BASE, client="192.0.2.41") is None


def test_a_link_of_the_wrong_shape_never_reaches_the_database():
    assert service.valid_token("abc") is None and service.valid_token(None) is None
    token = session_service.new_secret()
    assert service.valid_token(token) == token and service.valid_token(token + "'") is None


# --- trainer contacts of an import (issue 16) ---------------------------------------------------------------------


@pytest.fixture()
def contacts(owner_url, clean) -> Iterator[list[UUID]]:
    """Two trainer contacts of Mainufer ↔ Rhein-Main Datentechnik with e-mail addresses (usernames einladung-test…)."""
    from tests.helpers import company_id

    ids = [_owner(owner_url, "insert into trainer_contacts (school_id, company_id, first_name, last_name, email)"
                             " values (%s, %s, 'Eva', %s, %s) returning id", school_id("mainufer"), company_id("rmd"),
                  f"Kontakt {n}", f"{NAME}@betrieb{n}.example")[0][0] for n in (1, 2)]
    yield ids
    _owner(owner_url, "delete from trainer_contacts where id = any(%s)", ids)


def test_contacts_are_invited_all_or_none(db, owner_url, contacts):
    client = service.client_digest(None, "kontakte")
    # one invitation short of the client's hourly limit (30): the second contact would exceed it
    for _ in range(29):
        _owner(owner_url, "insert into auth_requests (kind, client_sha256) values ('einladung', %s)", client)
    with pytest.raises(invitations.TooMany):
        service.invite_contacts(db, user_id("admin"), school_id("mainufer"), base_url=BASE, smtp=None, client=client)
    assert _owner(owner_url, "select count(*) from app_users where username like %s", f"{NAME}%") == [(0,)]
    assert _owner(owner_url, "select count(invited_user_id) from trainer_contacts where id = any(%s)", contacts) == [
        (0,)]
    _owner(owner_url, "delete from auth_requests")
    done = service.invite_contacts(db, user_id("admin"), school_id("mainufer"), base_url=BASE, smtp=None,
                                   client=client)
    # the same local part twice: the second is numbered
    assert sorted(username for username, _ in done) == [NAME, f"{NAME}2"]
    assert _owner(owner_url, "select count(*) from trainer_contacts c join app_users u on u.id = c.invited_user_id"
                             " where c.id = any(%s) and not u.active", contacts) == [(2,)]
    assert service.invite_contacts(db, user_id("admin"), school_id("mainufer"), base_url=BASE, smtp=None,
                                   client=client) == []
