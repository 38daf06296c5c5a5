"""The admin page's tab "Import": upload, map the columns (recognised or from a saved profile), preview with the
refused rows, apply in one transaction, and the school's past imports."""

from __future__ import annotations

import hashlib
from datetime import date
from uuid import UUID

import pandas as pd
import streamlit as st

from leokop import texts
from leokop.config import load_settings
from leokop.db.session import Database
from leokop.formats import german_datetime, plain
from leokop.frames import records
from leokop.repo import imports as repo
from leokop.repo import invitations as invitation_rows
from leokop.services import early_warning, entries, invitations
from leokop.services.imports import flow
from leokop.services.imports.fields import FIELDS, IGNORE, from_profile, mapping_problems, recognise, to_profile
from leokop.services.imports.planning import KINDS, Plan
from leokop.services.imports.reading import FileRefused, Table, read_table
from leokop.ui import invitation_views, saving, widgets
from leokop.ui.account_forms import base_url
from leokop.ui.resources import worker_database
from leokop.ui.saving import Edit

_PLAN = "import-plan"  # (file key, fields, plan) of the last preview in this session
_RECOGNISE = ""
MAX_PROFILE_NAME = 80  # as the table's check
_UPLOAD_LIMIT_MB = 25  # above the import's own 20 MB, so that the German message says why a file is too large


def import_tab(db: Database, user_id: UUID, today: date) -> None:
    st.caption(texts.IMPORT_INTRO)
    chosen = widgets.admin_school(db, user_id, "import-school")
    if chosen is None:
        return
    school = chosen[0]
    upload = st.file_uploader(texts.IMPORT_FILE, type=["csv", "txt", "xlsx"], key="import-file",
                              max_upload_size=_UPLOAD_LIMIT_MB)
    if upload is not None and school is not None:
        _with_file(db, user_id, school, upload.name, upload.getvalue(), today)
    if school is not None:
        _past_imports(db, user_id, school)
        contacts_invitation(db, user_id, school)


def contacts_invitation(db: Database, user_id: UUID, school: UUID) -> None:
    """The school's trainer contacts with an e-mail address and no account, invited in one step (issue 16), or left
    as contacts."""
    form = "import-invite-contacts"
    invitation_views.show_new_links(form)
    pending = len(invitation_rows.contacts_to_invite(db, user_id, school))
    if not pending:
        return
    st.subheader(texts.IMPORT_CONTACTS_TITLE)
    st.caption(texts.IMPORT_CONTACTS_PENDING.format(n=pending))
    batch = min(pending, invitations.CONTACT_BATCH)
    if pending > batch:
        st.caption(texts.IMPORT_CONTACTS_BATCH.format(n=invitations.CONTACT_BATCH))
    if not st.button(texts.IMPORT_CONTACTS_BUTTON.format(n=batch), key=saving.key(form, form)):
        return

    def invite() -> int:
        invited = invitations.invite_contacts(db, user_id, school, base_url=base_url(), smtp=load_settings().smtp,
                                              client=invitation_views.admin_client(user_id))
        invitation_views.remember_links(form, invited)
        return len(invited)

    saving.save(form, [], invite,
                lambda n: texts.IMPORT_CONTACTS_INVITED.format(n=n) if n else texts.IMPORT_CONTACTS_AGAIN,
                refusals={invitation_rows.TooMany: texts.INVITATION_TOO_MANY})


def _with_file(db: Database, user_id: UUID, school: UUID, name: str, data: bytes, today: date) -> None:
    try:
        table = read_table(name, data)
    except FileRefused as refused:
        st.error(str(refused))
        return
    st.caption(texts.IMPORT_FILE_INFO.format(format=table.file_format, rows=len(table.rows)))
    file_key = f"{school}-{hashlib.sha256(data).hexdigest()[:16]}"
    fields = _mapping(db, user_id, school, table, file_key)
    problems = mapping_problems(fields)
    for problem in problems:
        st.error(problem)
    if problems:
        return
    if st.button(texts.IMPORT_PREVIEW_BUTTON, key="import-preview"):
        try:
            plan = flow.preview(lambda: db.user_tx(user_id), school, table, fields, today)
        except repo.NotAdmin:
            st.error(texts.IMPORT_NOT_ADMIN)
            return
        st.session_state[_PLAN] = (file_key, tuple(fields), plan)
    shown = st.session_state.get(_PLAN)
    if shown is None or shown[0] != file_key or shown[1] != tuple(fields):
        return  # no preview yet, or one of another file or mapping
    plan = shown[2]
    _show_plan(plan)
    if plan.changes == 0:
        st.info(texts.IMPORT_NOTHING_TO_DO)
    elif st.button(texts.IMPORT_APPLY_BUTTON, type="primary", key=saving.key("import-apply", "import-apply")):
        _apply(db, user_id, school, table, fields, today)


