"""Pages that take their subject from the address (decision 97): /azubi?id=…&case=…, /dashboard?pair=…,
/materialien?pair=…&q=…; the refused ones with the German "nicht sichtbar" and an audit row; the first pair (the
one chosen last, kept in the database, else the one that needs attention); the inbox's links."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs

import psycopg
import pytest
from streamlit.testing.v1 import AppTest

from leokop import texts
from leokop.ui import widgets
from tests.db.test_rls_progress import A_RMD
from tests.helpers import cooperation_id, user_id
from tests.pages.conftest import errors

RMD = cooperation_id("mainufer", "rmd")
CASE_TITLE = "Adresstest: Fehlzeiten im Blick"


def _open(login, username: str, page: str, **params: str) -> AppTest:
    """Sign in, and open the page under an address with these query parameters (as a link or bookmark does)."""
    at = login(username)
    at.switch_page(f"pages/{page}_page.py")
    at.query_params.update(params)
    at.run()
    assert not at.exception, at.exception
    return at


def _refused(owner_url: str, username: str) -> list[tuple]:
    with psycopg.connect(owner_url) as conn:
        return conn.execute("select table_name, row_id from audit_log where action = 'refused' and actor_id = %s"
                            " order by id", (user_id(username),)).fetchall()


def _box(at: AppTest, key: str):
    return next(s for s in at.selectbox if s.key == key)


@pytest.fixture()
def case_id(owner_url) -> Iterator:
    """An open case on A_RMD (the teacher's and the trainer's apprentice), removed afterwards."""
    with psycopg.connect(owner_url) as conn:
        case = conn.execute("insert into risk_cases (apprentice_id, title, severity, opened_by)"
                            " values (%s, %s, 'warnung', %s) returning id",
                            (A_RMD, CASE_TITLE, user_id("lehrkraft"))).fetchone()[0]
    yield case
    with psycopg.connect(owner_url) as conn:
        conn.execute("delete from risk_cases where id = %s", (case,))


@pytest.mark.parametrize("username", ["lehrkraft", "ausbilder"])
def test_an_apprentice_address_opens_that_apprentice(login, owner_url, username):
    at = _open(login, username, "azubi", id=str(A_RMD))
    with psycopg.connect(owner_url) as conn:
        first, last = conn.execute("select first_name, last_name from apprentices where id = %s",
                                   (A_RMD,)).fetchone()
    assert [t.value for t in at.title] == [f"{first} {last}"]
    assert errors(at) == []
    assert at.query_params["id"] == str(A_RMD)


def test_a_case_address_opens_the_case_and_only_it(login, case_id):
    at = _open(login, "lehrkraft", "azubi", id=str(A_RMD), case=str(case_id))
    assert errors(at) == []
    expanded = {e.label: e.proto.expanded for e in at.expander if e.label.startswith(texts.SEVERITY_BADGES["warnung"])}
    chosen = [label for label in expanded if CASE_TITLE in label]
    assert len(chosen) == 1 and expanded[chosen[0]]
    assert not any(v for label, v in expanded.items() if label not in chosen)
    links = [link for link in at.get("page_link") if link.proto.label == texts.CASE_OWN_LINK]
    assert any(parse_qs(link.proto.query_string) == {"id": [str(A_RMD)], "case": [str(case_id)]} for link in links)


def test_a_foreign_apprentice_address_says_not_visible_and_is_audited(login, owner_url):
    before = _refused(owner_url, "ausbilder2")
    at = _open(login, "ausbilder2", "azubi", id=str(A_RMD))
    assert errors(at) == [texts.ADDRESS_NOT_VISIBLE["apprentices"]]
    assert at.selectbox == [] and at.title == [] and at.tabs == []  # nothing else: not even the search
    assert _refused(owner_url, "ausbilder2")[len(before):] == [("apprentices", str(A_RMD))]
    at.run()  # a rerun in the same visit: the message again, no second audit row
    assert errors(at) == [texts.ADDRESS_NOT_VISIBLE["apprentices"]]
    assert len(_refused(owner_url, "ausbilder2")) == len(before) + 1


@pytest.mark.parametrize(("page", "param", "kind"), [("azubi", "id", "apprentices"),
                                                     ("dashboard", "pair", "cooperations"),
                                                     ("materialien", "pair", "cooperations")])
@pytest.mark.parametrize("value", ["kaputt", "", "123", "%27;drop"])
def test_a_malformed_address_says_not_visible_without_an_exception(login, owner_url, page, param, kind, value):
    before = _refused(owner_url, "lehrkraft")
    at = _open(login, "lehrkraft", page, **{param: value})
    if not value:  # an empty value names nothing: the page as without it
        assert errors(at) == []
        return
    assert errors(at) == [texts.ADDRESS_NOT_VISIBLE[kind]]
    assert _refused(owner_url, "lehrkraft") == before  # no id, nothing to record


def test_a_case_address_of_another_apprentice_says_not_visible(login, owner_url, case_id):
    """A case id that is not one of this apprentice's cases (here: a case of A_RMD under another apprentice)."""
    with psycopg.connect(owner_url) as conn:
        other = conn.execute("select a.id from apprentices a where a.class_id = (select class_id from apprentices"
                             " where id = %s) and a.id <> %s order by a.id limit 1", (A_RMD, A_RMD)).fetchone()[0]
    before = _refused(owner_url, "lehrkraft")
    at = _open(login, "lehrkraft", "azubi", id=str(other), case=str(case_id))
    assert errors(at) == [texts.ADDRESS_NOT_VISIBLE["risk_cases"]]
    assert _refused(owner_url, "lehrkraft")[len(before):] == [("risk_cases", str(case_id))]


