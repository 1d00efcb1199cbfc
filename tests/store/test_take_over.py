"""A window that opened the data read-only (another held it) takes over once that one closes: it
reloads from disk, so nothing the other window wrote is lost, and it saves from then on."""

from __future__ import annotations

from pathlib import Path

import pytest

from homework_tui.model.journal import JournalEntry
from homework_tui.store import DataLocked, ReadOnly, Repository, Store
from homework_tui.store.crypto import KdfParams


def journal(store: Store) -> Repository[JournalEntry]:
    return Repository(store, "journal", JournalEntry)


def titles(store: Store) -> set[str]:
    return {e.title for e in journal(store).all()}


def test_take_over_waits_for_the_other_window_and_keeps_what_it_wrote(tmp_path: Path) -> None:
    first = Store.open(tmp_path)
    journal(first).add(JournalEntry(title="before", text="x"))
    second = Store.open(tmp_path, read_only=True)
    journal(first).add(JournalEntry(title="while both were open", text="x"))
    with pytest.raises(DataLocked):
        second.take_over()
    assert second.read_only
    with pytest.raises(ReadOnly):
        journal(second).add(JournalEntry(title="refused", text="x"))
    first.close()
    second.take_over()
    assert not second.read_only
    assert titles(second) == {"before", "while both were open"}
    journal(second).add(JournalEntry(title="after taking over", text="x"))
    with pytest.raises(DataLocked):  # the second window is the writer now
        Store.open(tmp_path)
    second.close()
    with Store.open(tmp_path) as store:
        assert titles(store) == {"before", "while both were open", "after taking over"}


def test_take_over_after_a_crash_replays_the_journal_it_left(tmp_path: Path) -> None:
    first = Store.open(tmp_path, passphrase=None)
    first.set_passphrase("correct horse", KdfParams(salt=b"t" * 16, n=2**10))
    second = Store.open(tmp_path, read_only=True, passphrase="correct horse")
    journal(first).add(JournalEntry(title="only in the journal", text="x"))
    first.storage.close()  # the first window dies: its lock goes, its journal stays
    first._lock.release()  # type: ignore[union-attr]
    second.take_over()
    assert titles(second) == {"only in the journal"}
    journal(second).add(JournalEntry(title="second", text="x"))
    second.close()
    with Store.open(tmp_path, passphrase="correct horse") as store:
        assert titles(store) == {"only in the journal", "second"}
