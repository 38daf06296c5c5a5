"""The dashboard's chart builders: the figures carry the right cells, bars and lines."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd

from leokop import texts
from leokop.ui import charts

NAMES = {"a1": "Adler, Anna", "a2": "Berg, Ben"}


def test_lf_heatmap_cells_hold_grade_or_status():
    matrix = pd.DataFrame([
        {"apprentice_id": "a1", "code": "LF1", "sort_order": 1, "grade": 2, "status": "abgeschlossen"},
        {"apprentice_id": "a1", "code": "LF2", "sort_order": 2, "grade": None, "status": "laufend"},
        {"apprentice_id": "a2", "code": "LF1", "sort_order": 1, "grade": 5, "status": "abgeschlossen"},
        {"apprentice_id": "zz", "code": "LF1", "sort_order": 1, "grade": 1, "status": "abgeschlossen"},  # not shown
    ])
    heat = charts.lf_heatmap(matrix, NAMES).data[0]
    assert list(heat.y) == ["Adler, Anna", "Berg, Ben"]
    assert list(heat.x) == ["LF1", "LF2"]
    assert heat.z[0][0] == 2.0 and math.isnan(heat.z[0][1]) and heat.z[1][0] == 5.0 and math.isnan(heat.z[1][1])
    assert [list(row) for row in heat.text] == [["2", "…"], ["5", ""]]


def test_position_heatmap_labels_levels():
    ratings = pd.DataFrame([
        {"apprentice_id": "a2", "number": "1", "sort_order": 1, "level": 3},
        {"apprentice_id": "a2", "number": "2", "sort_order": 2, "level": 0},
    ])
    heat = charts.position_heatmap(ratings, NAMES).data[0]
    assert list(heat.y) == ["Berg, Ben"]
    assert [list(r) for r in heat.z] == [[3.0, 0.0]]
    assert list(heat.text[0]) == [texts.POSITION_LEVELS[3], texts.POSITION_LEVELS[0]]


def test_timeline_bars_include_the_last_day_and_mark_conflicts():
    rows = pd.DataFrame([
        {"lane": "FI25a", "kind_label": "Schulblock", "label": "Block 1", "starts_on": date(2026, 12, 7),
         "ends_on": date(2026, 12, 11), "conflict": None},
        {"lane": "Adler, Anna", "kind_label": "Ausbildungsabschnitt", "label": "Lager",
         "starts_on": date(2026, 12, 7), "ends_on": date(2026, 12, 7), "conflict": "Überschneidet Schulblock"},
    ])
    fig = charts.timeline(rows, date(2026, 11, 1), date(2027, 5, 1), date(2026, 12, 2))
    bars = {trace.name: trace for trace in fig.data}
    assert set(bars) == {"Schulblock", "Konflikt"}
    assert bars["Schulblock"].x[0] == 5 * 86_400_000  # Monday to Friday, Friday included
    assert bars["Konflikt"].x[0] == 86_400_000
    assert bars["Konflikt"].customdata[0][1] == "Überschneidet Schulblock"
    assert fig.layout.shapes[0].x0 == date(2026, 12, 2)


def test_names_and_titles_in_charts_are_shown_as_typed():
    """plotly reads <b>, <a href> and <br> in labels and hover texts: user text goes in as entities."""
    matrix = pd.DataFrame([{"apprentice_id": "a1", "code": "LF1", "sort_order": 1, "grade": 2, "status": "laufend"}])
    heat = charts.lf_heatmap(matrix, {"a1": '<a href="https://x.example">Adler</a>, Anna'}).data[0]
    assert list(heat.y) == ['&lt;a href="https://x.example"&gt;Adler&lt;/a&gt;, Anna']
    rows = pd.DataFrame([{"lane": "<b>Berg</b>", "kind_label": "Ausbildungsabschnitt", "label": "<br>Lager & Logistik",
                          "starts_on": date(2026, 1, 5), "ends_on": date(2026, 1, 9), "conflict": None}])
    bar = charts.timeline(rows, date(2026, 1, 1), date(2026, 2, 1), date(2026, 1, 6)).data[0]
    assert list(bar.y) == ["&lt;b&gt;Berg&lt;/b&gt;"] and bar.customdata[0][0] == "&lt;br&gt;Lager &amp; Logistik"
