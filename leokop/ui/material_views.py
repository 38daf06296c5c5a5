"""Materials page pieces: the share form, the library of a cooperation, and one material's detail."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

import pandas as pd
import streamlit as st

from leokop import texts
from leokop.db.session import Database
from leokop.formats import german_datetime, plain, plain_or, text_or
from leokop.frames import records
from leokop.repo import materials
from leokop.repo.users import Profile
from leokop.services import materials as checks
from leokop.services.addresses import SEARCH_PARAM
from leokop.services.entries import text_problems
from leokop.storage import Storage
from leokop.ui import saving
from leokop.ui.addresses import show_in_address
from leokop.ui.saving import Edit
from leokop.ui.widgets import german_date, record_select, say_if_capped

CHOSEN_KEY = "leokop_material"
# The storage's own failures and a material gone from view: nothing was stored either way.
STORAGE_REFUSALS = {materials.NotVisible: texts.MAT_ERR_STORAGE, OSError: texts.MAT_ERR_STORAGE,
                    RuntimeError: texts.MAT_ERR_STORAGE}


def _checked_file(upload) -> tuple[list[str], checks.FileInfo | None, bytes]:
    if upload is None:
        return [texts.MAT_ERR_NO_FILE], None, b""
    data = upload.getvalue()
    problems, info = checks.file_problems(upload.name, data, upload.size)
    return problems, info, data


def labels_by_id(frame: pd.DataFrame, *parts: str) -> dict:
    """{id: 'part1 part2'} for selectboxes over a frame's rows."""
    return {r["id"]: " ".join(str(r[p]) for p in parts) for r in records(frame)}


def pick_many(label: str, frame: pd.DataFrame, parts: tuple[str, ...], key: str, default: list | None = None) -> list:
    """A multiselect over a frame's ids, each shown by its parts (labels_by_id); nothing chosen at first, or
    `default` (an edit form: what the record holds)."""
    return st.multiselect(label, list(frame["id"]), default=default, format_func=labels_by_id(frame, *parts).get,
                          key=key, placeholder=texts.PLACEHOLDER_CHOOSE_MANY, select_all=False)


def share_form(db: Database, store: Storage, user: Profile, coop_id: UUID, options: dict[str, pd.DataFrame]) -> None:
    """Share a file or a link in this cooperation (or for its class, or the occupation at the school)."""
    classes = options["classes"]
    if classes.empty:
        st.info(texts.MAT_NO_COOPERATION)
        return
    occupations = dict(zip(classes["occupation_id"], classes["occupation"], strict=False))
    top = st.columns(3)
    source = top[0].radio(texts.MAT_FIELD_SOURCE, [texts.MAT_SOURCE_FILE, texts.MAT_SOURCE_LINK], key="mat-source")
    occupation = top[1].selectbox(texts.MAT_FIELD_OCCUPATION, list(occupations), format_func=occupations.get,
                                  key="mat-occupation", placeholder=texts.PLACEHOLDER_CHOOSE)
    scope = top[2].radio(texts.MAT_FIELD_SCOPE, list(texts.MAT_SCOPE_LABELS), key="mat-scope",
                         format_func=texts.MAT_SCOPE_LABELS.get)
    own_classes = classes[classes["occupation_id"] == occupation]
    form = "mat-share"
    # emptied only after a successful share (a refused one keeps every field); Enter in a field does not submit
    with st.form(saving.key(form), enter_to_submit=False):
        class_id = None
        if scope == "klasse":
            class_id = st.selectbox(texts.MAT_FIELD_CLASS, list(own_classes["id"]),
                                    format_func=labels_by_id(own_classes, "name").get,
                                    key=saving.key(form, "mat-share-class"), placeholder=texts.PLACEHOLDER_CHOOSE)
        if source == texts.MAT_SOURCE_FILE:
            # no type=: a wrong type is refused by leokop's German message after the content check, not by
            # Streamlit's English one
            upload, url = st.file_uploader(texts.MAT_FIELD_FILE, max_upload_size=checks.MAX_UPLOAD_MB,
                                           help=texts.MAT_UPLOAD_HELP, key=saving.key(form, "mat-share-file")), ""
        else:
            upload, url = None, st.text_input(texts.MAT_FIELD_URL, key=saving.key(form, "mat-share-url"))
        title = st.text_input(texts.MAT_FIELD_TITLE, max_chars=200, key=saving.key(form, "mat-share-title"))
        description = st.text_area(texts.MAT_FIELD_DESCRIPTION, max_chars=4000,
                                   key=saving.key(form, "mat-share-description"))
        tags = st.text_input(texts.MAT_FIELD_TAGS, key=saving.key(form, "mat-share-tags"))
        lfs = options["learning_fields"][options["learning_fields"]["occupation_id"] == occupation]
        positions = options["positions"][options["positions"]["occupation_id"] == occupation]
        lf_ids = pick_many(texts.MAT_FIELD_LFS, lfs, ("code", "title"), saving.key(form, "mat-share-lfs"))
        position_ids = pick_many(texts.MAT_FIELD_POSITIONS, positions, ("number", "title"),
                                 saving.key(form, "mat-share-positions"))
        submitted = st.form_submit_button(texts.MAT_SUBMIT_SHARE, type="primary")
    if not submitted:
        return
    tag_list = checks.parse_tags(tags)
    problems = (checks.metadata_problems(title, description, tag_list, scope, class_id, occupation)
                + text_problems(tags, required=False, max_length=4000))
    sharing = materials.Sharing(coop_id, occupation, scope, class_id, title, description.strip() or None, tag_list,
                                lf_ids, position_ids)
    if source == texts.MAT_SOURCE_FILE:
        file_problems, info, data = _checked_file(upload)
        saving.save(form, list(dict.fromkeys(problems + file_problems)),
                    lambda: materials.share_file(db, store, user.user_id, sharing, info, data),
                    texts.MAT_SHARED.format(title=plain(title.strip())), refusals=STORAGE_REFUSALS)
    else:
        saving.save(form, list(dict.fromkeys(problems + checks.url_problems(url)
                                             + text_problems(url, required=False, max_length=2000))),
                    lambda: materials.share_link(db, user.user_id, sharing, url),
                    texts.MAT_SHARED.format(title=plain(title.strip())), refusals=STORAGE_REFUSALS)


