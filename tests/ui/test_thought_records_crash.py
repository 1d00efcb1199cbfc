"""Scenario 5: the terminal goes away mid-thought-record. The installed `homework-tui` runs in a
pseudo-terminal, the person types, and the process is killed with SIGKILL (no chance to clean
up). The draft must be on disk, and offered back when the app opens again."""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from homework_tui.store import Store
from homework_tui.store.drafts import Drafts
from tests.ui.helpers import wait_until
from tests.ui.test_thought_records import running, screen_text, wait_for

SCRIPT = Path(sys.executable).with_name("homework-tui")
SITUATION = "Team meeting [bold]again[/] 😬"


def wait_for_draft(
    folder: Path, done: Callable[[dict[str, object]], bool], timeout: float = 20.0
) -> None:
    """Wait until the thought record's draft on disk satisfies `done` (read while the app runs)."""
    deadline = time.monotonic() + timeout
    while True:
        with Store.open(folder, read_only=True) as store:
            drafts = Drafts(store).pending("thought_record")
        if drafts and done(dict(drafts[0].fields)):
            return
        assert time.monotonic() < deadline, f"the draft on disk is still {drafts!r}"
        time.sleep(0.05)


class Terminal:
    """The console script on a 100x30 pseudo-terminal whose output is drained and kept."""

    def __init__(self, data: Path) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
        env.pop("TEXTUAL", None)
        self.process = subprocess.Popen(
            [str(SCRIPT), "--data-dir", str(data)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self.output = bytearray()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def wait_for(self, text: str, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text.encode() in self.output:
                return
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never appeared on the terminal")

    def send(self, *keys: str, pause: float = 0.4) -> None:
        for key in keys:
            os.write(self.master, key.encode())
            time.sleep(pause)

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        os.close(self.master)
        self._reader.join(timeout=5)


@pytest.mark.skipif(not SCRIPT.exists(), reason="the console script is not installed")
async def test_sigkill_mid_record_then_the_draft_is_offered_back(tmp_path: Path) -> None:
    terminal = Terminal(tmp_path)
    try:
        terminal.wait_for("Thought records")
        terminal.send("t")
        terminal.wait_for("New record")
        terminal.send("n")
        terminal.wait_for("Step 1 of 8")
        terminal.send(SITUATION, "\x1b[6~")  # the situation, then PgDn
        terminal.wait_for("Step 2 of 8")
        terminal.send("anxious", "\t", "80")
        wait_for_draft(tmp_path, lambda fields: fields.get("mood-0-before") == "80")  # autosaved
    finally:
        terminal.kill()
    assert terminal.process.returncode == -signal.SIGKILL

    with Store.open(tmp_path, read_only=True) as store:
        (draft,) = Drafts(store).pending("thought_record")
    assert draft.fields["situation"] == SITUATION
    assert draft.fields["mood-0-name"] == "anxious"
    assert draft.fields["mood-0-before"] == "80"

    async with running(tmp_path) as (app, pilot):
        await wait_until(pilot, lambda: app.store is not None)
        await pilot.press("t")
        await wait_until(pilot, lambda: "Welcome back" in screen_text(app))
        assert SITUATION in screen_text(app)
        await pilot.press("c")
        from homework_tui.ui.thoughts.thought_form import ThoughtRecordForm

        await wait_for(pilot, ThoughtRecordForm)
        assert "Step 2 of 8" in screen_text(app)
        assert "anxious" in screen_text(app) and "80" in screen_text(app)
