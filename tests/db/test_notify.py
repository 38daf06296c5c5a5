"""E-mail about a new flag, against a local SMTP server the test starts (never a real one)."""

from __future__ import annotations

import socket
from uuid import UUID

import psycopg
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message

from leokop.config import SmtpSettings
from leokop.services.early_warning import flag_mail_body, refresh
from tests.helpers import SHARED_CLASS, company_id, user_id


class _Inbox(Message):
    def __init__(self) -> None:
        super().__init__()
        self.messages = []

    def handle_message(self, message) -> None:
        self.messages.append(message)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture()
def smtp_server():
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield inbox, SmtpSettings("127.0.0.1", controller.port, "leokop@schule.example", False, None, None)
    controller.stop()


def test_new_flag_mails_the_pair_without_personal_data(worker_db, owner_url, smtp_server, monkeypatch):
    """The mail names no one; with LEOKOP_PUBLIC_URL it carries the address of the apprentice's page (ids only)."""
    monkeypatch.setenv("LEOKOP_PUBLIC_URL", "https://leokop.schule.example/")
    inbox, settings = smtp_server
    with psycopg.connect(owner_url) as conn:
        apprentice, last_name = conn.execute(  # one without an open concern flag (the inbox page test raises one)
            "select id, last_name from apprentices a where class_id = %s and company_id = %s and status = 'aktiv'"
            " and not exists (select 1 from risk_flags f where f.apprentice_id = a.id and f.rule = 'anliegen_schule'"
            " and f.cleared_at is null) order by id desc limit 1", (SHARED_CLASS, company_id("rmd"))).fetchone()
        conn.execute("insert into concerns (apprentice_id, place, kind, body, raised_by) values"
                     " (%s, 'schule', 'gesundheit', 'häufig krank', %s)", (apprentice, user_id("lehrkraft")))
        expected = {r[0] for r in conn.execute(
            "select u.email from memberships m join app_users u on u.id = m.user_id join apprentices a on a.id = %s"
            " where m.active and u.email is not null and ((m.role = 'lehrkraft' and m.class_id = a.class_id)"
            " or (m.role = 'ausbilder' and m.company_id = a.company_id and m.school_id = a.school_id))",
            (apprentice,))}
    try:
        refresh(worker_db, [apprentice], smtp=settings)
        assert {m["To"] for m in inbox.messages} == expected
        assert expected >= {"s.keller@mainufer.schule.hessen.de", "m.brandt@rhein-main-datentechnik.de"}
        body = inbox.messages[0].get_payload()
        assert last_name not in body and "häufig krank" not in body
        decoded = inbox.messages[0].get_payload(decode=True).decode()  # quoted-printable wraps long lines
        assert f"https://leokop.schule.example/azubi?id={apprentice}\n" in decoded.replace("\r\n", "\n")
        refresh(worker_db, [apprentice], smtp=settings)  # nothing new: no second mail
        assert len(inbox.messages) == len(expected)
    finally:
        with psycopg.connect(owner_url) as conn:
            conn.execute("delete from concerns where apprentice_id = %s and body = 'häufig krank'", (apprentice,))
        refresh(worker_db, [apprentice])


def test_without_a_public_address_the_mail_carries_no_link(monkeypatch):
    monkeypatch.delenv("LEOKOP_PUBLIC_URL", raising=False)
    body = flag_mail_body("warnung", UUID(int=7))
    assert "http" not in body and str(UUID(int=7)) not in body and "(warnung)" in body
