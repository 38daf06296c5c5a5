"""Materials page pieces: the share form, the library of a cooperation, and one material's detail."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

import pandas as pd
import streamlit as st

from leokop.db.session import Database
from leokop.frames import records
from leokop.repo import materials
from leokop.repo.users import Profile
from leokop.services import materials as checks
from leokop.services.entries import text_problems
from leokop.storage import Storage
from leokop.ui import texts
from leokop.ui.apprentice_forms import save
from leokop.ui.formats import plain
from leokop.ui.widgets import german_date

CHOSEN_KEY = "leokop_material"


def run_write(problems: list[str], action: Callable[[], object], success: str) -> None:
    """Like apprentice_forms.save (a success reruns the page with a toast), plus the storage's own failures
    (nothing was stored either way)."""
    try:
        save(problems, action, success)
    except (materials.NotVisible, OSError, RuntimeError):
        st.error(texts.MAT_ERR_STORAGE)


def _checked_file(upload) -> tuple[list[str], checks.FileInfo | None, bytes]:
    if upload is None:
        return [texts.MAT_ERR_NO_FILE], None, b""
    data = upload.getvalue()
    problems, info = checks.file_problems(upload.name, data, upload.size)
    return problems, info, data


def labels_by_id(frame: pd.DataFrame, *parts: str) -> dict:
    """{id: 'part1 part2'} for selectboxes over a frame's rows."""
    return {r["id"]: " ".join(str(r[p]) for p in parts) for r in records(frame)}


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
                                  key="mat-occupation")
    scope = top[2].radio(texts.MAT_FIELD_SCOPE, list(texts.MAT_SCOPE_LABELS), key="mat-scope",
                         format_func=texts.MAT_SCOPE_LABELS.get)
    own_classes = classes[classes["occupation_id"] == occupation]
    with st.form("mat-share", clear_on_submit=True):
        class_id = None
        if scope == "klasse":
            class_id = st.selectbox(texts.MAT_FIELD_CLASS, list(own_classes["id"]),
                                    format_func=labels_by_id(own_classes, "name").get)
        if source == texts.MAT_SOURCE_FILE:
            upload, url = st.file_uploader(texts.MAT_FIELD_FILE, type=checks.UPLOAD_EXTENSIONS), ""
        else:
            upload, url = None, st.text_input(texts.MAT_FIELD_URL)
        title = st.text_input(texts.MAT_FIELD_TITLE, max_chars=200)
        description = st.text_area(texts.MAT_FIELD_DESCRIPTION, max_chars=4000)
        tags = st.text_input(texts.MAT_FIELD_TAGS)
        lfs = options["learning_fields"][options["learning_fields"]["occupation_id"] == occupation]
        positions = options["positions"][options["positions"]["occupation_id"] == occupation]
        lf_ids = st.multiselect(texts.MAT_FIELD_LFS, list(lfs["id"]),
                                format_func=labels_by_id(lfs, "code", "title").get)
        position_ids = st.multiselect(texts.MAT_FIELD_POSITIONS, list(positions["id"]),
                                      format_func=labels_by_id(positions, "number", "title").get)
        if not st.form_submit_button(texts.MAT_SUBMIT_SHARE, type="primary"):
            return
    tag_list = checks.parse_tags(tags)
    problems = checks.metadata_problems(title, description, tag_list, scope, class_id, occupation)
    sharing = materials.Sharing(coop_id, occupation, scope, class_id, title, description.strip() or None, tag_list,
                                lf_ids, position_ids)
    if source == texts.MAT_SOURCE_FILE:
        file_problems, info, data = _checked_file(upload)
        run_write(problems + file_problems, lambda: materials.share_file(db, store, user.user_id, sharing, info, data),
             texts.MAT_SHARED.format(title=title.strip()))
    else:
        run_write(problems + checks.url_problems(url), lambda: materials.share_link(db, user.user_id, sharing, url),
             texts.MAT_SHARED.format(title=title.strip()))


def library(db: Database, user: Profile, coop_id: UUID, learning_fields: pd.DataFrame) -> UUID | None:
    """Search and filters, the hits newest first; returns the material chosen for the detail view."""
    left, middle, right = st.columns([3, 2, 1])
    query = left.text_input(texts.MAT_SEARCH, key="mat-query")
    lf_labels = {None: texts.MAT_ALL, **labels_by_id(learning_fields, "code", "title")}
    lf = middle.selectbox(texts.MAT_FILTER_LF, list(lf_labels), format_func=lf_labels.get, key="mat-lf")
    kinds = {None: texts.MAT_ALL, **texts.MAT_KIND_LABELS}
    kind = right.selectbox(texts.MAT_FILTER_KIND, list(kinds), format_func=kinds.get, key="mat-kind")
    found = materials.library(db, user.user_id, coop_id, query=query, learning_field_id=lf, kind=kind)
    if found.empty:
        st.info(texts.MAT_NONE)
        return None
    st.caption(texts.MAT_COUNT.format(n=len(found)))
    table = found.assign(kind=found["kind"].map(texts.MAT_KIND_LABELS), scope=found["scope"].map(
        texts.MAT_SCOPE_LABELS), created_at=found["created_at"].map(lambda t: german_date(t.date())),
        lf_codes=found["lf_codes"].fillna(""))
    st.dataframe(table[list(texts.MAT_COLUMNS)].rename(columns=texts.MAT_COLUMNS), hide_index=True, width="stretch")
    ids = list(found["id"])
    current = st.session_state.get(CHOSEN_KEY)
    chosen = st.selectbox(texts.MAT_CHOOSE, ids, format_func=labels_by_id(found, "title").get,
                          index=ids.index(current) if current in ids else 0)
    st.session_state[CHOSEN_KEY] = chosen
    return chosen


