"""The forms of "Mein Konto": the password (also at the first login with a start password) and the personal
calendar feed."""

from __future__ import annotations

from urllib.parse import urlsplit

import streamlit as st

from leokop import auth, texts
from leokop.config import public_url
from leokop.db.session import Database
from leokop.formats import german_datetime
from leokop.repo import calendar_feeds, credentials
from leokop.repo.users import Profile
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
