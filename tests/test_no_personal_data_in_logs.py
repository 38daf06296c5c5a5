"""No personal data in logs or error messages: log calls name no values, SQL errors are logged by class only."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import psycopg
import pytest

from leokop.db.errors import error_summary

ROOT = Path(__file__).parents[1]
SOURCES = [*sorted((ROOT / "leokop").rglob("*.py")), *sorted((ROOT / "pages").glob("*.py")), ROOT / "app.py"]
LOG_METHODS = {"debug", "info", "warning", "error", "exception", "critical", "log"}


def _log_calls(tree: ast.AST):
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in LOG_METHODS
                and "log" in ast.unparse(node.func.value).lower()):
            yield node


def _allowed_argument(node: ast.expr) -> bool:
    """A constant, or the class-and-SQLSTATE summary of an error."""
    return isinstance(node, ast.Constant) or (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "error_summary")


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_log_calls_carry_no_values(path):
    tree = ast.parse(path.read_text())
    for call in _log_calls(tree):
        where = f"{path.name}:{call.lineno}"
        assert call.func.attr != "exception", f"{where}: a traceback carries the error's text"
        assert call.args and isinstance(call.args[0], ast.Constant), f"{where}: the message must be a constant"
        assert all(_allowed_argument(a) for a in call.args[1:]), f"{where}: only error_summary() may be logged"
        assert not any(k.arg == "exc_info" for k in call.keywords), where


def test_the_sources_do_log_somewhere():
    """The check above is not empty: the evaluation and the router log database errors."""
    found = [p.name for p in SOURCES for _ in _log_calls(ast.parse(p.read_text()))]
    assert {"early_warning.py", "app.py"} <= set(found)


def test_sql_errors_raised_by_leokop_are_constant_texts():
    for path in sorted((ROOT / "sql").rglob("*.sql")):
        for message in re.findall(r"raise exception\s+'((?:[^']|'')*)'\s*([,;u])", path.read_text()):
            assert "%" not in message[0] and message[1] != ",", f"{path.name}: {message[0]}"


def test_error_summary_drops_the_row_values(owner):
    with pytest.raises(psycopg.errors.CheckViolation) as caught, owner.transaction():
        owner.execute("insert into notes (apprentice_id, place, body) select id, 'schule', repeat('Geheimnis ', 500)"
                      " from apprentices limit 1")
    assert "Geheimnis" in (caught.value.diag.message_detail or "") + str(caught.value)  # PostgreSQL says it
    summary = error_summary(caught.value)
    assert summary == "CheckViolation (SQLSTATE 23514)" and "Geheimnis" not in summary
