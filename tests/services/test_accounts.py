"""Validation of new accounts before anything is written."""

from uuid import uuid4

import pytest

from leokop.services.accounts import NewUser, new_user_problems, normalise_username, scope_columns, scope_problems
from leokop.ui import texts

SCHOOL, CLASS = uuid4(), uuid4()


def _user(**changes) -> NewUser:
    base = dict(username="m.muster", display_name="Max Muster", email="m@example.de", password="geheim-genug",
                password_repeat="geheim-genug", role="lehrkraft", school_id=SCHOOL, scope_id=CLASS)
    base.update(changes)
    return NewUser(**base)


def test_valid_user_has_no_problems():
    assert new_user_problems(_user(), username_taken=False) == []


@pytest.mark.parametrize(
    ("changes", "taken", "expected"),
    [
        ({"username": "ab"}, False, texts.USERNAME_INVALID),
        ({"username": "max muster"}, False, texts.USERNAME_INVALID),
        ({"username": "x" * 41}, False, texts.USERNAME_INVALID),
        ({}, True, texts.USERNAME_TAKEN.format(username="m.muster")),
        ({"display_name": "   "}, False, texts.DISPLAY_NAME_EMPTY),
        ({"email": "kein-at-zeichen"}, False, texts.EMAIL_INVALID),
        ({"password_repeat": "anders-genug"}, False, texts.PASSWORD_MISMATCH),
        ({"scope_id": None}, False, texts.SCOPE_MISSING),
    ],
)
def test_each_bad_field_is_named(changes, taken, expected):
    assert new_user_problems(_user(**changes), username_taken=taken) == [expected]


def test_username_is_normalised():
    assert normalise_username("  Max.Muster ") == "max.muster"


def test_school_roles_need_no_scope_but_a_school():
    assert scope_problems("schulleitung", SCHOOL, None) == []
    assert scope_problems("admin", None, None) == [texts.SCOPE_MISSING]


@pytest.mark.parametrize(
    ("role", "expected"),
    [("lehrkraft", (CLASS, None)), ("ausbilder", (None, CLASS)), ("admin", (None, None))],
)
def test_scope_columns_follow_the_role(role, expected):
    assert scope_columns(role, CLASS) == expected
