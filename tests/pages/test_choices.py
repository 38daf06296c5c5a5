"""Choices that take (issue 22): choosing A → B → C → D → A in a row, each choice shown by the page.

A selectbox whose index was computed from session state and that had no key became a new widget whenever the
index changed, and Streamlit dropped every second choice. `widgets.record_select` keys every such box and sets its
value before it renders; these tests choose record after record on each page with such a choice.
"""

from __future__ import annotations

from collections.abc import Iterator
from uuid import UUID

import psycopg
import pytest
from streamlit.testing.v1 import AppTest

from leokop import texts
from leokop.repo import cooperations, materials
from leokop.services import dashboard as dashboard_service
from leokop.ui import widgets
from tests.helpers import act_as, cooperation_id, user_id

TEACHER = "lehrkraft"


def _sequence(ids: list) -> list:
    """A → B → C → D → A (fewer when there are fewer, but at least A → B → A)."""
    assert len(ids) >= 2, "the demo data must offer at least two records to choose from"
    return [*ids[:4], ids[0]]


def _box(at: AppTest, key: str):
    return at.selectbox(key=key)


def _pair_ids(db) -> list[UUID]:
    pairs = cooperations.my_cooperations(db, user_id(TEACHER))
    return list(pairs["id"])


def _apprentice_names(db, coop: UUID) -> list[str]:
    apprentices = cooperations.cooperation_apprentices(db, user_id(TEACHER), coop)
    return sorted(dashboard_service.display_names(apprentices[apprentices["status"] == "aktiv"]).values())


def test_dashboard_pair_choice_takes_every_time(login, db):
    at = login(TEACHER)
    pairs = _pair_ids(db)
    assert len(pairs) >= 4, "lehrkraft works in at least four pairs in the demo"
    for coop in _sequence(pairs):
        _box(at, widgets.COOP_WIDGET_KEY).select(coop).run()
        assert not at.exception, at.exception
        assert _box(at, widgets.COOP_WIDGET_KEY).value == coop
        assert at.session_state[widgets.COOP_KEY] == coop
        # what the page shows is the chosen pair: its apprentices in the apprentice choice
        shown = at.selectbox(key="open-apprentice").options if _has(at, "open-apprentice") else []
        assert sorted(shown) == _apprentice_names(db, coop)


def _has(at: AppTest, key: str) -> bool:
    return any(box.key == key for box in at.selectbox)


def test_dashboard_apprentice_choice_takes_every_time(login, db):
    at = login(TEACHER)
    coop = cooperation_id("mainufer", "rmd")
    _box(at, widgets.COOP_WIDGET_KEY).select(coop).run()
    apprentices = cooperations.cooperation_apprentices(db, user_id(TEACHER), coop)
    names = dashboard_service.display_names(apprentices[apprentices["status"] == "aktiv"])
    ids = sorted(names, key=names.get)
    for apprentice in _sequence(ids):
        _box(at, "open-apprentice").select(apprentice).run()
        assert _box(at, "open-apprentice").value == apprentice
    opened = next(b for b in at.button if b.label == texts.OPEN_APPRENTICE).click().run()
    assert opened.session_state[widgets.APPRENTICE_KEY] == ids[0]
    last, first = names[ids[0]].split(", ")
    assert [t.value for t in opened.title] == [f"{first} {last}"]


def _library_titles(at: AppTest) -> list[str]:
    frames = [f.value for f in at.dataframe if texts.MAT_COLUMNS["title"] in f.value]
    return list(frames[0][texts.MAT_COLUMNS["title"]]) if frames else []


def test_materials_pair_choice_takes_every_time(login, db):
    at = login(TEACHER)
    at.switch_page("pages/materialien_page.py").run()
    for coop in _sequence(_pair_ids(db)):
        _box(at, widgets.COOP_WIDGET_KEY).select(coop).run()
        assert not at.exception, at.exception
        assert _box(at, widgets.COOP_WIDGET_KEY).value == coop
        expected = list(materials.library(db, user_id(TEACHER), coop)["title"])
        assert _library_titles(at) == expected


