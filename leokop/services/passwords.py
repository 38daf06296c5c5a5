"""Password hashing (bcrypt) and the password rules, with German messages.

A new password (the user's own, or a start password the admin sets) needs at least 12 characters and must not be
easy to guess: zxcvbn (4.5) scores it from 0 to 4 against its lists of common passwords, words, names, keyboard
patterns, sequences and dates, and against the user's own context (name, username, e-mail, school, "leokop"); below
3 it is refused. zxcvbn's own feedback is English: the German hints below are leokop's, chosen from the patterns
zxcvbn found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import bcrypt
from zxcvbn import zxcvbn

from leokop import texts

# 12 rounds take about 0.2 s here: slow for an attacker's guesses, still quick for one login.
BCRYPT_ROUNDS = 12
MIN_LENGTH = 12
MIN_SCORE = 3  # zxcvbn: 3 = "safely unguessable: moderate protection from offline slow-hash scenario"
# bcrypt reads only the first 72 bytes; a longer password would silently be cut.
MAX_BYTES = 72
APP_WORDS = ("leokop",)
# What is left of a password after the user's own words, digits and separators: fewer letters than this is refused
# even where zxcvbn counts the separators as random ("Keller-Mainufer", "leokop-leokop" score 3).
MIN_OWN_LETTERS = 4
_WORD = re.compile(r"[^\W\d_]{3,}")


def hash_password(password: str) -> str:
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(BCRYPT_ROUNDS)).decode("ascii")


def verify_password(password: str, password_hash: str) -> bool:
    try:
        return bcrypt.checkpw(password.encode("utf-8"), password_hash.encode("ascii"))
    except ValueError:
        return False


def context_words(*values: str | None) -> list[str]:
    """The user's own words for zxcvbn: each value whole and each of its words of three letters or more (the name
    "Sabine Keller" gives "sabine keller", "sabine", "keller"; an e-mail address its parts), and "leokop"."""
    words: dict[str, None] = {}
    for value in (*values, *APP_WORDS):
        if not value:
            continue
        text = str(value).strip().lower()
        words[text] = None
        for word in _WORD.findall(text):
            words[word] = None
    return list(words)


def _hints(result: dict) -> list[str]:
    """leokop's German hints for what zxcvbn found (its own feedback is English)."""
    hints: dict[str, None] = {}
    for match in result.get("sequence", []):
        pattern = match.get("pattern")
        if pattern == "dictionary":
            name = match.get("dictionary_name")
            if name == "user_inputs":
                hints[texts.PASSWORD_HINT_CONTEXT] = None
            elif name == "passwords":
                hints[texts.PASSWORD_HINT_COMMON] = None
            else:
                hints[texts.PASSWORD_HINT_WORDS] = None
            if match.get("l33t"):
                hints[texts.PASSWORD_HINT_L33T] = None
        elif pattern == "spatial":
            hints[texts.PASSWORD_HINT_KEYBOARD] = None
        elif pattern == "repeat":
            hints[texts.PASSWORD_HINT_REPEAT] = None
        elif pattern == "sequence":
            hints[texts.PASSWORD_HINT_SEQUENCE] = None
        elif pattern in ("date", "regex"):
            hints[texts.PASSWORD_HINT_DATES] = None
    return list(hints)


def _only_own_words(password: str, words: Iterable[str]) -> bool:
    rest = password.lower()
    for word in sorted((w for w in words if len(w) >= 3), key=len, reverse=True):
        rest = rest.replace(word, "")
    return len(re.sub(r"[\W\d_]+", "", rest)) < MIN_OWN_LETTERS


def strength_problems(password: str, context: Iterable[str | None] = ()) -> list[str]:
    """The German reason (with hints) why the password is too easy to guess; empty when it is not."""
    words = context_words(*context)
    result = zxcvbn(password[:100], user_inputs=words)  # zxcvbn slows down on very long input; bcrypt reads 72 B
    if result["score"] >= MIN_SCORE and not _only_own_words(password, words):
        return []
    hints = _hints(result) if result["score"] < MIN_SCORE else [texts.PASSWORD_HINT_CONTEXT]
    return [" ".join([texts.PASSWORD_WEAK, *hints[:2], texts.PASSWORD_TIP])]


def password_problems(password: str, repeat: str | None = None, context: Iterable[str | None] = ()) -> list[str]:
    """German reasons why a new password is not acceptable; empty when it is. `context`: the user's name, username,
    e-mail and school (a password built from them is refused)."""
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(texts.PASSWORD_TOO_SHORT.format(n=MIN_LENGTH))
    if len(password.encode("utf-8")) > MAX_BYTES:
        problems.append(texts.PASSWORD_TOO_LONG.format(n=MAX_BYTES))
    if password != password.strip():
        problems.append(texts.PASSWORD_SPACES)
    if repeat is not None and password != repeat:
        problems.append(texts.PASSWORD_MISMATCH)
    if password and not problems:
        problems.extend(strength_problems(password, context))
    return problems
