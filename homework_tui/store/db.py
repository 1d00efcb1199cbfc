"""Opening the data folder: permissions, the writer lock, schema, corruption and backups.

`Store.open(folder)` either returns a ready store or raises a `StoreError` whose message can be
shown to the person as it is. Nothing here ever deletes or overwrites data it could not read.
"""

from __future__ import annotations

import os
import shutil
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from homework_tui.paths import database_file
from homework_tui.store import schema
from homework_tui.store.atomic import FILE_MODE, atomic_write, journal_path
from homework_tui.store.backups import (
    BackupReader,
    find_backups,
    has_records,
    kept_damaged,
    write_backup,
)
from homework_tui.store.crypto import (
    KdfParams,
    PassphraseNeeded,
    Sealer,
    WrongPassphrase,
    is_sealed,
    params_of,
    unlock,
)
from homework_tui.store.errors import (
    CorruptData,
    NewerSchema,
    ReadOnly,
    StoreError,
    UnreadableFolder,
)
from homework_tui.store.lock import WriterLock
from homework_tui.store.storage import (
    JournaledStorage,
    Unparseable,
    decode_snapshot,
    encode_snapshot,
)
from homework_tui.store.table import JournaledTable

FOLDER_MODE = 0o700


class _Database(TinyDB):
    table_class = JournaledTable


def list_backups(folder: Path) -> list[Path]:
    """Backups beside the data, newest first."""
    return [backup.path for backup in find_backups(folder)]


def prepare_folder(folder: Path) -> None:
    """Create the data folder private to this user, or make it so."""
    try:
        folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        if folder.stat().st_mode & 0o777 != FOLDER_MODE:
            os.chmod(folder, FOLDER_MODE)
        probe = folder / ".probe"
        probe.touch(mode=FILE_MODE)
        probe.unlink()
    except OSError as error:
        raise UnreadableFolder(folder, error) from error


def move_aside(path: Path, stamp: str) -> Path:
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    os.replace(path, target)
    return target


def restore_backup(folder: Path, backup: Path, passphrase: str | None = None) -> None:
    """Make `backup` the current data. Any journal left beside the data becomes stale (the new
    snapshot's generation is higher), so it is never replayed onto the restored data. An
    encrypted backup needs its passphrase and stays encrypted."""
    data_file = database_file(folder)
    raw = backup.read_bytes()
    sealer = unlock(raw, passphrase) if is_sealed(raw) and passphrase is not None else None
    _, tables = decode_snapshot(backup, raw, sealer)
    generation = 1
    for path in (data_file, journal_path(data_file)):
        generation = max(generation, _generation_hint(path) + 1)
    atomic_write(data_file, encode_snapshot(generation, tables, sealer))


def _sealer_for(data_file: Path, passphrase: str | None) -> Sealer | None:
    """The key for an encrypted data file (derived once, checked against the file's check blob)."""
    try:
        with open(data_file, "rb") as handle:
            head = handle.read(4096)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise UnreadableFolder(data_file.parent, error) from error
    if not is_sealed(head):
        return None
    try:
        params = params_of(head)
    except (ValueError, KeyError):
        return None  # damaged header: reported as corruption when the file is read
    if passphrase is None:
        raise PassphraseNeeded(params)
    return unlock(head, passphrase)


def _generation_hint(path: Path) -> int:
    try:
        raw = path.read_bytes()
    except OSError:
        return 0
    if path.name.endswith(".journal"):
        try:
            import orjson

            return int(orjson.loads(raw.split(b"\n", 1)[0][9:]).get("generation", 0))
        except (ImportError, ValueError, TypeError, AttributeError):  # no readable header: 0
            return 0
    if is_sealed(raw):
        return 0  # its journal's header (plain) carries the generation
    try:
        return decode_snapshot(path, raw)[0]
    except (Unparseable, StoreError):
        return 0


