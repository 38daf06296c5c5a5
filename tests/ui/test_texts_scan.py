"""The UI shows no emoji: headless browsers without an emoji font draw them as empty boxes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from leokop import texts

ROOT = Path(__file__).parents[2]
UI_FILES = sorted([*ROOT.glob("leokop/ui/*.py"), *ROOT.glob("pages/*.py"), ROOT / "app.py"])
# Emoji blocks: pictographs, symbols and dingbats that browsers draw from an emoji font (🔴 🟠 🔵 ✅ ⏳ ⚠️ ...).
# Plain typographic marks the text fonts have (– → ↔ ✓ „“) are allowed.
EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u26FF\u2705\u274C\u274E\u2B50\u2B55\u23E9-\u23FA\uFE0F]")


@pytest.mark.parametrize("path", UI_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_emoji_in_ui_code(path):
    found = [(n, line.strip()) for n, line in enumerate(path.read_text().splitlines(), 1) if EMOJI.search(line)]
    assert found == []


def test_the_scan_finds_the_old_icons():
    assert all(EMOJI.search(icon) for icon in ("🔴", "🟠", "🔵", "✅", "⏳", "⚠️"))
    assert not EMOJI.search("Schule ↔ Betrieb – ✓ „ok“ …")


def test_every_severity_has_a_text_label_and_a_material_icon():
    for severity, label in {"kritisch": "kritisch", "warnung": "Warnung", "hinweis": "Hinweis"}.items():
        assert label in texts.SEVERITY_BADGES[severity]
        assert ":material/" in texts.SEVERITY_BADGES[severity]