@pytest.mark.parametrize("page", ["dashboard", "materialien"])
def test_a_pair_address_opens_that_pair(login, page):
    at = _open(login, "ausbilder", page, pair=str(RMD))
    assert errors(at) == []
    assert at.session_state[widgets.COOP_KEY] == RMD
    assert _box(at, widgets.COOP_WIDGET_KEY).value == RMD


@pytest.mark.parametrize("page", ["dashboard", "materialien"])
def test_a_foreign_pair_address_says_not_visible_and_is_audited(login, owner_url, page):
    before = _refused(owner_url, "ausbilder2")
    at = _open(login, "ausbilder2", page, pair=str(RMD))
    assert errors(at) == [texts.ADDRESS_NOT_VISIBLE["cooperations"]]
    assert at.selectbox == [] and at.metric == [] and at.dataframe == []
    assert _refused(owner_url, "ausbilder2")[len(before):] == [("cooperations", str(RMD))]


def test_the_address_follows_the_choice_and_a_search(login):
    at = _open(login, "lehrkraft", "materialien", pair=str(RMD), q="Netzwerkplanungen")
    titles = [s.value for s in at.subheader]
    assert titles == ["Netzwerkplanung für eine Arztpraxis"]  # the search the address named
    other = next(o for o in _box(at, widgets.COOP_WIDGET_KEY).options if "Rhein-Main" not in o)
    _box(at, widgets.COOP_WIDGET_KEY).select(other).run()
    assert at.query_params["pair"] == str(at.session_state[widgets.COOP_KEY]) != str(RMD)
    next(t for t in at.text_input if t.key == "mat-query").input("Checkliste").run()
    assert at.query_params["q"] == "Checkliste"


@pytest.fixture()
def no_choice(owner_url) -> Iterator[None]:
    """The teacher has no remembered pair before and after the test."""
    def forget():
        with psycopg.connect(owner_url) as conn:
            conn.execute("delete from pair_choices where user_id = %s", (user_id("lehrkraft"),))
    forget()
    yield
    forget()


