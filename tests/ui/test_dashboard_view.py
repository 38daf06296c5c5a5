"""Pieces of the dashboard view: figures built once per session for the same data, the next date."""

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


def test_next_date_skips_holidays_and_today():
    from datetime import date

    today = date(2026, 12, 2)
    rows = pd.DataFrame({"kind": ["ferien", "phase", "schulblock", "pruefung"],
                         "starts_on": [date(2026, 12, 3), today, date(2026, 12, 10), date(2026, 12, 5)]})
    assert dashboard_view.next_date(rows, today) == ("Prüfung", "05.12.2026")
    assert dashboard_view.next_date(rows[rows["kind"] == "ferien"], today) == ("–", "–")
