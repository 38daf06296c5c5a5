"""Single sign-on on the pages (decision 95): the login page's buttons, the sign-in after the provider's callback,
the "kein Konto" page, the link of an invitation, and the admin's per-school rule.

Streamlit's st.login does the OIDC flow; its cookie (30 days) only says who the provider signed in. A leokop
session starts from it once, right after the callback (services.sso, sql/038); from then on the session rules of
decision 90 apply as after a password, and "Abmelden" ends both (auth.logout_button calls st.logout).
"""

from __future__ import annotations

from uuid import UUID

import streamlit as st

from leokop import auth, formats, texts
from leokop.db.session import Database
from leokop.frames import records
from leokop.repo import identities
from leokop.services import sso
from leokop.ui import feedback, saving, widgets

_TRIED_KEY = "leokop_sso_tried"  # the sign-in (its digest) this Streamlit session handed to the database already
_OUTCOME_KEY = "leokop_sso_outcome"  # why it opened no session: kein_konto | abgelaufen | unvollstaendig


def configured() -> list[sso.Provider]:
    """The providers of `[auth]` in the secrets (none: no single sign-on in this installation)."""
    if not st.secrets.load_if_toml_exists():
        return []
    return sso.providers(st.secrets.get("auth"))


def _claims() -> dict:
    return st.user.to_dict() if auth.identity_signed_in() else {}


def after_callback(db: Database) -> None:
    """Early in every run without a signed-in user: a provider's identity is handed to the database once per
    Streamlit session; it opens a session only right after the callback (a fresh, unused ID token)."""
    if auth.current_user() is not None or not auth.identity_signed_in():
        return
    found = sso.identity(_claims())
    if found is None:
        st.session_state[_OUTCOME_KEY] = "unvollstaendig"
        return
    if st.session_state.get(_TRIED_KEY) == found.once_sha256:
        return
    st.session_state[_TRIED_KEY] = found.once_sha256
    result = sso.sign_in(db, found)
    if result.user_id is not None and auth.sign_in_as(db, result.user_id):
        st.session_state.pop(_OUTCOME_KEY, None)
        return
    st.session_state[_OUTCOME_KEY] = result.outcome if result.user_id is None else "kein_konto"


def login_page(db: Database) -> bool:
    """The login page: "kein Konto" for a provider's identity without an account (False); else the password form
    and below it a button per configured provider (True)."""
    outcome = st.session_state.get(_OUTCOME_KEY) if auth.identity_signed_in() else None
    if outcome == "kein_konto":
        no_account_page()
        return False
    if outcome in ("abgelaufen", "unvollstaendig"):
        st.info(texts.SSO_STALE if outcome == "abgelaufen" else texts.SSO_INCOMPLETE)
    auth.login(db)
    sign_in_buttons()
    return True


def no_account_page() -> None:
    """The provider signed someone in whom no account belongs to: no access, nothing created, and a way out."""
    st.subheader(texts.SSO_NO_ACCOUNT_TITLE)
    st.warning(texts.SSO_NO_ACCOUNT)
    if st.button(texts.SSO_SIGN_OUT, key="sso-sign-out", icon=":material/logout:"):
        st.session_state.pop(_OUTCOME_KEY, None)
        st.logout()


def sign_in_buttons() -> None:
    """One button per configured provider (nothing without [auth])."""
    providers = configured()
    if not providers:
        return
    st.caption(texts.SSO_OR)
    for provider in providers:
        if st.button(provider.button, key=f"sso-login-{provider.name or 'default'}", icon=":material/badge:"):
            if provider.name is None:
                st.login()
            else:
                st.login(provider.name)


def invitation_link(db: Database, token: str) -> None:
    """For the page of an open invitation: while signed in at a provider, a button that links that identity to the
    invited account (which becomes active without a password) and signs in; otherwise how to get there."""
    if not configured():
        return
    if not auth.identity_signed_in():
        st.info(texts.SSO_INVITATION_SIGN_IN)
        sign_in_buttons()
        return
    st.info(texts.SSO_INVITATION_INTRO)
    if st.button(texts.SSO_INVITATION_LINK, key="sso-invitation-link", icon=":material/link:"):
        found = sso.identity(_claims())
        user_id: UUID | None = sso.link_invitation(db, token, found) if found is not None else None
        if user_id is None or not auth.sign_in_as(db, user_id):
            st.error(texts.SSO_INVITATION_REFUSED)
            return
        st.query_params.clear()
        feedback.saved(texts.SSO_INVITATION_DONE)


def school_setting_tab(db: Database, admin_id: UUID) -> None:
    """Verwaltung: per school of the admin, whether its teachers and leadership sign in only with single sign-on."""
    st.caption(texts.SSO_SETTING_INTRO)
    if not configured():
        st.warning(texts.SSO_NOT_CONFIGURED)
    (label,) = texts.SSO_SETTING_LABELS.values()
    for school in records(identities.school_settings(db, admin_id)):
        form = f"sso-setting-{school['school_id']}"
        marker = saving.key(form, f"{school['school_id']}-sso_required")
        present = {key: None if widgets.optional_bool(school[key]) is None else school[key]
                   for key in ("version", "changed_by", "updated_at")}
        edit = saving.Edit(f"sso-setting:{school['school_id']}",
                           None if present["version"] is None else int(present["version"]),
                           {label: texts.YES_NO[bool(school["sso_required"])]}, present["changed_by"],
                           present["updated_at"], marker)
        with st.form(saving.key(form)):
            st.subheader(formats.plain(school["name"]))
            confirmed = saving.show_conflict(edit)
            required = st.checkbox(label, value=bool(school["sso_required"]), key=marker)
            if st.form_submit_button(texts.BUTTON_SAVE):
                saving.save(form, [], lambda version, school=school, required=required: identities.save_school_setting(
                    db, admin_id, school["school_id"], required, version), texts.SSO_SETTING_SAVED, edit=edit,
                    confirmed=confirmed)