def test_the_pair_chosen_on_one_page_is_the_pair_of_the_next(login, db):
    pairs = _pair_ids(db)
    at = login(TEACHER)
    _box(at, widgets.COOP_WIDGET_KEY).select(pairs[2]).run()
    at.switch_page("pages/materialien_page.py").run()
    assert _box(at, widgets.COOP_WIDGET_KEY).value == pairs[2]
    _box(at, widgets.COOP_WIDGET_KEY).select(pairs[1]).run()
    at.switch_page("pages/dashboard_page.py").run()
    assert _box(at, widgets.COOP_WIDGET_KEY).value == pairs[1]


@pytest.fixture()
def four_materials(db, owner_url) -> Iterator[list[str]]:
    """Four links of the teacher in the Mainufer ↔ Rhein-Main pair besides the demo's (hidden again after)."""
    coop = cooperation_id("mainufer", "rmd")
    options = materials.share_options(db, user_id(TEACHER), coop)
    occupation = options["classes"]["occupation_id"].iloc[0]
    titles = [f"Auswahltest {letter}" for letter in "ABCD"]
    ids = [materials.share_link(db, user_id(TEACHER), materials.Sharing(
        coop, occupation, "kooperation", None, title, None, [], [], []), f"https://example.org/{title[-1]}")
        for title in titles]
    yield titles
    _withdraw(owner_url, ids)


def _withdraw(owner_url: str, ids: list[UUID]) -> None:
    """As their owner would (the database insists on the acting user)."""
    with psycopg.connect(owner_url) as conn:
        act_as(conn, TEACHER)
        conn.execute("update materials set withdrawn_at = now(), withdrawn_by = %s"
                     " where id = any(%s) and withdrawn_at is null", (user_id(TEACHER), ids))


def test_library_material_choice_takes_every_time(login, db, four_materials):
    at = login(TEACHER)
    at.session_state[widgets.COOP_KEY] = cooperation_id("mainufer", "rmd")
    at.switch_page("pages/materialien_page.py").run()
    assert set(four_materials) <= set(_box(at, "mat-choice").options)
    found = materials.library(db, user_id(TEACHER), cooperation_id("mainufer", "rmd"))
    id_of = dict(zip(found["title"], found["id"], strict=True))
    for title in _sequence(four_materials):
        _box(at, "mat-choice").select(id_of[title]).run()
        assert not at.exception, at.exception
        assert _box(at, "mat-choice").value == id_of[title]
        assert [s.value for s in at.subheader] == [title]  # the detail below is the chosen material's


def test_a_vanished_choice_falls_back_to_the_first_and_shows_it(login, db, four_materials, owner_url):
    at = login(TEACHER)
    at.session_state[widgets.COOP_KEY] = cooperation_id("mainufer", "rmd")
    at.switch_page("pages/materialien_page.py").run()
    found = materials.library(db, user_id(TEACHER), cooperation_id("mainufer", "rmd"))
    id_of = dict(zip(found["title"], found["id"], strict=True))
    _box(at, "mat-choice").select(id_of["Auswahltest C"]).run()
    _withdraw(owner_url, [id_of["Auswahltest C"]])  # withdrawn meanwhile (by its owner in another tab)
    at.run()
    first = materials.library(db, user_id(TEACHER), cooperation_id("mainufer", "rmd"))["id"].iloc[0]
    assert _box(at, "mat-choice").value == first
    assert at.session_state["leokop_material"] == first


def test_equal_labels_stay_apart():
    assert widgets.unique_labels({1: "Meier, Anna", 2: "Meier, Anna", 3: "Meier, Anna (2)", 4: "Ott"}) == {
        1: "Meier, Anna", 2: "Meier, Anna (2)", 3: "Meier, Anna (2) (2)", 4: "Ott"}