_QUERY_KEY = "mat-query"


def _query_changed() -> None:
    """The search typed goes into the address (decision 97)."""
    show_in_address(q=st.session_state.get(_QUERY_KEY))


def library(db: Database, user: Profile, coop_id: UUID, learning_fields: pd.DataFrame) -> UUID | None:
    """Search and filters, the hits newest first; returns the material chosen for the detail view."""
    left, middle, right = st.columns([3, 2, 1])
    named = st.query_params.get(SEARCH_PARAM)  # /materialien?pair=…&q=…: the search the address names (the box's
    # on_change keeps it equal to the box)
    if named is not None:
        st.session_state[_QUERY_KEY] = named
    query = left.text_input(texts.MAT_SEARCH, key=_QUERY_KEY, on_change=_query_changed)
    lf_labels = {None: texts.MAT_ALL, **labels_by_id(learning_fields, "code", "title")}
    lf = middle.selectbox(texts.MAT_FILTER_LF, list(lf_labels), format_func=lf_labels.get, key="mat-lf",
                          placeholder=texts.PLACEHOLDER_CHOOSE)
    kinds = {None: texts.MAT_ALL, **texts.MAT_KIND_LABELS}
    kind = right.selectbox(texts.MAT_FILTER_KIND, list(kinds), format_func=kinds.get, key="mat-kind",
                           placeholder=texts.PLACEHOLDER_CHOOSE)
    found = materials.library(db, user.user_id, coop_id, query=query, learning_field_id=lf, kind=kind)
    say_if_capped(found)
    if found.empty:
        st.info(texts.MAT_NONE)
        return None
    st.caption(texts.MAT_COUNT.format(n=len(found)))
    table = found.assign(kind=found["kind"].map(texts.MAT_KIND_LABELS), scope=found["scope"].map(
        texts.MAT_SCOPE_LABELS), created_at=found["created_at"].map(german_date), owner=found["owner"].map(text_or),
        lf_codes=found["lf_codes"].fillna(""),
        # a link has no file versions (its number is 0): nothing to count
        current_version=[str(n) if k != "link" else "–" for k, n in zip(found["kind"], found["current_version"],
                                                                         strict=True)])
    st.dataframe(table[list(texts.MAT_COLUMNS)].rename(columns=texts.MAT_COLUMNS), hide_index=True, width="stretch")
    return record_select(texts.MAT_CHOOSE, labels_by_id(found, "title"), "mat-choice", remember=CHOSEN_KEY)


