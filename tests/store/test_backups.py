"""Backups taken at start and quit, rotated, summarised with their records per kind; damaged files
set aside stay named until kept aside or deleted."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from homework_tui.model.journal import JournalEntry
from homework_tui.store import Repository, Store, list_backups
from homework_tui.store.backups import (
    Backup,
    BackupReader,
    damaged_files,
    delete_damaged,
    find_backups,
    keep_aside,
    kept_damaged,
    parse_backup,
    to_remove,
)
from homework_tui.store.crypto import KdfParams

FAST = KdfParams(salt=b"b" * 16, n=2**10)


def journal(store: Store) -> Repository[JournalEntry]:
    return Repository(store, "journal", JournalEntry)


def test_nothing_to_back_up_writes_no_backup(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        assert store.back_up("start") is None  # empty data: an empty backup helps nobody
    assert list_backups(tmp_path) == []


def test_start_and_quit_backups_are_named_by_time_and_reason_and_skip_repeats(
    tmp_path: Path,
) -> None:
    at = datetime(2026, 12, 4, 20, 25, 7)
    with Store.open(tmp_path) as store:
        journal(store).add(JournalEntry(title="walk", text="felt better"))
        first = store.back_up("start", at)
        assert first is not None and first.name == "homework-2026-12-04-202507-start.json"
        assert store.back_up("quit", at + timedelta(minutes=5)) is None  # nothing changed
        journal(store).add(JournalEntry(title="sleep", text="slept well"))
        second = store.back_up("quit", at + timedelta(minutes=6))
    assert second is not None and second.name == "homework-2026-12-04-203107-quit.json"
    found = find_backups(tmp_path)
    assert [b.path for b in found] == [second, first]
    assert found[0].when == "Fri 4 Dec 2026, 20:31" and found[0].why == "when homework-tui closed"
    summary = BackupReader().summary(second)
    assert summary.counts is not None and summary.counts["journal"] == 2
    assert summary.describe() == "2 journal entries"
    assert BackupReader().summary(first).describe() == "1 journal entry"


def test_encrypted_backups_are_counted_only_with_the_key(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        journal(store).add(JournalEntry(title="walk", text="x"))
        store.set_passphrase("correct horse", FAST)
        path = store.back_up("start")
        sealer = store.storage.sealer
    assert path is not None
    assert "encrypted" in BackupReader().summary(path).describe()
    assert BackupReader(sealer).summary(path).describe() == "1 journal entry"
    assert BackupReader(passphrase="correct horse").summary(path).describe() == "1 journal entry"
    path.write_bytes(path.read_bytes()[:-10])
    assert BackupReader(sealer).summary(path).describe() == "could not be read"


def test_rotation_keeps_the_seven_newest_and_one_a_day_for_thirty_days() -> None:
    start = datetime(2026, 10, 1, 9, 0)
    backups = [
        Backup(Path(f"b{d}-{h}"), start + timedelta(days=d, hours=h), True, "quit")
        for d in range(40)
        for h in range(3)
    ]
    gone = {b.path for b in to_remove(backups)}
    kept = [b for b in backups if b.path not in gone]
    newest = sorted(backups, key=lambda b: b.taken_at)[-7:]
    assert all(b in kept for b in newest)
    days = {b.taken_at.date() for b in kept}
    assert len(days) == 30 and min(days) == (start + timedelta(days=10)).date()
    # per older day only its newest backup stays
    older = [b for b in kept if b not in newest]
    assert all(b.taken_at.hour == 11 for b in older)
    assert len(kept) == 7 + (30 - 3)  # the 7 newest span the last 3 days


def test_old_daily_names_are_still_read_and_sorted_by_time(tmp_path: Path) -> None:
    old = parse_backup(tmp_path / "homework-2026-12-04.json")
    new = parse_backup(tmp_path / "homework-2026-12-04-080000-start.json")
    assert old is not None and new is not None
    assert not old.has_time and old.when == "Fri 4 Dec 2026" and old.why == "daily backup"
    assert new.has_time and new.taken_at > old.taken_at
    assert parse_backup(tmp_path / "notes.json") is None


def test_damaged_files_are_named_until_kept_aside_or_deleted(tmp_path: Path) -> None:
    (tmp_path / "homework.json.corrupt-20261204-201500").write_bytes(b"{ damaged")
    (tmp_path / "homework.json.journal.corrupt-20261204-201500").write_bytes(b"x")
    found = damaged_files(tmp_path)
    assert [d.path.name for d in found] == [
        "homework.json.corrupt-20261204-201500",
        "homework.json.journal.corrupt-20261204-201500",
    ]
    assert found[0].when == "Fri 4 Dec 2026, 20:15"
    keep_aside(tmp_path, found[:1])
    assert [d.path.name for d in damaged_files(tmp_path)] == [found[1].path.name]
    kept = kept_damaged(tmp_path)
    assert [d.path.read_bytes() for d in kept] == [b"{ damaged"]  # kept, untouched
    delete_damaged(damaged_files(tmp_path))
    assert damaged_files(tmp_path) == [] and len(kept_damaged(tmp_path)) == 1
