"""A save from the UI that the disk refuses: the person is told in plain words (no traceback) that
the note was not saved and why, the form stays open with every character, quitting asks first, and
once the disk takes writes again Ctrl+S saves it all.

The tests run as root, for whom chmod does not stop a write, so the faults are real ones made
another way: the app runs under Pilot in a child process whose RLIMIT_FSIZE is a little above the
data's size, with SIGXFSZ ignored (every write past it fails with EFBIG, as a full disk fails with
ENOSPC), and raises the limit again as "space coming back"; and, in process, the data folder is
swapped for a file between two saves."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from homework_tui.app import HomeworkApp
from homework_tui.model.journal import JournalEntry
from homework_tui.ui.journal.journal_entry import JournalEntryForm, journal_repo
from homework_tui.store import Store
from homework_tui.store.drafts import Drafts
from tests.ui.helpers import SIZE, screen_words, wait_ready, wait_screen, wait_until

ROOT = Path(__file__).resolve().parents[2]
WORDS = "Quetzalcoatl wept by the river, [bold]quietly[/bold] 🌊. " * 60

CHILD = r"""
import asyncio, resource, signal, sys
from pathlib import Path

from textual.widgets import TextArea

from homework_tui.app import HomeworkApp
from tests.ui.helpers import screen_words, wait_ready, wait_screen, wait_until
from tests.ui.test_save_faults import WORDS

signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
folder = Path(sys.argv[1])


def full_disk() -> None:
    largest = max(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    resource.setrlimit(resource.RLIMIT_FSIZE, (largest + 300, resource.RLIM_INFINITY))


def space_back() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))


async def main() -> None:
    app = HomeworkApp(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("j")
        await wait_screen(pilot, "JournalScreen")
        await pilot.press("n")
        await wait_screen(pilot, "JournalEntryForm")
        form = app.screen
        await pilot.press(*"Kept", "tab")
        full_disk()
        area = form.query_one("#text", TextArea)
        area.insert(WORDS)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: "Not saved yet" in screen_words(app), timeout=10)
        print("TOLD", screen_words(app), flush=True)
        assert app.screen is form and area.text == WORDS, "the form must stay with its text"
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: app.screen.id == "unsaved-quit")
        print("ASKED", screen_words(app), flush=True)
        await pilot.press("s")
        await wait_until(pilot, lambda: app.screen is form)
        await pilot.pause(1.5)  # the autosave keeps trying meanwhile, and keeps failing
        assert area.text == WORDS
        space_back()
        await pilot.press("ctrl+s")
        await wait_screen(pilot, "JournalScreen")
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: not app.is_running)
    app.close_store()
    print("SAVED", flush=True)


asyncio.run(main())
"""


def test_a_full_disk_during_save_is_told_the_text_kept_and_saved_once_space_is_back(
    data_dir: Path, tmp_path: Path
) -> None:
    with Store.open(data_dir) as store:
        journal_repo(store).add(JournalEntry(title="Before", text="An entry saved earlier."))
    run = subprocess.run(
        [sys.executable, "-c", CHILD, str(data_dir)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "HOMEWORK_TUI_CACHE_DIR": str(tmp_path / "c")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    out = run.stdout + run.stderr
    assert run.returncode == 0 and "SAVED" in run.stdout, out
    assert "Traceback" not in out
    told = next(line for line in run.stdout.splitlines() if line.startswith("TOLD"))
    told = " ".join(told.replace("█", " ").split())  # the message's left bar, at each line
    assert "Not saved yet: Could not save to" in told
    assert "the file has reached the largest size this system allows" in told
    assert "what you typed is still here" in told
    assert "could not be kept as a draft either" in told  # honest: the draft was refused too
    asked = next(line for line in run.stdout.splitlines() if line.startswith("ASKED"))
    assert "Your writing is not saved yet" in asked and "Quit anyway" in asked
    with Store.open(data_dir) as store:
        entries = sorted(journal_repo(store).all(), key=lambda e: e.title)
        assert [e.title for e in entries] == ["Before", "Kept"]
        assert entries[1].text == WORDS  # every character, markup and emoji as typed
        assert Drafts(store).pending() == []  # saved, so the draft is gone


async def test_the_data_folder_swapped_for_a_file_is_told_then_saving_works(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a folder on a removed USB disk, or replaced by another program, between two saves."""
    monkeypatch.setenv("HOMEWORK_TUI_CACHE_DIR", str(tmp_path / "c"))
    away = tmp_path / "data.away"
    app = HomeworkApp(data_dir)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await wait_ready(pilot)
            await pilot.press("j")
            await wait_screen(pilot, "JournalScreen")
            await pilot.press("n")
            await wait_screen(pilot, "JournalEntryForm")
            form = app.screen
            assert isinstance(form, JournalEntryForm)
            await pilot.press(*"Swapped", "tab")
            data_dir.rename(away)
            data_dir.write_text("a file where the folder was")
            form.query_one("#text").insert("Marguerite called back.")  # type: ignore[attr-defined]
            await pilot.press("ctrl+s")
            await wait_until(pilot, lambda: "Not saved yet" in screen_words(app))
            words = " ".join(screen_words(app).replace("█", " ").split())
            assert "something else is where the data folder should be" in words
            assert app.screen is form
            data_dir.unlink()
            away.rename(data_dir)
            await pilot.press("ctrl+s")
            await wait_screen(pilot, "JournalScreen")
            assert "Swapped" in screen_words(app)
    finally:
        app.close_store()
    with Store.open(data_dir) as store:
        (entry,) = journal_repo(store).all()
        assert entry.text == "Marguerite called back."
