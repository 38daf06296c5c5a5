"""Commands that read a file, fed generated files: each ends in one `leokop: ...` line and exit code 2, never a
traceback, and (restore) changes nothing."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leokop.__main__ import main

# What a hand-edited, truncated or wrong file can hold: bytes, text with control and right-to-left characters,
# JSON of the wrong shape, and benchmark-like JSON with wrong values.
_TEXT = st.text(st.characters(codec="utf-8"), max_size=2_000)
_JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | _TEXT,
                            lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
                            max_leaves=12)
_WRONG_FIGURES = st.fixed_dictionaries({"figures": st.dictionaries(
    _TEXT, st.fixed_dictionaries({"median_ms": _TEXT | st.lists(st.integers(), max_size=2)}), min_size=1)})
_BASELINES = (st.binary(max_size=4_000)
              | _TEXT.map(str.encode)
              | _JSON_VALUES.filter(lambda v: not isinstance(v, dict) or not isinstance(v.get("figures"), dict))
              .map(lambda v: json.dumps(v).encode())
              | _WRONG_FIGURES.map(lambda v: json.dumps(v).encode())
              | st.just(b"\x00" * 100_000)
              | st.just(("=cmd|' /C calc'!A0" + "\u202e" * 10).encode()))

BASELINE_INPUTS = 60


@settings(max_examples=BASELINE_INPUTS, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=_BASELINES)
def test_bench_refuses_a_wrong_baseline_before_measuring(tmp_path, capsys, content):
    path = tmp_path / "baseline.json"
    path.write_bytes(content)
    # a database name that cannot exist: a baseline that got past the check would fail later, differently
    assert main(["bench", "--scale", "demo", "--database", "leokop_no_such_db", "--baseline", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"leokop: --baseline {path}: not a benchmark JSON"), err


def test_bench_refuses_a_missing_baseline(tmp_path, capsys):
    missing = tmp_path / "nope.json"
    assert main(["bench", "--scale", "demo", "--baseline", str(missing)]) == 2
    assert capsys.readouterr().err.strip() == (f"leokop: --baseline {missing}: not a benchmark JSON written by --json"
                                               " (FileNotFoundError).")
