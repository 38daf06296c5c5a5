"""The layer contract (pyproject.toml, [tool.importlinter]): every module of leokop imports only from the layers
below its own (docs/architecture.md), checked by import-linter; a wrong import fails with the rule's name."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
LINT = [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command; "
        "sys.exit(lint_imports_command())"]


def _lint(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(LINT, cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(cwd)})


def test_the_layers_point_down():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "1 kept, 0 broken" in result.stdout


def test_an_upward_import_breaks_the_contract(tmp_path):
    """The repo importing the UI (upward) fails, and the message names the layers."""
    shutil.copytree(ROOT / "leokop", tmp_path / "leokop", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    query = tmp_path / "leokop" / "repo" / "_query.py"
    query.write_text(query.read_text(encoding="utf-8") + "\nfrom leokop.ui import widgets  # noqa\n",
                     encoding="utf-8")
    result = _lint(tmp_path)
    assert result.returncode != 0
    assert "leokop.repo is not allowed to import leokop.ui" in result.stdout, result.stdout[-3000:]
