"""A read-only second window never drops what is written in it: it says truly that nothing is on
disk, saves the writing to a file the person chooses, and takes over once the first window has
closed, keeping both what the first window wrote and the form's typed text."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from homework_tui.app import HomeworkApp
from homework_tui.model.journal import JournalEntry
from homework_tui.ui.journal.journal_entry import JournalEntryForm, journal_repo
from homework_tui.store import Store
from tests.ui.helpers import (
    footer_text,
    SIZE,
    notifications,
    screen_text,
    screen_words,
    wait_ready,
    wait_until,
)

AppFactory = Callable[..., HomeworkApp]
TEXT = "I felt better after the walk and then I slept well END2"


@pytest.fixture
def first_window(data_dir: Path) -> Iterator[Store]:
    """The data held open by another homework-tui (a real OS lock), holding one entry."""
    store = Store.open(data_dir)
    journal_repo(store).add(JournalEntry(title="from the first window", text="x"))
    yield store
    store.close()


def entries(folder: Path) -> dict[str, str]:
    with Store.open(folder, read_only=True) as store:
        return {e.title: e.text for e in journal_repo(store).all()}


async def open_read_only_form(pilot: Pilot[Any]) -> HomeworkApp:
    """Open the app read-only (the data is held), then a new journal entry, and type in it."""
    await wait_until(pilot, lambda: pilot.app.screen.id == "problem-locked", timeout=10)
    await pilot.press("r")
    app = await wait_ready(pilot)
    assert app.read_only
    await pilot.press("j")
    await wait_until(pilot, lambda: type(app.screen).__name__ == "JournalScreen")
    await pilot.press("n")
    await wait_until(pilot, lambda: isinstance(app.screen, JournalEntryForm))
    await pilot.pause()
    await pilot.press(*"Evening", "tab", *TEXT)
    return app


async def test_write_read_only_then_take_over_once_the_first_window_closes(
    app: AppFactory, data_dir: Path, first_window: Store
) -> None:
    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        form_app = await open_read_only_form(pilot)
        assert form_app is hw
        top = screen_text(hw).splitlines()[0]
        assert "Read-only" in top and "another window" in top
        assert "Take over" in footer_text(hw)  # F5 in the footer
        await pilot.press("ctrl+s")  # refused: said truly, with the ways out
        await wait_until(pilot, lambda: hw.screen.id == "read-only-save")
        words = screen_words(hw)
        assert "not on disk" in words and "kept as a draft" not in words
        assert "Save to a file (f)" in words and "Take over (t)" in words and "Back (b)" in words
        await pilot.press("b")
        await wait_until(pilot, lambda: isinstance(hw.screen, JournalEntryForm))
        assert "not on disk" in screen_words(hw) and "draft" not in screen_words(hw)
        # The first window writes once more, then closes; this one notices by itself.
        journal_repo(first_window).add(JournalEntry(title="written last", text="y"))
        first_window.close()
        await wait_until(pilot, lambda: "other window has closed" in screen_words(hw), timeout=10)
        await pilot.press("f5")
        await wait_until(pilot, lambda: not hw.read_only, timeout=10)
        await wait_until(pilot, lambda: not hw.screen.query("#read-only-banner"))
        assert isinstance(hw.screen, JournalEntryForm)  # the form and its text as they were
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: type(hw.screen).__name__ == "JournalScreen")
        await wait_until(pilot, lambda: any("saved" in n for n in notifications(hw)))
        saved = entries(data_dir)  # a reader may look while this window holds the data
    hw.close_store()
    assert saved == {"from the first window": "x", "written last": "y", "Evening": TEXT}
    assert entries(data_dir) == saved


async def test_take_over_from_the_refusal_saves_in_one_go(
    app: AppFactory, data_dir: Path, first_window: Store
) -> None:
    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        await open_read_only_form(pilot)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: hw.screen.id == "read-only-save")
        await pilot.press("t")  # the first window is still open: refused, nothing lost
        await wait_until(pilot, lambda: any("still open" in n for n in notifications(hw)))
        assert hw.read_only and isinstance(hw.screen, JournalEntryForm)
        first_window.close()
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: hw.screen.id == "read-only-save")
        await pilot.press("t")
        await wait_until(pilot, lambda: type(hw.screen).__name__ == "JournalScreen", timeout=10)
    hw.close_store()
    assert entries(data_dir)["Evening"] == TEXT


async def test_writing_in_a_read_only_window_saves_to_a_chosen_file(
    app: AppFactory,
    data_dir: Path,
    first_window: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        await open_read_only_form(pilot)
        assert "Save to a file" in footer_text(hw)  # F6 in the footer
        await pilot.press("f6")
        await wait_until(pilot, lambda: hw.screen.id == "save-to-file")
        path_box: Any = hw.screen.query_one("#save-path")
        suggested = Path(path_box.value)
        assert suggested.parent == home and suggested.name.startswith("homework-tui-journal-")
        taken = home / "taken.txt"
        taken.write_text("someone else's")
        path_box.value = str(taken)
        await pilot.press("enter")  # never overwrites: a one-line message instead
        await wait_until(pilot, lambda: "already something at" in screen_words(hw))
        assert taken.read_text() == "someone else's"
        path_box.value = str(suggested)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(hw.screen, JournalEntryForm))
        await wait_until(pilot, lambda: "Saved to a file" in screen_words(hw))
        assert str(suggested) in " ".join(notifications(hw))
        # Leaving now asks, with no word of a draft: nothing is kept in the data.
        await pilot.press("escape")
        await wait_until(pilot, lambda: hw.screen.id == "read-only-leave")
        assert "draft" not in screen_words(hw)
        await pilot.press("d")
        await wait_until(pilot, lambda: type(hw.screen).__name__ == "JournalScreen")
    hw.close_store()
    text = suggested.read_text(encoding="utf-8")
    assert "Title:\nEvening\n" in text and f"Text:\n{TEXT}\n" in text
    assert stat.S_IMODE(os.stat(suggested).st_mode) == 0o600
    assert "Evening" not in entries(data_dir)  # nothing was written to the data


async def test_started_read_only_says_so_without_blaming_another_window(
    app: AppFactory, data_dir: Path
) -> None:
    Store.open(data_dir).close()
    hw = app(read_only=True)
    async with hw.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await wait_until(pilot, lambda: bool(hw.screen.query("#read-only-banner")))
        words = screen_words(hw)
        assert "--read-only" in words and "another window" not in words
    hw.close_store()


async def test_quitting_a_read_only_window_with_typing_asks_and_says_why(
    app: AppFactory, data_dir: Path, first_window: Store
) -> None:
    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        await open_read_only_form(pilot)
        form = hw.screen
        assert isinstance(form, JournalEntryForm)
        await wait_until(pilot, form.draft_at_risk)  # its draft write was refused
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: hw.screen.id == "unsaved-quit")
        message = " ".join(str(hw.screen.message).split())  # type: ignore[attr-defined]
        assert "read-only" in message and "F6" in message and "Free some space" not in message
        await pilot.press("s")  # stay: the text is still there
        await wait_until(pilot, lambda: hw.screen is form)
        assert form.draft_snapshot()[0]["text"] == TEXT
    hw.close_store()