def detail(db: Database, store: Storage, user: Profile, material_id: UUID) -> None:
    """One material: what it is, downloads of every version, comments, a new version, withdrawal, the trail."""
    item = materials.material(db, user.user_id, material_id)
    if item is None or item["withdrawn_at"] is not None:
        st.info(texts.MAT_NOT_AVAILABLE)
        return
    info = materials.material_details(db, user.user_id, material_id)
    st.subheader(item["title"])
    st.caption(f"{texts.MAT_KIND_LABELS[item['kind']]} · {item['occupation']} · "
               f"{texts.MAT_SCOPE_LABELS[item['scope']]}{' ' + item['class_name'] if item['class_name'] else ''}"
               f" · {item['owner']}")
    if item["description"]:
        st.markdown(plain(item["description"]))
    if item["tags"] or not info["topics"].empty:
        st.caption(" · ".join([*info["topics"]["label"], *(f"#{t}" for t in item["tags"])]))
    if item["kind"] == "link":
        st.link_button(texts.MAT_OPEN_LINK, item["url"], icon=":material/open_in_new:")
    else:
        _downloads(db, store, user, info["versions"])
        _new_version_form(db, store, user, item)
    _comments(db, user, material_id, info["comments"])
    with st.expander(texts.MAT_SECTION_EVENTS):
        events = info["events"].assign(at=info["events"]["at"].map(lambda t: t.strftime("%d.%m.%Y %H:%M")),
                                       action=info["events"]["action"].map(texts.MAT_EVENT_LABELS))
        st.dataframe(events.fillna("").rename(columns=texts.MAT_EVENT_COLUMNS), hide_index=True, width="stretch")
    if materials.may_withdraw(db, user.user_id, material_id):
        _withdraw(db, user, item)


def _fetch(db: Database, store: Storage, user: Profile, version_id: UUID) -> Callable[[], bytes]:
    """Bytes on click only (a version may be 20 MB); the database decides again whether the user may have them."""
    def get() -> bytes:
        download = materials.download(db, store, user.user_id, version_id)
        return download.data if download else b""
    return get


def _downloads(db: Database, store: Storage, user: Profile, versions: pd.DataFrame) -> None:
    newest = versions.iloc[0]
    st.download_button(texts.MAT_DOWNLOAD, _fetch(db, store, user, newest["id"]), file_name=newest["filename"],
                       mime=newest["mime"], icon=":material/download:", type="primary", key=f"dl-{newest['id']}")
    with st.expander(f"{texts.MAT_SECTION_VERSIONS} ({len(versions)})"):
        table = versions.assign(size=versions["size_bytes"].map(checks.human_size),
                                created_at=versions["created_at"].map(lambda t: german_date(t.date())),
                                note=versions["note"].fillna(""))
        st.dataframe(table[list(texts.MAT_VERSION_COLUMNS)].rename(columns=texts.MAT_VERSION_COLUMNS),
                     hide_index=True, width="stretch")
        for version in records(versions.iloc[1:]):
            st.download_button(texts.MAT_DOWNLOAD_VERSION.format(n=version["number"]),
                               _fetch(db, store, user, version["id"]), file_name=version["filename"],
                               mime=version["mime"], key=f"dl-{version['id']}")


def _new_version_form(db: Database, store: Storage, user: Profile, item: dict) -> None:
    with st.form(f"mat-version-{item['id']}", clear_on_submit=True):
        upload = st.file_uploader(texts.MAT_FIELD_FILE, type=checks.UPLOAD_EXTENSIONS)
        note = st.text_input(texts.MAT_FIELD_NOTE, max_chars=500)
        if not st.form_submit_button(texts.MAT_SUBMIT_VERSION):
            return
    problems, info, data = _checked_file(upload)
    run_write(problems, lambda: materials.add_version(db, store, user.user_id, item["id"], item["version"], info, data,
                                                 note.strip() or None),
         texts.MAT_VERSION_SAVED.format(n=item["current_version"] + 1))


def _comments(db: Database, user: Profile, material_id: UUID, comments: pd.DataFrame) -> None:
    st.markdown(f"**{texts.MAT_SECTION_COMMENTS} ({len(comments)})**")
    for c in records(comments):
        st.markdown(f"**{c['author'] or '–'}**, {c['created_at'].strftime('%d.%m.%Y %H:%M')}:  \n{plain(c['body'])}")
    with st.form(f"mat-comment-{material_id}", clear_on_submit=True):
        body = st.text_area(texts.MAT_FIELD_COMMENT, max_chars=4000)
        if st.form_submit_button(texts.MAT_SUBMIT_COMMENT):
            run_write(text_problems(body), lambda: materials.add_comment(db, user.user_id, material_id, body),
                 texts.MAT_COMMENTED)


def _withdraw(db: Database, user: Profile, item: dict) -> None:
    with st.form(f"mat-withdraw-{item['id']}"):
        sure = st.checkbox(texts.MAT_WITHDRAW_CONFIRM)
        if st.form_submit_button(texts.MAT_WITHDRAW) and sure:
            run_write([], lambda: materials.withdraw(db, user.user_id, item["id"], item["version"]),
                      texts.MAT_WITHDRAWN)
