"""Docs that stay true: every file, folder and leokop module that README.md and docs/ name exists."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# decisions.md is a log: an old entry may name a file that a later decision renamed
DOCS = [ROOT / "README.md", *sorted(d for d in (ROOT / "docs").glob("*.md") if d.name != "decisions.md")]
# Transaction-local settings named leokop.<name> in the SQL and the code: names, not modules.
SETTINGS = {name for source in [*ROOT.glob("sql/*.sql"), *ROOT.glob("leokop/**/*.py")]
            for name in re.findall(r"'leokop\.(\w+)", source.read_text(encoding="utf-8"))}

# A path in backticks that starts at a top-level folder of the project (globs allowed), or a dotted leokop module.
_PATH = re.compile(r"`((?:leokop|pages|sql|tests|docs|\.ci|\.streamlit)/[\w./*{},-]*)`")
_MODULE = re.compile(r"`(leokop(?:\.\w+)+)")


def _named(doc: Path) -> tuple[set[str], set[str]]:
    text = doc.read_text(encoding="utf-8")
    return set(_PATH.findall(text)), set(_MODULE.findall(text))


def _exists(path: str) -> bool:
    if re.fullmatch(r"sql/\d{3}", path):  # a migration by its number
        return any(ROOT.glob(f"{path}_*.sql"))
    path = path.replace("NNN", "[0-9][0-9][0-9]")
    if "{" in path:  # e.g. tests/{db,pages}/: every alternative must exist
        head, rest = path.split("{", 1)
        options, tail = rest.split("}", 1)
        return all(_exists(head + option + tail) for option in options.split(","))
    if any(ROOT.glob(path.rstrip("/"))):
        return True
    module, _dot, name = path.rpartition(".")  # tests/pages/conftest.submit: a function of a module
    source = ROOT / f"{module}.py"
    defined = rf"^(def|class) {re.escape(name)}\b|^{re.escape(name)} ="
    return bool(module) and source.exists() and re.search(defined, source.read_text(), re.M) is not None


def _module_exists(dotted: str) -> bool:
    """leokop.a.b is a module, or an attribute (function, class) of the module leokop.a."""
    parts = dotted.split(".")
    if len(parts) == 2 and parts[1] in SETTINGS:
        return True
    for cut in range(len(parts), 1, -1):
        try:
            spec = importlib.util.find_spec(".".join(parts[:cut]))
        except ModuleNotFoundError:  # a parent is a module, not a package
            spec = None
        if spec is not None:
            if cut == len(parts):
                return True
            module = importlib.import_module(".".join(parts[:cut]))
            return hasattr(module, parts[cut])
    return False


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.name)
def test_every_named_path_exists(doc):
    paths, _modules = _named(doc)
    if doc.name == "README.md":
        assert len(paths) > 20, "the README names few project paths: the pattern no longer matches the docs"
    assert sorted(p for p in paths if not _exists(p)) == []


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.name)
def test_every_named_module_exists(doc):
    _paths, modules = _named(doc)
    assert sorted(m for m in modules if not _module_exists(m)) == []
