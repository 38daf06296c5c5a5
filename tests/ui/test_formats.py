"""Every displayed timestamp is Berlin time: CET in winter (UTC+1), CEST in summer (UTC+2)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pandas as pd
import pytest

from leokop.formats import german_date, german_datetime, local_day


@pytest.mark.parametrize(("stored", "shown"), [
    (datetime(2026, 12, 2, 13, 5, tzinfo=UTC), "02.12.2026, 14:05"),  # winter
    (datetime(2026, 7, 1, 13, 5, tzinfo=UTC), "01.07.2026, 15:05"),  # summer
    (pd.Timestamp("2026-03-29 00:30", tz="UTC"), "29.03.2026, 01:30"),  # just before the spring change
    (pd.Timestamp("2026-03-29 01:30", tz="UTC"), "29.03.2026, 03:30"),  # just after it
    (datetime(2026, 12, 2, 13, 5), "02.12.2026, 14:05"),  # naive: taken as UTC, what the database stores
    (None, "–"),
    (pd.NaT, "–"),
])
def test_german_datetime(stored, shown):
    assert german_datetime(stored) == shown


def test_the_day_of_a_late_entry_is_the_berlin_day():
    new_year = pd.Timestamp("2026-12-31 23:30", tz="UTC")
    assert local_day(new_year) == date(2027, 1, 1)
    assert german_date(new_year) == "01.01.2027"
    assert german_date(pd.Timestamp("2026-07-31 22:30", tz="UTC")) == "01.08.2026"
    assert german_date(date(2026, 7, 31)) == "31.07.2026"
    assert german_date(None) == "–"


def test_plain_shows_user_text_literally_in_markdown():
    from leokop.formats import plain

    assert plain("[hier](http://x.example) *fett* :material/warning: $x$ #1 <b>") == (
        r"\[hier\](http://x.example) \*fett\* \:material/warning: \$x\$ \#1 \<b\>")
    assert plain("- eins\n2. zwei\n2026 war gut") == "\\- eins  \n2\\. zwei  \n2026 war gut"  # no lists
    assert plain("Gespräch am 12.05., 14:30 – QuABB-Beratung") == "Gespräch am 12.05., 14:30 – QuABB-Beratung"
    assert plain(None) == ""


def test_names_and_missing_values_never_show_nan_or_none():
    from leokop.formats import plain_or, text_or

    assert plain_or(float("nan")) == "–" and plain_or(None, "niemand") == "niemand" and plain_or("  ") == "–"
    assert plain_or("Müller_Lüdenscheidt *x*") == r"Müller\_Lüdenscheidt \*x\*"
    assert text_or(pd.NaT) == "–" and text_or("Anna *B*") == "Anna *B*"


def test_chart_text_keeps_plotly_from_reading_html():
    from leokop.formats import chart_text

    assert chart_text('<a href="x">Anna</a> & <b>B</b>') == (
        '&lt;a href="x"&gt;Anna&lt;/a&gt; &amp; &lt;b&gt;B&lt;/b&gt;')
    assert chart_text(None) == ""
