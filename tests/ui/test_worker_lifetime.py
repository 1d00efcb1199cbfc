"""The app's speech and sound workers end with the app, however it ends (issue 13, point 12):
an App that exits under Pilot in a process that goes on leaves no worker, and kill -9 of the real
app in a terminal leaves none after 3 s. (The mechanisms one by one: tests/audio/test_worker_lifetime.py.)"""

from __future__ import annotations

import os
import pty
import signal
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from homework_tui.app import HomeworkApp
from tests.audio.workers import wait_for_workers, wait_until_gone, worker_pids
from tests.ui.helpers import SIZE, wait_ready, wait_screen, wait_until

ROOT = Path(__file__).resolve().parents[2]
MARK_ENV = "HOMEWORK_TUI_TEST_WORKER_MARK"


@pytest.fixture
def marker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A mark every worker started from here carries in its environment; none left behind."""
    mark = f"worker-test-{uuid.uuid4().hex}"
    monkeypatch.setenv(MARK_ENV, mark)
    monkeypatch.setenv("HOMEWORK_TUI_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("HOMEWORK_TUI_CONFIG_DIR", str(tmp_path / "config"))
    yield mark
    for pid in worker_pids(mark):
        os.kill(pid, signal.SIGKILL)


async def test_an_app_that_exits_leaves_no_worker_in_a_process_that_goes_on(
    tmp_path: Path, marker: str
) -> None:
    for round_number in (1, 2):  # and a second App in the same process starts them again
        app = HomeworkApp(tmp_path / "data")
        async with app.run_test(size=SIZE) as pilot:
            await wait_ready(pilot)
            await pilot.press("r")  # Relax: starts the speech worker (and a sound sink) ahead
            await wait_screen(pilot, "RelaxScreen")
            await wait_until(pilot, lambda: worker_pids(marker), timeout=20)
        assert wait_until_gone(marker, timeout=3) == [], f"round {round_number}"


def _drain(fd: int) -> None:
    """Read the terminal's output so the app never blocks writing to it."""
    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass


def test_kill_minus_nine_of_the_app_in_a_session_leaves_no_worker(
    tmp_path: Path, marker: str
) -> None:
    leader, follower = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
    app = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "homework_tui",
            "--data-dir",
            str(tmp_path / "data"),
            "breathe",
            "--pattern",
            "box",
            "--minutes",
            "2",  # box breathing's shortest
        ],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    os.close(follower)
    threading.Thread(target=_drain, args=(leader,), daemon=True).start()
    try:
        started = wait_for_workers(marker, timeout=30)
        assert started, "the session started no speech or sound worker"
        app.kill()  # kill -9: nothing of the app's own clean-up runs
        app.wait(timeout=10)
        assert wait_until_gone(marker, timeout=3) == [], f"workers {started} outlived the app"
    finally:
        app.kill()
        app.wait(timeout=10)
        os.close(leader)
