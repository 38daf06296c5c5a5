"""The repositories' row limit (repo._query.fetch_df) is never silent: a result cut at MAX_ROWS is marked, and the
pages' lists say so in German (widgets.say_if_capped)."""

from __future__ import annotations

import pandas as pd
from streamlit.testing.v1 import AppTest

from leokop import texts
from leokop.frames import capped
from leokop.repo._query import MAX_ROWS, fetch_df


def test_a_result_over_the_limit_is_cut_and_marked(owner):
    over = fetch_df(owner, "select n from generate_series(1, %s) n", (MAX_ROWS + 7,))
    assert len(over) == MAX_ROWS and over["n"].iloc[-1] == MAX_ROWS
    assert capped(over) == MAX_ROWS
    exact = fetch_df(owner, "select n from generate_series(1, %s) n", (MAX_ROWS,))
    assert len(exact) == MAX_ROWS and capped(exact) is None
    assert capped(fetch_df(owner, "select 1 as n where false", columns=["n"])) is None


def _page(frame: pd.DataFrame):
    def script(frame):
        from leokop.ui import widgets

        widgets.admin_table(frame, ["n"])

    at = AppTest.from_function(script, args=(frame,))
    at.run()
    assert not at.exception, at.exception
    return at


def test_a_cut_list_says_so_and_a_whole_one_does_not(owner):
    cut = fetch_df(owner, "select n from generate_series(1, %s) n", (MAX_ROWS + 1,))
    assert [w.value for w in _page(cut).warning] == [texts.ROWS_CAPPED.format(n="5.000")]
    whole = fetch_df(owner, "select n from generate_series(1, 10) n")
    assert [w.value for w in _page(whole).warning] == []
