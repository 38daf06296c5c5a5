"""Commands that read a file, fed generated files: each ends in one `leokop: ...` line and exit code 2, never a
traceback, and (restore) changes nothing: neither an empty target nor, with --replace, one with data. Only a backup
without leokop's checksum line, restored with --no-checksum, may still restore with flipped bits (pg_dump's archive
has no checksum of its own); it never ends in a traceback either."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator

import psycopg
import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from leokop.__main__ import main
from leokop.db.backup import CHECKSUM_LENGTH
from tests.conftest import TEST_DATABASE, recreate_database, seeded_database, server_url

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


# --- db restore --------------------------------------------------------------------------------------------------

# Targets: an empty database (where a wrongly accepted file would restore, so acceptance shows) and, for --replace,
# a seeded database that holds one school and one audit entry more than the backup (a wrongly accepted file would
# drop and replace them). Every input must be refused in one line and leave both exactly as they were.
_EMPTY, _FULL = f"{TEST_DATABASE}_files_empty", f"{TEST_DATABASE}_files_full"


class RestoreTargets:
    """A real backup of _FULL, taken before its extra school and audit entry, and the two targets' URLs."""

    def __init__(self, dump: bytes, empty: str, full: str) -> None:
        self.dump, self.empty, self.full = dump, empty, full

    def __repr__(self) -> str:  # a failing example's report without the megabyte of the backup
        return f"RestoreTargets(<backup of {len(self.dump)} bytes>, {self.empty!r}, {self.full!r})"


def _drop(name: str) -> None:
    with psycopg.connect(server_url("postgres"), autocommit=True) as conn:
        conn.execute(f'drop database if exists "{name}" with (force)')


@pytest.fixture(scope="module")
def restore_targets(tmp_path_factory) -> Iterator[RestoreTargets]:
    dump = tmp_path_factory.mktemp("restore") / "leokop.dump"
    with seeded_database("files_full") as full:
        with pytest.MonkeyPatch.context() as env:
            env.setenv("DATABASE_URL", full)
            assert main(["db", "backup", str(dump)]) == 0
        with psycopg.connect(full) as conn:
            conn.execute("insert into public.schools (name, school_number, city)"
                         " values ('Nach der Sicherung', '9998', 'Fulda')")
            conn.execute("insert into public.audit_log (actor_role, action, table_name)"
                         " values ('kommandozeile', 'view', 'schools')")
        try:
            yield RestoreTargets(dump.read_bytes(), recreate_database(_EMPTY), full)
        finally:
            _drop(_EMPTY)


def _state(url: str) -> dict[str, object]:
    """The schemas, the row count of every table in them (audit_log among them) and the large objects."""
    with psycopg.connect(url) as conn:
        schemas = [row[0] for row in conn.execute(
            "select nspname from pg_namespace where nspname !~ '^pg_' and nspname <> 'information_schema' order by 1")]
        tables = [row[0] for row in conn.execute(
            "select format('%%I.%%I', n.nspname, c.relname) from pg_class c"
            " join pg_namespace n on n.oid = c.relnamespace"
            " where c.relkind in ('r', 'p') and n.nspname = any(%s) order by 1", (schemas,))]
        state: dict[str, object] = {"schemas": schemas}
        state.update({t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in tables})
        state["large objects"] = conn.execute("select count(*) from pg_largeobject_metadata").fetchone()[0]
    return state


# control characters, right-to-left marks and overrides, emoji (with joiners and variation selectors), line separators
_ODD = st.sampled_from(["\x00", "\x1b[2J", "\x7f", "\r", "\u0085", "\u2028", "\u202e", "\u200f", "\u05d0",
                        "\u0627", "\U0001f5c4\ufe0f", "\U0001f469\u200d\U0001f4bb", "\U0001f4a5"])
_ODD_TEXT = st.lists(_ODD | st.characters(codec="utf-8"), max_size=500).map("".join)
_AT = st.integers(0, 2**20 - 1)  # where in the real backup, in 2**-20 of its length
_NO_CHECKSUM = ", --no-checksum"  # a kind ending in it is restored with --no-checksum: straight to pg_restore
_NO_BACKUP = st.tuples(st.sampled_from(["", _NO_CHECKSUM]), st.one_of(
    st.tuples(st.just("random bytes"), st.binary(max_size=4_000)),
    st.tuples(st.just("odd text"), _ODD_TEXT.map(str.encode)),
    st.tuples(st.just("archive magic, random rest"), st.binary(max_size=2_000).map(lambda b: b"PGDMP" + b)),
)).map(lambda option_recipe: (option_recipe[1][0] + option_recipe[0], option_recipe[1][1]))
# the real backup up to a point (anywhere, in its second half, where the rows are, or in its last 4 kB), then nothing
# or random bytes
_CUT = st.tuples(_AT | st.integers(2**19, 2**20 - 1) | st.integers(1, 4_096).map(lambda n: -n),
                 st.just(b"") | st.binary(min_size=1, max_size=2_000))
_FLIPS = st.lists(st.tuples(_AT, st.integers(0, 7)), min_size=1, max_size=3)  # (where, which bit)
_DAMAGED_BACKUP = st.one_of(
    st.tuples(st.just("cut backup"), _CUT),
    st.tuples(st.just("backup with flipped bits"), _FLIPS),
    # a backup without the checksum line (as an older leokop wrote them), cut: refused by pg_restore's checks
    st.tuples(st.just("cut backup" + _NO_CHECKSUM), _CUT),
)
NO_BACKUP_INPUTS = 10  # generated, besides the 8 fixed ones
DAMAGED_INPUTS = 20  # generated, besides the 2 fixed ones


