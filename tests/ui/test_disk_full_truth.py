"""A full disk (issue 13, point 3) and quitting with something unsaved (point 7): every message
says what is on disk, checked against the data file read back afterwards as a restart would
read it; quitting with writing not saved as a record, or mid relaxation session, always asks.

The full disk is an ENOSPC injected where the store writes its journal and snapshots (tests run
as root, for whom a read-only folder is no fault); the store below it is the real one."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static, TextArea

from homework_tui.app import HomeworkApp
from homework_tui.model.draft import Draft
from homework_tui.model.journal import JournalEntry
from homework_tui.ui.journal.journal_entry import JournalEntryForm, journal_repo
from homework_tui.ui.quit_check import QUIT_ID
from homework_tui.store import Repository, Store
from homework_tui.store import storage as storage_module
from homework_tui.store.drafts import Drafts
from homework_tui.store.errors import WriteFailed
from tests.ui.helpers import SIZE, screen_words, wait_ready, wait_screen, wait_until

WORDS = "Quetzalcoatl wept by the river, [bold]quietly[/bold] 🌊. " * 40
EARLY = "The first lines, written before the disk filled."


@dataclass
class Disk:
    full: bool = False


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Disk]:
    monkeypatch.setenv("HOMEWORK_TUI_CACHE_DIR", str(tmp_path / "cache"))
    state = Disk()
    write_all, atomic_write = storage_module._write_all, storage_module.atomic_write

    def refuse(real: Any) -> Any:
        def write(*args: Any) -> None:
            if state.full:
                raise OSError(errno.ENOSPC, "No space left on device")
            real(*args)

        return write

    monkeypatch.setattr(storage_module, "_write_all", refuse(write_all))
    monkeypatch.setattr(storage_module, "atomic_write", refuse(atomic_write))
    yield state


@dataclass
class OnDisk:
    entries: list[JournalEntry]
    drafts: list[Draft]


def on_disk(folder: Path) -> OnDisk:
    """What a restart would find (read through the store, as the app reads it)."""
    with Store.open(folder, read_only=True) as store:
        return OnDisk(journal_repo(store).all(), Drafts(store).pending("journal"))


def words(app: HomeworkApp) -> str:
    """The screen's words, and in full the form's message (a long one may scroll)."""
    said = app.screen.query("#form-message")
    message = str(said.first(Static).content) if said and said.first().display else ""
    return " ".join((screen_words(app).replace("█", " ") + " " + message).split())


async def open_new_entry(pilot: Any, fill: Disk | None = None) -> JournalEntryForm:
    """Journal → n → "Kept" as the title → Tab. `fill`: the disk fills as the form opens."""
    app = await wait_ready(pilot)
    await pilot.press("j")
    await wait_screen(pilot, "JournalScreen")
    await pilot.press("n")
    await wait_screen(pilot, "JournalEntryForm")
    form = app.screen
    assert isinstance(form, JournalEntryForm)
    if fill is not None:
        fill.full = True
    await pilot.press(*"Kept", "tab")
    return form


async def test_full_from_the_start_says_nothing_is_on_disk_and_it_is_so(
    data_dir: Path, disk: Disk
) -> None:
    app = HomeworkApp(data_dir)
    try:
        async with app.run_test(size=SIZE) as pilot:
            form = await open_new_entry(pilot, fill=disk)
            form.query_one("#text", TextArea).insert(WORDS)
            await pilot.press("ctrl+s")
            await wait_until(pilot, lambda: "Not saved yet" in words(app), timeout=10)
            said = words(app)
            assert "the disk is full" in said
            assert "none of it is on disk yet" in said and "kept as a draft." not in said
            assert on_disk(data_dir) == OnDisk([], [])

            await pilot.press("escape")  # leaving: the dialog says it is not on disk
            await wait_screen(pilot, "ChoiceDialog")
            assert "not on disk yet" in words(app) and "safe as a draft" not in words(app)
            assert on_disk(data_dir) == OnDisk([], [])
            await pilot.press("escape")
            await wait_until(pilot, lambda: app.screen is form)

            await pilot.press("ctrl+q")  # quitting: asks, and says it would be lost
            await wait_until(pilot, lambda: app.screen.id == QUIT_ID)
            asked = words(app)
            assert "lost if you quit" in asked and "none of it is on disk yet" in asked
            await pilot.press("s")
            await wait_until(pilot, lambda: app.screen is form)
            assert app.is_running

            disk.full = False  # space back: now the same question says it is on disk
            await pilot.press("escape")
            await wait_screen(pilot, "ChoiceDialog")
            assert "on disk as a draft" in words(app)
            assert [d.fields["text"] for d in on_disk(data_dir).drafts] == [WORDS]
            await pilot.press("k")
            await wait_screen(pilot, "JournalScreen")
    finally:
        app.close_store()
    kept = on_disk(data_dir)
    assert kept.entries == [] and [d.fields["text"] for d in kept.drafts] == [WORDS]


async def test_an_older_draft_is_named_as_older_and_is_what_comes_back(
    data_dir: Path, disk: Disk
) -> None:
    app = HomeworkApp(data_dir)
    try:
        async with app.run_test(size=SIZE) as pilot:
            form = await open_new_entry(pilot)
            area = form.query_one("#text", TextArea)
            area.insert(EARLY)
            await pilot.press("ctrl+q")  # not full: the draft is written, then asked
            await wait_until(pilot, lambda: app.screen.id == QUIT_ID)
            assert "on disk as a draft" in words(app)
            assert [d.fields["text"] for d in on_disk(data_dir).drafts] == [EARLY]
            await pilot.press("escape")
            await wait_until(pilot, lambda: app.screen is form)

            disk.full = True
            area.insert(WORDS)
            await pilot.press("ctrl+s")
            await wait_until(pilot, lambda: "Not saved yet" in words(app), timeout=10)
            assert "the draft on disk is an older one, from" in words(app)
            await pilot.press("ctrl+q")
            await wait_until(pilot, lambda: app.screen.id == QUIT_ID)
            assert "the draft on disk is an older one" in words(app)
            await pilot.press("q")  # quit anyway
            await wait_until(pilot, lambda: not app.is_running)
    finally:
        app.close_store()
    back = on_disk(data_dir)
    assert back.entries == []  # reported "Not saved yet": no record, whole or partial
    assert [d.fields["text"] for d in back.drafts] == [EARLY]  # the older draft, as said


async def test_a_save_refused_keeps_the_draft_and_says_so_only_when_it_is_on_disk(
    data_dir: Path, disk: Disk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The record's write fails but the draft's succeeds: "kept as a draft" is true."""
    real_save = Repository.save

    def refuse_journal(self: Repository[Any], record: Any) -> Any:
        if self.name == "journal":
            raise WriteFailed(data_dir / "homework.json", OSError(errno.ENOSPC, "full"))
        return real_save(self, record)

    app = HomeworkApp(data_dir)
    try:
        async with app.run_test(size=SIZE) as pilot:
            form = await open_new_entry(pilot)
            form.query_one("#text", TextArea).insert(WORDS)
            monkeypatch.setattr(Repository, "save", refuse_journal)
            await pilot.press("ctrl+s")
            await wait_until(pilot, lambda: "Not saved yet" in words(app), timeout=10)
            assert "Your writing is kept as a draft." in words(app)
            assert [d.fields["text"] for d in on_disk(data_dir).drafts] == [WORDS]
            assert on_disk(data_dir).entries == []
    finally:
        app.close_store()


async def test_quit_with_nothing_unsaved_quits_at_once(data_dir: Path, disk: Disk) -> None:
    app = HomeworkApp(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_new_entry(pilot)
        form.query_one("#title", Input).value = ""  # back to what it was opened with
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: not app.is_running)
    app.close_store()
