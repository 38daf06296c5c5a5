"""The apprentice page's own search (issue 18): every apprentice of the user's pairs by name, with class and pair,
only those the user may see (RLS); choosing a hit opens that apprentice."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from leokop import texts
from leokop.ui import widgets
from leokop.ui.apprentice_search import SEARCH_KEY
from tests.helpers import visible_ids

# the owner's statement of who is whose: each name with class and pair, as the search shows it
_HITS = """
    select a.id, a.last_name || ', ' || a.first_name || ' · Klasse ' || k.name || ' · ' || s.name || ' ↔ ' || co.name
    from apprentices a join classes k on k.id = a.class_id join schools s on s.id = a.school_id
    join companies co on co.id = a.company_id
    where a.anonymised_at is null
"""


def _apprentice_page(login, username: str) -> AppTest:
    at = login(username)
    at.switch_page("pages/azubi_page.py").run()
    assert not at.exception, at.exception
    return at


def _hits(owner, username: str) -> dict:
    visible = visible_ids(owner, "apprentices", username)
    return {i: label for i, label in owner.execute(_HITS).fetchall() if i in visible}


@pytest.mark.parametrize("username", ["lehrkraft", "ausbilder", "ausbilder2", "koordination"])
def test_the_search_offers_exactly_the_apprentices_the_user_may_see(login, owner, username):
    at = _apprentice_page(login, username)
    box = at.selectbox(key=SEARCH_KEY)
    expected = _hits(owner, username)
    assert expected, "every demo user of the page has apprentices"
    assert box.value is None and [i.value for i in at.info] == [texts.APPRENTICE_SEARCH_HINT]
    # the same name, class and pair twice (the demo has such twins) is told apart by " (2)"
    assert sorted(re.sub(r" \(\d+\)$", "", o) for o in box.options) == sorted(expected.values())

def test_a_hit_opens_the_apprentice_and_another_company_is_not_found(login, owner):
    mine, foreign = _hits(owner, "ausbilder"), _hits(owner, "ausbilder2")
    only_mine = next(i for i in mine if i not in foreign)
    last_name, first_name = owner.execute("select last_name, first_name from apprentices where id = %s",
                                          (only_mine,)).fetchone()
    at = _apprentice_page(login, "ausbilder")
    at.selectbox(key=SEARCH_KEY).set_value(only_mine).run()
    assert not at.exception, at.exception
    assert at.session_state[widgets.APPRENTICE_KEY] == only_mine
    assert [t.value for t in at.title] == [f"{first_name} {last_name}"]
    assert at.selectbox(key=SEARCH_KEY).value == only_mine  # the box shows who is open
    other = _apprentice_page(login, "ausbilder2")
    assert mine[only_mine] not in other.selectbox(key=SEARCH_KEY).options


def test_an_apprentice_opened_on_the_dashboard_is_shown_in_the_search(login, owner):
    at = login("lehrkraft")
    chosen = next(iter(_hits(owner, "lehrkraft")))
    at.session_state[widgets.APPRENTICE_KEY] = chosen
    at.switch_page("pages/azubi_page.py").run()
    assert not at.exception, at.exception
    assert at.selectbox(key=SEARCH_KEY).value == chosen
    assert not [i.value for i in at.info if i.value == texts.APPRENTICE_SEARCH_HINT]
