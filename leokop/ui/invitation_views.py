"""Invitations and password reset in the browser (issue 15, sql/037, decision 92): the admin's "Person einladen" form
and list of invitations, the page behind an `/?einladung=` or `/?passwort=` link, and "Passwort vergessen?" on the
login page."""

from __future__ import annotations

import threading
from uuid import UUID

import pandas as pd
import streamlit as st

from leokop import auth, texts
from leokop.config import load_settings
from leokop.db.session import Database
from leokop.formats import german_datetime, plain
from leokop.frames import records
from leokop.repo import invitations as invitation_rows
from leokop.repo import users
from leokop.repo.users import Profile
from leokop.services import accounts, entries, invitations
from leokop.ui import feedback, saving, sso_views, widgets
from leokop.ui.account_forms import base_url

NEW_LINK = "leokop_invitation_links"  # + place: ([(username, link, until)], mail failed), shown once after inviting
FORGOT_ANSWERED = "leokop_forgot_answered"  # the forgot form was answered in this session: the answer stays
LINK_PARAMS = (invitations.INVITE_PARAM, invitations.RESET_PARAM)
OPEN_STATES = ("offen", "abgelaufen", "zurueckgezogen")  # a new link is possible (the account has no password)


def taken_username(db: Database, admin_id: UUID, username: str) -> bool:
    """Whether a well-formed username is taken (a malformed one is refused without a query)."""
    return bool(accounts.USERNAME_PATTERN.match(username)) and users.username_taken(db, admin_id, username)


def admin_client(admin_id: UUID) -> str:
    """The rate limit's client key of an admin's invitations: the browser's address, else the admin's id."""
    return invitations.client_digest(auth.client_address(), str(admin_id))


def remember_links(place: str, invited: list[tuple[str, invitations.Invited]]) -> None:
    """The links of invitations that went out by no mail (none configured, or it failed), by username: shown once
    where the admin made them (`place`), for the admin to pass on."""
    unsent = [(username, one.link, one.valid_until) for username, one in invited if not one.mailed]
    if unsent:
        st.session_state[f"{NEW_LINK}-{place}"] = (unsent, load_settings().smtp is not None)


def show_new_links(place: str) -> None:
    shown = st.session_state.pop(f"{NEW_LINK}-{place}", None)
    if shown is None:
        return
    unsent, mail_failed = shown
    template = texts.INVITATION_MAIL_FAILED if mail_failed else texts.INVITATION_LINK_COPY
    st.warning(template.format(until=german_datetime(min(until for _, _, until in unsent))), icon=feedback.NOTICE)
    for username, link, _until in unsent:
        st.caption(plain(username))
        st.code(link, language=None)


def invite_form(db: Database, user: Profile, options: dict[str, pd.DataFrame]) -> None:
    """Name, username, e-mail, role and scope: the account without a password and its link (by mail, or shown to
    the admin when no SMTP is configured or the mail failed)."""
    st.subheader(texts.ADMIN_INVITE)
    st.caption(texts.ADMIN_INVITE_INTRO)
    form = "invite"
    show_new_links(form)
    role = widgets.role_select("invite-role")
    with st.form(saving.key(form), enter_to_submit=False):
        display_name = st.text_input(texts.FIELD_DISPLAY_NAME, key=saving.key(form, "invite-display-name"))
        username = st.text_input(texts.FIELD_USERNAME, key=saving.key(form, "invite-username"))
        email = st.text_input(texts.FIELD_EMAIL_REQUIRED, key=saving.key(form, "invite-email"))
        scope = widgets.scope_select(options, accounts.ROLE_SCOPES[role], key="invite-scope")
        pressed = st.form_submit_button(texts.BUTTON_INVITE, type="primary")
    if not pressed:
        return
    name, address = accounts.normalise_username(username), email.strip()
    problems = accounts.identity_problems(name, display_name, address, taken_username(db, user.user_id, name),
                                          email_required=True)
    problems += entries.text_problems(display_name, required=False, max_length=200)
    problems += accounts.scope_problems(role, scope)
    smtp = load_settings().smtp

    def invite() -> str:
        invited = invitations.invite(
            db, user.user_id, username=name, display_name=display_name.strip(), email=address, role=role,
            scope=scope.columns(), base_url=base_url(), smtp=smtp, client=admin_client(user.user_id))
        remember_links(form, [(name, invited)])
        return (texts.INVITED_MAILED if invited.mailed else texts.INVITED_LINK).format(username=name)

    saving.save(form, list(dict.fromkeys(problems)), invite,
                lambda result: result or texts.INVITED_LINK.format(username=name),
                refusals={invitation_rows.TooMany: texts.INVITATION_TOO_MANY})


