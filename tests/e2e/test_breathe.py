"""End to end: `homework-tui breathe --pattern box --minutes 2` in tmux asks how the person feels,
then the session starts at once: breathing in near the start, breathing out 8 to 12 s in; stopping
early asks, then the session is logged. `homework-tui relax NAME` starts any listed session the same
way (silently, with captions, here: no sound card)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.e2e.test_tmux import SCRIPT, Terminal, terminal  # noqa: F401 - the fixture

pytestmark = [pytest.mark.e2e]


def test_breathe_box_starts_at_once_and_follows_the_clock(
    terminal: Terminal,  # noqa: F811
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    command = (
        f"env -u COLUMNS -u LINES HOMEWORK_TUI_CONFIG_DIR='{tmp_path / 'config'}' "
        f"HOMEWORK_TUI_SOUND=off '{SCRIPT}' --data-dir '{data}' breathe --pattern box --minutes 2;"
        " sleep 30"
    )
    terminal.start(command, 100, 30)
    terminal.wait_for("Before you start: Box breathing", timeout=20)  # asked before, not after
    terminal.keys("7", "0", "Enter")
    terminal.wait_for("Breathe in", timeout=20)
    started = time.monotonic()
    words = terminal.words()
    assert "Box breathing" in words and "Playing silently, with captions" in words
    assert "The terminal bell can ring at each phase: press g in the Relax list" in words
    first = terminal.screen()
    assert "Breathe in · 4" in " ".join(first.split()) or "Breathe in · 3" in " ".join(
        first.split()
    )
    # Box: in 4, hold 4, out 4 — breathing out from 8 s to 12 s after the start.
    terminal.wait_for("Breathe out", timeout=14)
    seen_at = time.monotonic() - started
    assert 7.0 <= seen_at <= 12.5, seen_at
    # Stop early: it asks, then rates (skipped) and logs.
    terminal.keys("Escape")
    terminal.wait_for("Stop here?")
    terminal.keys("s")
    terminal.wait_for("How do you feel now?")
    assert "Before you started" not in terminal.words()
    terminal.keys("4", "0", "Enter")
    terminal.wait_for("Last time: Box breathing", timeout=10)
    terminal.wait_for("stopped early", timeout=10)  # once the "logged" note has faded
    assert "70 → 40" in terminal.words()


def test_relax_starts_any_listed_session_by_name(
    terminal: Terminal,  # noqa: F811
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    command = (
        # No sound device, even when the audio tests' JACK dummy server is still up in this
        # pytest session (it is named in JACK_DEFAULT_SERVER): point JACK at no server at all.
        f"env -u COLUMNS -u LINES JACK_DEFAULT_SERVER=hwtui-no-server-here JACK_NO_START_SERVER=1 "
        f"HOMEWORK_TUI_CONFIG_DIR='{tmp_path / 'config'}' "
        f"HOMEWORK_TUI_CACHE_DIR='{tmp_path / 'cache'}' '{SCRIPT}' --data-dir '{data}' "
        "relax grounding --minutes 3; sleep 30"
    )
    terminal.start(command, 80, 24)
    terminal.wait_for("Before you start: 5-4-3-2-1 grounding", timeout=20)
    terminal.keys("Escape")  # skip the rating: it starts unrated
    terminal.wait_for("Playing silently, with captions", timeout=20)  # no sound card here
    assert "terminal bell" not in terminal.words()  # mindfulness has no phases to ring at
    terminal.keys("Escape")
    terminal.wait_for("Stop here?")
    terminal.keys("s")
    terminal.wait_for("How do you feel now?")
    terminal.keys("Escape")
    terminal.wait_for("Last time: 5-4-3-2-1 grounding", timeout=10)
    # Back in the list, the real look for a device (none here) offers the bell before the next one.
    terminal.wait_for("Press g for the terminal bell at each phase (now off)", timeout=20)
