"""Verwaltung: users and roles, release of school data, warning thresholds, and data protection."""


import streamlit as st

from leokop import auth, clock, formats, texts
from leokop.frames import records
from leokop.repo import release, risks, users
from leokop.services import accounts, early_warning, entries
from leokop.services.passwords import hash_password
from leokop.services.risk_rules import Thresholds
from leokop.ui import invitation_views, privacy_forms, saving, widgets
from leokop.ui.calendar_views import calendar_tab
from leokop.ui.import_views import import_tab
from leokop.ui.resources import database, worker_database
from leokop.ui.saving import Edit
from leokop.ui.sso_views import school_setting_tab

user = auth.require_page("verwaltung")
db = database()

st.title(texts.PAGE_ADMIN)
options = users.scope_options(db, user.user_id)


def _reevaluate_school(school_id):
    """After a threshold change: re-evaluate the school's apprentices at once."""
    return lambda: early_warning.refresh_quietly(worker_database,
                                                 risks.apprentice_ids_of_school(db, user.user_id, school_id))


def _present(value):
    """The value, or None for a missing one (pandas gives NaN/NaT for an empty cell)."""
    return None if widgets.optional_bool(value) is None else value


def _settings_edit(record: str, row: dict, labels: dict, shown, marker: str) -> Edit:
    """A school's settings as the admin's form shows them (label → value), with who saved them last."""
    version = _present(row.get("version"))
    return Edit(record, None if version is None else int(version),
                {label: shown(row[key]) for key, label in labels.items()},
                _present(row.get("changed_by")), _present(row.get("updated_at")), marker)


def _toggle_form(form: str, label: str, frame, parts: list[str], apply, message) -> None:
    """Pick a row of `frame` and (de)activate it; `message(row_id, active)` is the German confirmation."""
    with st.form(saving.key(form)):
        target = st.selectbox(label, frame["id"].tolist(), format_func=widgets.label_from(frame, "id", parts),
                              placeholder=texts.PLACEHOLDER_CHOOSE, key=saving.key(form, f"{form}-target"))
        activate, deactivate = st.columns(2)
        wants_active = activate.form_submit_button(texts.BUTTON_ACTIVATE)
        wants_inactive = deactivate.form_submit_button(texts.BUTTON_DEACTIVATE)
        if wants_active or wants_inactive:
            saving.save(form, [texts.SCOPE_MISSING] if target is None else [],
                        lambda: apply(db, user.user_id, target, wants_active),
                        message(target, texts.STATE_ACTIVE if wants_active else texts.STATE_INACTIVE)
                        if target is not None else "", refusals={users.NotManaged: texts.MEMBERSHIP_GONE})


(tab_users, tab_memberships, tab_release, tab_thresholds, tab_terms, tab_consents, tab_audit, tab_retention,
 tab_access, tab_import, tab_calendar, tab_sign_in) = st.tabs([
    texts.ADMIN_USERS, texts.ADMIN_MEMBERSHIPS, texts.ADMIN_RELEASE, texts.ADMIN_THRESHOLDS, texts.ADMIN_TERMS,
    texts.ADMIN_CONSENTS, texts.ADMIN_AUDIT, texts.ADMIN_RETENTION, texts.ADMIN_ACCESS, texts.ADMIN_IMPORT,
    texts.ADMIN_CALENDAR, texts.SSO_SETTING_TITLE])