def _write(path, kind: str, value, dump: bytes) -> None:
    """The input of kind at path (a folder, or nothing for a missing file)."""
    shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)
    if isinstance(value, bytes):
        path.write_bytes(value)
    elif kind in ("cut backup", "cut backup" + _NO_CHECKSUM):
        archive = dump if kind == "cut backup" else dump[:-CHECKSUM_LENGTH]
        at, rest = value
        path.write_bytes(archive[:at if at < 0 else at * len(archive) // 2**20] + rest)
    elif kind == "backup with flipped bits":
        path.write_bytes(_flipped(dump, value))
    elif kind.startswith("folder"):
        path.mkdir()


def _flipped(data: bytes, flips) -> bytes:
    """data with the bits flipped, each once (the same bit twice would give back the backup)."""
    changed = bytearray(data)
    for byte, bit in {(at * len(data) // 2**20, bit) for at, bit in flips}:
        changed[byte] ^= 1 << bit
    return bytes(changed)


def _refused_and_nothing_changed(targets: RestoreTargets, tmp_path, monkeypatch, capsys, recipe, replace) -> None:
    """`db restore [--replace] FILE` ends in one `leokop: ...` line and exit code 2; the target is unchanged."""
    kind, value = recipe
    event(kind)
    path = tmp_path / "generated.dump"
    _write(path, kind, value, targets.dump)
    url = targets.full if replace else targets.empty
    monkeypatch.setenv("DATABASE_URL", url)
    before = _state(url)
    options = (["--replace"] if replace else []) + (["--no-checksum"] if kind.endswith(_NO_CHECKSUM) else [])
    code = main(["db", "restore", *options, str(path)])
    captured = capsys.readouterr()
    err = captured.err.strip().splitlines()
    assert code == 2 and len(err) == 1 and err[0].startswith("leokop: "), (code, captured)
    assert _state(url) == before
    event("refused: " + next((why for text, why in _REFUSALS if text in err[0]), "other"))


_REFUSALS = [("does not end in the checksum line", "no checksum line"), ("does not match the checksum", "checksum"),
             ("is not a backup made by", "no archive (pg_restore --list)"),
             ("Nothing was restored", "damaged (pg_restore)"), ("rolled back", "rolled back (psql)"),
             ("is a folder", "folder"), ("does not exist", "missing")]


def _on_both_targets(*recipes):
    """Each recipe as a fixed example: on the empty target, and with --replace --no-checksum on the one with data."""
    def decorate(test):
        for kind, value in recipes:
            test = example(recipe=(kind, value), replace=False)(test)
            test = example(recipe=(kind + _NO_CHECKSUM, value), replace=True)(test)
        return test
    return decorate


@_on_both_targets(("empty file", b""), ("100,000 NUL bytes", b"\x00" * 100_000), ("folder", None),
                  ("missing file", None))
@settings(max_examples=NO_BACKUP_INPUTS, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(recipe=_NO_BACKUP, replace=st.booleans())
def test_restore_refuses_a_file_that_is_no_backup(restore_targets, tmp_path, monkeypatch, capsys, recipe, replace):
    _refused_and_nothing_changed(restore_targets, tmp_path, monkeypatch, capsys, recipe, replace)


# the table of contents whole, the last rows cut off: pg_restore fails in the middle of the restore's transaction,
# after (with --replace) the app's schemas were dropped in it
@example(recipe=("cut backup" + _NO_CHECKSUM, (-64, b"")), replace=False)
@example(recipe=("cut backup" + _NO_CHECKSUM, (-64, b"")), replace=True)
@settings(max_examples=DAMAGED_INPUTS, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(recipe=_DAMAGED_BACKUP, replace=st.booleans())
def test_restore_refuses_a_damaged_backup(restore_targets, tmp_path, monkeypatch, capsys, recipe, replace):
    _refused_and_nothing_changed(restore_targets, tmp_path, monkeypatch, capsys, recipe, replace)


FLIPPED_INPUTS = 8


@settings(max_examples=FLIPPED_INPUTS, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(flips=_FLIPS)
def test_restore_with_no_checksum_of_a_backup_with_flipped_bits_never_ends_in_a_traceback(
        restore_targets, tmp_path, monkeypatch, capsys, flips):
    """Without the checksum (a backup of an older leokop, --no-checksum) a flipped bit in a name, a function's body
    or a value of the right type restores. Every other one is refused in one line and changes nothing, also when it
    makes pg_restore crash or puts bytes that are no UTF-8 into the SQL."""
    path = tmp_path / "flipped.dump"
    path.write_bytes(_flipped(restore_targets.dump[:-CHECKSUM_LENGTH], flips))
    monkeypatch.setenv("DATABASE_URL", restore_targets.empty)
    before = _state(restore_targets.empty)
    code = main(["db", "restore", "--no-checksum", str(path)])
    captured = capsys.readouterr()
    if code == 0:
        event("restored")
        assert captured.err == "" and f"restored {path} " in captured.out
        recreate_database(_EMPTY)
    else:
        err = captured.err.strip().splitlines()
        assert code == 2 and len(err) == 1 and err[0].startswith("leokop: "), (code, captured)
        assert _state(restore_targets.empty) == before
        event("refused: " + next((why for text, why in _REFUSALS if text in err[0]), "other"))
