"""Rules for new accounts and memberships, checked before anything is written."""

from __future__ import annotations

import re
from dataclasses import dataclass
from uuid import UUID

from leokop import texts
from leokop.services.passwords import password_problems

USERNAME_PATTERN = re.compile(r"^[a-z0-9._-]{3,40}$")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Which kinds of scope each role may be granted on (see the memberships table's check constraint).
ROLE_SCOPES = {
    "lehrkraft": ("class", "cooperation"),
    "ausbilder": ("company", "cooperation"),
    "schulleitung": ("school",),
    "admin": ("school",),
}


@dataclass(frozen=True)
class Scope:
    """What a membership is for: a school, a class, a company (of a cooperation) or one cooperation."""

    kind: str
    school_id: UUID
    target_id: UUID

    def columns(self) -> dict[str, UUID | None]:
        """The memberships columns for this scope."""
        return {
            "school_id": self.school_id,
            "class_id": self.target_id if self.kind == "class" else None,
            "company_id": self.target_id if self.kind == "company" else None,
            "cooperation_id": self.target_id if self.kind == "cooperation" else None,
        }


@dataclass(frozen=True)
class NewUser:
    username: str
    display_name: str
    email: str | None
    password: str
    password_repeat: str
    role: str
    scope: Scope | None


def normalise_username(raw: str) -> str:
    return raw.strip().lower()


def new_user_problems(user: NewUser, username_taken: bool, schools: tuple[str, ...] = ()) -> list[str]:
    """German reasons why the account cannot be created; empty when it can. `schools`: the names of the school(s)
    the account is for (a start password built from them, or from the user's name, is refused)."""
    problems = identity_problems(user.username, user.display_name, user.email, username_taken)
    problems.extend(password_problems(user.password, user.password_repeat,
                                      (user.username, user.display_name, user.email, *schools)))
    problems.extend(scope_problems(user.role, user.scope))
    return problems


def identity_problems(username: str, display_name: str, email: str | None, username_taken: bool, *,
                      email_required: bool = False) -> list[str]:
    """German reasons why the username, name or e-mail address cannot be an account's (a new user's, an
    invitation's: there the address is required, the link goes to it)."""
    problems = []
    if not USERNAME_PATTERN.match(username):
        problems.append(texts.USERNAME_INVALID)
    elif username_taken:
        problems.append(texts.USERNAME_TAKEN.format(username=username))
    if not display_name.strip():
        problems.append(texts.DISPLAY_NAME_EMPTY)
    if email and not EMAIL_PATTERN.match(email):
        problems.append(texts.EMAIL_INVALID)
    elif not email and email_required:
        problems.append(texts.EMAIL_MISSING)
    return problems


def scope_problems(role: str, scope: Scope | None) -> list[str]:
    if scope is None or scope.kind not in ROLE_SCOPES[role]:
        return [texts.SCOPE_MISSING]
    return []
