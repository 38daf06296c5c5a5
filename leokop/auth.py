"""Login, logout, the signed-in user, the server-side session and the page guard.

streamlit-authenticator renders the login form and checks the bcrypt hash; leokop feeds it exactly one
credential record per attempt, read from the database, and writes failed attempts and the lockout back.
It stays behind this module so that a later single sign-on (st.login) can sit beside it.

A sign-in starts a session in the database (sql/036, decision 90); a tiny script hands it to the cookie route
(leokop/web.py), so a reload, a second tab or an opened link signs in again from the HttpOnly cookie
(`st.context.cookies`) without the form. Every script run checks the session in the database (one call).
"""

from __future__ import annotations

import contextlib
import json
import secrets
import time
from datetime import datetime
from uuid import UUID

import streamlit as st
import streamlit_authenticator as stauth
from streamlit_authenticator.utilities.exceptions import LoginError

from leokop import texts
from leokop.clock import BERLIN
from leokop.config import load_settings
from leokop.db.session import Database
from leokop.formats import plain
from leokop.repo import credentials, identities, users
from leokop.repo import sessions as session_rows
from leokop.repo.users import Profile
from leokop.services import sessions
from leokop.services.invitations import client_digest
from leokop.services.passwords import hash_password, verify_password
from leokop.ui import navigation, resources

_USER_KEY = "leokop_user"
_AUTHENTICATOR_KEY = "leokop_authenticator"
_MUST_CHANGE_KEY = "leokop_must_change"  # signed in with a start password (sql/033): nothing opens before a new one
_EMPTY_KEY = "leokop_login_empty"  # the login form was submitted without a username or password
_SESSION_KEY = "leokop_session_id"  # the database session (sql/036) this Streamlit session is signed in with
_HANDOFF_KEY = "leokop_session_handoff"  # (handoff, monotonic deadline) until the cookie route claimed it
_COOKIE_TRIED_KEY = "leokop_cookie_tried"  # the cookie's token was tried once in this Streamlit session
_COOKIE_GONE_KEY = "leokop_cookie_gone"  # "Abmelden": the next run asks the route to delete the cookie
_EXPIRED_KEY = "leokop_session_expired"  # the session ended under the user: the login form says so once
_HANDOFF_SECONDS = 110  # the database accepts a handoff for 120 s
# Compared against for unknown usernames, so that a wrong name takes as long as a wrong password.
_DUMMY_HASH = hash_password(secrets.token_urlsafe(16))


class ClientLimited(Exception):
    """Too many failed logins from this client address in the last hour (sql/040)."""


class PasswordLoginRefused(Exception):
    """The password was right, but the user's school requires single sign-on for them (sql/038)."""


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
    if st.session_state.pop(_EXPIRED_KEY, False):
        st.info(texts.SESSION_EXPIRED)
    try:
        authenticator.login(location="main", fields=texts.LOGIN_FIELDS, key="leokop-login")
    except AccountLocked as exc:
        st.session_state["authentication_status"] = None
        st.error(locked_message(exc))
        return
    except ClientLimited:
        st.session_state["authentication_status"] = None
        st.error(texts.LOGIN_CLIENT_LIMITED)
        return
    except LoginError:
        st.session_state["authentication_status"] = None
        st.error(texts.LOGIN_FAILED)
        return
    except PasswordLoginRefused:
        _forget_login(authenticator)
        st.error(texts.SSO_PASSWORD_REFUSED)
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
        _begin_session(db, profile.user_id)
        st.rerun()


def logout_button() -> None:
    user = current_user()
    if user is None:
        return
    st.sidebar.markdown(texts.SIGNED_IN_AS.format(name=plain(user.display_name)))
    st.sidebar.caption(", ".join(texts.ROLE_LABELS[r] for r in sorted(user.roles)))
    if st.sidebar.button(texts.LOGOUT, key="leokop-logout", icon=":material/logout:"):
        sign_out(resources.database())
        if identity_signed_in():
            # single sign-on: the provider's identity cookie goes too (decision 95); the cookie route is asked first
            cookie_removal_script()
            st.logout()
            st.stop()
        st.rerun()
    _handoff_script()


