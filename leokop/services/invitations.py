"""Invitations and password reset (sql/037, decision 92): tokens, links, the German e-mails and the set-password rules.

A link's token is 256 random bits (`secrets.token_urlsafe(32)`); the database keeps only its sha256, like a session
token (services.sessions). The e-mails name no apprentice and carry nothing but the greeting, the link and how long
it is valid.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode
from uuid import UUID

from leokop import texts
from leokop.clock import BERLIN
from leokop.config import SmtpSettings
from leokop.db.errors import error_summary
from leokop.db.session import Database
from leokop.repo import invitations
from leokop.services import notify
from leokop.services.passwords import hash_password, password_problems
from leokop.services.sessions import SECRET, digest, new_secret

INVITE_PARAM = "einladung"  # /?einladung=<token>
RESET_PARAM = "passwort"  # /?passwort=<token>
INVITATION_DAYS = 14  # fixed in sql/037
RESET_MINUTES = 60  # fixed in sql/037
CONTACT_BATCH = 30  # trainer contacts invited in one step: sql/037's limit of invitations per client and hour

_log = logging.getLogger("leokop.invitations")


@dataclass(frozen=True)
class Invited:
    user_id: UUID
    link: str
    valid_until: datetime
    mailed: bool  # False: no SMTP configured (or the mail failed): the admin passes the link on


def link(base_url: str, param: str, token: str) -> str:
    return f"{base_url.rstrip('/')}/?{urlencode({param: token})}"


def client_digest(address: str | None, fallback: str) -> str:
    """The rate limit's client key: the sha256 of the browser's address, or of `fallback` when there is none (the
    address itself is never stored)."""
    return hashlib.sha256((f"ip:{address}" if address else f"x:{fallback.strip().lower()}").encode()).hexdigest()


def valid_token(token: object) -> str | None:
    """The token of a query parameter when it has a token's shape, else None (never reaches the database)."""
    return token if isinstance(token, str) and SECRET.match(token) else None


def _until(moment: datetime) -> str:
    return moment.astimezone(BERLIN).strftime("%d.%m.%Y, %H:%M Uhr")


def invite(db: Database, admin_id: UUID, *, username: str, display_name: str, email: str, role: str,
           scope: dict[str, UUID | None], base_url: str, smtp: SmtpSettings | None, client: str | None) -> Invited:
    """Create the account with its first membership and invitation; mail the link when SMTP is configured."""
    token = new_secret()
    user_id, until = invitations.create_invited_user(
        db, admin_id, username=username, display_name=display_name, email=email, role=role, scope=scope,
        token_sha256=digest(token), client_sha256=client)
    url = link(base_url, INVITE_PARAM, token)
    return Invited(user_id, url, until, _mail_invitation(smtp, email, display_name, url, until))


def invite_again(db: Database, admin_id: UUID, user_id: UUID, email: str | None, display_name: str, *,
                 base_url: str, smtp: SmtpSettings | None, client: str | None) -> Invited:
    """A new link for an account without a password; the old link is dead from now on."""
    token = new_secret()
    until = invitations.issue(db, admin_id, user_id, digest(token), client)
    url = link(base_url, INVITE_PARAM, token)
    return Invited(user_id, url, until, bool(email) and _mail_invitation(smtp, email, display_name, url, until))


def usernames_for(email: str, tries: int = 50) -> list[str]:
    """Usernames to try for an invited contact, in order: the address's local part made a valid username (lower
    case, only a-z 0-9 . _ -, 3 to 40 characters), then with 2, 3, ... appended."""
    base = re.sub(r"[^a-z0-9._-]+", "-", email.split("@", 1)[0].lower()).strip(".-_")[:36] or "ausbilder"
    base = base if len(base) >= 3 else f"{base}-ausbilder"[:36]
    return [base, *(f"{base}{n}" for n in range(2, tries + 1))]


def invite_contacts(db: Database, admin_id: UUID, school_id: UUID, *, base_url: str, smtp: SmtpSettings | None,
                    client: str | None) -> list[tuple[str, Invited]]:
    """Invite the trainer contacts of the school that have an e-mail address and no account (CONTACT_BATCH at most),
    in one transaction, each as a trainer of the contact's company; then mail each link. Returns (username,
    invitation) each."""
    tokens: dict[UUID, str] = {}

    def prepare(contact: invitations.Contact) -> tuple[list[str], str]:
        tokens[contact.id] = new_secret()
        return usernames_for(contact.email), digest(tokens[contact.id])

    invited = []
    for contact, username, user_id, until in invitations.invite_contacts(db, admin_id, school_id, CONTACT_BATCH,
                                                                         prepare, client):
        url = link(base_url, INVITE_PARAM, tokens[contact.id])
        mailed = _mail_invitation(smtp, contact.email, contact.display_name, url, until)
        invited.append((username, Invited(user_id, url, until, mailed)))
    return invited


def _mail_invitation(smtp: SmtpSettings | None, email: str, name: str, url: str, until: datetime) -> bool:
    if smtp is None:
        return False
    body = texts.INVITATION_MAIL_BODY.format(name=name, link=url, until=_until(until))
    return _send(smtp, email, texts.INVITATION_MAIL_SUBJECT, body)


def _send(smtp: SmtpSettings, email: str, subject: str, body: str) -> bool:
    try:
        notify.send(smtp, [email], subject, body)
    except OSError as exc:  # smtplib's errors are OSErrors; the log names neither address nor link
        _log.warning("mail not sent: %s", error_summary(exc))
        return False
    return True


@dataclass(frozen=True)
class ResetMail:
    """A reset mail to send (only for a known account within the limits): the page answers the same without one."""

    email: str
    body: str

    def send(self, smtp: SmtpSettings) -> bool:
        return _send(smtp, self.email, texts.RESET_MAIL_SUBJECT, self.body)


def request_reset(db: Database, login: str, *, base_url: str, client: str | None) -> ResetMail | None:
    """Record a reset request; the mail to send when the name or address belongs to an active account with an
    e-mail address and the limits allow it, else None (the caller says the same either way)."""
    login = login.strip()
    if not login or len(login) > 320:
        return None
    token = new_secret()
    email = invitations.request_reset(db, login, digest(token), client_digest(client, login))
    if email is None:
        return None
    body = texts.RESET_MAIL_BODY.format(link=link(base_url, RESET_PARAM, token), minutes=RESET_MINUTES)
    return ResetMail(email, body)


def owner(db: Database, param: str, token: str) -> invitations.LinkOwner | None:
    """Whose valid link it is, None for an unknown, used, withdrawn or expired one."""
    lookup = invitations.invitation_owner if param == INVITE_PARAM else invitations.reset_owner
    return lookup(db, digest(token))


def new_password_problems(found: invitations.LinkOwner, password: str, repeat: str) -> list[str]:
    return password_problems(password, repeat, (found.username, found.display_name, found.email, *found.schools))


def use(db: Database, param: str, token: str, password: str) -> UUID | None:
    """Set the password through the link (once): the account's id, None when the link is not valid (any more)."""
    write = invitations.accept if param == INVITE_PARAM else invitations.use_reset
    return write(db, digest(token), hash_password(password))
