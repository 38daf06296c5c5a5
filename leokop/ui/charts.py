"""Plotly chart builders with German number formats."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from leokop import texts
from leokop.formats import chart_text

CALM_BLUE = "#3b6e8f"


def _german(fig: go.Figure, *, legend: bool = False, height: int | None = 260) -> go.Figure:
    """German number format (1.234,5), calm white background."""
    fig.update_layout(separators=",.", margin=dict(l=10, r=10, t=10, b=10), plot_bgcolor="white",
                      showlegend=legend)
    if height:
        fig.update_layout(height=height)
    return fig


# Grades 1 (best) .. 6: green to red; status cells without a grade stay neutral.
_GRADE_SCALE = [[0.0, "#2e7d5b"], [0.4, "#a8c686"], [0.6, "#f2c14e"], [1.0, "#c0392b"]]
_KIND_COLORS = {
    "Schulblock": "#3b6e8f", "Prüfung": "#8e44ad", "Ausbildungsabschnitt": "#7fa37a", "Ende Probezeit": "#e67e22",
    "Gemeinsamer Termin": "#16a085", "Schulferien": "#c8ccd0", "Konflikt": "#c0392b",
    "Projektmeilenstein": "#d35400",
}


def _grid(frame: pd.DataFrame, names: dict, column: str, values: list[str], people: list, columns: list) -> list:
    """people × columns tables of each value column (first row wins), None where nothing is recorded.

    A dictionary fill instead of pivot_table: the heatmaps are drawn on every run of the dashboard.
    """
    row_of = {name: i for i, name in enumerate(people)}
    col_of = {key: j for j, key in enumerate(columns)}
    grids = [[[None] * len(columns) for _ in people] for _ in values]
    keys = zip(frame["apprentice_id"].map(names), frame[column], strict=True)
    cells = zip(*(frame[v] for v in values), strict=True)
    for (name, key), cell in zip(keys, cells, strict=True):
        i, j = row_of.get(name), col_of.get(key)
        if i is None or j is None or grids[0][i][j] is not None:
            continue
        for grid, value in zip(grids, cell, strict=True):
            grid[i][j] = None if pd.isna(value) else value
    return grids


def _z(grid: list) -> list:
    return [[float("nan") if v is None else float(v) for v in row] for row in grid]


def lf_heatmap(matrix: pd.DataFrame, names: dict) -> go.Figure:
    """Apprentices × Lernfelder: colour is the grade, the cell text the grade or the status."""
    codes = matrix.sort_values("sort_order")["code"].drop_duplicates().tolist()
    people = sorted({names[a] for a in matrix["apprentice_id"] if a in names})
    grade, status = _grid(matrix, names, "code", ["grade", "status"], people, codes)
    cell_text = [[_cell(g, st) for g, st in zip(grade_row, status_row, strict=True)]
                 for grade_row, status_row in zip(grade, status, strict=True)]
    fig = go.Figure(go.Heatmap(
        z=_z(grade), x=codes, y=[chart_text(p) for p in people], zmin=1, zmax=6, colorscale=_GRADE_SCALE,
        text=cell_text, texttemplate="%{text}", hovertemplate="%{y} · %{x}: %{text}<extra></extra>",
        colorbar=dict(title=texts.GRADE_AXIS, tickvals=[1, 2, 3, 4, 5, 6]), xgap=2, ygap=2,
    ))
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(height=max(240, 28 * len(people) + 80))
    return _german(fig, legend=False, height=None)


def _cell(grade, status) -> str:
    if grade is not None and pd.notna(grade):
        return str(int(grade))
    return {"laufend": "…", "abgeschlossen": "✓", "nicht_begonnen": "–"}.get(status, "")


def position_heatmap(ratings: pd.DataFrame, names: dict) -> go.Figure:
    """Apprentices × Berufsbildpositionen: the trainer's level 0..4."""
    numbers = ratings.sort_values("sort_order")["number"].drop_duplicates().tolist()
    people = sorted({names[a] for a in ratings["apprentice_id"] if a in names})
    (level,) = _grid(ratings, names, "number", ["level"], people, numbers)
    labels = [[texts.POSITION_LEVELS.get(int(v), "") if v is not None else "" for v in row] for row in level]
    fig = go.Figure(go.Heatmap(
        z=_z(level), x=numbers, y=[chart_text(p) for p in people], zmin=0, zmax=4, colorscale="Blues", text=labels,
        hovertemplate="%{y} · %{x}: %{text}<extra></extra>", xgap=2, ygap=2,
        colorbar=dict(tickvals=list(texts.POSITION_LEVELS), ticktext=list(texts.POSITION_LEVELS.values())),
    ))
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(height=max(240, 28 * len(people) + 80))
    return _german(fig, legend=False, height=None)


