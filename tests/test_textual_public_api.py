"""homework_tui writes no private state of Textual's App and takes Textual's text-editing types
from their public module (issue 18, point 3): a Textual upgrade may change either without notice."""

from __future__ import annotations

import re
from pathlib import Path

import homework_tui

ROOT = Path(homework_tui.__file__).parent


def _sources() -> dict[str, str]:
    return {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in ROOT.rglob("*.py")}


def test_no_module_touches_the_apps_private_modes() -> None:
    found = [name for name, text in _sources().items() if re.search(r"\._modes\b", text)]
    assert found == [], "use App.add_mode / MODES / DEFAULT_MODE instead"


def test_text_editing_types_come_from_textuals_public_module() -> None:
    private = re.compile(r"textual\.document\._(edit|document)\b")
    found = [name for name, text in _sources().items() if private.search(text)]
    assert found == [], "import Edit, EditResult, Location from textual.widgets.text_area"
