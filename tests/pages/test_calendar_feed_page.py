"""Mein Konto's calendar feed form through AppTest (the page file with the user signed in): create, show the
address once, names, renew, end; a change in another tab is refused, never overwritten."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from streamlit.testing.v1 import AppTest

from leokop import texts
from leokop.repo import calendar_feeds
from leokop.repo.users import load_profile
from tests.helpers import user_id
from tests.pages.conftest import form_button, widget

PAGE = Path(__file__).parents[2] / "pages" / "konto_page.py"
FORM = "calendar-feed"


@pytest.fixture()
def teacher(db, owner_url):
    yield load_profile(db, user_id("lehrkraft"))
    with psycopg.connect(owner_url, autocommit=True) as conn:
        conn.execute("delete from calendar_feeds where user_id = %s", (user_id("lehrkraft"),))


def _open(profile) -> AppTest:
    at = AppTest.from_file(str(PAGE), default_timeout=60)
    at.session_state["leokop_user"] = profile
    at.run()
    assert not at.exception, at.exception
    return at


def _press(at: AppTest, label: str) -> AppTest:
    form_button(at, FORM, label).click().run()
    assert not at.exception, at.exception
    return at


def _confirmation(at: AppTest) -> str | None:
    if "leokop_confirmation" in at.session_state:
        return at.session_state["leokop_confirmation"][0]
    return None


def _address(at: AppTest) -> str:
    shown = [c.value for c in at.code if "/kalender/" in c.value]
    assert len(shown) == 1, [c.value for c in at.code]
    return shown[0]


def test_create_names_renew_and_end(db, teacher):
    at = _open(teacher)
    assert texts.CAL_NONE in [i.value for i in at.info]
    _press(at, texts.CAL_CREATE)
    assert _confirmation(at) == texts.CAL_CREATED
    address = _address(at)
    assert address.startswith("http") and address.endswith(".ics")
    token = address.rsplit("/", 1)[1].removesuffix(".ics")
    owner = calendar_feeds.owner_of(db, token)
    assert owner is not None and owner.user_id == teacher.user_id and owner.with_names is False
    # the names choice, saved with the feed
    widget(at.checkbox, "calendar-feed-names").check()
    _press(at, texts.CAL_SAVE)
    assert _confirmation(at) == texts.CAL_SAVED
    assert calendar_feeds.owner_of(db, token).with_names is True
    assert widget(at.checkbox, "calendar-feed-names").value is True
    # renewed: a new address, the old one opens nothing
    _press(at, texts.CAL_RENEW)
    assert _confirmation(at) == texts.CAL_RENEWED
    renewed = _address(at).rsplit("/", 1)[1].removesuffix(".ics")
    assert renewed != token and calendar_feeds.owner_of(db, token) is None
    assert calendar_feeds.owner_of(db, renewed).with_names is True  # the choice goes along
    # ended: no feed, no address on the page
    _press(at, texts.CAL_REVOKE)
    assert _confirmation(at) == texts.CAL_REVOKED
    assert calendar_feeds.owner_of(db, renewed) is None and calendar_feeds.live_feed(db, teacher.user_id) is None
    assert not [c for c in at.code if "/kalender/" in c.value]
    # a new session of the page never shows an address again: the database has only its hash
    _press(at, texts.CAL_CREATE)
    assert [c.value for c in _open(teacher).code if "/kalender/" in c.value] == []


def test_a_feed_renewed_in_another_tab_is_not_ended_blindly(db, teacher):
    at = _open(teacher)
    _press(at, texts.CAL_CREATE)
    at.run()
    other = _open(teacher)
    _press(other, texts.CAL_RENEW)
    live = calendar_feeds.live_feed(db, teacher.user_id)
    _press(at, texts.CAL_REVOKE)
    assert [e.value for e in at.error] and all("Häkchen" in e.value or "bestätigen" in e.value.lower()
                                               or "geändert" in e.value for e in at.error), [e.value for e in at.error]
    assert any(w.value.startswith(f"{teacher.display_name} hat diesen Eintrag") for w in at.warning), [
        w.value for w in at.warning]
    assert calendar_feeds.live_feed(db, teacher.user_id) == live  # the other tab's feed is untouched
    # pressed again without the confirmation: refused again
    _press(at, texts.CAL_REVOKE)
    assert calendar_feeds.live_feed(db, teacher.user_id) == live
    # with the confirmation ticked, the user ends the current feed
    next(c for c in at.checkbox if "~over-" in (c.key or "")).check()
    _press(at, texts.CAL_REVOKE)
    assert _confirmation(at) == texts.CAL_REVOKED
    assert calendar_feeds.live_feed(db, teacher.user_id) is None
