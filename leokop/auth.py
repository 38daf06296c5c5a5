"""Login, logout, the signed-in user and the page guard.

streamlit-authenticator renders the login form and checks the bcrypt hash; leokop feeds it exactly one
credential record per attempt, read from the database, and writes failed attempts and the lockout back.
It stays behind this module so that a later single sign-on (st.login) can sit beside it.
"""

from __future__ import annotations

import secrets
from datetime import datetime

import streamlit as st
import streamlit_authenticator as stauth
from streamlit_authenticator.utilities.exceptions import LoginError

from leokop import texts
from leokop.clock import BERLIN
from leokop.db.session import Database
from leokop.formats import plain
from leokop.repo import credentials, users
from leokop.repo.users import Profile
from leokop.services.passwords import hash_password, verify_password
from leokop.ui import navigation

_USER_KEY = "leokop_user"
_AUTHENTICATOR_KEY = "leokop_authenticator"
_MUST_CHANGE_KEY = "leokop_must_change"  # signed in with a start password (sql/033): nothing opens before a new one
_EMPTY_KEY = "leokop_login_empty"  # the login form was submitted without a username or password
# Compared against for unknown usernames, so that a wrong name takes as long as a wrong password.
_DUMMY_HASH = hash_password(secrets.token_urlsafe(16))


class AccountLocked(Exception):
    def __init__(self, until: datetime) -> None:
        super().__init__("account locked")
        self.until = until


def current_user() -> Profile | None:
    return st.session_state.get(_USER_KEY)


def require_page(page_key: str) -> Profile:
    """First call of every page file: stop unless a user is signed in and the page is for their roles."""
    user = current_user()
    if user is None:
        st.warning(texts.LOGIN_REQUIRED)
        st.stop()
    if not (navigation.PAGE_BY_KEY[page_key].roles & user.roles):
        st.error(texts.PAGE_NOT_ALLOWED)
        st.stop()
    return user


def login(db: Database) -> None:
    """Render the login form; on success store the profile and rerun into the navigation."""
    authenticator = _authenticator(db)
    st.session_state.pop(_EMPTY_KEY, None)
    try:
        authenticator.login(location="main", fields=texts.LOGIN_FIELDS, key="leokop-login")
    except AccountLocked as exc:
        st.session_state["authentication_status"] = None
        st.error(locked_message(exc))
        return
    except LoginError:
        st.session_state["authentication_status"] = None
        st.error(texts.LOGIN_FAILED)
        return
    if st.session_state.pop(_EMPTY_KEY, False):
        st.error(texts.LOGIN_EMPTY)
        return
    status = st.session_state.get("authentication_status")
    if status is False:
        st.error(texts.LOGIN_FAILED)
    elif status:
        profile = users.load_profile(db, st.session_state[_USER_KEY + "_id"])
        if profile is None or not profile.roles:
            _forget_login(authenticator)
            st.error(texts.LOGIN_NO_ROLE)
            return
        st.session_state[_USER_KEY] = profile
        st.rerun()


def logout_button() -> None:
    user = current_user()
    if user is None:
        return
    st.sidebar.markdown(texts.SIGNED_IN_AS.format(name=plain(user.display_name)))
    st.sidebar.caption(", ".join(texts.ROLE_LABELS[r] for r in sorted(user.roles)))
    if st.sidebar.button(texts.LOGOUT, key="leokop-logout", icon=":material/logout:"):
        _forget_login(st.session_state.get(_AUTHENTICATOR_KEY))
        st.rerun()


def must_change_password() -> bool:
    """Whether the signed-in user came in with a start password and has not replaced it yet."""
    return bool(st.session_state.get(_MUST_CHANGE_KEY))


def start_password_replaced() -> None:
    st.session_state.pop(_MUST_CHANGE_KEY, None)


def change_password(db: Database, user: Profile, current: str, new: str) -> bool:
    """Check the current password, then store the new hash. False when wrong.

    A wrong current password counts as a failed login: a left-open session cannot be used to guess it. The same
    change arriving twice (a double click: the second finds the new password stored already) is a success, not a
    failed attempt.
    """
    record = credentials.login_record(db, user.username)
    if record is None:
        return False
    if record.locked_until is not None:
        raise AccountLocked(record.locked_until)
    if not verify_password(current, record.password_hash):
        if not record.must_change and verify_password(new, record.password_hash):
            return True
        locked_until = credentials.record_login_attempt(db, user.username, False)
        if locked_until is not None:
            raise AccountLocked(locked_until)
        return False
    credentials.change_own_password(db, user.user_id, hash_password(new))
    return True


def locked_message(exc: AccountLocked) -> str:
    return texts.LOGIN_LOCKED.format(until=exc.until.astimezone(BERLIN).strftime("%H:%M"))


def _forget_login(authenticator: stauth.Authenticate | None) -> None:
    for key in (_USER_KEY, _USER_KEY + "_id", _MUST_CHANGE_KEY):
        st.session_state.pop(key, None)
    if authenticator is not None:
        authenticator.authentication_controller.logout()
    st.session_state["authentication_status"] = None


def _authenticator(db: Database) -> stauth.Authenticate:
    """One Authenticate per session, fed from the database one attempt at a time."""
    if _AUTHENTICATOR_KEY not in st.session_state:
        authenticator = stauth.Authenticate(
            {"usernames": {}},
            cookie_name="leokop_session",
            cookie_key=secrets.token_urlsafe(32),
            # No re-login cookie: school computers are shared and the data is personal; a session ends with
            # the browser tab. See docs/decisions.md.
            cookie_expiry_days=0,
            auto_hash=False,
            login_sleep_time=0,
        )
        _feed_from_database(authenticator, db)
        st.session_state[_AUTHENTICATOR_KEY] = authenticator
    return st.session_state[_AUTHENTICATOR_KEY]


def _feed_from_database(authenticator: stauth.Authenticate, db: Database) -> None:
    controller = authenticator.authentication_controller
    model = controller.authentication_model
    original_login = controller.login

    def login_with_database(username=None, password=None, *args, **kwargs):
        if not (username or "").strip() or not password:
            if kwargs.get("token") is None:  # a submit of the form, not a re-login cookie: say what is missing
                st.session_state[_EMPTY_KEY] = True
            return None
        name = username.lower().strip()
        record = credentials.login_record(db, name)
        if record is None:
            verify_password(password or "", _DUMMY_HASH)
            model.credentials["usernames"] = {}
            return original_login(username, password, *args, **kwargs)
        if record.locked_until is not None:
            raise AccountLocked(record.locked_until)
        model.credentials["usernames"] = {
            name: {"name": record.display_name, "email": record.email, "password": record.password_hash}
        }
        ok = bool(original_login(username, password, *args, **kwargs))
        locked_until = credentials.record_login_attempt(db, name, ok)
        model.credentials["usernames"] = {}  # never keep a hash in the session longer than the check
        if ok:
            st.session_state[_USER_KEY + "_id"] = record.user_id
            st.session_state[_MUST_CHANGE_KEY] = record.must_change
        elif locked_until is not None:
            raise AccountLocked(locked_until)
        return ok

    controller.login = login_with_database