with tab_users:
    managed = users.list_managed_users(db, user.user_id)
    widgets.admin_table(managed, ["username", "display_name", "email", "roles", "active"])

    invitation_views.invite_form(db, user, options)
    invitation_views.invitations_list(db, user)

    # the secondary way (decision 92): a start password the admin hands over in person
    new_user = st.expander(texts.ADMIN_NEW_USER, icon=":material/password:")
    with new_user:
        st.caption(texts.ADMIN_NEW_USER_INTRO)
        role = widgets.role_select("new-user-role")
    with new_user, st.form(saving.key("new-user"), enter_to_submit=False):
        username = st.text_input(texts.FIELD_USERNAME, key=saving.key("new-user", "new-user-username"))
        display_name = st.text_input(texts.FIELD_DISPLAY_NAME, key=saving.key("new-user", "new-user-display-name"))
        email = st.text_input(texts.FIELD_EMAIL, key=saving.key("new-user", "new-user-email"))
        scope = widgets.scope_select(options, accounts.ROLE_SCOPES[role], key="new-user-scope")
        password = st.text_input(texts.FIELD_PASSWORD, type="password", help=texts.START_PASSWORD_HELP,
                                 key=saving.key("new-user", "new-user-password"))
        password_repeat = st.text_input(texts.FIELD_PASSWORD_REPEAT, type="password",
                                        key=saving.key("new-user", "new-user-password-repeat"))
        if st.form_submit_button(texts.BUTTON_CREATE):
            new = accounts.NewUser(
                username=accounts.normalise_username(username), display_name=display_name.strip(),
                email=email.strip() or None, password=password, password_repeat=password_repeat,
                role=role, scope=scope,
            )
            taken = invitation_views.taken_username(db, user.user_id, new.username)
            problems = accounts.new_user_problems(new, taken, tuple(options["school"]["label"]))
            problems += entries.text_problems(display_name, required=False, max_length=200)
            saving.save("new-user", list(dict.fromkeys(problems)), lambda: users.create_user_with_membership(
                db, user.user_id, username=new.username, display_name=new.display_name, email=new.email,
                password_hash=hash_password(new.password), role=role, scope=scope.columns(),
            ), texts.USER_CREATED.format(username=new.username))

    st.subheader(texts.ADMIN_TOGGLE_USER)
    others = managed[managed["id"] != user.user_id]  # nobody locks themselves out
    usernames = dict(zip(others["id"], others["username"], strict=True))
    _toggle_form("toggle-user", texts.FIELD_USER, others, ["display_name", "username"], users.set_user_active,
                 lambda target, state: texts.USER_STATE_CHANGED.format(username=usernames[target], state=state))

with tab_memberships:
    memberships = users.list_memberships(db, user.user_id)
    widgets.admin_table(memberships, ["display_name", "username", "role", "scope", "active"])

    st.subheader(texts.ADMIN_NEW_MEMBERSHIP)
    role = widgets.role_select("assign-role")
    with st.form(saving.key("assign-membership")):
        target = st.selectbox(texts.FIELD_USER, managed["id"].tolist(),
                              format_func=widgets.label_from(managed, "id", ["display_name", "username"]),
                              placeholder=texts.PLACEHOLDER_CHOOSE, key=saving.key("assign-membership", "assign-user"))
        scope = widgets.scope_select(options, accounts.ROLE_SCOPES[role], key="assign-scope")
        if st.form_submit_button(texts.BUTTON_ASSIGN):
            problems = accounts.scope_problems(role, scope)
            saving.save("assign-membership", problems or ([texts.SCOPE_MISSING] if target is None else []),
                        lambda: users.add_membership(db, user.user_id, user_id=target, role=role,
                                                     scope=scope.columns()),
                        texts.MEMBERSHIP_CREATED, refusals={users.MembershipExists: texts.MEMBERSHIP_EXISTS})

    st.subheader(texts.ADMIN_TOGGLE_MEMBERSHIP)
    foreign = memberships[memberships["user_id"] != user.user_id]  # own roles stay: no self lock-out
    _toggle_form("toggle-membership", texts.FIELD_MEMBERSHIP, foreign, ["display_name", "role", "scope"],
                 users.set_membership_active,
                 lambda _target, state: texts.MEMBERSHIP_STATE_CHANGED.format(state=state))

