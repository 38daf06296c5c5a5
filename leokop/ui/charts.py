"""Plotly chart builders with German number formats."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from leokop.ui import texts

CALM_BLUE = "#3b6e8f"


def _german(fig: go.Figure) -> go.Figure:
    fig.update_layout(separators=",.", margin=dict(l=10, r=10, t=10, b=10), height=260,
                      plot_bgcolor="white", showlegend=False)
    return fig


def count_bars(rows: pd.DataFrame) -> go.Figure:
    """Horizontal bars of counts; suppressed groups (< 5) are left out of the bars, never drawn as zero."""
    shown = rows.dropna(subset=["apprentices"])
    fig = go.Figure(go.Bar(x=shown["apprentices"], y=shown["label"], orientation="h", marker_color=CALM_BLUE,
                           hovertemplate="%{y}: %{x:,d}<extra></extra>"))
    fig.update_xaxes(title_text=texts.COUNT, tickformat=",d")
    fig.update_yaxes(autorange="reversed")
    return _german(fig)
