"""Values as German users read them: dates and times in Europe/Berlin ("02.12.2026, 14:05"), and user text shown
literally where Streamlit renders Markdown (`plain`).

The database stores timestamps in UTC (timestamptz); every timestamp the UI shows goes through this module, so
that no page shows UTC and the calendar day of a late-evening entry is the Berlin one.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from numbers import Integral

import pandas as pd

from leokop.clock import BERLIN


def _in_berlin(moment: datetime) -> datetime:
    """The moment in Berlin time; a naive value is taken as UTC (what the database stores)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(BERLIN)


def is_missing(value) -> bool:
    """None, or pandas' NaT/NaN for an empty cell."""
    return value is None or bool(pd.isna(value))


def german_date(value: date | None) -> str:
    """A calendar day as "02.12.2026"; a timestamp is first converted to its Berlin day."""
    if is_missing(value):
        return "–"
    return local_day(value).strftime("%d.%m.%Y") if isinstance(value, datetime) else value.strftime("%d.%m.%Y")


def german_datetime(moment: datetime | None) -> str:
    """A stored timestamp as Berlin time, "02.12.2026, 14:05"."""
    return "–" if is_missing(moment) else _in_berlin(moment).strftime("%d.%m.%Y, %H:%M")


def local_day(moment: datetime) -> date:
    """The Berlin calendar day of a stored timestamp."""
    return _in_berlin(moment).date()


# Characters that make Streamlit's Markdown format, link, embed an icon or a formula. User text is shown as typed:
# a comment like "[hier](http://…)" or ":material/warning:" must not become a link or an icon in another user's
# browser. Ordinary punctuation (".", "-", ",") stays as it is, so that the source still reads as the text.
_MARKDOWN_ACTIVE = re.compile(r"([\\`*_\[\]#$<>|~]|:(?=[A-Za-z]))")
_LIST_START = re.compile(r"^(\s*)(?:([-+])(?=\s)|(\d+)(?=[.)]\s))", re.MULTILINE)


def _unlisted(match: re.Match) -> str:
    """A line that would start a list: "- x" -> "\\- x", "2. x" -> "2\\. x"."""
    indent, bullet, number = match.groups()
    return f"{indent}\\{bullet}" if bullet else f"{indent}{number}\\"


def plain(text: str | None) -> str:
    """User text for st.markdown (and labels that render Markdown): shown literally, line breaks kept."""
    if text is None or is_missing(text):
        return ""
    escaped = _MARKDOWN_ACTIVE.sub(r"\\\1", str(text))
    escaped = _LIST_START.sub(_unlisted, escaped)
    return escaped.replace("\n", "  \n")


def plain_or(value, missing: str = "–") -> str:
    """A name or other user text for Markdown, shown literally; `missing` for None, NaN or an empty text (pandas
    gives NaN for an empty cell, which must never be shown as "nan")."""
    if value is None or is_missing(value) or not str(value).strip():
        return missing
    return plain(value)


def text_or(value, missing: str = "–") -> str:
    """The same for places that show text literally anyway (tables, selectbox options): no "nan", "None" or ""."""
    if value is None or is_missing(value) or not str(value).strip():
        return missing
    return str(value)


def chart_text(value) -> str:
    """User text inside a plotly chart (axis labels, hover, cell text): plotly reads a subset of HTML there (<b>,
    <a href>, <br>), so "<" and "&" become entities and the text is shown as typed."""
    if value is None or is_missing(value):
        return ""
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def german_number(value, decimals: int | None = None, *, thousands: bool = False) -> str:
    """1234.5 -> "1234,5" (or "1.234,5" with thousands); integers without decimals."""
    if isinstance(value, Integral) and not isinstance(value, bool):
        text = f"{int(value):,}" if thousands else str(int(value))
        return text.replace(",", ".")
    number = float(value)
    if decimals is None:
        text = repr(number) if not number.is_integer() else f"{number:.1f}"
    else:
        text = f"{number:.{decimals}f}"
    head, _, tail = text.partition(".")
    if thousands:
        sign, digits = ("-", head[1:]) if head.startswith("-") else ("", head)
        head = sign + f"{int(digits):,}".replace(",", ".")
    return head + ("," + tail if tail else "")