with tab_release:
    st.caption(texts.RELEASE_INTRO)
    for school in records(release.school_settings(db, user.user_id)):
        form = f"release-{school['school_id']}"
        edit = _settings_edit(f"release:{school['school_id']}", school, texts.RELEASE_LABELS,
                              lambda v: texts.YES_NO[bool(v)],
                              saving.key(form, f"{school['school_id']}-{next(iter(texts.RELEASE_LABELS))}"))
        with st.form(saving.key(form)):
            st.subheader(formats.plain(school["name"]))
            confirmed = saving.show_conflict(edit)
            values = {key: st.checkbox(label, value=bool(school[key]),
                                       key=saving.key(form, f"{school['school_id']}-{key}"))
                      for key, label in texts.RELEASE_LABELS.items()}
            if st.form_submit_button(texts.BUTTON_SAVE):
                saving.save(form, [], lambda version, school=school, values=values: release.save_school_settings(
                    db, user.user_id, school["school_id"], values, version), texts.RELEASE_SAVED, edit=edit,
                    confirmed=confirmed)

    st.subheader(texts.RELEASE_OVERRIDE)
    exceptions = release.overrides(db, user.user_id)
    widgets.say_if_capped(exceptions)
    chosen = st.selectbox(texts.CHOOSE_APPRENTICE, exceptions["apprentice_id"].tolist(),
                          format_func=widgets.label_from(exceptions, "apprentice_id", ["label"]), key="release-who",
                          placeholder=texts.PLACEHOLDER_CHOOSE)
    if chosen is not None:
        current = exceptions.set_index("apprentice_id").loc[chosen]
        choices = list(texts.RELEASE_CHOICES)
        form = f"release-override-{chosen}"
        edit = _settings_edit(f"override:{chosen}", current.to_dict(), texts.RELEASE_LABELS,
                              lambda v: texts.RELEASE_CHOICES[widgets.optional_bool(v)],
                              saving.key(form, f"override-{chosen}-{next(iter(texts.RELEASE_LABELS))}"))
        with st.form(saving.key(form)):
            confirmed = saving.show_conflict(edit)
            values = {
                key: st.selectbox(label, choices, format_func=texts.RELEASE_CHOICES.get,
                                  index=choices.index(widgets.optional_bool(current[key])),
                                  placeholder=texts.PLACEHOLDER_CHOOSE,
                                  key=saving.key(form, f"override-{chosen}-{key}"))
                for key, label in texts.RELEASE_LABELS.items()
            }
            if st.form_submit_button(texts.BUTTON_SAVE):
                saving.save(form, [], lambda version: release.save_override(db, user.user_id, chosen, values, version),
                            texts.RELEASE_SAVED, edit=edit, confirmed=confirmed)

with tab_thresholds:
    st.caption(texts.THRESHOLDS_INTRO)
    defaults = Thresholds()
    for school in records(risks.school_thresholds(db, user.user_id)):
        form = f"thresholds-{school['school_id']}"
        shown = {key: school[key] if widgets.optional_bool(school[key]) is not None else getattr(defaults, key)
                 for key in texts.THRESHOLD_LABELS}
        edit = _settings_edit(f"thresholds:{school['school_id']}", {**school, **shown}, texts.THRESHOLD_LABELS,
                              lambda v: str(v).replace(".", ","),
                              saving.key(form, f"{school['school_id']}-{next(iter(texts.THRESHOLD_LABELS))}"))
        with st.form(saving.key(form)):
            st.subheader(formats.plain(school["name"]))
            confirmed = saving.show_conflict(edit)
            values = {}
            for key, label in texts.THRESHOLD_LABELS.items():
                default = getattr(defaults, key)
                step = (0.01 if key == "absence_rate_90_days" else 0.1) if isinstance(default, float) else 1
                values[key] = st.number_input(label, value=type(default)(shown[key]), step=type(default)(step),
                                              key=saving.key(form, f"{school['school_id']}-{key}"))
            if st.form_submit_button(texts.BUTTON_SAVE):
                saving.save(form, entries.threshold_problems(values),
                            lambda version, school=school, values=values: risks.save_thresholds(
                                db, user.user_id, school["school_id"], values, version),
                            texts.THRESHOLDS_SAVED, edit=edit, confirmed=confirmed,
                            after=_reevaluate_school(school["school_id"]))

today = clock.today()
with tab_terms:
    privacy_forms.terms_tab(db, user.user_id)
with tab_consents:
    privacy_forms.consents_tab(db, user.user_id, today)
with tab_audit:
    privacy_forms.audit_tab(db, user.user_id, today)
with tab_retention:
    privacy_forms.retention_tab(db, user.user_id, today)
with tab_access:
    privacy_forms.access_tab(db, user.user_id)
with tab_import:
    import_tab(db, user.user_id, today)
with tab_calendar:
    calendar_tab(db, user.user_id, today)
with tab_sign_in:
    school_setting_tab(db, user.user_id)
