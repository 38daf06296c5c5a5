"""Rules for new accounts and memberships, checked before anything is written."""

from __future__ import annotations

import re
from dataclasses import dataclass
from uuid import UUID

from leokop.services.passwords import password_problems
from leokop.ui import texts

USERNAME_PATTERN = re.compile(r"^[a-z0-9._-]{3,40}$")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Which kind of scope each role is granted on (see the memberships table's check constraint).
ROLE_SCOPE = {"lehrkraft": "class", "ausbilder": "company", "schulleitung": "school", "admin": "school"}


@dataclass(frozen=True)
class NewUser:
    username: str
    display_name: str
    email: str | None
    password: str
    password_repeat: str
    role: str
    school_id: UUID | None
    scope_id: UUID | None


def normalise_username(raw: str) -> str:
    return raw.strip().lower()


def new_user_problems(user: NewUser, username_taken: bool) -> list[str]:
    """German reasons why the account cannot be created; empty when it can."""
    problems = []
    if not USERNAME_PATTERN.match(user.username):
        problems.append(texts.USERNAME_INVALID)
    elif username_taken:
        problems.append(texts.USERNAME_TAKEN.format(username=user.username))
    if not user.display_name.strip():
        problems.append(texts.DISPLAY_NAME_EMPTY)
    if user.email and not EMAIL_PATTERN.match(user.email):
        problems.append(texts.EMAIL_INVALID)
    problems.extend(password_problems(user.password, user.password_repeat))
    problems.extend(scope_problems(user.role, user.school_id, user.scope_id))
    return problems


def scope_problems(role: str, school_id: UUID | None, scope_id: UUID | None) -> list[str]:
    if school_id is None or (ROLE_SCOPE[role] != "school" and scope_id is None):
        return [texts.SCOPE_MISSING]
    return []


def scope_columns(role: str, scope_id: UUID | None) -> tuple[UUID | None, UUID | None]:
    """(class_id, company_id) for a membership of this role."""
    kind = ROLE_SCOPE[role]
    return (scope_id if kind == "class" else None, scope_id if kind == "company" else None)
