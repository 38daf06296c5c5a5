"""What people read (issue 22): no internal value ("nan", "None", a rule's key, "Version 0") on any page, and user
text shown as typed (no Markdown, icon shortcodes or HTML from user input interpreted)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pandas as pd
import psycopg
import pytest
from streamlit.testing.v1 import AppTest

from leokop import formats, texts
from leokop.demo.seed import demo_id
from leokop.services import risk_rules
from leokop.ui import navigation, widgets
from tests.helpers import SHARED_CLASS, cooperation_id, user_id

A_RMD = demo_id("apprentice", f"{SHARED_CLASS}/0")  # FI25a, company rmd: lehrkraft and ausbilder work with them
INTERNAL = re.compile(r"\b(nan|NaN|NaT|None|null|undefined)\b|Version 0\b")
CONCERN_KEYS = re.compile(r"\((" + "|".join(risk_rules.CONCERN_KINDS) + r")\)")


def _texts(at: AppTest) -> Iterator[tuple[str, str]]:
    """(what, text) of everything a person reads on the page: text elements, labels, options and table cells."""
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success",
                 "toast", "text", "latex", "code"):
        for element in getattr(at, kind, []):
            yield kind, str(element.value)
    for element in at.get("expandable"):
        yield "expander", str(element.proto.expandable.label)
    for element in at.get("tab"):
        yield "tab", str(element.label)
    for element in at.metric:
        yield "metric", f"{element.label}: {element.value}"
    for element in at.button:
        yield "button", str(element.label)
    for element in at.get("download_button"):
        yield "download", str(element.proto.label)
    for element in [*at.selectbox, *at.multiselect, *at.radio]:
        yield "label", str(element.label)
        for option in element.options:
            yield f"option of {element.label}", str(option)
    for frame in at.dataframe:
        table = frame.value
        for column in table.columns:
            yield "column", str(column)
            for value in table[column]:
                if value is None or (not isinstance(value, list | tuple) and pd.isna(value)):
                    yield f"cell of {column}", "None"  # Streamlit draws an empty cell as "None"
                else:
                    yield f"cell of {column}", str(value)


def _internal_values(at: AppTest) -> list[tuple[str, str]]:
    return [(kind, text) for kind, text in _texts(at) if INTERNAL.search(text) or CONCERN_KEYS.search(text)]


def _pages(login, username: str) -> Iterator[tuple[str, AppTest]]:
    at = login(username)
    at.session_state[widgets.COOP_KEY] = cooperation_id("mainufer", "rmd")
    at.session_state[widgets.APPRENTICE_KEY] = A_RMD
    roles = {"lehrkraft": {"lehrkraft"}, "ausbilder": {"ausbilder"}, "admin": {"admin"},
             "schulleitung": {"schulleitung"}}[username]
    for page in navigation.pages_for(frozenset(roles)):
        at.switch_page(page.path).run()
        assert not at.exception, (page.path, at.exception)
        yield page.path, at


@pytest.fixture()
def concern_and_empty_responsible(owner_url) -> Iterator[None]:
    """A concern of the school about A_RMD (its flag quotes the kind) and an open case without anyone
    responsible, as the pages show them; removed afterwards."""
    with psycopg.connect(owner_url) as conn:
        conn.execute("insert into concerns (apprentice_id, place, kind, body, raised_by) values "
                     "(%s, 'schule', 'motivation', 'Test: **fett** :material/home: <b>x</b>', %s)",
                     (A_RMD, user_id("lehrkraft")))
    from leokop.db.locate import worker_url
    from leokop.db.session import Database
    from leokop.services.early_warning import refresh

    evaluation = Database(worker_url(owner_url), max_size=1)
    refresh(evaluation, [A_RMD])
    with psycopg.connect(owner_url) as conn:
        case = conn.execute("select c.id, c.responsible_id from risk_cases c"
                            " join apprentices a on a.id = c.apprentice_id"
                            " where a.school_id = %s and a.company_id = %s and c.status <> 'erledigt' order by c.id"
                            " limit 1", (demo_id("school", "mainufer"), demo_id("company", "rmd"))).fetchone()
        if case:
            conn.execute("update risk_cases set responsible_id = null where id = %s", (case[0],))
    yield
    with psycopg.connect(owner_url) as conn:
        conn.execute("delete from concerns where apprentice_id = %s and body like 'Test: %%'", (A_RMD,))
        if case:
            conn.execute("update risk_cases set responsible_id = %s where id = %s", (case[1], case[0]))
    refresh(evaluation, [A_RMD])
    evaluation.close()


@pytest.mark.parametrize("username", ["lehrkraft", "ausbilder", "admin", "schulleitung"])
def test_no_internal_value_reaches_a_person(login, username, concern_and_empty_responsible):
    found = {path: values for path, at in _pages(login, username) if (values := _internal_values(at))}
    assert found == {}, "\n".join(f"{p}: {k}: {t[:200]!r}" for p, v in found.items() for k, t in v)


def test_a_concern_quoted_in_a_flag_is_shown_as_typed_and_its_kind_in_german(login, concern_and_empty_responsible):
    at = login("lehrkraft")
    at.session_state[widgets.COOP_KEY] = cooperation_id("mainufer", "rmd")
    at.run()
    typed = formats.plain("Test: **fett** :material/home: <b>x</b>")
    assert any("Anliegen der Schule" in m.value for m in at.markdown), "the dashboard lists the concerns' flag"
    risks = [m.value for m in at.markdown if "Anliegen der Schule" in m.value and typed in m.value]
    assert risks, "the test's concern is quoted in the flag, as typed"
    assert f"({texts.CONCERN_LABELS['motivation']})" in risks[0] and "(motivation)" not in risks[0]
