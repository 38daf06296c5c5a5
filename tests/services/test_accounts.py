"""Validation of new accounts before anything is written."""

from uuid import uuid4

import pytest

from leokop import texts
from leokop.services.accounts import NewUser, Scope, new_user_problems, normalise_username, scope_problems

SCHOOL, CLASS = uuid4(), uuid4()
CLASS_SCOPE = Scope("class", SCHOOL, CLASS)


def _user(**changes) -> NewUser:
    base = dict(username="m.muster", display_name="Max Muster", email="m@example.de", password="Kaffeetasse-Laterne-7",
                password_repeat="Kaffeetasse-Laterne-7", role="lehrkraft", scope=CLASS_SCOPE)
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
        ({"password_repeat": "Kaffeetasse-Laterne-8"}, False, texts.PASSWORD_MISMATCH),
        ({"scope": None}, False, texts.SCOPE_MISSING),
        ({"scope": Scope("company", SCHOOL, CLASS)}, False, texts.SCOPE_MISSING),  # a teacher is not a company
    ],
)
def test_each_bad_field_is_named(changes, taken, expected):
    assert new_user_problems(_user(**changes), username_taken=taken) == [expected]


def test_username_is_normalised():
    assert normalise_username("  Max.Muster ") == "max.muster"


def test_school_roles_take_a_school_scope():
    assert scope_problems("schulleitung", Scope("school", SCHOOL, SCHOOL)) == []
    assert scope_problems("admin", CLASS_SCOPE) == [texts.SCOPE_MISSING]


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("class", {"school_id": SCHOOL, "class_id": CLASS, "company_id": None, "cooperation_id": None}),
        ("company", {"school_id": SCHOOL, "class_id": None, "company_id": CLASS, "cooperation_id": None}),
        ("cooperation", {"school_id": SCHOOL, "class_id": None, "company_id": None, "cooperation_id": CLASS}),
        ("school", {"school_id": SCHOOL, "class_id": None, "company_id": None, "cooperation_id": None}),
    ],
)
def test_scope_columns_follow_the_kind(kind, expected):
    assert Scope(kind, SCHOOL, CLASS).columns() == expected


def test_a_start_password_built_from_the_new_users_name_or_school_is_refused():
    weak = _user(display_name="Sabine Keller", password="Keller-Mainufer-1", password_repeat="Keller-Mainufer-1")
    assert new_user_problems(weak, username_taken=False, schools=("Berufliche Schulen am Mainufer",)) == [
        " ".join([texts.PASSWORD_WEAK, texts.PASSWORD_HINT_CONTEXT, texts.PASSWORD_TIP])]
