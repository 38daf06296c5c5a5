"""The forms of "Mein Konto": the password (also at the first login with a start password), the open sessions and
the personal calendar feed."""

from __future__ import annotations

from urllib.parse import urlsplit

import streamlit as st

from leokop import auth, texts
from leokop.config import load_settings, public_url
from leokop.db.session import Database
from leokop.formats import german_datetime, is_missing, plain
from leokop.frames import records
from leokop.repo import calendar_feeds, credentials
from leokop.repo import sessions as session_rows
from leokop.repo.users import Profile
from leokop.services import sessions
from leokop.services.calendar import feed_url
from leokop.services.passwords import password_problems
from leokop.ui import feedback, saving


def password_form(db: Database, user: Profile, form: str = "change-password", *, start: bool = False) -> None:
    """Current password, the new one twice. A refusal says why in German and keeps what was typed; a change reruns
    the page with the confirmation and an empty form. `start`: the first login with a start password, after which
    the user's pages open."""
    with st.form(feedback.key(form), enter_to_submit=False):  # three fields: Enter in the first must not submit
        st.subheader(texts.START_PASSWORD_TITLE if start else texts.CHANGE_PASSWORD)
        if start:
            st.info(texts.START_PASSWORD_INTRO)
        current = st.text_input(texts.FIELD_START_PASSWORD if start else texts.FIELD_CURRENT_PASSWORD,
                                type="password", key=feedback.key(form, f"{form}-current"))
        new = st.text_input(texts.FIELD_NEW_PASSWORD, type="password", key=feedback.key(form, f"{form}-new"),
                            help=texts.PASSWORD_RULES)
        repeat = st.text_input(texts.FIELD_NEW_PASSWORD_REPEAT, type="password",
                               key=feedback.key(form, f"{form}-repeat"))
        if not st.form_submit_button(texts.BUTTON_SAVE, type="primary"):
            return
    problems = [] if current else [texts.PASSWORD_CURRENT_MISSING]
    problems += password_problems(new, repeat, credentials.password_context(db, user.user_id))
    if new and new == current:
        problems.append(texts.PASSWORD_SAME)
    for problem in problems:
        st.error(problem)
    if problems:
        return
    try:
        changed = auth.change_password(db, user, current, new)
    except auth.AccountLocked as exc:
        st.error(auth.locked_message(exc))
        return
    if not changed:
        st.error(texts.PASSWORD_WRONG_CURRENT)
        return
    auth.start_password_replaced()
    feedback.saved(texts.PASSWORD_CHANGED, form=form)


# --- the open sessions (issue 15, sql/036) -----------------------------------------------------------------------


def _session_label(row: dict) -> str:
    return texts.SESSION_LABEL.format(device=sessions.device(row["user_agent"]),
                                      created=german_datetime(row["created_at"]),
                                      seen=german_datetime(row["last_seen_at"]))


def sessions_form(db: Database, user: Profile) -> None:
    """The user's open sessions, each in a small form of its own that ends it (decision 30); ending this very
    session signs out. A session that ended while its form was on the screen says so, once."""
    settings = load_settings()
    st.subheader(texts.SESSIONS_TITLE)
    st.caption(texts.SESSIONS_INTRO.format(idle=settings.session_idle_minutes, hours=settings.session_max_hours))
    current = auth.session_id()
    rows = records(session_rows.my_sessions(db, user.user_id))
    if not any(is_missing(row["ended_at"]) for row in rows):
        st.info(texts.SESSIONS_NONE)
    for row in rows:
        form = f"session-end-{row['id']}"
        is_open = is_missing(row["ended_at"])
        marker = saving.key(form, form)
        if not is_open and not saving.on_screen(marker):
            continue
        edit = saving.Edit(f"session:{row['id']}", "offen",
                           {texts.SESSION_STATE: texts.SESSION_STATES[is_open]},
                           None if is_open else user.display_name, None if is_open else row["ended_at"], marker,
                           open=is_open)
        if not edit.open:  # ended in another tab (or it ran out) while its button was on the screen: say so, once
            saving.show_conflict(edit)
            continue
        this = row["id"] == current
        with st.form(saving.key(form), border=True):
            st.markdown(plain(_session_label(row)) + (f" (**{texts.SESSION_THIS}**)" if this else ""))
            pressed = st.form_submit_button(texts.SESSION_END, key=marker,
                                            help=texts.SESSION_END_THIS if this else None)
        if pressed:
            saving.save(form, [], lambda version, sid=row["id"]: session_rows.end_own(db, user.user_id, sid),
                        texts.SESSION_ENDED, edit=edit, refusals={session_rows.SessionGone: texts.SESSION_GONE},
                        after=auth.signed_out_here if this else None)