def sign_out(db: Database) -> None:
    """End this session in the database (a copied cookie is refused from now on), forget the login and let the
    next run delete the cookie."""
    current, user = st.session_state.get(_SESSION_KEY), current_user()
    if current is not None and user is not None:
        # ended already (in another tab, or it ran out): signing out is what the user wants either way
        with contextlib.suppress(session_rows.SessionGone):
            session_rows.end_own(db, user.user_id, current, "abgemeldet")
    signed_out_here()


def signed_out_here() -> None:
    """This Streamlit session's sign-in ended (its database session ended already): forget the login and let the
    next run delete the cookie."""
    _forget_login(st.session_state.get(_AUTHENTICATOR_KEY))
    st.session_state[_COOKIE_GONE_KEY] = True


def identity_signed_in() -> bool:
    """Whether an OIDC provider signed someone in (Streamlit's identity cookie, st.login): this alone opens no
    session (leokop.ui.sso_views)."""
    return st.user.to_dict().get("is_logged_in") is True


def sign_in_as(db: Database, user_id: UUID) -> bool:
    """Sign in without the password form: the account a single sign-on found (or linked), or the one whose
    invitation or reset link just set its password; with a new session (and cookie) as after the login form. False
    when the account has no active role (nothing to open)."""
    profile = users.load_profile(db, user_id)
    if profile is None or not profile.roles:
        return False
    st.session_state.pop(_MUST_CHANGE_KEY, None)
    _remember(profile)
    _begin_session(db, user_id)
    return True


def _remember(profile: Profile) -> None:
    """This Streamlit session is signed in as `profile` (without the password form)."""
    st.session_state[_USER_KEY] = profile
    st.session_state[_USER_KEY + "_id"] = profile.user_id
    # streamlit-authenticator's own state, as its login sets it: its form is not drawn while this is True
    st.session_state.update(authentication_status=True, name=profile.display_name, username=profile.username)


def session_id() -> UUID | None:
    """The database session this Streamlit session is signed in with (None in tests that sign in by state)."""
    return st.session_state.get(_SESSION_KEY)


def keep_session(db: Database) -> None:
    """First thing of every run: a signed-in session is checked (and touched) in the database and signed out
    when it ended; without a user, the cookie's token is tried once."""
    if current_user() is None:
        _resume_from_cookie(db)
        return
    current = st.session_state.get(_SESSION_KEY)
    if current is None:
        return  # signed in by state (AppTest of a page): there is no database session to check
    check = session_rows.check(db, current)
    if check is None:
        _forget_login(st.session_state.get(_AUTHENTICATOR_KEY))
        st.session_state[_EXPIRED_KEY] = True
        return
    if check.claimed:
        st.session_state.pop(_HANDOFF_KEY, None)


def cookie_removal_script() -> None:
    """After "Abmelden": the script that asks the route to delete the cookie (drawn last in the run)."""
    if st.session_state.pop(_COOKIE_GONE_KEY, False):
        _post_script("/sitzung/ende", {})


def _handoff_script() -> None:
    """The script that hands a new session to the cookie route, in the sidebar (drawn before the page runs, and
    the same on every page, so the browser runs it once and early) until the route has claimed it."""
    pending = st.session_state.get(_HANDOFF_KEY)
    if pending is None or must_change_password():
        return
    handoff, deadline = pending
    if time.monotonic() > deadline:
        st.session_state.pop(_HANDOFF_KEY, None)
        return
    with st.sidebar:
        _post_script("/sitzung", {"handoff": handoff})