def _mapping(db: Database, user_id: UUID, school: UUID, table: Table, file_key: str) -> list[str]:
    """One selectbox per column, set from the chosen profile or the recognised headers; the profile form."""
    profiles = repo.profiles(db, user_id, school)
    profile = st.selectbox(texts.IMPORT_PROFILE, [_RECOGNISE, *profiles], key=f"import-profile-{school}",
                           format_func=lambda p: p or texts.IMPORT_PROFILE_NONE, placeholder=texts.PLACEHOLDER_CHOOSE)
    initial = from_profile(table.headers, profiles[profile]) if profile else recognise(table.headers)
    st.markdown(f"**{texts.IMPORT_MAPPING}**")
    st.caption(texts.IMPORT_MAPPING_HELP)
    options = [IGNORE, *FIELDS]
    first = table.rows[0].values if table.rows else ("",) * len(table.headers)
    fields = []
    columns = st.columns(3)
    for i, header in enumerate(table.headers):
        key = f"import-map-{file_key}-{profile}-{i}"
        if key not in st.session_state:
            st.session_state[key] = initial[i]
        fields.append(columns[i % 3].selectbox(
            header, options, key=key, format_func=lambda f: texts.IMPORT_FIELD_LABELS.get(f, texts.IMPORT_IGNORE),
            help=texts.IMPORT_FIRST_VALUE.format(value=plain(str(first[i]))[:80]) if first[i] != "" else None,
            placeholder=texts.PLACEHOLDER_CHOOSE))
    _profile_form(db, user_id, school, profile, table, fields)
    return fields


def _profile_form(db: Database, user_id: UUID, school: UUID, profile: str, table: Table, fields: list[str]) -> None:
    """Save the mapping as a profile: a new name creates one (refused when the name is taken), the loaded profile's
    name replaces its mapping, unless someone saved it since the form was drawn (who and when, then a confirmation)."""
    form = "import-profile-save"
    stamps = repo.profile_stamps(db, user_id, school)
    loaded = stamps.get(profile) if profile else None
    name_key = saving.key(form, f"import-profile-name-{school}-{profile}")
    edit = None if loaded is None else Edit(
        f"import-profile:{school}:{profile}", loaded["updated_at"],
        {texts.IMPORT_PROFILE_STATE: german_datetime(loaded["updated_at"])}, loaded["updated_by"],
        loaded["updated_at"], name_key)
    if name_key not in st.session_state:
        st.session_state[name_key] = profile
    with st.form(saving.key(form), enter_to_submit=False):
        confirmed = saving.show_conflict(edit) if edit is not None else True
        profile_name = st.text_input(texts.IMPORT_PROFILE_NAME, max_chars=MAX_PROFILE_NAME, key=name_key,
                                     placeholder=texts.IMPORT_PROFILE_PLACEHOLDER)
        if not st.form_submit_button(texts.IMPORT_PROFILE_SAVE):
            return
    name = profile_name.strip()
    problems = entries.text_problems(profile_name, required=True, max_length=MAX_PROFILE_NAME) if name else [
        texts.IMPORT_PROFILE_NAME_MISSING]
    replaces = edit if edit is not None and name == profile else None
    if replaces is None and name in stamps:
        problems.append(texts.IMPORT_PROFILE_EXISTS.format(name=plain(name)))
    mapping = to_profile(table.headers, fields)
    saving.save(form, problems, (lambda version: repo.save_profile(db, user_id, school, name, mapping, version))
                if replaces is not None else (lambda: repo.save_profile(db, user_id, school, name, mapping)),
                texts.IMPORT_PROFILE_SAVED.format(name=name), edit=replaces,
                confirmed=confirmed if replaces is not None else True,
                refusals={repo.ProfileExists: texts.IMPORT_PROFILE_EXISTS.format(name=plain(name))})


