"""leokop.frames.records gives what DataFrame.to_dict("records") gives, for the column types the repos return."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

import pandas as pd

from leokop.frames import records


def test_records_equal_to_dict_records():
    frame = pd.DataFrame({
        "id": [uuid.uuid4(), uuid.uuid4()], "name": ["Ärztin", None], "n": [1, 2], "grade": [1.5, float("nan")],
        "day": [date(2026, 1, 2), None], "at": [datetime(2026, 1, 2, 3, tzinfo=UTC), None],
        "amount": [Decimal("1.5"), None], "flag": [True, False], "weeks": [[date(2026, 1, 5)], []]})
    mine, theirs = records(frame), frame.to_dict("records")
    assert [set(r) for r in mine] == [set(r) for r in theirs]
    for a, b in zip(mine, theirs, strict=True):
        for key in a:
            assert (pd.isna(a[key]) and pd.isna(b[key])) if not isinstance(a[key], list) and pd.isna(b[key]) \
                else a[key] == b[key], key
            assert type(a[key]) is type(b[key]), key


def test_records_of_an_empty_frame():
    assert records(pd.DataFrame(columns=["a", "b"])) == []
