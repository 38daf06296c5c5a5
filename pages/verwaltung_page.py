"""Verwaltung: the school admin creates, assigns and deactivates users."""

import psycopg
import streamlit as st

from leokop import auth
from leokop.repo import users
from leokop.services import accounts
from leokop.services.passwords import hash_password
from leokop.ui import texts, widgets
from leokop.ui.resources import database

user = auth.require_page("verwaltung")
db = database()

st.title(texts.PAGE_ADMIN)
options = users.scope_options(db, user.user_id)
role_options = list(texts.ROLE_LABELS)


def _report(problems: list[str]) -> None:
    for problem in problems:
        st.error(problem)


tab_users, tab_memberships = st.tabs([texts.ADMIN_USERS, texts.ADMIN_MEMBERSHIPS])

with tab_users:
    managed = users.list_managed_users(db, user.user_id)
    widgets.admin_table(managed, ["username", "display_name", "email", "roles", "active"])

    st.subheader(texts.ADMIN_NEW_USER)
    role = st.selectbox(texts.FIELD_ROLE, role_options, format_func=texts.ROLE_LABELS.get, key="new-user-role")
    with st.form("new-user", clear_on_submit=False):
        username = st.text_input(texts.FIELD_USERNAME)
        display_name = st.text_input(texts.FIELD_DISPLAY_NAME)
        email = st.text_input(texts.FIELD_EMAIL)
        school_id, scope_id = widgets.scope_select(options, accounts.ROLE_SCOPE[role], key="new-user-scope")
        password = st.text_input(texts.FIELD_PASSWORD, type="password")
        password_repeat = st.text_input(texts.FIELD_PASSWORD_REPEAT, type="password")
        if st.form_submit_button(texts.BUTTON_CREATE):
            new = accounts.NewUser(
                username=accounts.normalise_username(username), display_name=display_name.strip(),
                email=email.strip() or None, password=password, password_repeat=password_repeat,
                role=role, school_id=school_id, scope_id=scope_id,
            )
            taken = accounts.USERNAME_PATTERN.match(new.username) and users.username_taken(
                db, user.user_id, new.username)
            problems = accounts.new_user_problems(new, bool(taken))
            if problems:
                _report(problems)
            else:
                class_id, company_id = accounts.scope_columns(role, scope_id)
                try:
                    users.create_user_with_membership(
                        db, user.user_id, username=new.username, display_name=new.display_name, email=new.email,
                        password_hash=hash_password(new.password), role=role, school_id=school_id,
                        class_id=class_id, company_id=company_id,
                    )
                except psycopg.Error:
                    st.error(texts.DB_ERROR)
                else:
                    st.success(texts.USER_CREATED.format(username=new.username))

    st.subheader(texts.ADMIN_TOGGLE_USER)
    with st.form("toggle-user"):
        others = managed[managed["id"] != user.user_id]
        target = st.selectbox(texts.FIELD_USER, others["id"].tolist(),
                              format_func=widgets.label_from(others, "id", ["display_name", "username"]))
        activate, deactivate = st.columns(2)
        wants_active = activate.form_submit_button(texts.BUTTON_ACTIVATE)
        wants_inactive = deactivate.form_submit_button(texts.BUTTON_DEACTIVATE)
        if (wants_active or wants_inactive) and target is not None:
            name = others.set_index("id").loc[target, "username"]
            if users.set_user_active(db, user.user_id, target, wants_active):
                st.success(texts.USER_STATE_CHANGED.format(
                    username=name, state=texts.STATE_ACTIVE if wants_active else texts.STATE_INACTIVE))
            else:
                st.error(texts.DB_ERROR)

with tab_memberships:
    memberships = users.list_memberships(db, user.user_id)
    widgets.admin_table(memberships, ["display_name", "username", "role", "scope", "active"])

    st.subheader(texts.ADMIN_NEW_MEMBERSHIP)
    role = st.selectbox(texts.FIELD_ROLE, role_options, format_func=texts.ROLE_LABELS.get, key="assign-role")
    with st.form("assign-membership"):
        target = st.selectbox(texts.FIELD_USER, managed["id"].tolist(),
                              format_func=widgets.label_from(managed, "id", ["display_name", "username"]))
        school_id, scope_id = widgets.scope_select(options, accounts.ROLE_SCOPE[role], key="assign-scope")
        if st.form_submit_button(texts.BUTTON_ASSIGN):
            problems = accounts.scope_problems(role, school_id, scope_id)
            if target is None or problems:
                _report(problems or [texts.SCOPE_MISSING])
            else:
                class_id, company_id = accounts.scope_columns(role, scope_id)
                try:
                    users.add_membership(db, user.user_id, user_id=target, role=role, school_id=school_id,
                                         class_id=class_id, company_id=company_id)
                except psycopg.Error:
                    st.error(texts.DB_ERROR)
                else:
                    st.success(texts.MEMBERSHIP_CREATED)

    st.subheader(texts.ADMIN_TOGGLE_MEMBERSHIP)
    with st.form("toggle-membership"):
        target = st.selectbox(texts.FIELD_MEMBERSHIP, memberships["id"].tolist(),
                              format_func=widgets.label_from(memberships, "id", ["display_name", "role", "scope"]))
        activate, deactivate = st.columns(2)
        wants_active = activate.form_submit_button(texts.BUTTON_ACTIVATE)
        wants_inactive = deactivate.form_submit_button(texts.BUTTON_DEACTIVATE)
        if (wants_active or wants_inactive) and target is not None:
            if users.set_membership_active(db, user.user_id, target, wants_active):
                st.success(texts.MEMBERSHIP_STATE_CHANGED.format(
                    state=texts.STATE_ACTIVE if wants_active else texts.STATE_INACTIVE))
            else:
                st.error(texts.DB_ERROR)
