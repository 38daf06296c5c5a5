"""The dashboard's figures are built once per session for the same data, again when the data changes."""

from __future__ import annotations

import pandas as pd
import pytest

from leokop.ui import dashboard_view


@pytest.fixture()
def built(monkeypatch):
    monkeypatch.setattr(dashboard_view.st, "session_state", {})
    calls = []

    def build(frame, names):
        calls.append(len(frame))
        return object()
    return calls, build


def _frame(grade=2.0):
    return pd.DataFrame({"apprentice_id": ["a", "b"], "grade": [grade, float("nan")]})


def test_same_data_same_figure(built):
    calls, build = built
    first = dashboard_view._figure("lf", build, _frame(), {"a": "A"})
    assert dashboard_view._figure("lf", build, _frame(), {"a": "A"}) is first  # equal data, NaN included
    assert calls == [2]


def test_changed_data_or_names_build_again(built):
    calls, build = built
    first = dashboard_view._figure("lf", build, _frame(), {"a": "A"})
    second = dashboard_view._figure("lf", build, _frame(grade=3.0), {"a": "A"})
    third = dashboard_view._figure("lf", build, _frame(grade=3.0), {"a": "B"})
    assert len({id(first), id(second), id(third)}) == 3 and len(calls) == 3
