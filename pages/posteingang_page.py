"""Posteingang: new flags and case comments in the user's cooperations since the last visit."""

import streamlit as st

from leokop import auth, texts
from leokop.formats import german_datetime
from leokop.repo import inbox
from leokop.ui import saving, user_cache
from leokop.ui.addresses import inbox_links
from leokop.ui.resources import database

user = auth.require_page("posteingang")
db = database()

st.title(texts.PAGE_INBOX)
st.caption(texts.INBOX_INTRO)
items = inbox.new_items(db, user.user_id)
if items.empty:
    st.info(texts.INBOX_EMPTY)
else:
    table = items.assign(
        at=items["at"].map(german_datetime), kind=items["kind"].map(texts.INBOX_KIND),
        text=[f"{texts.SEVERITY_LABELS[severity]}: {text}" if isinstance(severity, str) else text
              for severity, text in zip(items["severity"], items["text"], strict=True)],
    ).drop(columns=["severity", "apprentice_id", "case_id"])
    st.dataframe(table.rename(columns=texts.INBOX_COLUMNS), hide_index=True, width="stretch")
    inbox_links(items)
    if st.button(texts.INBOX_MARK_SEEN, icon=":material/done_all:", key=saving.key("inbox-seen", "inbox-seen")):
        saving.save("inbox-seen", [], lambda: inbox.mark_seen(db, user.user_id), texts.INBOX_MARKED,
                    after=lambda: user_cache.forget("inbox"))
