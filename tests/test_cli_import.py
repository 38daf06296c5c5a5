"""`python -m leokop import`: a real import and its re-import, the dry run, wrong schools and profiles, and generated
bad files, each of which ends in one German `leokop: ...` line (exit code 2) or in refused rows, never in a
traceback, and changes no row."""

from __future__ import annotations

from datetime import datetime

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leokop import clock
from leokop.__main__ import main
from leokop.scale.import_sample import HEADER, sample_csv
from tests.db.test_imports import remove_imported

_TABLES = ("apprentices", "classes", "companies", "cooperations", "trainer_contacts", "import_profiles")


def _counts(owner_url: str) -> dict[str, int]:
    with psycopg.connect(owner_url) as conn:
        return {t: conn.execute(f"select count(*) from public.{t}").fetchone()[0] for t in _TABLES}


def _now(owner_url: str) -> datetime:
    with psycopg.connect(owner_url) as conn:
        return conn.execute("select now()").fetchone()[0]


def test_import_then_the_same_file_again(owner_url, tmp_path, capsys):
    path = tmp_path / "lusd.csv"
    path.write_bytes(sample_csv(30, today=clock.today(), prefix="CLI"))
    since, before = _now(owner_url), _counts(owner_url)
    try:
        assert main(["import", str(path), "--school", "Lahntal-Schule Gießen", "--dry-run"]) == 0
        out = capsys.readouterr().out
        assert "CSV (Windows-1252, Semikolon), 30 rows, for Lahntal-Schule Gießen" in out
        assert "dry run, nothing written" in out and _counts(owner_url) == before
        assert main(["import", str(path), "--school", "9402"]) == 0
        out = capsys.readouterr().out
        assert "apprentices       30 created      0 updated      0 unchanged" in out
        assert _counts(owner_url)["apprentices"] == before["apprentices"] + 30
        with psycopg.connect(owner_url) as conn:
            assert conn.execute("select actor_role from audit_log where action = 'import' order by id desc limit 1"
                                ).fetchone()[0] == "kommandozeile"
        assert main(["import", str(path), "--school", "9402"]) == 0
        assert "apprentices        0 created      0 updated     30 unchanged" in capsys.readouterr().out
    finally:
        remove_imported(owner_url, since)


@pytest.mark.parametrize(("args", "message"), [
    (["--school", "Keine Schule"], "leokop: Schule „Keine Schule“ gibt es nicht"),
    (["--school", "9401", "--profile", "Fehlt"], "leokop: Das Importprofil „Fehlt“ gibt es für"),
])
def test_wrong_school_or_profile(owner_url, tmp_path, capsys, args, message):
    path = tmp_path / "x.csv"
    path.write_bytes(sample_csv(2, today=clock.today()))
    assert main(["import", str(path), *args]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(message)


def test_missing_file(owner_url, tmp_path, capsys):
    assert main(["import", str(tmp_path / "nope.csv"), "--school", "9401"]) == 2
    assert capsys.readouterr().err.startswith("leokop: Die Datei ")


# Bad files: bytes, text, CSV with known headers and wrong values (dates, postcodes, formulas, a BOM, ragged rows).
_CELL = st.text(st.characters(codec="utf-8", exclude_characters="\r\n"), max_size=12) | st.sampled_from(
    ["31.02.2026", "2026-13-01", "=SUM(A1)", "@x", "\ufeff", "12.12.12", "D-6031", "x@", ""])
_SEPARATOR = st.sampled_from([";", ",", "\t", "|"])


@st.composite
def _csv_like(draw) -> bytes:
    separator = draw(_SEPARATOR)
    header = draw(st.lists(st.sampled_from(HEADER), min_size=1, max_size=8, unique=True))
    rows = draw(st.lists(st.lists(_CELL, min_size=0, max_size=len(header) + 2), max_size=6))
    text = "\n".join(separator.join(r) for r in [header, *rows])
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
    return text.encode(encoding, errors="replace")


_BAD_FILES = (st.binary(max_size=3_000) | st.text(max_size=2_000).map(str.encode) | _csv_like()
              | st.just(b"PK\x03\x04" + b"\x00" * 200) | st.just(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=_BAD_FILES)
def test_bad_files_end_in_one_german_line_or_refused_rows_and_change_nothing(owner_url, tmp_path, capsys, content):
    path = tmp_path / "generated.csv"
    path.write_bytes(content)
    before, since = _counts(owner_url), _now(owner_url)
    try:
        code = main(["import", str(path), "--school", "9401"])
        captured = capsys.readouterr()
        if code == 2:
            err = captured.err.strip().splitlines()
            assert len(err) == 1 and err[0].startswith("leokop: ") and len(err[0]) > 20, err
        else:
            assert code == 0 and captured.err == "" and "row(s) refused" in captured.out
        assert _counts(owner_url) == before
    finally:
        remove_imported(owner_url, since)
