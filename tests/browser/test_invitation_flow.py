"""Invitations and password reset end to end (issue 15, decision 92) in a real headless Chromium against
`streamlit run serve.py`, with the app's mail going to an SMTP server (aiosmtpd) the test starts on loopback: the
admin invites, the person opens the link from the mail, sets a password and is signed in; "Passwort vergessen?"
mails a link that sets a new password and ends the other sessions; an unknown name gets the same answer and no
mail."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from email.message import Message

import psycopg
import pytest
from aiosmtpd.controller import Controller
from playwright.sync_api import Page, expect

from leokop import texts
from leokop.services.passwords import hash_password
from tests.browser.conftest import EXPECT_TIMEOUT, streamlit_server, wait_until_settled
from tests.browser.test_session_flow import (  # noqa: F401 (context: the fixture)
    _expect_login_form,
    _expect_signed_in,
    _handed_over,
    _open,
    _reload,
    _settled,
    _signed_in_page,
    context,
)
from tests.db.test_notify import _free_port, _Inbox
from tests.helpers import school_id

pytestmark = pytest.mark.browser

INVITED = "einladung-browser"
INVITED_NAME = "Ina Eingeladen"
RESETTER = "reset-browser"
RESETTER_EMAIL = "reset-browser@schule.example"
OLD_PASSWORD = "Alte Gießkanne Leuchtturm Fahrrad 3"
NEW_PASSWORD = "Kaffeemaschine Wolkenkratzer Birnbaum 7"
SMTP_ENV = ("LEOKOP_SMTP_HOST", "LEOKOP_SMTP_PORT", "LEOKOP_SMTP_FROM", "LEOKOP_PUBLIC_URL")


@pytest.fixture(scope="module")
def inbox() -> Iterator[_Inbox]:
    received = _Inbox()
    controller = Controller(received, hostname="127.0.0.1", port=_free_port())
    controller.start()
    received.port = controller.port
    yield received
    controller.stop()


@pytest.fixture(scope="module")
def served_url(chromium, owner_url: str, inbox: _Inbox, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app with its SMTP settings pointing to the test's server (the links' base is the browser's address)."""
    kept = {name: os.environ.get(name) for name in SMTP_ENV}
    os.environ.update(LEOKOP_SMTP_HOST="127.0.0.1", LEOKOP_SMTP_PORT=str(inbox.port),
                      LEOKOP_SMTP_FROM="leokop@schule.example")
    os.environ.pop("LEOKOP_PUBLIC_URL", None)
    try:
        with streamlit_server("serve.py", owner_url, tmp_path_factory.mktemp("invite")) as base_url:
            yield base_url
    finally:
        for name, value in kept.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@pytest.fixture()
def tab(context):  # noqa: F811 (test_session_flow's context fixture: a fresh context, its pages' errors reported)
    return context


def _owner(owner_url: str, sql: str, *params) -> list[tuple]:
    with psycopg.connect(owner_url, autocommit=True) as conn:
        cur = conn.execute(sql, params)
        return cur.fetchall() if cur.description else []


@pytest.fixture()
def clean(owner_url: str) -> Iterator[None]:
    def remove():
        _owner(owner_url, "delete from app_users where username in (%s, %s)", INVITED, RESETTER)
        _owner(owner_url, "delete from auth_requests")
    remove()
    yield
    remove()


@pytest.fixture()
def resetter(owner_url: str, clean) -> str:
    """A Schulleitung of Mainufer with a password and an e-mail address."""
    uid = _owner(owner_url, "insert into app_users (username, display_name, email) values (%s, 'Rita Reset', %s)"
                            " returning id", RESETTER, RESETTER_EMAIL)[0][0]
    _owner(owner_url, "insert into user_credentials (user_id, password_hash) values (%s, %s)", uid,
           hash_password(OLD_PASSWORD))
    _owner(owner_url, "insert into memberships (user_id, role, school_id) values (%s, 'schulleitung', %s)", uid,
           school_id("mainufer"))
    return RESETTER


def _mail_to(inbox: _Inbox, address: str, seen: int) -> Message:
    """The first mail to `address` after the first `seen` ones, once the app has sent it."""
    deadline = time.monotonic() + EXPECT_TIMEOUT / 1000
    while time.monotonic() < deadline:
        found = [m for m in inbox.messages[seen:] if m["To"] == address]
        if found:
            return found[0]
        time.sleep(0.05)
    raise AssertionError(f"no mail to {address}; received: {[m['To'] for m in inbox.messages]}")


def _link(mail: Message, param: str) -> str:
    body = mail.get_payload(decode=True).decode("utf-8")
    return re.search(rf"https?://\S+/\?{param}=\S+", body).group(0)


