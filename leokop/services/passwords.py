"""Password hashing (bcrypt) and the password rules, with German messages."""

from __future__ import annotations

import bcrypt

from leokop.ui import texts

# 12 rounds take about 0.2 s here: slow for an attacker's guesses, still quick for one login.
BCRYPT_ROUNDS = 12
MIN_LENGTH = 10
# bcrypt reads only the first 72 bytes; a longer password would silently be cut.
MAX_BYTES = 72


def hash_password(password: str) -> str:
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(BCRYPT_ROUNDS)).decode("ascii")


def verify_password(password: str, password_hash: str) -> bool:
    try:
        return bcrypt.checkpw(password.encode("utf-8"), password_hash.encode("ascii"))
    except ValueError:
        return False


def password_problems(password: str, repeat: str | None = None) -> list[str]:
    """German reasons why a new password is not acceptable; empty when it is."""
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(texts.PASSWORD_TOO_SHORT.format(n=MIN_LENGTH))
    if len(password.encode("utf-8")) > MAX_BYTES:
        problems.append(texts.PASSWORD_TOO_LONG.format(n=MAX_BYTES))
    if password != password.strip():
        problems.append(texts.PASSWORD_SPACES)
    if repeat is not None and password != repeat:
        problems.append(texts.PASSWORD_MISMATCH)
    return problems