def detail(db: Database, store: Storage, user: Profile, material_id: UUID, options: dict[str, pd.DataFrame]) -> None:
    """One material: what it is, downloads of every version, comments, a new version, its edit form and withdrawal
    (owner and the school's admin), the trail. `options`: the cooperation's classes, Lernfelder and
    Berufsbildpositionen (materials.share_options)."""
    _gone_comment_forms(db, user, material_id)
    item = materials.material(db, user.user_id, material_id)
    if item is None or item["withdrawn_at"] is not None:
        st.info(texts.MAT_NOT_AVAILABLE)
        return
    info = materials.material_details(db, user.user_id, material_id)
    st.subheader(plain(item["title"]))
    st.caption(f"{texts.MAT_KIND_LABELS[item['kind']]} · {plain(item['occupation'])} · "
               f"{texts.MAT_SCOPE_LABELS[item['scope']]}{' ' + plain(item['class_name']) if item['class_name'] else ''}"
               f" · {plain_or(item['owner'])}")
    if item["description"]:
        st.markdown(plain(item["description"]))
    if item["tags"] or not info["topics"].empty:
        st.caption(plain(" · ".join([*info["topics"]["label"], *(f"#{t}" for t in item["tags"])])))
    if item["kind"] == "link":
        st.link_button(texts.MAT_OPEN_LINK, item["url"], icon=":material/open_in_new:")
    else:
        _downloads(db, store, user, info["versions"])
        _new_version_form(db, store, user, item)
    _comments(db, user, material_id, info["comments"])
    with st.expander(texts.MAT_SECTION_EVENTS):
        events = info["events"].assign(at=info["events"]["at"].map(german_datetime),
                                       action=info["events"]["action"].map(texts.MAT_EVENT_LABELS))
        st.dataframe(events.fillna("").rename(columns=texts.MAT_EVENT_COLUMNS), hide_index=True, width="stretch")
    if materials.may_edit(db, user.user_id, material_id):
        with st.expander(texts.MAT_EDIT):
            _edit_form(db, user, item, options)
        _withdraw(db, user, item)


def _fetch(db: Database, store: Storage, user: Profile, version_id: UUID) -> Callable[[], bytes]:
    """Bytes on click only (a version may be 20 MB); the database decides again whether the user may have them."""
    def get() -> bytes:
        download = materials.download(db, store, user.user_id, version_id)
        return download.data if download else b""
    return get


def _downloads(db: Database, store: Storage, user: Profile, versions: pd.DataFrame) -> None:
    # on_click="ignore": a download changes nothing on the page. With a rerun, every run registers the bytes under
    # a new file id and drops the old one, so a click that raced the rerun downloaded nothing (seen in CI).
    newest = versions.iloc[0]
    st.download_button(texts.MAT_DOWNLOAD, _fetch(db, store, user, newest["id"]), file_name=newest["filename"],
                       mime=newest["mime"], icon=":material/download:", type="primary", key=f"dl-{newest['id']}",
                       on_click="ignore")
    with st.expander(f"{texts.MAT_SECTION_VERSIONS} ({len(versions)})"):
        table = versions.assign(size=versions["size_bytes"].map(checks.human_size),
                                created_at=versions["created_at"].map(german_date),
                                note=versions["note"].fillna(""))
        st.dataframe(table[list(texts.MAT_VERSION_COLUMNS)].rename(columns=texts.MAT_VERSION_COLUMNS),
                     hide_index=True, width="stretch")
        for version in records(versions.iloc[1:]):
            st.download_button(texts.MAT_DOWNLOAD_VERSION.format(n=version["number"]),
                               _fetch(db, store, user, version["id"]), file_name=version["filename"],
                               mime=version["mime"], key=f"dl-{version['id']}", on_click="ignore")


def _audience(item: dict) -> str:
    label = texts.MAT_SCOPE_LABELS[item["scope"]]
    return f"{label} ({item['class_name']})" if item.get("class_name") else label


def material_edit(item: dict, marker: str) -> Edit:
    """The material as its forms show it (a new version, the edit form, a withdrawal): each names the version it was
    drawn from, and a conflict says what changed of all the material shows."""
    return Edit(f"material:{item['id']}", int(item["version"]),
                {texts.MAT_STATE_VERSION: str(item["current_version"]) if item["kind"] != "link" else "–",
                 texts.MAT_STATE_WITHDRAWN: texts.YES_NO[item["withdrawn_at"] is not None],
                 texts.MAT_FIELD_TITLE: item["title"], texts.MAT_FIELD_DESCRIPTION: item["description"] or "–",
                 texts.MAT_FIELD_TAGS: ", ".join(item["tags"]) or "–", texts.MAT_FIELD_SCOPE: _audience(item),
                 texts.MAT_FIELD_LFS: item.get("learning_field_labels") or "–",
                 texts.MAT_FIELD_POSITIONS: item.get("position_labels") or "–"},
                item.get("changed_by"), item.get("updated_at"), marker, open=item["withdrawn_at"] is None)


