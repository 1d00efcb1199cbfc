"""End to end (issue 17, point 1): in a real terminal (tmux) the terminal's own cursor is shown
and sits where the focus is, so a screen reader or braille display following it reads the right
line: the highlighted row on Today and in the journal list, the caret of a form's text boxes.
The setting turns it off (stored, or switched in Settings); and following the focus sends
nothing while nothing changes."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

from homework_tui.model.journal import JournalEntry
from homework_tui.model.settings import Settings
from homework_tui.store import Singleton, Store
from homework_tui.ui.journal.journal_entry import journal_repo
from tests.e2e.test_tmux import Terminal

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

SCRIPT = Path(sys.executable).with_name("homework-tui")
WIDTH, HEIGHT = 100, 30


class Cursor(NamedTuple):
    visible: bool
    x: int
    y: int


class CursorTerminal(Terminal):
    def cursor(self) -> Cursor:
        flag, x, y = self.tmux(
            "display", "-p", "-t", self.name, "#{cursor_flag} #{cursor_x} #{cursor_y}"
        ).split()
        return Cursor(flag == "1", int(x), int(y))

    def line(self, y: int) -> str:
        """Screen line `y`, padded to the full width (tmux leaves trailing spaces out)."""
        lines = self.screen().splitlines()
        return (lines[y] if y < len(lines) else "").ljust(WIDTH)

    def wait_cursor(self, why: str, ok: Callable[[Cursor], bool], timeout: float = 15) -> Cursor:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            cursor = self.cursor()
            if ok(cursor):
                return cursor
            time.sleep(0.05)
        raise AssertionError(f"{why}: the cursor is {self.cursor()}; the screen:\n{self.screen()}")

    def wait_cursor_on(self, text: str) -> Cursor:
        """Wait until the cursor is visible on the line showing `text`."""

        def on_text(cursor: Cursor) -> bool:
            return cursor.visible and text in self.line(cursor.y)

        return self.wait_cursor(f"the cursor is not on {text!r}", on_text)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[CursorTerminal]:
    socket = f"homework-cursor-{uuid.uuid4().hex[:8]}"
    term = CursorTerminal(socket, "app")
    yield term
    subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True, timeout=10)


def start(terminal: CursorTerminal, tmp_path: Path) -> None:
    assert SCRIPT.exists(), f"the console script is not installed at {SCRIPT}"
    dirs = {name: tmp_path / name for name in ("data", "config", "cache")}
    env = " ".join(f"HOMEWORK_TUI_{name.upper()}_DIR='{folder}'" for name, folder in dirs.items())
    terminal.start(f"env -u COLUMNS -u LINES {env} '{SCRIPT}'; sleep 30", WIDTH, HEIGHT)
    terminal.wait_for("Your homework")


def seed(tmp_path: Path, *, settings: Settings | None = None, titles: tuple[str, ...] = ()) -> None:
    with Store.open(tmp_path / "data") as store:
        if settings is not None:
            Singleton(store, "settings", Settings, Settings).save(settings)
        for title in titles:
            journal_repo(store).add(JournalEntry(title=title, text="A few lines."))


def test_today_the_cursor_is_on_the_highlighted_section(
    terminal: CursorTerminal, tmp_path: Path
) -> None:
    start(terminal, tmp_path)
    first = terminal.wait_cursor_on("Thought records")
    assert terminal.line(first.y)[first.x :].startswith("Thought records")

    terminal.keys("Down")
    second = terminal.wait_cursor_on("Exposure")
    assert second.y > first.y and second.x == first.x
    assert terminal.line(second.y)[second.x :].startswith("Exposure")


def test_journal_list_the_cursor_is_on_the_highlighted_row(
    terminal: CursorTerminal, tmp_path: Path
) -> None:
    seed(tmp_path, titles=("Walk by the river", "Slept badly", "A good talk"))
    start(terminal, tmp_path)
    terminal.keys("j")
    terminal.wait_for("Walk by the river")
    top = terminal.wait_cursor("the cursor is on a table row", lambda c: c.visible and c.y > 3)
    first = terminal.line(top.y)
    assert any(title in first for title in ("Walk by the river", "Slept badly", "A good talk"))

    terminal.keys("Down")
    moved = terminal.wait_cursor("the cursor moved down a row", lambda c: c.y == top.y + 1)
    assert moved.visible and terminal.line(moved.y) != first


def test_journal_form_the_cursor_is_at_the_caret_after_typing(
    terminal: CursorTerminal, tmp_path: Path
) -> None:
    start(terminal, tmp_path)
    terminal.keys("j")
    terminal.wait_for("Press n to write one")
    terminal.keys("n")
    terminal.wait_for("Journal — new entry")
    title = terminal.wait_cursor_on("Title")
    terminal.type("Hello there")
    after = terminal.wait_cursor("the caret moved", lambda c: c.x == title.x + len("Hello there"))
    assert after.visible and after.y == title.y
    assert terminal.line(after.y)[: after.x].endswith("Hello there")  # just after the "e"

    terminal.keys("Tab")
    terminal.type("ab")  # the entry's text box, below the title
    caret = terminal.wait_cursor("the caret is after 'ab'", lambda c: c.y > title.y)
    assert caret.visible
    assert terminal.line(caret.y)[: caret.x].endswith("ab")


def test_the_setting_off_hides_the_cursor(terminal: CursorTerminal, tmp_path: Path) -> None:
    seed(tmp_path, settings=Settings(cursor_on_focus=False))
    start(terminal, tmp_path)
    terminal.keys("Down")
    terminal.wait_for("Exposure")
    hidden = terminal.wait_cursor("the cursor is hidden", lambda c: not c.visible)
    assert not hidden.visible


def test_turning_the_setting_off_in_settings_hides_the_cursor_at_once(
    terminal: CursorTerminal, tmp_path: Path
) -> None:
    start(terminal, tmp_path)
    terminal.keys("s")
    terminal.wait_for("Show the terminal cursor where the focus is")
    terminal.keys("Tab", "Tab", "Tab", "Tab")  # past the theme, animations, motion and bell
    on = terminal.wait_cursor_on("Show the terminal cursor")
    assert "━━● On" in terminal.line(on.y)
    terminal.keys("Space")
    terminal.wait_for("●━━ Off Show the terminal cursor")
    terminal.wait_cursor("the cursor is hidden", lambda c: not c.visible)
    terminal.keys("Space")
    terminal.wait_cursor_on("Show the terminal cursor")


def test_following_the_focus_sends_nothing_while_nothing_changes(
    terminal: CursorTerminal, tmp_path: Path
) -> None:
    start(terminal, tmp_path)
    terminal.wait_for("Nothing is due yet")  # the data is open and Today filled in
    terminal.wait_cursor_on("Thought records")
    sent = tmp_path / "sent"
    terminal.tmux("pipe-pane", "-o", "-t", terminal.name, f"cat >> '{sent}'")
    settled = wait_quiet(sent)
    time.sleep(3)  # a measuring window, not a wait: count what the app writes while idle
    assert sent.stat().st_size == settled, "the app wrote to the terminal while idle"
    terminal.keys("Down")
    terminal.wait_cursor_on("Exposure")
    assert sent.stat().st_size > settled  # the pipe was listening: the move was drawn


def wait_quiet(sent: Path, timeout: float = 15) -> int:
    """Wait until the start-up's last frames are written (nothing new for a second)."""
    end = time.monotonic() + timeout
    size, since = -1, time.monotonic()
    while time.monotonic() < end:
        now = sent.stat().st_size if sent.exists() else 0
        if now != size:
            size, since = now, time.monotonic()
        elif time.monotonic() - since >= 1:
            return size
        time.sleep(0.05)
    raise AssertionError("the app kept writing to the terminal while nothing changed")
