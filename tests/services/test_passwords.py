"""Password hashing and rules."""

import pytest

from leokop import texts
from leokop.services.passwords import MAX_BYTES, MIN_LENGTH, hash_password, password_problems, verify_password


def test_hash_verifies_only_the_right_password():
    hashed = hash_password("richtig-lang-genug")
    assert hashed.startswith("$2b$12$")
    assert verify_password("richtig-lang-genug", hashed)
    assert not verify_password("falsch-lang-genug", hashed)


def test_garbage_hash_never_verifies():
    assert not verify_password("egal", "kein-hash")


STRONG = "Kaffeetasse-Laterne-7"  # zxcvbn 4
CONTEXT = ("Sabine Keller", "lehrkraft", "sabine.keller@mainufer.example", "Berufliche Schulen am Mainufer")


def _weak(*hints: str) -> list[str]:
    return [" ".join([texts.PASSWORD_WEAK, *hints, texts.PASSWORD_TIP])]


@pytest.mark.parametrize(
    ("password", "repeat", "expected"),
    [
        (STRONG, None, []),
        (STRONG, STRONG, []),
        ("Kaffee-Later", None, []),  # exactly 12
        ("Kaffee-Late", None, [texts.PASSWORD_TOO_SHORT.format(n=MIN_LENGTH)]),
        ("ä" * 37, None, [texts.PASSWORD_TOO_LONG.format(n=MAX_BYTES)]),  # 74 bytes in UTF-8
        (" " + STRONG, None, [texts.PASSWORD_SPACES]),
        (STRONG, STRONG + "!", [texts.PASSWORD_MISMATCH]),
        # the examples: refused by their length; with twelve characters by zxcvbn
        ("1234567890", None, [texts.PASSWORD_TOO_SHORT.format(n=MIN_LENGTH)]),
        ("password123", None, [texts.PASSWORD_TOO_SHORT.format(n=MIN_LENGTH)]),
        ("password1234", None, _weak(texts.PASSWORD_HINT_COMMON)),
        ("123456789012", None, _weak(texts.PASSWORD_HINT_COMMON, texts.PASSWORD_HINT_SEQUENCE)),
        ("aaaaaaaaaaaaaa", None, _weak(texts.PASSWORD_HINT_REPEAT)),
        ("mnbvcxylkjhg", None, _weak(texts.PASSWORD_HINT_COMMON, texts.PASSWORD_HINT_KEYBOARD)),  # keyboard rows
    ],
)
def test_password_rules(password, repeat, expected):
    assert password_problems(password, repeat) == expected


@pytest.mark.parametrize("password", ["sabinekeller12", "Keller-Mainufer", "leokop-leokop", "Sabine-Keller-2026",
                                      "lehrkraft-2026!", "mainufer.example"])
def test_a_password_of_the_users_own_words_is_refused(password):
    assert password_problems(password, None, CONTEXT) == _weak(texts.PASSWORD_HINT_CONTEXT)
    assert password_problems(STRONG, None, CONTEXT) == []


def test_feedback_is_leokops_german_never_zxcvbns_english():
    for password in ("password1234", "qwertzuiop12", "P@ssw0rd1234", "drowssap1234", "01.01.2000-12", "Summer2024!!",
                     "abcdefghijkl", "Thomas-Mueller", "leokop123456"):
        for problem in password_problems(password, None, CONTEXT):
            assert problem.startswith(texts.PASSWORD_WEAK) and problem.endswith(texts.PASSWORD_TIP), problem
            assert not any(word in problem for word in ("easy", "guess", "Avoid", "common", "Add another")), problem
