"""Saves that fail half-way (a full disk, a folder moved or replaced, a journal deleted) are told in
plain words, change nothing in memory, and never make a later acknowledged write disappear.

As root, chmod does not stop writes, so the faults here are real ones made another way: a journal
write refused by the OS (patched `atomic_write`), the data folder swapped for a file, the journal
deleted or replaced by a folder while the store holds it open."""

from __future__ import annotations

import errno
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import pytest

from homework_tui.model.base import Entity
from homework_tui.store import Repository, Store, WriteFailed
from homework_tui.store import storage as storage_module
from homework_tui.store.errors import plain_reason
from homework_tui.store.storage import journal_path


@dataclass(frozen=True, kw_only=True)
class Note(Entity):
    text: str


def notes(store: Store) -> Repository[Note]:
    return Repository(store, "notes", Note)


def texts(folder: Path) -> list[str]:
    with Store.open(folder) as store:
        return sorted(n.text for n in notes(store).all())


def test_a_new_journal_that_cannot_start_after_compaction_loses_nothing(tmp_path: Path) -> None:
    """The snapshot is rewritten but the new journal cannot be created (disk full just then): the
    next save must not be appended to the old journal, whose lines the next start skips."""
    folder = tmp_path / "data"
    real = storage_module.atomic_write

    def no_journal(path: Path, data: bytes) -> None:
        if path.name.endswith(".journal"):
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, data)

    with Store.open(folder) as store:
        notes(store).add(Note(text="before"))
        with mock.patch.object(storage_module, "atomic_write", no_journal):
            with pytest.raises(WriteFailed, match="the disk is full"):
                store.storage.compact()
            with pytest.raises(WriteFailed, match="the disk is full"):
                notes(store).add(Note(text="refused while full"))
        assert [n.text for n in notes(store).all()] == ["before"]  # memory as it was
        notes(store).add(Note(text="after, acknowledged"))
        store.storage.close()  # as if killed: no compaction at close
        store._lock.release()  # type: ignore[union-attr]
        store._lock = None
    assert texts(folder) == ["after, acknowledged", "before"]


def test_data_folder_replaced_by_a_file_is_told_and_saving_works_once_it_is_back(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "data"
    away = tmp_path / "data.away"
    with Store.open(folder) as store:
        notes(store).add(Note(text="first"))
        folder.rename(away)
        folder.write_text("not a folder")
        with pytest.raises(WriteFailed) as refused:
            notes(store).add(Note(text="second"))
        assert "something else is where the data folder should be" in str(refused.value)
        assert [n.text for n in notes(store).all()] == ["first"]
        folder.unlink()
        away.rename(folder)
        notes(store).add(Note(text="second"))
    assert texts(folder) == ["first", "second"]


def test_a_journal_deleted_while_open_is_noticed_and_everything_rewritten(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    with Store.open(folder) as store:
        notes(store).add(Note(text="one"))
        journal_path(store.file).unlink()
        with pytest.raises(WriteFailed, match="moved or deleted|gone"):
            notes(store).add(Note(text="two"))
        notes(store).add(Note(text="two"))  # the next save writes everything held in memory
        store.storage.close()
        store._lock.release()  # type: ignore[union-attr]
        store._lock = None
    assert texts(folder) == ["one", "two"]


def test_a_folder_where_the_journal_should_be(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    with Store.open(folder) as store:
        notes(store).add(Note(text="one"))
        journal = journal_path(store.file)
        journal.unlink()
        journal.mkdir()
        with pytest.raises(WriteFailed):
            notes(store).add(Note(text="two"))
        with pytest.raises(WriteFailed, match="a folder is where the data file should be"):
            notes(store).add(Note(text="two"))
        assert [n.text for n in notes(store).all()] == ["one"]
        shutil.rmtree(journal)
        notes(store).add(Note(text="two"))
    assert texts(folder) == ["one", "two"]


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EROFS, "the disk is read-only"),
        (errno.EACCES, "not allowed to write there"),
        (errno.EFBIG, "largest size"),
        (errno.EDQUOT, "quota"),
    ],
)
def test_reasons_are_plain_words(code: int, words: str) -> None:
    assert words in plain_reason(OSError(code, os.strerror(code)))
    message = str(WriteFailed(Path("/x/homework.json"), OSError(code, os.strerror(code))))
    assert message.startswith(f"Could not save to /x: {words}") or words in message
    assert "what you typed is still here" in message
