"""Invitations and password reset in the app (issue 15, decision 92), through the real app.py: the admin's "Person
einladen" form with and without SMTP (the mail read from aiosmtpd), sending again and withdrawing, the pages behind
`/?einladung=` and `/?passwort=` (good, weak, unknown, expired), and "Passwort vergessen?" (the same answer for an
unknown user, one mail for a double click)."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from email.header import decode_header, make_header
from urllib.parse import parse_qs, urlsplit

import psycopg
import pytest
from aiosmtpd.controller import Controller
from streamlit.testing.v1 import AppTest

from leokop import texts
from leokop.services import invitations as service
from leokop.services import sessions
from leokop.services.passwords import hash_password, verify_password
from leokop.ui import invitation_views
from tests.db.test_notify import _free_port, _Inbox
from tests.helpers import company_id, school_id, user_id
from tests.pages.conftest import APP, confirmations, errors, form_button, registered_pages, start_app, widget

NAME = "einladung-seite"
EMAIL = "einladung-seite@schule.example"
RESET_NAME = "zuruecksetzen-seite"
RESET_EMAIL = "zuruecksetzen-seite@schule.example"
STRONG = "Kaffeemaschine Wolkenkratzer Birnbaum 7"
OLD_PASSWORD = "Alte Gießkanne Leuchtturm Fahrrad 3"
BASE = "https://leokop.schule.example"


def _owner(owner_url: str, sql: str, *params) -> list[tuple]:
    with psycopg.connect(owner_url, autocommit=True) as conn:
        cur = conn.execute(sql, params)
        return cur.fetchall() if cur.description else []


@pytest.fixture()
def clean(owner_url) -> Iterator[None]:
    def remove():
        _owner(owner_url, "delete from app_users where username in (%s, %s)", NAME, RESET_NAME)
        _owner(owner_url, "delete from auth_requests")
    remove()
    yield
    remove()


@pytest.fixture()
def no_smtp(monkeypatch):
    for name in ("LEOKOP_SMTP_HOST", "LEOKOP_SMTP_PORT", "LEOKOP_PUBLIC_URL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture()
def mail_server(monkeypatch) -> Iterator[_Inbox]:
    """A local SMTP server (aiosmtpd) the app's settings point to."""
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    monkeypatch.setenv("LEOKOP_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("LEOKOP_SMTP_PORT", str(controller.port))
    monkeypatch.setenv("LEOKOP_SMTP_FROM", "leokop@schule.example")
    monkeypatch.setenv("LEOKOP_PUBLIC_URL", BASE)
    yield inbox
    controller.stop()


def _mails(inbox: _Inbox, count: int, wait: float = 5.0) -> list:
    """The inbox once it holds `count` mails (the reset mail goes out in a background thread), or as it is after
    `wait` seconds."""
    deadline = time.monotonic() + wait
    while len(inbox.messages) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    return list(inbox.messages)


def _body(message) -> str:
    return message.get_payload(decode=True).decode("utf-8")


def _token(text: str, param: str) -> str:
    link = next(word for word in text.split() if f"?{param}=" in word)
    return parse_qs(urlsplit(link).query)[param][0]


# --- the admin: invite, send again, withdraw -----------------------------------------------------------------------


def _admin_page(login) -> AppTest:
    at = login("admin")
    at.switch_page("pages/verwaltung_page.py").run()
    assert not at.exception, at.exception
    return at


def _fill_invitation(at: AppTest, email: str = EMAIL) -> None:
    widget(at.selectbox, "invite-role").set_value("schulleitung")
    at.run()
    widget(at.text_input, "invite-display-name").set_value("Eva Einladung")
    widget(at.text_input, "invite-username").set_value(NAME)
    widget(at.text_input, "invite-email").set_value(email)


def _invite(at: AppTest, email: str = EMAIL) -> AppTest:
    _fill_invitation(at, email)
    return form_button(at, "invite", texts.BUTTON_INVITE).click().run()


def test_invite_without_smtp_shows_the_link_once(login, owner_url, clean, no_smtp, db):
    at = _invite(_admin_page(login))
    assert errors(at) == []
    assert confirmations(at) == [texts.INVITED_LINK.format(username=NAME)]
    [shown] = [c.value for c in at.code]
    assert "?einladung=" in shown
    assert any(w.value.startswith(texts.INVITATION_LINK_COPY.split("{")[0]) for w in at.warning)
    active, has_password = _owner(owner_url, "select u.active, exists (select 1 from user_credentials c where"
                                             " c.user_id = u.id) from app_users u where username = %s", NAME)[0]
    assert (active, has_password) == (False, False)
    found = service.owner(db, "einladung", _token(shown, "einladung"))
    assert found is not None and found.username == NAME
    # the list shows the open invitation; the link is gone from the page at the next click
    at.run()
    assert [c.value for c in at.code] == []
    listed = next(d.value for d in at.dataframe if texts.INVITATION_COLUMNS["state"] in d.value.columns)
    assert texts.INVITATION_STATES["offen"] in listed[texts.INVITATION_COLUMNS["state"]].tolist()


def test_invite_with_smtp_sends_a_german_mail_and_shows_no_link(login, clean, mail_server, db):
    at = _invite(_admin_page(login))
    assert errors(at) == []
    assert confirmations(at) == [texts.INVITED_MAILED.format(username=NAME)]
    assert [c.value for c in at.code] == []
    [mail] = _mails(mail_server, 1)
    assert mail["To"] == EMAIL
    assert str(make_header(decode_header(mail["Subject"]))) == texts.INVITATION_MAIL_SUBJECT
    body = _body(mail)
    assert body.startswith("Guten Tag Eva Einladung,") and f"{BASE}/?einladung=" in body
    assert service.owner(db, "einladung", _token(body, "einladung")).username == NAME


def test_a_refused_invitation_keeps_the_input_and_says_why_in_german(login, owner_url, clean, no_smtp):
    at = _invite(_admin_page(login), email="keine-adresse")
    assert errors(at) == [texts.EMAIL_INVALID]
    assert widget(at.text_input, "invite-username").value == NAME
    assert widget(at.text_input, "invite-email").value == "keine-adresse"
    assert _owner(owner_url, "select 1 from app_users where username = %s", NAME) == []
    widget(at.text_input, "invite-email").set_value("")
    at = form_button(at, "invite", texts.BUTTON_INVITE).click().run()
    assert errors(at) == [texts.EMAIL_MISSING]


def test_send_again_kills_the_old_link_and_withdraw_ends_the_new_one(login, owner_url, clean, no_smtp, db):
    at = _invite(_admin_page(login))
    old = _token(at.code[0].value, "einladung")
    at.run()
    target = _owner(owner_url, "select id from app_users where username = %s", NAME)[0][0]
    widget(at.selectbox, "invitation-target").set_value(target)
    at = form_button(at, "invitation-actions", texts.BUTTON_INVITE_AGAIN).click().run()
    assert errors(at) == [] and confirmations(at) == [texts.INVITATION_RESENT]
    new = _token(at.code[0].value, "einladung")
    assert new != old
    assert service.owner(db, "einladung", old) is None and service.owner(db, "einladung", new) is not None
    widget(at.selectbox, "invitation-target").set_value(target)
    at = form_button(at, "invitation-actions", texts.BUTTON_WITHDRAW).click().run()
    assert errors(at) == [] and confirmations(at) == [texts.INVITATION_WITHDRAWN]
    assert service.owner(db, "einladung", new) is None
    # withdrawing it again (a second tab that still shows it as open): refused in German
    widget(at.selectbox, "invitation-target").set_value(target)
    at = form_button(at, "invitation-actions", texts.BUTTON_WITHDRAW).click().run()
    assert errors(at) == [texts.INVITATION_GONE]


# --- the page behind an invitation link -----------------------------------------------------------------------------


def _invited(db) -> str:
    invited = service.invite(db, user_id("admin"), username=NAME, display_name="Eva Einladung", email=EMAIL,
                             role="schulleitung", scope={"school_id": school_id("mainufer"), "class_id": None,
                                                         "company_id": None, "cooperation_id": None},
                             base_url=BASE, smtp=None, client=None)
    return _token(invited.link, "einladung")


def _link_app(param: str, token: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.query_params[param] = token
    at.run()
    assert not at.exception, at.exception
    return at


def _set_password(at: AppTest, new: str, repeat: str | None = None) -> AppTest:
    widget(at.text_input, "link-password-new").set_value(new)
    widget(at.text_input, "link-password-repeat").set_value(new if repeat is None else repeat)
    return form_button(at, "link-password", texts.LINK_BUTTON_SET).click().run()


def test_an_invitation_link_sets_the_password_and_signs_in(db, owner_url, clean):
    at = _link_app("einladung", _invited(db))
    assert [s.value for s in at.subheader] == [texts.INVITATION_TITLE]
    assert at.info[0].value == texts.INVITATION_INTRO.format(name="Eva Einladung", username=NAME)
    assert [t.label for t in at.text_input] == [texts.FIELD_NEW_PASSWORD, texts.FIELD_NEW_PASSWORD_REPEAT]
    # the rules, in German; nothing is kept of a password (as everywhere)
    at = _set_password(at, "einladung-seite-1")
    assert errors(at) and all(e.startswith(("Dieses Passwort", "Tipp", "Es ", "Das Passwort")) for e in errors(at))
    at = _set_password(at, STRONG, STRONG + "x")
    assert errors(at) == [texts.PASSWORD_MISMATCH]
    assert _owner(owner_url, "select active from app_users where username = %s", NAME) == [(False,)]
    at = _set_password(at, STRONG)
    assert errors(at) == []
    assert confirmations(at) == [texts.INVITATION_ACCEPTED]
    assert registered_pages(at) == {"schulueberblick", "konto"}
    active, stored, sessions_open = _owner(
        owner_url, "select u.active, c.password_hash, (select count(*) from user_sessions s where s.user_id = u.id"
                   " and s.ended_at is null) from app_users u join user_credentials c on c.user_id = u.id"
                   " where u.username = %s", NAME)[0]
    assert active and verify_password(STRONG, stored) and sessions_open == 1


def test_a_link_opened_while_signed_in_says_to_sign_out_first(login, db, clean):
    token = _invited(db)
    at = login("schulleitung")
    at.query_params["einladung"] = token
    at.run()
    assert texts.LINK_WHILE_SIGNED_IN in [i.value for i in at.info]
    at = at.sidebar.button(key="leokop-logout").click().run()
    assert [s.value for s in at.subheader] == [texts.INVITATION_TITLE]  # the address kept the link
    assert service.owner(db, "einladung", token) is not None


@pytest.mark.parametrize("token", ["kein-token", "A" * 43])
def test_an_unknown_link_says_so_and_leads_to_the_login(owner_url, token):
    at = _link_app("einladung", token)
    assert errors(at) == [texts.INVITATION_INVALID]
    assert at.text_input.len == 0
    at = widget(at.button, "link-to-login").click().run()
    assert [t.label for t in at.text_input][:2] == [texts.LOGIN_FIELDS["Username"], texts.LOGIN_FIELDS["Password"]]


def test_an_expired_or_used_invitation_says_so(db, owner_url, clean):
    token = _invited(db)
    _owner(owner_url, "update invitations set valid_until = now() - interval '1 second' where user_id ="
                      " (select id from app_users where username = %s)", NAME)
    assert errors(_link_app("einladung", token)) == [texts.INVITATION_INVALID]
    token = _invited_again(db, owner_url)
    used = _set_password(_link_app("einladung", token), STRONG)
    assert errors(used) == []
    assert errors(_link_app("einladung", token)) == [texts.INVITATION_INVALID]


def _invited_again(db, owner_url) -> str:
    target = _owner(owner_url, "select id from app_users where username = %s", NAME)[0][0]
    invited = service.invite_again(db, user_id("admin"), target, EMAIL, "Eva Einladung", base_url=BASE, smtp=None,
                                   client=None)
    return _token(invited.link, "einladung")


def test_a_link_used_in_another_tab_meanwhile_is_refused(db, owner_url, clean):
    token = _invited(db)
    at = _link_app("einladung", token)
    assert service.use(db, "einladung", token, STRONG) is not None
    at = _set_password(at, "Regenschirm Pinguin Kletterwand 42")
    assert errors(at) == [texts.INVITATION_INVALID]
    stored = _owner(owner_url, "select c.password_hash from user_credentials c join app_users u on u.id = c.user_id"
                               " where u.username = %s", NAME)[0][0]
    assert verify_password(STRONG, stored)


# --- password reset ---------------------------------------------------------------------------------------------------


@pytest.fixture()
def account(owner_url, clean) -> str:
    """A Schulleitung of Mainufer with a password and an e-mail address."""
    uid = _owner(owner_url, "insert into app_users (username, display_name, email) values (%s, 'Rita Reset', %s)"
                            " returning id", RESET_NAME, RESET_EMAIL)[0][0]
    _owner(owner_url, "insert into user_credentials (user_id, password_hash) values (%s, %s)", uid,
           hash_password(OLD_PASSWORD))
    _owner(owner_url, "insert into memberships (user_id, role, school_id) values (%s, 'schulleitung', %s)", uid,
           school_id("mainufer"))
    return RESET_NAME


def test_a_reset_link_sets_a_new_password_and_ends_the_other_sessions(db, owner_url, account):
    uid = _owner(owner_url, "select id from app_users where username = %s", account)[0][0]
    other = sessions.start(db, uid, "Mozilla/5.0 Firefox/140.0")
    mail = service.request_reset(db, account, base_url=BASE, client=None)
    at = _link_app("passwort", _token(mail.body, "passwort"))
    assert [s.value for s in at.subheader] == [texts.RESET_TITLE]
    assert at.info[0].value == texts.RESET_INTRO.format(name="Rita Reset", username=account)
    at = _set_password(at, STRONG)
    assert errors(at) == [] and confirmations(at) == [texts.RESET_DONE]
    assert registered_pages(at) == {"schulueberblick", "konto"}
    assert _owner(owner_url, "select ended_at is not null from user_sessions where id = %s", other.session_id) == [
        (True,)]
    assert _owner(owner_url, "select count(*) from user_sessions where user_id = %s and ended_at is null", uid) == [
        (1,)]  # this tab's new one


def test_an_expired_reset_link_says_so(db, owner_url, account):
    mail = service.request_reset(db, account, base_url=BASE, client=None)
    _owner(owner_url, "update password_resets set valid_until = now() - interval '1 second'")
    at = _link_app("passwort", _token(mail.body, "passwort"))
    assert errors(at) == [texts.RESET_INVALID]
    assert at.text_input.len == 0


# --- "Passwort vergessen?" --------------------------------------------------------------------------------------------


def _forgot(at: AppTest, login: str) -> AppTest:
    widget(at.text_input, "forgot-login").set_value(login)
    return form_button(at, "forgot-password", texts.FORGOT_BUTTON).click().run()


def _answer(at: AppTest) -> list[str]:
    return [s.value for s in at.success]


def test_forgot_sends_a_reset_mail_and_answers_the_same_for_an_unknown_user(owner_url, account, mail_server):
    known = _forgot(start_app(), account)
    assert errors(known) == []
    [mail] = _mails(mail_server, 1)
    assert mail["To"] == RESET_EMAIL and f"{BASE}/?passwort=" in _body(mail)
    unknown = _forgot(start_app(), "niemand-bekannt")
    by_mail = _forgot(start_app(), RESET_EMAIL.upper())
    assert _answer(known) == _answer(unknown) == _answer(by_mail) == [texts.FORGOT_SENT]
    assert confirmations(known) == confirmations(unknown) == [texts.FORGOT_SENT]
    assert len(_mails(mail_server, 3, wait=1.0)) == 2  # the unknown name got none
    assert errors(_forgot(start_app(), "  ")) == [texts.FORGOT_EMPTY]


def test_a_double_click_on_forgot_sends_one_mail(owner_url, account, mail_server):
    at = start_app()
    widget(at.text_input, "forgot-login").set_value(account)
    form_button(at, "forgot-password", texts.FORGOT_BUTTON).click()
    states = at._tree.get_widget_states()
    kept = {k: dict(at.session_state[k]) if k in at.session_state else {}
            for k in ("leokop_form_generations", "leokop_form_tokens")}
    at._run(states)
    assert len(_mails(mail_server, 1)) == 1
    at._run(states)  # the second request of the double click carries the first's values
    for key, value in kept.items():  # and once more as if it had arrived before the first moved the form on
        at.session_state[key] = value
    at._run(states)
    assert not at.exception and errors(at) == []
    assert len(_mails(mail_server, 2, wait=1.5)) == 1
    assert _owner(owner_url, "select count(*) from password_resets r join app_users u on u.id = r.user_id"
                             " where u.username = %s", account) == [(1,)]


def test_without_smtp_forgot_says_so_truthfully(owner_url, no_smtp):
    at = start_app()
    assert [i.value for i in at.info] == [texts.FORGOT_NO_MAIL]
    assert "Einladung" not in texts.FORGOT_NO_MAIL
    assert [t.label for t in at.text_input] == [texts.LOGIN_FIELDS["Username"], texts.LOGIN_FIELDS["Password"]]


def test_the_forgot_field_is_not_labelled_like_the_login_field():
    """Browser tests and screen readers find the login field by "Benutzername": the forgot form's is another."""
    assert texts.LOGIN_FIELDS["Username"] not in texts.FIELD_LOGIN_OR_EMAIL
    assert texts.LOGIN_FIELDS["Password"] not in texts.FIELD_LOGIN_OR_EMAIL
    assert invitation_views.LINK_PARAMS == (service.INVITE_PARAM, service.RESET_PARAM)


# --- trainer contacts of an import, invited in one step (issue 16) ------------------------------------------------

CONTACT_EMAIL = "karla.kontakt@betrieb.example"


@pytest.fixture()
def contacts(owner_url, clean) -> Iterator[list]:
    """Two trainer contacts of Mainufer ↔ Rhein-Main Datentechnik: one with an e-mail address, one without."""
    ids = [_owner(owner_url, "insert into trainer_contacts (school_id, company_id, first_name, last_name, email)"
                             " values (%s, %s, %s, %s, %s) returning id", school_id("mainufer"), company_id("rmd"),
                  first, last, email)[0][0]
           for first, last, email in (("Karla", "Kontakt", CONTACT_EMAIL), ("Otto", "Ohne-Adresse", None))]
    yield ids
    _owner(owner_url, "delete from trainer_contacts where id = any(%s)", ids)
    _owner(owner_url, "delete from app_users where username like 'karla.kontakt%%'")


def _invite_contacts(at: AppTest) -> AppTest:
    button = widget(at.button, "import-invite-contacts")
    assert button.label == texts.IMPORT_CONTACTS_BUTTON.format(n=1)
    return button.click().run()


def test_trainer_contacts_with_an_address_are_invited_in_one_step(login, owner_url, contacts, no_smtp, db):
    at = _invite_contacts(_admin_page(login))
    assert errors(at) == [] and confirmations(at) == [texts.IMPORT_CONTACTS_INVITED.format(n=1)]
    [shown] = [c.value for c in at.code if "?einladung=" in c.value]
    found = service.owner(db, "einladung", _token(shown, "einladung"))
    assert (found.username, found.display_name, found.email) == ("karla.kontakt", "Karla Kontakt", CONTACT_EMAIL)
    account = _owner(owner_url, "select u.active, m.role::text, m.company_id = %s, c.invited_user_id = u.id"
                                " from trainer_contacts c join app_users u on u.username = 'karla.kontakt'"
                                " join memberships m on m.user_id = u.id where c.id = %s",
                     company_id("rmd"), contacts[0])
    assert account == [(False, "ausbilder", True, True)]
    # the one without an address stays a contact; nothing is left to invite, so the button is gone
    assert _owner(owner_url, "select invited_user_id from trainer_contacts where id = %s", contacts[1]) == [(None,)]
    at.run()
    assert [b for b in at.button if b.key and b.key.startswith("import-invite-contacts")] == []


def test_invited_contacts_get_the_mail(login, contacts, mail_server):
    at = _invite_contacts(_admin_page(login))
    assert errors(at) == [] and [c.value for c in at.code if "?einladung=" in c.value] == []
    [mail] = _mails(mail_server, 1)
    assert mail["To"] == CONTACT_EMAIL and _body(mail).startswith("Guten Tag Karla Kontakt,")


def test_a_contact_invited_in_another_tab_meanwhile_is_not_invited_twice(login, owner_url, contacts, no_smtp, db):
    at = _admin_page(login)
    service.invite_contacts(db, user_id("admin"), school_id("mainufer"), base_url=BASE, smtp=None, client=None)
    at = widget(at.button, "import-invite-contacts").click().run()
    # nothing is left to invite: the button is gone with the list, and nobody got a second account
    assert errors(at) == [] and confirmations(at) == []
    assert [b for b in at.button if b.key and b.key.startswith("import-invite-contacts")] == []
    assert _owner(owner_url, "select count(*) from app_users where email = %s", CONTACT_EMAIL) == [(1,)]


@pytest.mark.parametrize(("email", "first"), [("Karla.Kontakt+Betrieb@x.de", "karla.kontakt-betrieb"),
                                              ("ab@x.de", "ab-ausbilder"), ("ää@x.de", "ausbilder"),
                                              (f"{'k' * 60}@x.de", "k" * 36)])
def test_usernames_of_contacts_are_valid_and_numbered(email, first):
    names = service.usernames_for(email)
    assert names[:2] == [first, f"{first}2"]
    assert all(re.fullmatch(r"[a-z0-9._-]{3,40}", name) for name in names)