def _set_password(page: Page, password: str) -> None:
    """The page behind a link: both fields, then "Passwort festlegen", which signs in (the cookie's handoff)."""
    page.get_by_label(texts.FIELD_NEW_PASSWORD, exact=True).fill(password)
    page.get_by_label(texts.FIELD_NEW_PASSWORD_REPEAT, exact=True).fill(password)
    with _handed_over(page) as handover:
        page.get_by_role("button", name=texts.LINK_BUTTON_SET).click()
    assert handover.value.status == 204, "the cookie route refused the handoff"
    _settled(page)


def _ask_for_reset(page: Page, login: str) -> None:
    page.locator("summary", has_text=texts.FORGOT_TITLE).click()
    field = page.get_by_label(texts.FIELD_LOGIN_OR_EMAIL, exact=True)
    field.fill(login)
    page.get_by_role("button", name=texts.FORGOT_BUTTON).click()
    wait_until_settled(page)
    expect(page.get_by_test_id("stAlertContentSuccess").get_by_text(texts.FORGOT_SENT)).to_be_visible()


def test_an_invited_person_sets_a_password_from_the_mail_and_is_signed_in(tab, browser, served_url, inbox, owner_url,
                                                                          clean):
    seen = len(inbox.messages)
    admin = _signed_in_page(tab, served_url, "admin")
    admin.get_by_test_id("stSidebar").get_by_role("link", name=texts.PAGE_ADMIN).click()
    wait_until_settled(admin)
    form = admin.get_by_test_id("stForm").filter(has=admin.get_by_role("button", name=texts.BUTTON_INVITE))
    form.get_by_label(texts.FIELD_DISPLAY_NAME, exact=True).fill(INVITED_NAME)
    form.get_by_label(texts.FIELD_USERNAME, exact=True).fill(INVITED)
    form.get_by_label(texts.FIELD_EMAIL_REQUIRED, exact=True).fill(f"{INVITED}@schule.example")
    form.get_by_role("button", name=texts.BUTTON_INVITE).click()
    wait_until_settled(admin)
    expect(admin.get_by_text(texts.INVITED_MAILED.format(username=INVITED))).to_be_visible()
    expect(admin.get_by_test_id("stCode")).to_have_count(0)  # mailed: no link on the admin's screen

    link = _link(_mail_to(inbox, f"{INVITED}@schule.example", seen), "einladung")
    assert link.startswith(served_url)
    invited_context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="de-DE")
    try:
        page = _open(invited_context, link)
        expect(page.get_by_role("heading", name=texts.INVITATION_TITLE)).to_be_visible()
        expect(page.get_by_text(texts.INVITATION_INTRO.format(name=INVITED_NAME, username=INVITED))).to_be_visible()
        _set_password(page, NEW_PASSWORD)
        _expect_signed_in(page, INVITED_NAME)
        _reload(page)  # the new session's cookie: a reload stays signed in
        _expect_signed_in(page, INVITED_NAME)
        # the link worked once: opened again it says so, with the way to the login form
        again = _open(browser.new_context(locale="de-DE"), link)
        expect(again.get_by_text(texts.INVITATION_INVALID)).to_be_visible()
        again.get_by_role("button", name=texts.LINK_TO_LOGIN).click()
        wait_until_settled(again)
        _expect_login_form(again)
        again.context.close()
    finally:
        invited_context.close()
    assert _owner(owner_url, "select active from app_users where username = %s", INVITED) == [(True,)]


def test_a_reset_by_mail_sets_a_new_password_and_ends_the_other_sessions(tab, browser, served_url, inbox,
                                                                         resetter):
    elsewhere_context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="de-DE")
    try:
        elsewhere = _signed_in_page(elsewhere_context, served_url, resetter, OLD_PASSWORD)
        seen = len(inbox.messages)
        page = _open(tab, served_url)
        _ask_for_reset(page, resetter)
        link = _link(_mail_to(inbox, RESETTER_EMAIL, seen), "passwort")
        page.goto(link, wait_until="domcontentloaded")
        _settled(page)
        expect(page.get_by_role("heading", name=texts.RESET_TITLE)).to_be_visible()
        _set_password(page, NEW_PASSWORD)
        _expect_signed_in(page, "Rita Reset")
        # the other browser is out at its next click
        _reload(elsewhere)
        _expect_login_form(elsewhere)
    finally:
        elsewhere_context.close()
    fresh_context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="de-DE")
    try:
        _expect_signed_in(_signed_in_page(fresh_context, served_url, resetter, NEW_PASSWORD), "Rita Reset")
    finally:
        fresh_context.close()


def test_an_unknown_name_gets_the_same_answer_and_no_mail(tab, served_url, inbox, resetter):
    seen = len(inbox.messages)
    page = _open(tab, served_url)
    _ask_for_reset(page, "niemand-bekannt")
    other = _open(tab, served_url)
    _ask_for_reset(other, RESETTER_EMAIL)
    _mail_to(inbox, RESETTER_EMAIL, seen)  # the known one's mail arrived, sent after the unknown request was answered
    assert [m["To"] for m in inbox.messages[seen:]] == [RESETTER_EMAIL]
