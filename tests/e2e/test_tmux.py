"""End to end: the installed `homework-tui` console script in a real terminal (tmux), driven by
keys like a person would, the screen read back as text."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from homework_tui.model.safety import SafetyPlan
from homework_tui.store import Singleton, Store

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

SCRIPT = Path(sys.executable).with_name("homework-tui")


class Terminal:
    """One tmux session on a private server socket (never touches other tmux sessions)."""

    def __init__(self, socket: str, name: str) -> None:
        self.socket = socket
        self.name = name

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=10
        )
        return result.stdout

    def start(self, command: str, width: int, height: int) -> None:
        """Run `command` in a pane of exactly width x height. A fresh tmux server may resize a
        new pane just after it starts, so the command starts only once the size is right."""
        self.tmux("new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height))
        want = f"{width}x{height}"
        end = time.monotonic() + 10
        size = ("display", "-p", "-t", self.name, "#{pane_width}x#{pane_height}")
        while self.tmux(*size).strip() != want:
            assert time.monotonic() < end, "tmux did not make the pane the asked size"
            time.sleep(0.05)
        self.tmux("respawn-pane", "-k", "-t", self.name, command)

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", self.name, key)
            time.sleep(0.15)  # a person's pace: one key at a time

    def type(self, text: str) -> None:
        """Type `text` and wait until it shows, as a person would before pressing Enter."""
        self.tmux("send-keys", "-t", self.name, "-l", text)
        self.wait_for(text.split()[-1])
        time.sleep(0.2)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def words(self) -> str:
        return " ".join(self.screen().replace("│", " ").split())

    def wait_for(self, text: str, timeout: float = 20.0, *, line: int | None = None) -> str:
        """Wait until `text` shows (on screen line `line`, when given); returns the screen."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            screen = self.screen()
            lines = screen.splitlines()
            where = (
                " ".join(screen.replace("│", " ").split())
                if line is None
                else (lines[line] if line < len(lines) else "")
            )
            if text in where:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} did not appear; the screen shows:\n{self.screen()}")


@pytest.fixture
def terminal(request: pytest.FixtureRequest) -> Iterator[Terminal]:
    socket = f"homework-e2e-{uuid.uuid4().hex[:8]}"
    term = Terminal(socket, "app")
    yield term
    subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True, timeout=10)


@pytest.mark.parametrize("size", [(100, 30), (80, 24)], ids=["100x30", "80x24"])
def test_installed_app_today_help_now_and_quit(
    terminal: Terminal, tmp_path: Path, size: tuple[int, int]
) -> None:
    assert SCRIPT.exists(), f"the console script is not installed at {SCRIPT}"
    data = tmp_path / "data"
    exit_file = tmp_path / "exit-code"
    # The shell tmux runs may export COLUMNS/LINES of a default 80x24 terminal, and Textual
    # trusts them over the real size: start the app without them.
    command = (
        f"env -u COLUMNS -u LINES '{SCRIPT}' --data-dir '{data}'; echo $? > '{exit_file}'; sleep 30"
    )
    width, height = size
    terminal.start(command, width, height)

    terminal.wait_for("Your homework")
    today = terminal.wait_for("F2 Help now", line=height - 1)  # in the footer, at full size
    assert "Welcome" in today and "try Relax" in terminal.words()

    terminal.keys("F2")
    terminal.wait_for("not a crisis service")
    assert "emergency number" in terminal.words()

    terminal.keys("a")
    terminal.wait_for("Someone you trust")
    terminal.type("Sister [bold]Anna[/] 😀")
    terminal.keys("Enter")
    terminal.type("+44 7700 900123")
    terminal.keys("Enter", "Enter")
    shown = terminal.wait_for("+44 7700 900123")
    assert "Sister [bold]Anna[/]" in shown

    terminal.keys("Escape")
    terminal.wait_for("Your homework")
    terminal.keys("q")
    end = time.monotonic() + 15
    while not exit_file.exists() and time.monotonic() < end:
        time.sleep(0.1)
    assert exit_file.read_text().strip() == "0"
    assert "Traceback" not in terminal.screen()

    with Store.open(data, read_only=True) as store:
        plan = Singleton(store, "safety", SafetyPlan, SafetyPlan).load()
    assert [c.name for c in plan.contacts] == ["Sister [bold]Anna[/] 😀"]
