"""Backups in the real app: taken at start (before anything is written) and at quit; a damaged
data file offers every backup with its date, time and record counts; a damaged file set aside is
named at every start, and by doctor, until the person restores, keeps it aside or deletes it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from homework_tui.app import HomeworkApp
from homework_tui.doctor import Level, check_data
from homework_tui.model.journal import JournalEntry
from homework_tui.ui.journal.journal_entry import journal_repo
from homework_tui.store import CorruptData, Store
from homework_tui.store.backups import (
    BackupReader,
    damaged_files,
    find_backups,
    kept_damaged,
)
from tests.ui.helpers import SIZE, notifications, screen_words, wait_ready, wait_until

AppFactory = Callable[..., HomeworkApp]


def titles(folder: Path) -> set[str]:
    with Store.open(folder, read_only=True) as store:
        return {e.title for e in journal_repo(store).all()}


def dialog_text(app: HomeworkApp) -> str:
    """The shown dialog's own words (the screen behind it interleaves with them on screen)."""
    screen: Any = app.screen
    if screen.id == "restore-backup":
        options = screen.query_one("#backup-list")
        return "\n".join(
            str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
        )
    return " ".join(str(screen.message).split())


def seed_two_backups(folder: Path) -> None:
    """Tue 1 Dec 09:30 holds "one"; Wed 2 Dec 18:05 holds "one" and "two"; then the data file is
    damaged (and its journal gone)."""
    with Store.open(folder) as store:
        journal_repo(store).add(JournalEntry(title="one", text="x"))
        store.back_up("quit", datetime(2026, 12, 1, 9, 30))
        journal_repo(store).add(JournalEntry(title="two", text="x"))
        store.back_up("start", datetime(2026, 12, 2, 18, 5))
    (folder / "homework.json").write_bytes(b"{ this is not json")
    (folder / "homework.json.journal").unlink(missing_ok=True)


async def test_the_app_backs_up_at_start_before_writing_and_at_quit(
    app: AppFactory, data_dir: Path
) -> None:
    with Store.open(data_dir) as store:
        journal_repo(store).add(JournalEntry(title="before", text="x"))
    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        (start,) = find_backups(data_dir)  # there by the time the data is ready for use
        assert start.reason == "start"
        assert hw.store is not None
        journal_repo(hw.store).add(JournalEntry(title="during", text="x"))
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: not hw.is_running)
    hw.close_store()
    newest, first = find_backups(data_dir)
    assert first == start and newest.reason == "quit"
    assert BackupReader().summary(start.path).describe() == "1 journal entry"
    assert BackupReader().summary(newest.path).describe() == "2 journal entries"


async def test_a_damaged_file_offers_every_backup_with_its_time_and_counts(
    app: AppFactory, data_dir: Path
) -> None:
    seed_two_backups(data_dir)
    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: hw.screen.id == "problem-corrupt", timeout=10)
        await wait_until(pilot, lambda: "There are 2 backups" in screen_words(hw))
        words = dialog_text(hw)
        assert (
            "There are 2 backups. The newest: Wed 2 Dec 2026, 18:05 (when homework-tui started), "
            "2 journal entries"
            in words
            and "the newest is" not in words
        )
        await pilot.press("r")
        await wait_until(pilot, lambda: hw.screen.id == "restore-backup")
        await wait_until(pilot, lambda: "Tue 1 Dec 2026, 09:30" in screen_words(hw))
        words = dialog_text(hw)
        assert "Wed 2 Dec 2026, 18:05 · when homework-tui started · 2 journal entries" in words
        assert "Tue 1 Dec 2026, 09:30 · when homework-tui closed · 1 journal entry" in words
        await pilot.press("down", "enter")  # the older one
        await wait_ready(pilot)
        await wait_until(pilot, lambda: any("restored" in n for n in notifications(hw)))
        note = " ".join(notifications(hw))
        assert "Tue 1 Dec 2026, 09:30 is restored" in note and "not in it" in note
        assert "set-aside" in note
    hw.close_store()
    assert titles(data_dir) == {"one"}
    assert damaged_files(data_dir) == [] and len(kept_damaged(data_dir)) == 1


async def answer_damaged_notice(hw: HomeworkApp, folder: Path, path: str, key: str) -> None:
    """Start, see the notice naming `path` (doctor says the same meanwhile), then press `key`."""
    async with hw.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: hw.screen.id == "damaged-notice", timeout=10)
        await wait_until(pilot, lambda: "Delete (d)" in screen_words(hw))
        words = screen_words(hw)
        assert path in dialog_text(hw)
        assert "Your data is empty now" in dialog_text(hw)
        assert "Esc decides later" in dialog_text(hw)
        for offer in ("Restore… (r)", "Keep aside (k)", "Delete (d)"):
            assert offer in words
        finding = check_data(folder)
        assert finding.level is Level.WARN and "damaged data file" in finding.summary
        await pilot.press(key)
        await wait_ready(pilot)
    hw.close_store()


async def test_quitting_without_restoring_is_named_at_each_start_and_by_doctor(
    app: AppFactory, data_dir: Path
) -> None:
    seed_two_backups(data_dir)
    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: hw.screen.id == "problem-corrupt", timeout=10)
        await pilot.press("q")
        await wait_until(pilot, lambda: not hw.is_running)
    (damaged,) = damaged_files(data_dir)
    assert damaged.path.read_bytes() == b"{ this is not json"  # untouched
    for choice in ("escape", "k"):  # later; then keep it aside
        await answer_damaged_notice(app(), data_dir, str(damaged.path), choice)
    assert damaged_files(data_dir) == []
    assert [k.path.read_bytes() for k in kept_damaged(data_dir)] == [b"{ this is not json"]
    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        assert hw.screen.id != "damaged-notice"
    hw.close_store()
    finding = check_data(data_dir)
    assert finding.level is Level.OK and "damaged data file" not in finding.summary


async def test_a_damaged_file_can_be_deleted_after_a_second_question(
    app: AppFactory, data_dir: Path
) -> None:
    seed_two_backups(data_dir)
    with pytest.raises(CorruptData):
        Store.open(data_dir)  # sets the damaged file aside
    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: hw.screen.id == "damaged-notice", timeout=10)
        await pilot.press("d")
        await wait_until(pilot, lambda: hw.screen.id == "confirm-delete-damaged")
        assert damaged_files(data_dir)  # nothing deleted before the second yes
        await pilot.press("d")
        await wait_ready(pilot)
        await wait_until(pilot, lambda: any("deleted" in n for n in notifications(hw)))
    hw.close_store()
    assert damaged_files(data_dir) == [] and kept_damaged(data_dir) == []
    assert len(find_backups(data_dir)) == 2  # backups untouched