def _edit_form(db: Database, user: Profile, item: dict, options: dict[str, pd.DataFrame]) -> None:
    """Title, description, keywords, audience, Lernfelder and Berufsbildpositionen of a material, against the version
    the form was drawn from (the file stays: a new one is a new version)."""
    material_id = item["id"]
    form = f"mat-edit-{material_id}"
    edit = material_edit(item, saving.key(form, f"mat-edit-title-{material_id}"))
    own = options["classes"]
    classes = labels_by_id(own[own["occupation_id"] == item["occupation_id"]], "name")
    if item["class_id"] is not None and item["class_id"] not in classes:  # shared for a class of another pair
        classes[item["class_id"]] = item["class_name"]
    lfs = options["learning_fields"][options["learning_fields"]["occupation_id"] == item["occupation_id"]]
    positions = options["positions"][options["positions"]["occupation_id"] == item["occupation_id"]]
    scopes = list(texts.MAT_SCOPE_LABELS)

    def key(field: str) -> str:
        return saving.key(form, f"mat-edit-{field}-{material_id}")

    with st.form(saving.key(form), enter_to_submit=False):
        confirmed = saving.show_conflict(edit)
        title = st.text_input(texts.MAT_FIELD_TITLE, value=item["title"], max_chars=200, key=edit.marker)
        description = st.text_area(texts.MAT_FIELD_DESCRIPTION, value=item["description"] or "", max_chars=4000,
                                   key=key("description"))
        tags = st.text_input(texts.MAT_FIELD_TAGS, value=", ".join(item["tags"]),
                             key=key("tags"))
        left, right = st.columns(2)
        scope = left.radio(texts.MAT_FIELD_SCOPE, scopes, index=scopes.index(item["scope"]),
                           format_func=texts.MAT_SCOPE_LABELS.get, key=key("scope"))
        class_id = right.selectbox(texts.MAT_FIELD_CLASS, list(classes), format_func=classes.get,
                                   index=list(classes).index(item["class_id"]) if item["class_id"] in classes else None,
                                   help=texts.MAT_EDIT_CLASS_HELP, key=key("class"),
                                   placeholder=texts.PLACEHOLDER_CHOOSE)
        lf_ids = pick_many(texts.MAT_FIELD_LFS, lfs, ("code", "title"), key("lfs"),
                           default=[i for i in item["learning_field_ids"] if i in set(lfs["id"])])
        position_ids = pick_many(texts.MAT_FIELD_POSITIONS, positions, ("number", "title"),
                                 key("positions"),
                                 default=[i for i in item["position_ids"] if i in set(positions["id"])])
        if not st.form_submit_button(texts.MAT_SUBMIT_EDIT):
            return
        tag_list = checks.parse_tags(tags)
        change = materials.MaterialEdit(title.strip(), description.strip() or None, tag_list, scope,
                                        class_id if scope == "klasse" else None, lf_ids, position_ids)
        problems = (checks.metadata_problems(title, description, tag_list, scope, change.class_id,
                                             item["occupation_id"])
                    + text_problems(tags, required=False, max_length=4000))
        unchanged = (item["title"], item["description"], list(item["tags"]), item["scope"], item["class_id"],
                     set(item["learning_field_ids"]), set(item["position_ids"]))
        if not problems and (change.title, change.description, change.tags, change.scope, change.class_id,
                             set(lf_ids), set(position_ids)) == unchanged:
            problems = [texts.EDIT_NOTHING_CHANGED]
        saving.save(form, problems, lambda version: materials.update_material(db, user.user_id, material_id, version,
                                                                                change),
                    texts.MAT_EDITED.format(title=plain(change.title)), edit=edit, confirmed=confirmed,
                    refusals=STORAGE_REFUSALS)


def _new_version_form(db: Database, store: Storage, user: Profile, item: dict) -> None:
    form = f"mat-version-{item['id']}"
    edit = material_edit(item, saving.key(form, f"mat-version-note-{item['id']}"))
    with st.form(saving.key(form), enter_to_submit=False):
        confirmed = saving.show_conflict(edit)
        upload = st.file_uploader(texts.MAT_FIELD_FILE, max_upload_size=checks.MAX_UPLOAD_MB,
                                  help=texts.MAT_UPLOAD_HELP, key=saving.key(form, f"mat-version-file-{item['id']}"))
        note = st.text_input(texts.MAT_FIELD_NOTE, max_chars=500, key=edit.marker)
        if not st.form_submit_button(texts.MAT_SUBMIT_VERSION):
            return
        problems, info, data = _checked_file(upload)
        saving.save(form, problems + text_problems(note, required=False, max_length=500),
                    lambda version: materials.add_version(db, store, user.user_id, item["id"], version, info, data,
                                                          note.strip() or None),
                    texts.MAT_VERSION_SAVED.format(n=item["current_version"] + 1), edit=edit, confirmed=confirmed,
                    refusals=STORAGE_REFUSALS)


