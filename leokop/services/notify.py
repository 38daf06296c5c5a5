"""Optional e-mail about news in a cooperation. Mails carry no personal data: they only ask to sign in."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage

from leokop.config import SmtpSettings


def send(smtp: SmtpSettings, recipients: list[str], subject: str, body: str) -> None:
    """One mail per recipient (nobody sees the others' addresses)."""
    if not recipients:
        return
    with smtplib.SMTP(smtp.host, smtp.port, timeout=10) as server:
        if smtp.starttls:
            server.starttls()
        if smtp.user:
            server.login(smtp.user, smtp.password or "")
        for recipient in recipients:
            message = EmailMessage()
            message["From"], message["To"], message["Subject"] = smtp.sender, recipient, subject
            message.set_content(body)
            server.send_message(message)
