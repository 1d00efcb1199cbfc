"""The built-in sessions' descriptions in the Relax list: marked for translation word for word as
the session files (and audio/scripts.py) give them, shown in the interface's language, while a
person's own session file keeps its own words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from homework_tui.i18n import in_language
from homework_tui.services.relax_catalog import catalog
from homework_tui.services.relax_descriptions import DESCRIPTIONS, described

OWN_SCRIPT = """title: Evening wind-down
kind: mindfulness
language: en
minutes: 1
description: my own slow breaths before bed,
    with a long pause at the end.

say Breathe in slowly.
pause 40 stretch
"""
GERMAN_BOX = "Box-Atmung: 4 einatmen, 4 halten, 4 ausatmen, 4 halten."


@pytest.fixture(autouse=True)
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A config folder of their own (no patterns, only the session files a test writes)."""
    folder = tmp_path / "config"
    (folder / "sessions").mkdir(parents=True)
    monkeypatch.setenv("HOMEWORK_TUI_CONFIG_DIR", str(folder))
    monkeypatch.setenv("HOMEWORK_TUI_CACHE_DIR", str(tmp_path / "cache"))
    yield folder


def test_every_built_in_description_is_marked_as_the_files_give_it() -> None:
    builtin = [e for e in catalog({}).entries if not e.your_file and not e.pattern]
    assert builtin
    shown = [e.description for e in builtin]
    assert sorted(shown) == sorted(DESCRIPTIONS)  # each marked as given; none for one gone


def test_box_breathing_reads_in_german() -> None:
    with in_language("de"):
        box = catalog({}).get("box")
    assert box is not None
    assert box.description == GERMAN_BOX


def test_a_changed_description_is_never_shown_another_texts_translation() -> None:
    with in_language("de"):
        assert described(DESCRIPTIONS[0]) == GERMAN_BOX
        assert described("Box breathing, my way.") == "Box breathing, my way."


def test_their_own_session_file_keeps_its_words_in_german(config: Path) -> None:
    (config / "sessions" / "evening.txt").write_text(OWN_SCRIPT, encoding="utf-8")
    # Their file named like a built-in, with the built-in's very words, keeps them too.
    (config / "sessions" / "box.txt").write_text(
        OWN_SCRIPT.replace("title: Evening wind-down", "title: My box").replace(
            "my own slow breaths before bed,\n    with a long pause at the end.",
            "box breathing: in 4, hold 4, out 4, hold 4.",
        ),
        encoding="utf-8",
    )
    with in_language("de"):
        found = catalog({})
    evening = found.get("evening")
    assert evening is not None and evening.your_file
    assert evening.description.splitlines()[0] == (
        "My own slow breaths before bed, with a long pause at the end."
    )
    box = found.get("box")
    assert box is not None and box.your_file
    assert box.description.splitlines()[0] == DESCRIPTIONS[0]
