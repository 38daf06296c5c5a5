"""Sessions that survive a reload (sql/036, decision 90): secrets, their hashes, the start and the device label.

The browser's token and the one-time handoff are 256 random bits each; the database keeps only their sha256.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from uuid import UUID

from leokop import texts
from leokop.config import load_settings
from leokop.db.session import Database
from leokop.repo import sessions

COOKIE = "leokop_sitzung"
SECRET = re.compile(r"^[A-Za-z0-9_-]{43}$")  # token_urlsafe(32)


@dataclass(frozen=True)
class Started:
    session_id: UUID
    handoff: str  # for the cookie route, once and within two minutes; never stored


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def start(db: Database, user_id: UUID, user_agent: str | None) -> Started:
    """A new session of the signed-in user with the deployment's limits, and its handoff for the cookie."""
    settings = load_settings()
    handoff = new_secret()
    session_id = sessions.start(db, user_id, digest(handoff), (user_agent or "")[:300],
                                settings.session_idle_minutes, settings.session_max_hours)
    return Started(session_id, handoff)


def resume(db: Database, token: str | None) -> tuple[UUID, UUID] | None:
    """(session id, user id) for the cookie's token when its session is valid; None for anything else."""
    if not token or not SECRET.match(token):
        return None
    return sessions.resume(db, digest(token))


# Browsers and systems by the marks their user agents carry, the most specific first (Edge and Opera also say
# "Chrome", Chrome also says "Safari", Android also says "Linux").
_BROWSERS = (("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"),
             ("Chromium/", "Chromium"), ("Safari/", "Safari"))
_SYSTEMS = (("Android", "Android"), ("iPhone", "iOS"), ("iPad", "iPadOS"), ("Windows", "Windows"),
            ("Mac OS X", "macOS"), ("CrOS", "ChromeOS"), ("Linux", "Linux"))


def device(user_agent: str | None) -> str:
    """A user agent shortened to browser and system, e.g. "Firefox unter Windows"."""
    agent = user_agent or ""
    browser = next((name for mark, name in _BROWSERS if mark in agent), None)
    system = next((name for mark, name in _SYSTEMS if mark in agent), None)
    if browser is None:
        return texts.DEVICE_UNKNOWN if system is None else f"{texts.DEVICE_UNKNOWN} ({system})"
    return browser if system is None else texts.DEVICE_ON.format(browser=browser, system=system)