class Store:
    """An open data folder. Use `Store.open`; close it when done (or use it as a context)."""

    def __init__(
        self, folder: Path, db: TinyDB, storage: JournaledStorage, lock: WriterLock | None
    ):
        self.folder = folder
        self.file = database_file(folder)
        self.db = db
        self.storage = storage
        self._lock = lock
        self.migrated_from: int | None = None

    @classmethod
    def open(cls, folder: Path, *, read_only: bool = False, passphrase: str | None = None) -> Store:
        """Open the data in `folder`. Encrypted data needs `passphrase` (PassphraseNeeded without
        it, WrongPassphrase with a wrong one; neither changes anything on disk)."""
        if not read_only:
            prepare_folder(folder)  # a reader changes nothing, not even permissions
        data_file = database_file(folder)
        lock = None
        if not read_only:
            lock = WriterLock(data_file)
            lock.acquire()
        try:
            sealer = _sealer_for(data_file, passphrase)
            return cls._open_locked(folder, data_file, lock, read_only, sealer)
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    @classmethod
    def _open_locked(
        cls,
        folder: Path,
        data_file: Path,
        lock: WriterLock | None,
        read_only: bool,
        sealer: Sealer | None,
    ) -> Store:
        try:
            storage = JournaledStorage(data_file, read_only=read_only, sealer=sealer)
        except Unparseable as error:
            if read_only:
                raise CorruptData(
                    data_file, data_file, list_backups(folder), error.reason
                ) from None
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            moved = move_aside(data_file, stamp) if data_file.exists() else data_file
            if journal_path(data_file).exists():
                moved_journal = move_aside(journal_path(data_file), stamp)
                if not data_file.exists() and moved == data_file:
                    moved = moved_journal
            raise CorruptData(data_file, moved, list_backups(folder), error.reason) from None
        except OSError as error:
            raise UnreadableFolder(folder, error) from error
        found = schema.version_of(storage.read())
        if found > schema.CURRENT_VERSION:
            raise NewerSchema(data_file, found, schema.CURRENT_VERSION)
        db = _Database(storage=lambda: storage)
        store = cls(folder, db, storage, lock)
        if not read_only:
            store._migrate_if_old()
        return store

    def _migrate_if_old(self) -> None:
        """Bring data of an older version forward, keeping a copy of the file as it was."""
        found = schema.version_of(self.storage.read())
        if found >= schema.CURRENT_VERSION:
            return
        if self.file.exists():
            shutil.copy2(self.file, self.file.with_name(f"{self.file.name}.pre-v{found}"))
        tables, self.migrated_from = schema.migrate(self.storage.read())
        self.storage.write(tables)

    def take_over(self) -> None:
        """Make a store opened read-only (its data open in another window) the writer, once
        that window has closed: take the lock and reload from disk, so what the other window
        wrote is kept. DataLocked while the other window still holds the data; on any failure
        the store stays read-only, as it was."""
        if not self.read_only:
            return
        prepare_folder(self.folder)
        lock = WriterLock(self.file)
        lock.acquire()
        try:
            self.storage.become_writer()
            found = schema.version_of(self.storage.read())
            if found > schema.CURRENT_VERSION:
                raise NewerSchema(self.file, found, schema.CURRENT_VERSION)
            self._migrate_if_old()
        except Unparseable as error:
            self._give_back(lock)
            raise CorruptData(
                self.file, self.file, list_backups(self.folder), error.reason
            ) from None
        except OSError as error:
            self._give_back(lock)
            raise UnreadableFolder(self.folder, error) from error
        except BaseException:
            self._give_back(lock)
            raise
        self._lock = lock

    def _give_back(self, lock: WriterLock) -> None:
        self.storage.read_only = True
        lock.release()

    # -- access ----------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self.storage.read_only

    def table(self, name: str) -> Any:
        return self.db.table(name, cache_size=0)

    @property
    def schema_version(self) -> int:
        return schema.version_of(self.storage.read())

    def count(self) -> dict[str, int]:
        """Documents per table (the schema stamp left out)."""
        tables = self.storage.read()
        return {name: len(docs) for name, docs in tables.items() if name != schema.META_TABLE}

    def write_batch(self, batch: dict[str, list[tuple[str, dict[str, Any] | None]]]) -> None:
        """Put (or, with None, remove) documents in several tables as one durable change: after a
        crash either all of it is there or none of it. On failure memory is left as it was."""
        with self.storage.lock:
            tables = self.storage.read()  # under the lock: a take-over may reload it
            if self.read_only:
                raise ReadOnly()
            before: list[tuple[str, str, dict[str, Any] | None]] = []
            for name, changes in batch.items():
                table = tables.setdefault(name, {})
                for doc_id, doc in changes:
                    before.append((name, doc_id, table.get(doc_id)))
                    if doc is None:
                        table.pop(doc_id, None)
                    else:
                        table[doc_id] = doc
            try:
                self.storage.commit_batch(list(batch.items()))
            except BaseException:
                for name, doc_id, old in reversed(before):
                    if old is None:
                        tables[name].pop(doc_id, None)
                    else:
                        tables[name][doc_id] = old
                raise

    # -- backups ---------------------------------------------------------------------------

    def back_up(
        self, reason: str, at: datetime | None = None, *, unless_unchanged: bool = True
    ) -> Path | None:
        """Write a backup of the data as it is now (see `store.backups`). None when there are no
        records, when (`unless_unchanged`) the newest backup holds exactly this already, or when
        it could not be written: a missed backup is not worth interrupting the person for."""
        with self.storage.lock:
            tables = self.storage.read()
            if not has_records(tables):
                return None
            if unless_unchanged and self._newest_backup_holds(tables):
                return None
            data = encode_snapshot(self.storage.generation, tables, self.storage.sealer)
        try:
            return write_backup(self.folder, data, reason, at)
        except OSError:
            return None

    def _newest_backup_holds(self, tables: dict[str, Any]) -> bool:
        backups = find_backups(self.folder)
        if not backups:
            return False
        try:
            return BackupReader(self.storage.sealer).tables(backups[0].path) == tables
        except (OSError, StoreError, Unparseable):
            return False

    def backup_if_due(self, today: date | None = None) -> Path | None:
        """Write a daily backup for `today` unless that day has one already."""
        day = today or date.today()
        if any(b.taken_at.date() == day for b in find_backups(self.folder)):
            return None
        at = datetime.combine(day, datetime.now().time())
        return self.back_up("daily", at, unless_unchanged=False)

    # -- encryption ------------------------------------------------------------------------

    @property
    def encrypted(self) -> bool:
        return self.storage.sealer is not None

    def check_passphrase(self, passphrase: str) -> None:
        """WrongPassphrase unless `passphrase` is the one the data is encrypted with (slow: it
        derives the key; call it from a thread)."""
        sealer = self.storage.sealer
        if sealer is None or not sealer.accepts(passphrase):
            raise WrongPassphrase()

    def set_passphrase(self, passphrase: str | None, params: KdfParams | None = None) -> list[Path]:
        """Encrypt everything with `passphrase` (a new one re-encrypts), or decrypt with None:
        the data, its journal, the backups and migration copies. Returns files it could not
        convert (damaged ones moved aside earlier), which the caller should mention."""
        if self.read_only:
            raise ReadOnly()
        new = Sealer.from_passphrase(passphrase, params) if passphrase else None
        with self.storage.lock:
            old = self.storage.sealer
            self.storage.sealer = new
            try:
                self.storage.compact()
            except BaseException:
                self.storage.sealer = old
                raise
        skipped = []
        copies = [*list_backups(self.folder), *self.folder.glob("homework.json.pre-v*")]
        for path in copies:
            try:
                generation, tables = decode_snapshot(path, path.read_bytes(), old)
                atomic_write(path, encode_snapshot(generation, tables, new))
            except (OSError, StoreError):
                skipped.append(path)
        skipped.extend(sorted(self.folder.glob("homework.json*.corrupt-*")))
        skipped.extend(item.path for item in kept_damaged(self.folder))
        return skipped

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        if not self.read_only and self.storage.pending > 0:
            try:
                self.storage.compact()
            except StoreError:
                pass  # the journal still holds everything; it is replayed next time
        self.storage.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
