"""Plotly chart builders with German number formats."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from leokop.ui import texts

CALM_BLUE = "#3b6e8f"


def _german(fig: go.Figure, *, legend: bool = False, height: int | None = 260) -> go.Figure:
    """German number format (1.234,5), calm white background."""
    fig.update_layout(separators=",.", margin=dict(l=10, r=10, t=10, b=10), plot_bgcolor="white",
                      showlegend=legend)
    if height:
        fig.update_layout(height=height)
    return fig


def count_bars(rows: pd.DataFrame) -> go.Figure:
    """Horizontal bars of counts; suppressed groups (< 5) are left out of the bars, never drawn as zero."""
    shown = rows.dropna(subset=["apprentices"])
    fig = go.Figure(go.Bar(x=shown["apprentices"], y=shown["label"], orientation="h", marker_color=CALM_BLUE,
                           hovertemplate="%{y}: %{x:,d}<extra></extra>"))
    fig.update_xaxes(title_text=texts.COUNT, tickformat=",d")
    fig.update_yaxes(autorange="reversed")
    return _german(fig)


# Grades 1 (best) .. 6: green to red; status cells without a grade stay neutral.
_GRADE_SCALE = [[0.0, "#2e7d5b"], [0.4, "#a8c686"], [0.6, "#f2c14e"], [1.0, "#c0392b"]]
_KIND_COLORS = {
    "Schulblock": "#3b6e8f", "Prüfung": "#8e44ad", "Ausbildungsabschnitt": "#7fa37a", "Ende Probezeit": "#e67e22",
    "Gemeinsamer Termin": "#16a085", "Schulferien": "#c8ccd0", "Konflikt": "#c0392b",
}


def lf_heatmap(matrix: pd.DataFrame, names: dict) -> go.Figure:
    """Apprentices × Lernfelder: colour is the grade, the cell text the grade or the status."""
    codes = matrix.sort_values("sort_order")["code"].drop_duplicates().tolist()
    people = sorted({names[a] for a in matrix["apprentice_id"] if a in names})
    grade = matrix.assign(name=matrix["apprentice_id"].map(names)).pivot_table(
        index="name", columns="code", values="grade", aggfunc="first").reindex(index=people, columns=codes)
    status = matrix.assign(name=matrix["apprentice_id"].map(names)).pivot_table(
        index="name", columns="code", values="status", aggfunc="first").reindex(index=people, columns=codes)
    cell_text = [[_cell(grade.iat[i, j], status.iat[i, j]) for j in range(len(codes))] for i in range(len(people))]
    fig = go.Figure(go.Heatmap(
        z=grade.to_numpy(dtype=float), x=codes, y=people, zmin=1, zmax=6, colorscale=_GRADE_SCALE,
        text=cell_text, texttemplate="%{text}", hovertemplate="%{y} · %{x}: %{text}<extra></extra>",
        colorbar=dict(title=texts.GRADE_AXIS, tickvals=[1, 2, 3, 4, 5, 6]), xgap=2, ygap=2,
    ))
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(height=max(240, 28 * len(people) + 80))
    return _german(fig, legend=False, height=None)


def _cell(grade, status) -> str:
    if pd.notna(grade):
        return str(int(grade))
    return {"laufend": "…", "abgeschlossen": "✓", "nicht_begonnen": "–"}.get(status, "")


def position_heatmap(ratings: pd.DataFrame, names: dict) -> go.Figure:
    """Apprentices × Berufsbildpositionen: the trainer's level 0..4."""
    numbers = ratings.sort_values("sort_order")["number"].drop_duplicates().tolist()
    people = sorted({names[a] for a in ratings["apprentice_id"] if a in names})
    level = ratings.assign(name=ratings["apprentice_id"].map(names)).pivot_table(
        index="name", columns="number", values="level", aggfunc="first").reindex(index=people, columns=numbers)
    labels = [[texts.POSITION_LEVELS.get(int(v), "") if pd.notna(v) else "" for v in row] for row in level.to_numpy()]
    fig = go.Figure(go.Heatmap(
        z=level.to_numpy(dtype=float), x=numbers, y=people, zmin=0, zmax=4, colorscale="Blues", text=labels,
        hovertemplate="%{y} · %{x}: %{text}<extra></extra>", xgap=2, ygap=2,
        colorbar=dict(tickvals=list(texts.POSITION_LEVELS), ticktext=list(texts.POSITION_LEVELS.values())),
    ))
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(height=max(240, 28 * len(people) + 80))
    return _german(fig, legend=False, height=None)


def timeline(rows: pd.DataFrame, start: date, end: date, today: date) -> go.Figure:
    """Gantt of the pair's plans between start and end, with a line for today.

    rows need the columns lane, kind_label, label, starts_on, ends_on, conflict.
    """
    frame = rows.assign(
        start=pd.to_datetime(rows["starts_on"]),
        finish=pd.to_datetime(rows["ends_on"]) + pd.Timedelta(days=1),  # last day included
        color=rows["kind_label"].where(rows["conflict"].isna(), "Konflikt"),
        hint=rows["conflict"].fillna(""),
    )
    fig = px.timeline(frame, x_start="start", x_end="finish", y="lane", color="color", hover_name="label",
                      hover_data={"hint": True, "lane": False, "color": False, "start": False, "finish": False},
                      color_discrete_map=_KIND_COLORS)
    fig.update_yaxes(autorange="reversed", title_text=None)
    fig.update_xaxes(tickformat="%d.%m.%Y", title_text=None, range=[start, end])
    fig.add_vline(x=pd.Timestamp(today).timestamp() * 1000, line_dash="dot", line_color="#1f2a30",
                  annotation_text=texts.TODAY, annotation_position="top")
    fig.update_layout(height=max(260, 26 * frame["lane"].nunique() + 120), legend_title_text=None)
    return _german(fig, legend=True, height=None)


def history(events: pd.DataFrame) -> go.Figure:
    """Dots on a time axis, one lane per kind of event (grades, absences, Berichtsheft, notes, plans)."""
    fig = px.scatter(events.assign(day=pd.to_datetime(events["day"])), x="day", y="kind", hover_name="what",
                     hover_data={"who": True, "day": False, "kind": False}, color="kind")
    fig.update_traces(marker=dict(size=9))
    fig.update_xaxes(tickformat="%d.%m.%Y", title_text=None)
    fig.update_yaxes(title_text=None)
    return _german(fig, legend=False, height=300)
