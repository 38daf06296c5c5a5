"""Project hygiene: lint clean, documented settings and demo accounts, no SQL outside repo/ and sql/."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from leokop.demo.seed import DEMO_PASSWORD, USERS

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_ruff_is_clean():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", str(ROOT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_every_setting_is_documented():
    settings = set(re.findall(r'"((?:LEOKOP|DATABASE)_[A-Z_]+)"', (ROOT / "leokop/config.py").read_text()))
    settings.add("LEOKOP_TEST_DATABASE")  # read by tests/conftest.py
    assert settings and {s for s in settings if s not in README} == set()


def test_every_demo_account_is_in_the_readme():
    assert DEMO_PASSWORD in README
    assert [u for u, *_ in USERS if f"`{u}`" not in README] == []


def test_pages_hold_no_sql():
    sql = re.compile(r"\b(select|insert|update|delete)\b.+\b(from|into|set)\b", re.IGNORECASE)
    offenders = [p.name for p in (ROOT / "pages").glob("*.py") if sql.search(p.read_text(encoding="utf-8"))]
    offenders += ["app.py"] if sql.search((ROOT / "app.py").read_text(encoding="utf-8")) else []
    assert offenders == []


def test_streamlit_config_switches_off_its_own_data_export():
    """st.dataframe's built-in CSV download skips the formula neutralising of leokop's exports."""
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["disableDataExport"] is True
    assert config["client"]["toolbarMode"] == "viewer" and config["browser"]["gatherUsageStats"] is False


def test_the_upload_limit_streamlit_enforces_is_the_one_leokop_states():
    """Streamlit's default of 200 MB printed "200MB per file" under an uploader labelled 20 MB (issue 22)."""
    import tomllib

    from leokop.services import materials

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == materials.MAX_UPLOAD_MB
    assert materials.MAX_BYTES == materials.MAX_UPLOAD_MB * 1024 * 1024
