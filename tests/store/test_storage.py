"""The journaled storage and the store's promises, on real files in tmp_path."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import orjson
import pytest

from homework_tui.model.base import Entity
from homework_tui.store import (
    CorruptData,
    DataLocked,
    NewerSchema,
    ReadOnly,
    Repository,
    Store,
    UnreadableFolder,
    list_backups,
    restore_backup,
)
from homework_tui.store import schema
from homework_tui.store.storage import journal_path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True, kw_only=True)
class Note(Entity):
    text: str
    mood: int | None = None


def notes(store: Store) -> Repository[Note]:
    return Repository(store, "notes", Note)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "data"


def test_saved_records_come_back_after_reopen(folder: Path) -> None:
    with Store.open(folder) as store:
        first = notes(store).add(Note(text="first", mood=3))
        second = notes(store).add(Note(text="second"))
        notes(store).add(Note(id=first.id, created_at=first.created_at, text="first, edited"))
    with Store.open(folder) as store:
        again = notes(store)
        assert len(again) == 2
        assert again.get(first.id).text == "first, edited"
        assert again.get(first.id).updated_at > first.updated_at
        assert again.get(second.id) == second


def test_changes_are_in_the_journal_before_any_snapshot(folder: Path) -> None:
    """A save appends to the journal; reopening without a clean close replays it."""
    store = Store.open(folder)
    note = notes(store).add(Note(text="only in the journal"))
    assert note.id.encode() in journal_path(store.file).read_bytes()
    store.storage.close()  # no compaction: as if the process died here
    store._lock.release()  # type: ignore[union-attr]
    with Store.open(folder) as reopened:
        assert notes(reopened).get(note.id) == note
        assert reopened.storage.replayed == 1


def test_torn_last_journal_line_is_dropped(folder: Path) -> None:
    store = Store.open(folder)
    kept = notes(store).add(Note(text="kept"))
    store.storage.close()
    store._lock.release()  # type: ignore[union-attr]
    with open(journal_path(store.file), "ab") as journal:
        journal.write(b'0badc0de {"t": "notes", "o": [["x", {"te')  # died mid-append
    with Store.open(folder) as reopened:
        assert [n.id for n in notes(reopened).all()] == [kept.id]
        notes(reopened).add(Note(text="after the tear"))
    with Store.open(folder) as again:
        assert len(notes(again)) == 2


def test_damage_inside_the_journal_is_reported_and_moved_aside(folder: Path) -> None:
    store = Store.open(folder)
    for i in range(3):
        notes(store).add(Note(text=f"note {i}"))
    store.storage.close()
    store._lock.release()  # type: ignore[union-attr]
    journal = journal_path(store.file)
    lines = journal.read_bytes().split(b"\n")
    lines[2] = lines[2].replace(b"note", b"nope")  # checksum no longer matches
    journal.write_bytes(b"\n".join(lines))
    with pytest.raises(CorruptData) as caught:
        Store.open(folder)
    assert "could not be read" in str(caught.value)
    assert caught.value.moved_to.exists()
    assert not journal.exists()


def test_corrupt_snapshot_is_moved_aside_and_backup_offered(folder: Path) -> None:
    with Store.open(folder) as store:
        kept = notes(store).add(Note(text="in yesterday's backup"))
        assert store.backup_if_due(date.today() - timedelta(days=1)) is not None
    data_file = folder / "homework.json"
    data_file.write_bytes(b'{"format": "homework-tui", "tables": {"notes": {')
    with pytest.raises(CorruptData) as caught:
        Store.open(folder)
    error = caught.value
    assert error.moved_to.name.startswith("homework.json.corrupt-")
    assert error.moved_to.read_bytes().startswith(b'{"format"')  # moved, untouched
    assert str(error.moved_to) in str(error)
    assert error.backups and error.backups[0].name.endswith(".json")
    restore_backup(folder, error.backups[0])
    with Store.open(folder) as store:
        assert notes(store).get(kept.id) == kept


def test_restored_backup_is_not_overwritten_by_a_stale_journal(folder: Path) -> None:
    with Store.open(folder) as store:
        notes(store).add(Note(text="old"))
        store.backup_if_due(date(2026, 1, 1))
    store = Store.open(folder)
    notes(store).add(Note(text="new, only in the journal"))
    store.storage.close()
    store._lock.release()  # type: ignore[union-attr]
    restore_backup(folder, list_backups(folder)[0])
    with Store.open(folder) as store:
        assert [n.text for n in notes(store).all()] == ["old"]


def test_daily_backups_roll_over_keeping_one_per_day_for_thirty_days(folder: Path) -> None:
    with Store.open(folder) as store:
        notes(store).add(Note(text="x"))
        for day in range(40):
            store.backup_if_due(date(2026, 10, 1) + timedelta(days=day))
        assert store.backup_if_due(date(2026, 11, 9)) is None  # already done that day
    names = [p.name for p in list_backups(folder)]
    assert len(names) == 30
    assert names[0].startswith("homework-2026-11-09-") and names[0].endswith("-daily.json")
    assert names[-1].startswith("homework-2026-10-11-")


def test_second_writer_is_told_the_data_is_open_elsewhere(folder: Path) -> None:
    with Store.open(folder) as store:
        note = notes(store).add(Note(text="mine"))
        code = (
            "import sys; from pathlib import Path\n"
            "from homework_tui.store import Store, DataLocked\n"
            "try:\n    Store.open(Path(sys.argv[1]))\n"
            "except DataLocked as e:\n    print(e); sys.exit(3)\n"
        )
        run = subprocess.run(
            [sys.executable, "-c", code, str(folder)], capture_output=True, text=True, cwd=ROOT
        )
        assert run.returncode == 3, run.stderr
        assert "open in another homework-tui window" in run.stdout
        with Store.open(folder, read_only=True) as viewer:
            assert notes(viewer).get(note.id) == note
            with pytest.raises(ReadOnly):
                notes(viewer).add(Note(text="refused"))
        notes(store).add(Note(text="the writer still writes"))
    with Store.open(folder) as store:
        assert len(notes(store)) == 2
        with pytest.raises(DataLocked):
            Store.open(folder)


def test_newer_schema_is_refused_and_never_rewritten(folder: Path) -> None:
    folder.mkdir(mode=0o700)
    data_file = folder / "homework.json"
    body = {"_meta": {"schema": {"version": schema.CURRENT_VERSION + 1}}, "notes": {}}
    data_file.write_bytes(orjson.dumps(body))
    before = data_file.read_bytes()
    with pytest.raises(NewerSchema) as caught:
        Store.open(folder)
    assert "newer homework-tui" in str(caught.value)
    assert data_file.read_bytes() == before
    with pytest.raises(NewerSchema):  # the lock was released: a second try says the same
        Store.open(folder)


def test_migrations_run_forward_in_order() -> None:
    seen: list[int] = []

    def step(n: int):  # type: ignore[no-untyped-def]
        def run(tables):  # type: ignore[no-untyped-def]
            seen.append(n)
            tables.setdefault("log", {})[str(n)] = {"step": n}
            return tables

        return run

    tables = {"_meta": {"schema": {"version": 1}}}
    migrated, old = schema.migrate(tables, [step(0), step(1), step(2)])
    assert old == 1 and seen == [1, 2]
    assert schema.version_of(migrated) == 3


def test_plain_tinydb_file_is_migrated_and_the_original_kept(folder: Path) -> None:
    folder.mkdir(mode=0o700)
    data_file = folder / "homework.json"
    data_file.write_text(
        '{"notes": {"a": {"id": "a", "text": "from before", '
        '"created_at": "2026-01-01T10:00:00+01:00", '
        '"updated_at": "2026-01-01T10:00:00+01:00"}}}'
    )
    with Store.open(folder) as store:
        assert store.migrated_from == 0
        assert store.schema_version == schema.CURRENT_VERSION
        assert notes(store).get("a").text == "from before"
    assert (folder / "homework.json.pre-v0").exists()


def test_folder_that_cannot_be_used_gets_a_clear_message(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("I am a file")
    with pytest.raises(UnreadableFolder) as caught:
        Store.open(not_a_folder / "data")
    assert "cannot be used" in str(caught.value)


def test_permissions_are_private(folder: Path) -> None:
    folder.mkdir(mode=0o755)
    with Store.open(folder) as store:
        notes(store).add(Note(text="private"))
        store.backup_if_due()
    assert folder.stat().st_mode & 0o777 == 0o700
    for path in [
        folder / "homework.json",
        journal_path(folder / "homework.json"),
        *list_backups(folder),
    ]:
        assert path.stat().st_mode & 0o777 == 0o600, path


def test_leftover_temp_files_are_cleaned(folder: Path) -> None:
    Store.open(folder).close()
    leftover = folder / ".homework.json.tmp-deadbeef"
    leftover.write_text("half a snapshot")
    Store.open(folder).close()
    assert not leftover.exists()


def test_trash_restore_and_purge(folder: Path) -> None:
    with Store.open(folder) as store:
        repo = notes(store)
        note = repo.add(Note(text="to trash"))
        assert repo.delete(note.id)
        assert repo.get(note.id) is None and repo.all() == []
        assert [n.id for n in repo.trash()] == [note.id]
        assert repo.trashed_at(note.id) is not None
        assert repo.restore(note.id) and repo.get(note.id) == note
        assert not repo.purge(note.id)  # only from the trash
        repo.delete(note.id)
        assert repo.purge(note.id) and repo.trash() == []


_FULL_DISK_CHILD = """
import resource, signal, sys
from dataclasses import dataclass
from pathlib import Path
from homework_tui.model.base import Entity
from homework_tui.store import Repository, Store, WriteFailed