def _post_script(path: str, body: dict) -> None:
    # the values are our own (a path and a urlsafe secret); json.dumps quotes them for the script
    st.html(f"<script>fetch({json.dumps(path)}, {{method: 'POST', credentials: 'same-origin', keepalive: true, "
            f"headers: {{'Content-Type': 'application/json'}}, body: {json.dumps(json.dumps(body))}}})"
            f".catch(() => undefined);</script>", unsafe_allow_javascript=True)


def _begin_session(db: Database, user_id: UUID) -> None:
    agent = st.context.headers.get("User-Agent")
    started = sessions.start(db, user_id, agent if isinstance(agent, str) else None)
    st.session_state[_SESSION_KEY] = started.session_id
    st.session_state[_HANDOFF_KEY] = (started.handoff, time.monotonic() + _HANDOFF_SECONDS)


def _resume_from_cookie(db: Database) -> None:
    token = st.context.cookies.get(sessions.COOKIE)
    if not isinstance(token, str) or not token or st.session_state.get(_COOKIE_TRIED_KEY) == sessions.digest(token):
        return
    st.session_state[_COOKIE_TRIED_KEY] = sessions.digest(token)
    resumed = sessions.resume(db, token)
    if resumed is None:
        return
    found_session, user_id = resumed
    profile = users.load_profile(db, user_id)
    if profile is None or not profile.roles:
        return
    _remember(profile)
    st.session_state[_SESSION_KEY] = found_session


def client_address() -> str | None:
    """The browser's address as Streamlit sees it (None on localhost; behind a proxy the proxy's, unless the proxy
    passes the client's on): only its sha256 is ever stored, as a rate limit's key (sql/037)."""
    address = st.context.ip_address
    return address if isinstance(address, str) and address else None


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
    if st.session_state.get(_SESSION_KEY) is not None:
        # the new password ended every session of the user (sql/036); this tab goes on in a new one, new cookie
        _begin_session(db, user.user_id)
    return True


def locked_message(exc: AccountLocked) -> str:
    return texts.LOGIN_LOCKED.format(until=exc.until.astimezone(BERLIN).strftime("%H:%M"))


def _forget_login(authenticator: stauth.Authenticate | None) -> None:
    for key in (_USER_KEY, _USER_KEY + "_id", _MUST_CHANGE_KEY, _SESSION_KEY, _HANDOFF_KEY):
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
            # The library's own re-login cookie stays off (page scripts could read it, the database could not end
            # it): leokop's session cookie is set by its own route (decision 90).
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
        client = _client()
        if client is not None and not credentials.login_client_allowed(
                db, client, load_settings().login_failures_per_address):
            raise ClientLimited
        record = credentials.login_record(db, name)
        if record is None:
            verify_password(password or "", _DUMMY_HASH)
            model.credentials["usernames"] = {}
            _count_failure(client)
            return original_login(username, password, *args, **kwargs)
        if record.locked_until is not None:
            raise AccountLocked(record.locked_until)
        model.credentials["usernames"] = {
            name: {"name": record.display_name, "email": record.email, "password": record.password_hash}
        }
        ok = bool(original_login(username, password, *args, **kwargs))
        locked_until = credentials.record_login_attempt(db, name, ok)
        if not ok:
            _count_failure(client)
        model.credentials["usernames"] = {}  # never keep a hash in the session longer than the check
        if ok and identities.password_login_refused(db, name):
            # asked only after a right password: a wrong one says nothing about the account's school
            raise PasswordLoginRefused
        if ok:
            st.session_state[_USER_KEY + "_id"] = record.user_id
            st.session_state[_MUST_CHANGE_KEY] = record.must_change
        elif locked_until is not None:
            raise AccountLocked(locked_until)
        return ok

    def _count_failure(client: str | None) -> None:
        if client is not None:
            credentials.login_client_failed(db, client)

    controller.login = login_with_database


def _client() -> str | None:
    """The per-address limit's key: the sha256 of the browser's address, or None when Streamlit gives none (a
    browser on this machine). Behind a proxy this is the proxy's address (decision 92)."""
    address = client_address()
    return client_digest(address, "") if address else None
