"""End to end, two real windows (two `homework-tui` processes in tmux) on one data folder: the
second opens read-only, its writing is saved to a file with F6, and once the first quits it takes
over with F5 and saves the entry into the data: nothing typed in it is lost."""

from __future__ import annotations

import shutil
import stat
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from homework_tui.ui.journal.journal_entry import journal_repo
from homework_tui.store import Store
from tests.e2e.test_tmux import SCRIPT, Terminal

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

TEXT = "I felt better after the walk and then I slept well END2"


@pytest.fixture
def socket() -> Iterator[str]:
    name = f"homework-e2e-{uuid.uuid4().hex[:8]}"
    yield name
    subprocess.run(
        ["tmux", "-L", name, "kill-server"], capture_output=True, timeout=10, check=False
    )


def wait_file(path: Path, timeout: float = 15.0) -> str:
    end = time.monotonic() + timeout
    while not path.exists() and time.monotonic() < end:
        time.sleep(0.1)
    return path.read_text().strip()


def test_second_window_saves_to_a_file_then_takes_over(socket: str, tmp_path: Path) -> None:
    data, home = tmp_path / "data", tmp_path / "home"
    home.mkdir()

    def command(exit_file: Path) -> str:
        return (
            f"env -u COLUMNS -u LINES HOME='{home}' '{SCRIPT}' --data-dir '{data}'; "
            f"echo $? > '{exit_file}'; sleep 60"
        )

    first, second = Terminal(socket, "first"), Terminal(socket, "second")
    first.start(command(tmp_path / "first-exit"), 100, 30)
    first.wait_for("Your homework")
    second.start(command(tmp_path / "second-exit"), 100, 30)
    second.wait_for("open in another homework-tui window")
    second.keys("r")
    second.wait_for("Read-only: your data is open in another window")
    second.keys("j")
    second.wait_for("Press n to write one")  # the list is there, ready for keys
    second.keys("n")
    second.wait_for("new entry")
    second.type("Evening")
    second.keys("Tab")
    second.type(TEXT)

    second.keys("F6")  # save the writing to a file, in the home folder by default
    second.wait_for("Save your writing to a file")
    second.keys("Enter")
    second.wait_for("Saved to a file")
    (saved_file,) = home.glob("homework-tui-journal-*.txt")
    assert f"Title:\nEvening\n\nText:\n{TEXT}\n" in saved_file.read_text(encoding="utf-8")
    assert stat.S_IMODE(saved_file.stat().st_mode) == 0o600

    first.keys("q")  # the first window quits
    assert wait_file(tmp_path / "first-exit") == "0"
    second.wait_for("the other window has closed")
    second.keys("F5")
    second.wait_for("now holds your data")
    second.keys("C-s")
    second.wait_for("Journal entry saved")
    second.keys("Escape")
    second.wait_for("Your homework")
    second.keys("q")
    assert wait_file(tmp_path / "second-exit") == "0"
    assert "Traceback" not in first.screen() + second.screen()

    with Store.open(data, read_only=True) as store:
        entries = {e.title: e.text for e in journal_repo(store).all()}
    assert entries == {"Evening": TEXT}
