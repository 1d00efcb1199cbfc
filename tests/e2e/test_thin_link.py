"""Issue 14 point 11, a thin link: a Relax session writes few bytes to the terminal.

The real app in a 100x30 pseudo-terminal (no sound card, captions): box breathing with Textual's
own TEXTUAL_ANIMATIONS=none (reduced motion) writes at most 100 bytes a second once it runs, since
it redraws on a phase change and not every second (it measured 756 before). The figures for all
four cases of the issue come from `scripts/bench relax` (scripts/benchmarks/bench_relax.py).
Also the rules behind it: reduced motion from the variable, the pacer's whole-second steps, the
phase word not written twice.
"""

from __future__ import annotations

import itertools
import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from homework_tui.model.relaxation import says_phase_word
from homework_tui.ui.relax.relax_session import reduced_motion
from homework_tui.ui.relax.pacer import LEVELS, shape_level

SCRIPT = Path(sys.executable).with_name("homework-tui")
LIMIT = 100.0  # bytes a second, reduced motion (issue 14)
WINDOW = 15.0  # seconds counted, from 5 s after the session shows its first phase


class PtyApp:
    """The app on a pseudo-terminal of 100x30; everything it writes, with the time it was read."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        import fcntl
        import struct
        import termios

        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        full_env = {**os.environ, "TERM": "xterm-256color", **env}
        full_env.pop("COLUMNS", None)
        full_env.pop("LINES", None)
        self.child = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=full_env, start_new_session=True
        )
        os.close(slave)
        self.chunks: list[tuple[float, bytes]] = []

    def read_for(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([self.master], [], [], min(left, 0.05))
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    return
                self.chunks.append((time.monotonic(), chunk))

    def wait_for(self, marker: bytes, timeout: float) -> float:
        """Read until `marker` has been written; the time it was read."""
        deadline = time.monotonic() + timeout
        start = len(self.chunks)
        while time.monotonic() < deadline:
            self.read_for(0.05)
            seen = b"".join(c for _, c in self.chunks[start:])
            if marker in seen:
                return self.chunks[-1][0]
        raise AssertionError(
            f"{marker!r} not shown in {timeout:g} s; last output: "
            f"{b''.join(c for _, c in self.chunks[-20:])[-600:]!r}"
        )

    def close(self) -> None:
        try:
            os.killpg(self.child.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.child.wait()
        os.close(self.master)


@pytest.mark.e2e
def test_reduced_motion_box_breathing_writes_at_most_100_bytes_a_second(tmp_path: Path) -> None:
    env = {
        "HOMEWORK_TUI_SOUND": "off",
        "HOMEWORK_TUI_CONFIG_DIR": str(tmp_path / "config"),
        "HOMEWORK_TUI_CACHE_DIR": str(tmp_path / "cache"),
        "TEXTUAL_ANIMATIONS": "none",
    }
    argv = [
        str(SCRIPT),
        "--data-dir",
        str(tmp_path / "data"),
        "breathe",
        "--pattern",
        "box",
        "--minutes",
        "2",
    ]
    app = PtyApp(argv, env)
    try:
        app.wait_for(b"Before you start", timeout=30)
        os.write(app.master, b"\x1b")  # skip the rating: the session starts
        shown = app.wait_for(b"Breathe in", timeout=30)
        app.read_for(max(0.0, shown + 5.0 - time.monotonic()))
        first = len(app.chunks)
        app.read_for(WINDOW)
        window = b"".join(c for _, c in app.chunks[first:])
    finally:
        app.close()
    rate = len(window) / WINDOW
    # It is alive and following the phases (box: a change every 4 s), with no seconds counted.
    assert any(word in window for word in (b"Breathe in", b"Hold", b"Breathe out")), window[-600:]
    assert rate <= LIMIT, f"{rate:.0f} bytes/s over {WINDOW:g} s (limit {LIMIT:g})"
    assert "·".encode() not in window, window[-600:]


def test_textual_animations_none_is_reduced_motion(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TEXTUAL_ANIMATIONS", raising=False)
    assert not reduced_motion(False) and reduced_motion(True)
    for value, still in (("none", True), ("NONE", True), ("basic", False), ("full", False)):
        monkeypatch.setenv("TEXTUAL_ANIMATIONS", value)
        assert reduced_motion(False) is still, value


def test_the_pacer_steps_once_a_second_with_the_count() -> None:
    """A 5 s in-breath takes five pictures, each held for its second, full in the last; the
    out-breath starts full and its last picture is the next in-breath's first."""

    def pictures(kind: str, seconds: float) -> list[int]:
        return [
            shape_level(kind, None, t / (seconds * 20), seconds) for t in range(int(seconds * 20))
        ]

    inhale, exhale = pictures("inhale", 5), pictures("exhale", 5)
    assert len(set(inhale)) == 5 and len(set(exhale)) == 5
    assert inhale[-1] == LEVELS and exhale[0] == LEVELS and exhale[-1] == inhale[0]
    assert inhale == sorted(inhale) and exhale == sorted(exhale, reverse=True)
    changes = sum(a != b for a, b in itertools.pairwise(inhale))  # changes on whole seconds only
    assert changes == 4
    assert [inhale[i] for i in (0, 19, 20, 39)] == [inhale[0], inhale[0], inhale[20], inhale[20]]
    # A long phase still has at most LEVELS pictures; without a length it follows progress.
    assert len({shape_level("inhale", None, t / 200, 20.0) for t in range(200)}) <= LEVELS
    assert shape_level("inhale", None, 0.5) == LEVELS // 2


def test_the_phase_word_spoken_is_not_written_twice() -> None:
    assert says_phase_word("Breathe in.", "inhale", None)
    assert says_phase_word("hold", "hold", None)
    assert not says_phase_word("Breathe in slowly through your nose.", "inhale", None)
    assert not says_phase_word("", "inhale", None)
    assert not says_phase_word("Settle", None, None)
