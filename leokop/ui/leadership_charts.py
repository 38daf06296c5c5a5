"""DRAFT: appended to the end of leokop/ui/charts.py when the work is done (everything above the marker is dropped)."""
import types

import pandas as pd
import plotly.graph_objects as go

from leokop.ui import leadership_texts as _lt
from leokop.ui import texts as _t
from leokop.ui.charts import CALM_BLUE, _german

texts = types.SimpleNamespace(**{k: v for k, v in vars(_t).items() if k.isupper()},
                              **{k: v for k, v in vars(_lt).items() if k.isupper()})
# --- end of draft header ---

# Leadership page ---------------------------------------------------------------------------------------------------
# Suppressed values (None/NaN from the database) are left out of every chart, never drawn as zero.

_GRADE_COLORS = ("#2e7d5b", "#7fb77e", "#c8d96f", "#f2c14e", "#e67e22", "#c0392b")


def leadership_bars(labels, values, *, percent: bool = False, reference: float | None = None,
                    reference_label: str | None = None, decimals: int = 0) -> go.Figure:
    """Horizontal bars of counts or rates per group; an optional dashed reference line (e.g. a national rate)."""
    frame = pd.DataFrame({"label": list(labels), "value": pd.to_numeric(pd.Series(list(values), dtype=object),
                                                                         errors="coerce")}).dropna()
    number = f",.{decimals}f"
    fig = go.Figure(go.Bar(x=frame["value"], y=frame["label"], orientation="h", marker_color=CALM_BLUE,
                           hovertemplate=f"%{{y}}: %{{x:{number}}}{' %' if percent else ''}<extra></extra>"))
    fig.update_xaxes(title_text=texts.LEAD_AXIS_PERCENT if percent else texts.LEAD_AXIS_COUNT, tickformat=number,
                     rangemode="tozero")
    fig.update_yaxes(autorange="reversed", type="category")
    if reference is not None:
        fig.add_vline(x=reference, line_dash="dash", line_color="#c0392b",
                      annotation_text=reference_label or "", annotation_position="top")
        fig.update_xaxes(range=[0, max([reference * 1.15, *frame["value"].tolist()])])
    return _german(fig, height=max(220, 26 * len(frame) + 90))


def grade_distribution(rows: pd.DataFrame) -> go.Figure:
    """Stacked horizontal bars per Lernfeld: how many apprentices got grade 1..6 (Lernfelder with < 5 left out).

    rows need the columns label and grade_1 .. grade_6."""
    shown = rows.dropna(subset=["grade_1"])
    fig = go.Figure()
    for n, color in zip(range(1, 7), _GRADE_COLORS, strict=True):
        fig.add_trace(go.Bar(y=shown["label"], x=shown[f"grade_{n}"], orientation="h", marker_color=color,
                             name=f"{texts.GRADE_AXIS} {n}",
                             hovertemplate=f"%{{y}} · {texts.GRADE_AXIS} {n}: %{{x:,d}}<extra></extra>"))
    fig.update_layout(barmode="stack", legend_title_text=None, legend_orientation="h", legend_y=-0.15)
    fig.update_xaxes(title_text=texts.LEAD_AXIS_COUNT, tickformat=",d")
    fig.update_yaxes(autorange="reversed", type="category")
    return _german(fig, legend=True, height=max(260, 24 * len(shown) + 120))


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
    fig = go.Figure(go.Heatmap(z=z, x=months, y=classes, colorscale="Blues", text=text, texttemplate="%{text}",
                               customdata=hover, hovertemplate="%{y} · %{x}: %{customdata}<extra></extra>",
                               xgap=2, ygap=2, colorbar=dict(title=title or "")))
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(type="category")
    return _german(fig, height=max(240, 24 * len(classes) + 100))


def month_line(labels, values, *, title: str, percent: bool = False, decimals: int = 1) -> go.Figure:
    """One figure over the months of the school year (German month names on the axis); gaps where suppressed."""
    number = f",.{decimals}f"
    fig = go.Figure(go.Scatter(x=list(labels), y=pd.to_numeric(pd.Series(list(values), dtype=object),
                                                               errors="coerce"),
                               mode="lines+markers", line=dict(color=CALM_BLUE), connectgaps=False,
                               hovertemplate=f"%{{x}}: %{{y:{number}}}{' %' if percent else ''}<extra></extra>"))
    fig.update_layout(title=dict(text=title, font=dict(size=14)), margin=dict(t=40))
    fig.update_xaxes(type="category")
    fig.update_yaxes(tickformat=number, rangemode="tozero", title_text=texts.LEAD_AXIS_PERCENT if percent else None)
    fig = _german(fig, height=260)
    fig.update_layout(margin=dict(l=10, r=10, t=40, b=10))
    return fig
