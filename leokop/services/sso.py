"""Single sign-on through Streamlit's st.login (OIDC, Authlib), decision 95.

Streamlit checks the ID token (signature, issuer, audience, expiry, nonce) at its /oauth2callback and keeps its
claims in a signed cookie for 30 days. leokop takes an identity as (issuer, subject) and accepts a sign-in only
right after the callback: its ID token issued within the last 15 minutes and its (issuer, subject, iat, nonce) used
once (sql/038). Which providers there are comes from the `[auth]` section of `.streamlit/secrets.toml`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from leokop import texts
from leokop.db.session import Database
from leokop.repo import identities
from leokop.repo.identities import SignIn
from leokop.services import sessions

_PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")


@dataclass(frozen=True)
class Provider:
    name: str | None  # None: the default provider ([auth] itself holds client_id etc.); st.login(name)
    label: str        # shown on the button ("label" in the provider's section, else "Single Sign-on")

    @property
    def button(self) -> str:
        return texts.SSO_BUTTON.format(label=self.label)


@dataclass(frozen=True)
class Identity:
    issuer: str
    subject: str
    issued_at: datetime
    once_sha256: str  # the sign-in: sha256 of issuer, subject, iat and nonce
    email: str | None
    email_verified: bool


def providers(auth: Mapping[str, Any] | None) -> list[Provider]:
    """The providers of the `[auth]` section: the default one (keys directly in [auth]) and each [auth.<name>]
    with the three keys Streamlit requires. Empty without [auth] or without redirect_uri and cookie_secret."""
    if not auth or not all(auth.get(key) for key in ("redirect_uri", "cookie_secret")):
        return []
    found = []
    if all(auth.get(key) for key in _PROVIDER_KEYS):
        found.append(Provider(None, str(auth.get("label") or texts.SSO_DEFAULT_LABEL)))
    for name, section in auth.items():
        if isinstance(section, Mapping) and "_" not in name and all(section.get(key) for key in _PROVIDER_KEYS):
            found.append(Provider(name, str(section.get("label") or texts.SSO_DEFAULT_LABEL)))
    return found


def identity(claims: Mapping[str, Any]) -> Identity | None:
    """The identity of st.user's claims (the ID token's), or None when issuer, subject or iat is missing (or issuer
    or subject longer than the database keeps)."""
    issuer, subject, issued = claims.get("iss"), claims.get("sub"), claims.get("iat")
    if not isinstance(issuer, str) or not 0 < len(issuer) <= 300 or not isinstance(subject, str) \
            or not 0 < len(subject) <= 255:  # OIDC: sub at most 255 ASCII characters; sql/038 holds no more
        return None
    if isinstance(issued, bool) or not isinstance(issued, int | float):
        return None
    nonce = claims.get("nonce")
    once = "\x1f".join((issuer, subject, str(int(issued)), nonce if isinstance(nonce, str) else ""))
    email = claims.get("email")
    return Identity(issuer, subject, datetime.fromtimestamp(int(issued), UTC), sessions.digest(once),
                    email.strip() if isinstance(email, str) and email.strip() else None,
                    claims.get("email_verified") is True)


def sign_in(db: Database, found: Identity) -> SignIn:
    """The account this sign-in opens (outcome angemeldet / verknuepft), or why none (kein_konto / abgelaufen)."""
    return identities.sign_in(db, found.issuer, found.subject, found.once_sha256, found.issued_at, found.email,
                              found.email_verified)


def link_invitation(db: Database, token: str, found: Identity) -> UUID | None:
    """The invited account, linked to the identity and active; None when the invitation or the sign-in is not
    valid (nothing written)."""
    if not token or not sessions.SECRET.match(token):
        return None
    return identities.link_invitation(db, sessions.digest(token), found.issuer, found.subject, found.once_sha256,
                                      found.issued_at)