def _comments(db: Database, user: Profile, material_id: UUID, comments: pd.DataFrame) -> None:
    st.markdown(f"**{texts.MAT_SECTION_COMMENTS} ({len(comments)})**")
    for c in records(comments):
        st.markdown(f"**{plain_or(c['author'])}**, {german_datetime(c['created_at'])}:  \n{plain(c['body'])}")
    form = f"mat-comment-{material_id}"
    with st.form(saving.key(form)):  # emptied only after the comment is saved
        body = st.text_area(texts.MAT_FIELD_COMMENT, max_chars=4000, key=saving.key(form, f"mat-comment-{material_id}"))
        if st.form_submit_button(texts.MAT_SUBMIT_COMMENT):
            saving.save(form, text_problems(body), lambda: materials.add_comment(db, user.user_id, material_id, body),
                        texts.MAT_COMMENTED, refusals=STORAGE_REFUSALS)


def _gone_comment_forms(db: Database, user: Profile, chosen: UUID) -> None:
    """A comment or new-version form that was on the screen for a material withdrawn (or hidden) meanwhile stays,
    with the text typed into it and the German reason why it cannot be saved, until the user hides it."""
    for material_id in _gone(db, user, "mat-comment-"):
        form = f"mat-comment-{material_id}"
        with st.form(saving.key(form)):
            st.warning(texts.MAT_GONE)
            # the same widget as the comment form's (same parameters), so that it keeps what was typed
            st.text_area(texts.MAT_FIELD_COMMENT, max_chars=4000, key=saving.key(form, form))
            if st.form_submit_button(texts.MAT_SUBMIT_COMMENT):
                st.error(texts.STALE_NOT_POSSIBLE)
            _hide_gone(form, material_id)
    for material_id in _gone(db, user, "mat-version-note-"):
        form = f"mat-version-{material_id}"
        with st.form(saving.key(form)):
            st.warning(texts.MAT_GONE)
            st.text_input(texts.MAT_FIELD_NOTE, max_chars=500, key=saving.key(form, f"mat-version-note-{material_id}"))
            if st.form_submit_button(texts.MAT_SUBMIT_VERSION):
                st.error(texts.STALE_NOT_POSSIBLE)
            _hide_gone(form, material_id)


def _gone(db: Database, user: Profile, prefix: str) -> list[UUID]:
    """The materials whose form (marked by `prefix`) was on the screen but which are withdrawn or hidden now. What
    was typed into a form is in the browser until it is submitted, so the form stays until the user hides it."""
    gone = []
    for material_id in saving.on_screen_ids(prefix):
        item = materials.material(db, user.user_id, material_id)
        if item is None or item["withdrawn_at"] is not None:
            gone.append(material_id)
    return gone


def _forget_forms(material_id: UUID) -> None:
    """After one's own withdrawal: the material's comment and version forms go with it (not "withdrawn meanwhile")."""
    for name in list(st.session_state):
        if isinstance(name, str) and name.startswith((f"mat-comment-{material_id}", f"mat-version-note-{material_id}",
                                                      f"mat-version-file-{material_id}")):
            del st.session_state[name]


def _hide_gone(form: str, material_id: UUID) -> None:
    if st.form_submit_button(texts.STALE_HIDE, key=saving.key(form, f"{form}-hide")):
        saving.hide(form, Edit(f"material:{material_id}", None, {}, None, None, "", open=False))


def _withdraw(db: Database, user: Profile, item: dict) -> None:
    form = f"mat-withdraw-{item['id']}"
    edit = material_edit(item, saving.key(form, f"mat-withdraw-sure-{item['id']}"))
    with st.form(saving.key(form)):
        confirmed = saving.show_conflict(edit)
        sure = st.checkbox(texts.MAT_WITHDRAW_CONFIRM, key=edit.marker)
        if st.form_submit_button(texts.MAT_WITHDRAW):
            saving.save(form, [] if sure else [texts.MAT_WITHDRAW_UNCONFIRMED],
                        lambda version: materials.withdraw(db, user.user_id, item["id"], version),
                        texts.MAT_WITHDRAWN, edit=edit, confirmed=confirmed, refusals=STORAGE_REFUSALS,
                        after=lambda: _forget_forms(item["id"]))