def test_the_first_pair_is_the_one_with_the_most_open_cases(login, owner_url, no_choice):
    """Mainufer ↔ Rhein-Main is not the teacher's first pair by name; with more open cases than any other pair of
    the teacher it is the one the dashboard opens on."""
    at = login("lehrkraft")
    options = _box(at, widgets.COOP_WIDGET_KEY).options
    assert "Rhein-Main" not in options[0]
    with psycopg.connect(owner_url) as conn:
        most = conn.execute(
            "select coalesce(max(n), 0) from (select count(*) n from risk_cases r join apprentices a"
            " on a.id = r.apprentice_id where r.status <> 'erledigt' group by a.school_id, a.company_id) x"
        ).fetchone()[0]
        cases = [conn.execute("insert into risk_cases (apprentice_id, title, severity, opened_by) values"
                              " (%s, %s, 'hinweis', %s) returning id",
                              (A_RMD, f"Erster-Pair-Test {n}", user_id("lehrkraft"))).fetchone()[0]
                 for n in range(most + 1)]
    try:
        at = login("lehrkraft")  # a new session
        assert at.session_state[widgets.COOP_KEY] == RMD
        assert at.query_params["pair"] == str(RMD)
    finally:
        with psycopg.connect(owner_url) as conn:
            conn.execute("delete from risk_cases where id = any(%s)", (cases,))


def test_the_pair_chosen_last_is_kept_for_the_next_session(login, owner_url, no_choice):
    at = login("lehrkraft")
    box = _box(at, widgets.COOP_WIDGET_KEY)
    chosen = box.options[-1] if box.index != len(box.options) - 1 else box.options[0]  # not the one shown
    box.select(chosen).run()
    kept = at.session_state[widgets.COOP_KEY]
    with psycopg.connect(owner_url) as conn:
        assert conn.execute("select cooperation_id from pair_choices where user_id = %s",
                            (user_id("lehrkraft"),)).fetchone()[0] == kept
    again = login("lehrkraft")  # a new session, as after closing the browser
    assert again.session_state[widgets.COOP_KEY] == kept
    assert _box(again, widgets.COOP_WIDGET_KEY).value == kept
    again.switch_page("pages/materialien_page.py").run()
    assert _box(again, widgets.COOP_WIDGET_KEY).value == kept


def test_inbox_items_link_to_the_apprentice_and_the_case(login, owner_url, case_id):
    """A trainer's comment on the teacher's case is new in the teacher's inbox: its link opens the case."""
    with psycopg.connect(owner_url) as conn:
        conn.execute("insert into inbox_seen (user_id, seen_at) values (%s, now() - interval '1 hour')"
                     " on conflict (user_id) do update set seen_at = excluded.seen_at", (user_id("lehrkraft"),))
        conn.execute("insert into case_comments (case_id, place, body, author_id) values (%s, 'betrieb',"
                     " 'Adresstest: Gespräch vereinbart', %s)", (case_id, user_id("ausbilder")))
    at = _open(login, "lehrkraft", "posteingang")
    links = {link.proto.query_string: link for link in at.get("page_link")}
    wanted = f"id={A_RMD}&case={case_id}"
    assert wanted in links, list(links)
    assert links[wanted].proto.page == "azubi"
    assert links[wanted].proto.label.startswith(texts.INBOX_OPEN["comment"].split("{")[0])
    # following it: the case's address opens the case
    at.switch_page("pages/azubi_page.py")
    at.query_params.update({k: v[0] for k, v in parse_qs(wanted).items()})
    at.run()
    assert errors(at) == []
    assert any(CASE_TITLE in e.label and e.proto.expanded for e in at.expander)


def test_dashboard_case_and_risk_lists_link_to_the_case_and_the_apprentice(login, case_id):
    at = _open(login, "lehrkraft", "dashboard", pair=str(RMD))
    queries = [parse_qs(link.proto.query_string) for link in at.get("page_link")]
    assert {"id": [str(A_RMD)], "case": [str(case_id)]} in queries
    assert any(set(q) == {"id"} for q in queries)  # a warning sign's apprentice