def timeline(rows: pd.DataFrame, start: date, end: date, today: date) -> go.Figure:
    """Gantt of the pair's plans between start and end, with a line for today.

    rows need the columns lane, kind_label, label, starts_on, ends_on, conflict. Built from plain horizontal bars
    on a date axis (what plotly express's timeline makes, at a fraction of its cost: it was half of a page run).
    """
    starts = pd.to_datetime(rows["starts_on"])
    durations = (pd.to_datetime(rows["ends_on"]) + pd.Timedelta(days=1) - starts)  # last day included
    colors = rows["kind_label"].where(rows["conflict"].isna(), "Konflikt")
    hints = rows["conflict"].astype(object).where(rows["conflict"].notna(), "")
    fig = go.Figure()
    for color in dict.fromkeys(colors):
        part = (colors == color).to_numpy()
        fig.add_trace(go.Bar(
            name=color, orientation="h", y=rows["lane"][part].map(chart_text),
            base=starts[part].dt.strftime("%Y-%m-%d"),
            x=durations[part].dt.total_seconds().to_numpy() * 1000, marker_color=_KIND_COLORS.get(color, CALM_BLUE),
            customdata=list(zip(rows["label"][part].map(chart_text), hints[part].map(chart_text), strict=True)),
            hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<extra></extra>"))
    fig.update_yaxes(autorange="reversed", title_text=None, type="category")
    fig.update_xaxes(type="date", tickformat="%d.%m.%Y", title_text=None, range=[start, end])
    fig.update_layout(
        barmode="overlay", height=max(260, 26 * rows["lane"].nunique() + 120), legend_title_text=None,
        shapes=[dict(type="line", xref="x", yref="paper", x0=today, x1=today, y0=0, y1=1,
                     line=dict(dash="dot", color="#1f2a30"))],
        annotations=[dict(xref="x", yref="paper", x=today, y=1, text=texts.TODAY, showarrow=False, yanchor="bottom")])
    return _german(fig, legend=True, height=None)


def history(events: pd.DataFrame) -> go.Figure:
    """Dots on a time axis, one lane per kind of event (grades, absences, Berichtsheft, notes, plans)."""
    shown = events.assign(day=pd.to_datetime(events["day"]), what=events["what"].map(chart_text),
                          who=events["who"].map(chart_text))
    fig = px.scatter(shown, x="day", y="kind", hover_name="what",
                     hover_data={"who": True, "day": False, "kind": False}, color="kind")
    fig.update_traces(marker=dict(size=9))
    fig.update_xaxes(tickformat="%d.%m.%Y", title_text=None)
    fig.update_yaxes(title_text=None)
    return _german(fig, legend=False, height=300)


# Leadership page ---------------------------------------------------------------------------------------------------
# Suppressed values (None/NaN from the database) are left out of every chart, never drawn as zero.

_GRADE_COLORS = ("#2e7d5b", "#7fb77e", "#c8d96f", "#f2c14e", "#e67e22", "#c0392b")


def leadership_bars(labels, values, *, percent: bool = False, reference: float | None = None,
                    reference_label: str | None = None, decimals: int = 0) -> go.Figure:
    """Horizontal bars of counts or rates per group; an optional dashed reference line (e.g. a national rate)."""
    frame = pd.DataFrame({"label": list(labels), "value": pd.to_numeric(pd.Series(list(values), dtype=object),
                                                                         errors="coerce")}).dropna()
    number = f",.{decimals}f"
    fig = go.Figure(go.Bar(x=frame["value"], y=frame["label"].map(chart_text), orientation="h", marker_color=CALM_BLUE,
                           hovertemplate=f"%{{y}}: %{{x:{number}}}{' %' if percent else ''}<extra></extra>"))
    fig.update_xaxes(title_text=texts.LEAD_AXIS_PERCENT if percent else texts.LEAD_AXIS_COUNT, tickformat=number,
                     rangemode="tozero")
    fig.update_yaxes(autorange="reversed", type="category")
    if reference is not None:
        fig.add_vline(x=reference, line_dash="dash", line_color="#c0392b",
                      annotation_text=reference_label or "", annotation_position="top")
        fig.update_xaxes(range=[0, max([reference * 1.15, *frame["value"].tolist()])])
    fig = _german(fig, height=max(220, 26 * len(frame) + 90))
    if reference is not None:
        fig.update_layout(margin=dict(l=10, r=10, t=30, b=10))  # room for the reference line's label
    return fig


def grade_distribution(rows: pd.DataFrame) -> go.Figure:
    """Stacked horizontal bars per Lernfeld: how many apprentices got grade 1..6 (Lernfelder with < 5 left out).

    rows need the columns label and grade_1 .. grade_6."""
    series = [(f"grade_{n}", f"{texts.GRADE_AXIS} {n}", color) for n, color in zip(range(1, 7), _GRADE_COLORS,
                                                                                  strict=True)]
    return stacked_bars(rows, series)


_SEVERITY_COLORS = {"hinweis": "#f2c14e", "warnung": "#e67e22", "kritisch": "#c0392b"}


def severity_bars(rows: pd.DataFrame) -> go.Figure:
    """Stacked horizontal bars per class: apprentices by the highest severity of their open flags (hidden classes
    left out). rows need the columns label, hinweis, warnung, kritisch."""
    return stacked_bars(rows, [(key, texts.LEAD_SEVERITY_LABELS[key], color)
                               for key, color in _SEVERITY_COLORS.items()])


def case_month_bars(rows: pd.DataFrame) -> go.Figure:
    """Cases opened and closed per month, side by side. rows need the columns label, opened, closed."""
    return stacked_bars(rows, [("opened", texts.LEAD_COL_OPENED, CALM_BLUE), ("closed", texts.LEAD_COL_CLOSED,
                                                                             "#7fa37a")],
                        horizontal=False, barmode="group")


def stacked_bars(rows: pd.DataFrame, series: list[tuple[str, str, str]], *, horizontal: bool = True,
                 barmode: str = "stack") -> go.Figure:
    """Bars of several counts per label (column, legend name, colour); rows whose first count is suppressed
    (NaN) are left out, never drawn as zero."""
    shown = rows.dropna(subset=[series[0][0]])
    fig = go.Figure()
    for column, name, color in series:
        labels_shown = shown["label"].map(chart_text)
        axes = dict(y=labels_shown, x=shown[column], orientation="h") if horizontal else dict(
            x=labels_shown, y=shown[column])
        hover = "%{y} · " + name + ": %{x:,d}" if horizontal else "%{x} · " + name + ": %{y:,d}"
        fig.add_trace(go.Bar(**axes, marker_color=color, name=name, hovertemplate=hover + "<extra></extra>"))
    fig.update_layout(barmode=barmode, legend_title_text=None, legend_orientation="h", legend_y=-0.15)
    counts, labels = (fig.update_xaxes, fig.update_yaxes) if horizontal else (fig.update_yaxes, fig.update_xaxes)
    counts(title_text=texts.LEAD_AXIS_COUNT, tickformat=",d", rangemode="tozero")
    labels(type="category")
    if horizontal:
        fig.update_yaxes(autorange="reversed")
    return _german(fig, legend=True, height=max(260, 24 * len(shown) + 120) if horizontal else 300)


def month_heatmap(rows: pd.DataFrame, value: str, *, decimals: int = 2, title: str | None = None) -> go.Figure:
    """Classes × months, colour and text the value; suppressed cells stay empty ("< 5" in the hover).

    rows need the columns class_name, label (the German month) and `value`."""
    months = list(dict.fromkeys(rows["label"]))
    classes = sorted(rows["class_name"].dropna().unique())
    grid = rows.pivot_table(index="class_name", columns="label", values=value, aggfunc="first", dropna=False)
    grid = grid.reindex(index=classes, columns=months)
    z = grid.to_numpy(dtype=float)
    text = [["" if pd.isna(v) else f"{v:,.{decimals}f}".replace(",", "X").replace(".", ",").replace("X", ".")
             for v in row] for row in z]
    hover = [[texts.SUPPRESSED if t == "" else t for t in row] for row in text]
    fig = go.Figure(go.Heatmap(z=z, x=months, y=[chart_text(c) for c in classes], colorscale="Blues", text=text,
                               texttemplate="%{text}", customdata=hover,
                               hovertemplate="%{y} · %{x}: %{customdata}<extra></extra>", xgap=2, ygap=2,
                               colorbar=dict(title=title or "")))
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(type="category")
    return _german(fig, height=max(240, 24 * len(classes) + 100))


def month_line(labels, values, *, title: str, percent: bool = False, decimals: int = 1,
               bars: bool = False) -> go.Figure:
    """One figure over the months of the school year (German month names on the axis); gaps where suppressed.
    bars=True for counts of events (whole numbers on the axis)."""
    number = f",.{decimals}f"
    y = pd.to_numeric(pd.Series(list(values), dtype=object), errors="coerce")
    hover = f"%{{x}}: %{{y:{number}}}{' %' if percent else ''}<extra></extra>"
    if bars:
        trace = go.Bar(x=list(labels), y=y, marker_color=CALM_BLUE, hovertemplate=hover)
    else:
        trace = go.Scatter(x=list(labels), y=y, mode="lines+markers", line=dict(color=CALM_BLUE), connectgaps=False,
                           hovertemplate=hover)
    fig = go.Figure(trace)
    fig.update_layout(title=dict(text=title, font=dict(size=14)))
    fig.update_xaxes(type="category")
    fig.update_yaxes(tickformat=number, rangemode="tozero", title_text=texts.LEAD_AXIS_PERCENT if percent else None)
    if bars:
        top = float(y.max()) if y.notna().any() else 0.0
        fig.update_yaxes(dtick=max(1, int(top // 5) + (top % 5 > 0)), range=[0, max(1.0, top * 1.15)])
    fig = _german(fig, height=260)
    fig.update_layout(margin=dict(l=10, r=10, t=40, b=10))
    return fig