# --- the personal calendar feed (issue 16, sql/035) -------------------------------------------------------------

FEED_ADDRESS = "leokop_calendar_address"  # session state: the address just made, shown in this session only


def base_url() -> str:
    """The app's address as the calendar service must reach it: LEOKOP_PUBLIC_URL, else the address the browser
    opened the app under (scheme and host)."""
    configured = public_url()
    if configured:
        return configured
    parts = urlsplit(st.context.url or "http://127.0.0.1:8501")
    return f"{parts.scheme}://{parts.netloc}"


def _feed_edit(db: Database, user: Profile, feed: calendar_feeds.Feed | None, marker: str) -> saving.Edit:
    """The feed as the form shows it: a renewal, a revocation or a changed choice in another tab is a conflict."""
    state = {texts.CAL_STATE_FEED: texts.CAL_STATE_ACTIVE.format(since=german_datetime(feed.created_at))
             if feed else texts.CAL_STATE_NONE,
             texts.CAL_STATE_NAMES: texts.YES_NO[bool(feed and feed.with_names)]}
    changed_at = feed.created_at if feed else calendar_feeds.last_revoked(db, user.user_id)
    return saving.Edit("calendar-feed", (feed.id, feed.with_names) if feed else None, state, user.display_name,
                       changed_at, marker)


def _made(db: Database, user: Profile, with_names: bool, replacing) -> str:
    token = calendar_feeds.create(db, user.user_id, with_names=with_names, replacing=replacing)
    address = feed_url(base_url(), token)
    st.session_state[FEED_ADDRESS] = address
    return address


def calendar_feed_form(db: Database, user: Profile) -> None:
    """Create, renew or end the personal subscription address; choose whether apprentices' names appear. The
    address (its token) exists only in this session after it was made: the database keeps its hash."""
    st.subheader(texts.CAL_TITLE)
    st.caption(texts.CAL_INTRO)
    form = "calendar-feed"
    feed = calendar_feeds.live_feed(db, user.user_id)
    names_key = saving.key(form, "calendar-feed-names")
    edit = _feed_edit(db, user, feed, names_key)
    address = st.session_state.get(FEED_ADDRESS)
    with st.form(saving.key(form), enter_to_submit=False):
        confirmed = saving.show_conflict(edit)
        if feed is None:
            st.info(texts.CAL_NONE)
        else:
            st.markdown(texts.CAL_ACTIVE.format(since=german_datetime(feed.created_at)))
            if address:
                st.markdown(f"**{texts.CAL_ADDRESS}**", help=texts.CAL_ADDRESS_HELP)
                st.code(address, language=None)
            else:
                st.caption(texts.CAL_ADDRESS_HIDDEN)
        with_names = st.checkbox(texts.CAL_WITH_NAMES, value=bool(feed and feed.with_names), key=names_key,
                                 help=texts.CAL_WITH_NAMES_HELP)
        if feed is None:
            create = st.form_submit_button(texts.CAL_CREATE, type="primary")
            save_names = renew = end = False
        else:
            create = False
            left, middle, right = st.columns(3)
            save_names = left.form_submit_button(texts.CAL_SAVE, type="primary")
            renew = middle.form_submit_button(texts.CAL_RENEW)
            end = right.form_submit_button(texts.CAL_REVOKE)
    if create or renew:
        saving.save(form, [], lambda version: _made(db, user, with_names, version[0] if version else None),
                    texts.CAL_RENEWED if renew else texts.CAL_CREATED, edit=edit, confirmed=confirmed)
    elif save_names:
        saving.save(form, [], lambda version: calendar_feeds.set_names(db, user.user_id, version[0], with_names),
                    texts.CAL_SAVED, edit=edit, confirmed=confirmed)
    elif end:
        saving.save(form, [], lambda version: calendar_feeds.revoke(db, user.user_id, version[0]),
                    texts.CAL_REVOKED, edit=edit, confirmed=confirmed,
                    after=lambda: st.session_state.pop(FEED_ADDRESS, None))
