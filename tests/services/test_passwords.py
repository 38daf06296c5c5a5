"""Password hashing and rules."""

import pytest

from leokop.services.passwords import MAX_BYTES, MIN_LENGTH, hash_password, password_problems, verify_password
from leokop.ui import texts


def test_hash_verifies_only_the_right_password():
    hashed = hash_password("richtig-lang-genug")
    assert hashed.startswith("$2b$12$")
    assert verify_password("richtig-lang-genug", hashed)
    assert not verify_password("falsch-lang-genug", hashed)


def test_garbage_hash_never_verifies():
    assert not verify_password("egal", "kein-hash")


@pytest.mark.parametrize(
    ("password", "repeat", "expected"),
    [
        ("a" * MIN_LENGTH, None, []),
        ("a" * (MIN_LENGTH - 1), None, [texts.PASSWORD_TOO_SHORT.format(n=MIN_LENGTH)]),
        ("ä" * 37, None, [texts.PASSWORD_TOO_LONG.format(n=MAX_BYTES)]),  # 74 bytes in UTF-8
        (" " + "a" * MIN_LENGTH, None, [texts.PASSWORD_SPACES]),
        ("a" * MIN_LENGTH, "b" * MIN_LENGTH, [texts.PASSWORD_MISMATCH]),
        ("a" * MIN_LENGTH, "a" * MIN_LENGTH, []),
    ],
)
def test_password_rules(password, repeat, expected):
    assert password_problems(password, repeat) == expected