@dataclass(frozen=True, kw_only=True)
class Note(Entity):
    text: str
    mood: int | None = None

signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a full disk: writes fail with an error
store = Store.open(Path(sys.argv[1]))
repo = Repository(store, "notes", Note)
size = store.storage.journal.stat().st_size
resource.setrlimit(resource.RLIMIT_FSIZE, (size + 10_000, resource.RLIM_INFINITY))
try:
    repo.add(Note(text="too big " * 100_000))
except WriteFailed as error:
    print("MESSAGE", error)
    print("IN MEMORY", len(repo))
"""


def test_full_disk_is_reported_and_nothing_is_lost(folder: Path) -> None:
    with Store.open(folder) as store:
        kept = [notes(store).add(Note(text=f"kept {i}")).id for i in range(5)]
    run = subprocess.run(
        [sys.executable, "-c", _FULL_DISK_CHILD, str(folder)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert "MESSAGE Could not save" in run.stdout, run.stdout + run.stderr
    assert "IN MEMORY 5" in run.stdout  # the failed save was rolled back
    with Store.open(folder) as store:
        assert sorted(n.id for n in notes(store).all()) == sorted(kept)


def test_a_hand_edited_record_nested_a_thousand_deep_is_unreadable_not_a_crash(
    tmp_path: Path,
) -> None:
    """orjson reads up to 1,024 levels; a plain repr of such a value in the codec's error message
    recursed past Python's limit. The record is reported unreadable and left on disk."""
    from homework_tui.model.journal import JournalEntry

    folder = tmp_path / "data"
    with Store.open(folder) as store:
        repo = Repository(store, "journal", JournalEntry)
        kept = repo.add(JournalEntry(title="kept", text="x"))
        edited = repo.add(JournalEntry(title="edited by hand", text="y"))
    data_file = next(p for p in folder.iterdir() if p.suffix == ".json")
    document = orjson.loads(data_file.read_bytes())
    document["tables"]["journal"][edited.id]["mood"] = "DEEP"
    data_file.write_bytes(orjson.dumps(document).replace(b'"DEEP"', b"[" * 1000 + b"]" * 1000))
    on_disk = data_file.read_bytes()
    with Store.open(folder) as store:
        repo = Repository(store, "journal", JournalEntry)
        assert repo.all() == [kept]
        assert repo.unreadable == [edited.id]
    assert data_file.read_bytes() == on_disk