def invitations_list(db: Database, user: Profile) -> None:
    """The newest invitation of every managed account, and for one of them: send again (a new link, the old one
    dead) or withdraw."""
    st.subheader(texts.INVITATIONS_TITLE)
    found = invitation_rows.list_invitations(db, user.user_id)
    if found.empty:
        st.info(texts.INVITATIONS_NONE)
        return
    shown = found.assign(state=found["state"].map(texts.INVITATION_STATES),
                         valid_until=found["valid_until"].map(german_datetime))
    st.dataframe(shown[list(texts.INVITATION_COLUMNS)].rename(columns=texts.INVITATION_COLUMNS), hide_index=True,
                 width="stretch")
    actionable = found[found["state"].isin(OPEN_STATES)]
    if actionable.empty:
        return
    by_user = {row["user_id"]: row for row in records(actionable)}
    form = "invitation-actions"
    with st.form(saving.key(form)):
        target = st.selectbox(texts.FIELD_INVITATION, list(by_user),
                              format_func=widgets.label_from(actionable, "user_id", ["display_name", "username"]),
                              placeholder=texts.PLACEHOLDER_CHOOSE, key=saving.key(form, "invitation-target"))
        again_column, withdraw_column = st.columns(2)
        again = again_column.form_submit_button(texts.BUTTON_INVITE_AGAIN)
        withdraw = withdraw_column.form_submit_button(texts.BUTTON_WITHDRAW)
    if not (again or withdraw):
        return
    row = by_user.get(target)
    if row is None:
        st.error(texts.INVITATION_GONE)
        return
    refusals = {invitation_rows.TooMany: texts.INVITATION_TOO_MANY,
                invitation_rows.NotInvitable: texts.INVITATION_NOT_POSSIBLE,
                invitation_rows.InvitationGone: texts.INVITATION_GONE}
    if withdraw:
        saving.save(form, [], lambda: invitation_rows.withdraw(db, user.user_id, row["id"]),
                    texts.INVITATION_WITHDRAWN, refusals=refusals)
        return
    smtp = load_settings().smtp

    def invite_again() -> str:
        invited = invitations.invite_again(db, user.user_id, row["user_id"], row["email"], row["display_name"],
                                           base_url=base_url(), smtp=smtp, client=admin_client(user.user_id))
        remember_links("invite", [(row["username"], invited)])
        return texts.INVITATION_RESENT

    saving.save(form, [], invite_again, texts.INVITATION_RESENT, refusals=refusals)


# --- before the sign-in: the page behind a link, and "Passwort vergessen?" -----------------------------------------


def link_param() -> str | None:
    """The link's kind when the address carries one (`einladung` or `passwort`), else None."""
    return next((param for param in LINK_PARAMS if param in st.query_params), None)


def signed_in_notice() -> None:
    """A link opened in a browser that is signed in: the link waits until the user signs out (the address keeps it)."""
    if link_param() is not None:
        st.info(texts.LINK_WHILE_SIGNED_IN, icon=feedback.NOTICE)


def link_page(db: Database, param: str) -> None:
    """Whose link it is, two password fields and the rules; then signed in (the reset ends every other session).
    An unknown, used, withdrawn or expired link says so in German, with the way to the login form."""
    invite = param == invitations.INVITE_PARAM
    st.subheader(texts.INVITATION_TITLE if invite else texts.RESET_TITLE)
    token = invitations.valid_token(st.query_params.get(param))
    found = invitations.owner(db, param, token) if token else None
    if found is None:
        st.error(texts.INVITATION_INVALID if invite else texts.RESET_INVALID)
        _to_login()
        return
    intro = texts.INVITATION_INTRO if invite else texts.RESET_INTRO
    st.info(intro.format(name=plain(found.display_name), username=plain(found.username)))
    form = "link-password"
    with st.form(feedback.key(form), enter_to_submit=False):
        new = st.text_input(texts.FIELD_NEW_PASSWORD, type="password", help=texts.PASSWORD_RULES,
                            key=feedback.key(form, "link-password-new"))
        repeat = st.text_input(texts.FIELD_NEW_PASSWORD_REPEAT, type="password",
                               key=feedback.key(form, "link-password-repeat"))
        pressed = st.form_submit_button(texts.LINK_BUTTON_SET, type="primary")
    if invite:
        sso_views.invitation_link(db, token)  # or with the school's single sign-on (nothing without [auth])
    if not pressed:
        _to_login()
        return
    problems = invitations.new_password_problems(found, new, repeat)
    for problem in problems:
        st.error(problem)
    if problems:
        return
    user_id = invitations.use(db, param, token, new)
    if user_id is None:  # used in another tab, withdrawn or expired while the form was open
        st.error(texts.INVITATION_INVALID if invite else texts.RESET_INVALID)
        _to_login()
        return
    st.query_params.clear()
    if auth.sign_in_as(db, user_id):
        feedback.saved(texts.INVITATION_ACCEPTED if invite else texts.RESET_DONE, form=form)
    st.success(texts.LINK_PASSWORD_SET)  # no active role: the password is set, the login form says the rest
    _to_login()


def _to_login() -> None:
    if st.button(texts.LINK_TO_LOGIN, key="link-to-login"):
        st.query_params.clear()
        st.rerun()


def forgot_form(db: Database) -> None:
    """"Passwort vergessen?": a reset link by mail. The answer is the same whether the account exists or not, and
    the mail goes out in a background thread so that not even the answer's time tells; a double click sends one."""
    answered = bool(st.session_state.get(FORGOT_ANSWERED))
    with st.expander(texts.FORGOT_TITLE, expanded=answered, icon=":material/key:"):
        smtp = load_settings().smtp
        if smtp is None:
            st.info(texts.FORGOT_NO_MAIL)
            return
        if answered:
            st.success(texts.FORGOT_SENT)
        st.caption(texts.FORGOT_INTRO)
        form = "forgot-password"
        with st.form(saving.key(form)):
            login = st.text_input(texts.FIELD_LOGIN_OR_EMAIL, placeholder=texts.PLACEHOLDER_LOGIN_OR_EMAIL,
                                  max_chars=320, key=saving.key(form, "forgot-login"))
            pressed = st.form_submit_button(texts.FORGOT_BUTTON)
    if not pressed:
        return
    if not login.strip():
        st.error(texts.FORGOT_EMPTY)
        return
    if saving.claim_in_session(form):
        mail = invitations.request_reset(db, login, base_url=base_url(), client=auth.client_address())
        if mail is not None:
            threading.Thread(target=mail.send, args=(smtp,), name="leokop-reset-mail", daemon=True).start()
    st.session_state[FORGOT_ANSWERED] = True
    feedback.saved(texts.FORGOT_SENT, form=form)