def counts_frame(plan: Plan) -> pd.DataFrame:
    """Created, updated, unchanged per kind, with German labels."""
    summary = plan.summary()
    return pd.DataFrame([{texts.IMPORT_KIND_COLUMN: texts.IMPORT_KIND_LABELS[kind],
                          **{texts.IMPORT_COUNT_LABELS[k]: n for k, n in summary[kind].items()}} for kind in KINDS])


def _show_plan(plan: Plan) -> None:
    st.subheader(texts.IMPORT_PREVIEW_TITLE)
    st.dataframe(counts_frame(plan), hide_index=True, width="content")
    if plan.refused:
        st.warning(texts.IMPORT_REFUSED_TITLE.format(rows=plan.refused_rows, total=plan.rows))
        st.dataframe(pd.DataFrame([{texts.IMPORT_REFUSED_COLUMNS["line"]: p.line,
                                    texts.IMPORT_REFUSED_COLUMNS["column"]: p.column or "–",
                                    texts.IMPORT_REFUSED_COLUMNS["reason"]: p.reason} for p in plan.refused]),
                     hide_index=True, width="stretch", key="import-refused")
    if plan.missing:
        with st.expander(texts.IMPORT_MISSING_TITLE.format(n=len(plan.missing))):
            st.caption(texts.IMPORT_MISSING_HINT)
            st.dataframe(pd.DataFrame(plan.missing, columns=list(texts.IMPORT_MISSING_COLUMNS)),
                         hide_index=True, width="stretch")
    if plan.new_contacts or plan.contact_updates:
        st.caption(texts.IMPORT_CONTACTS_HINT)


def _apply(db: Database, user_id: UUID, school: UUID, table: Table, fields: list[str], today: date) -> None:
    def done(result: flow.Result | None) -> str:
        if result is None:  # the same click arrived twice: the first request applied it
            return texts.IMPORT_APPLIED_ONCE
        counts = result.plan.summary()["apprentices"]
        return texts.IMPORT_APPLIED.format(created=counts["created"], updated=counts["updated"],
                                           refused=result.plan.refused_rows)

    applied: list[flow.Result] = []

    def write() -> flow.Result:
        applied.append(flow.apply(lambda: db.user_tx(user_id), school, table, fields, today))
        return applied[-1]

    def after() -> None:
        st.session_state.pop(_PLAN, None)
        if applied[-1].apprentice_ids:
            early_warning.refresh_quietly(worker_database, applied[-1].apprentice_ids)

    saving.save("import-apply", [], write, done, refusals={repo.NotAdmin: texts.IMPORT_NOT_ADMIN}, after=after)


def _past_imports(db: Database, user_id: UUID, school: UUID) -> None:
    past = repo.past_imports(db, user_id, school)
    if past.empty:
        return
    st.subheader(texts.IMPORT_PAST)
    rows = [{texts.IMPORT_PAST_COLUMNS["at"]: german_datetime(r["at"]),
             texts.IMPORT_PAST_COLUMNS["actor"]: r["actor"],
             texts.IMPORT_PAST_COLUMNS["file_name"]: r["file_name"],
             texts.IMPORT_PAST_COLUMNS["counts"]: _counts_text(r["counts"]),
             texts.IMPORT_PAST_COLUMNS["refused"]: r["refused"]} for r in records(past)]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def _counts_text(counts: dict) -> str:
    """'Auszubildende: 12 neu, 3 geändert; ...' without the unchanged and the empty kinds."""
    parts = []
    for kind in KINDS:
        c = counts.get(kind, {})
        changed = [f"{c[k]} {texts.IMPORT_COUNT_LABELS[k]}" for k in ("created", "updated") if c.get(k)]
        if changed:
            parts.append(f"{texts.IMPORT_KIND_LABELS[kind]}: {', '.join(changed)}")
    return "; ".join(parts) or texts.IMPORT_NO_CHANGES
