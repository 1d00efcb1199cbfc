"""A TinyDB storage that never loses an acknowledged write and does not rewrite the world per save.

TinyDB's own JSONStorage re-reads and rewrites the whole file on every operation, in place. Here:

* the parsed data lives in memory (`read()` costs nothing);
* every change is appended to a journal as one checksummed line and fsynced before the call
  returns, so a save costs one small append, whatever the size of the data;
* when the journal outgrows the snapshot, the snapshot is rewritten atomically (temp file in the same
  folder, fsync, `os.replace`, fsync of the folder) and a fresh journal of the next generation starts.

On load the snapshot is read and the journal of the same generation replayed. A torn last line (the
process died inside a write, so that write was never acknowledged) is dropped; damage anywhere else
is reported as corruption, never silently skipped.

`store.table.JournaledTable` is the TinyDB table that tells the storage which documents a change
touched.
"""

from __future__ import annotations

import errno
import os
import threading
import zlib
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from homework_tui.i18n import _
from homework_tui.store.atomic import (  # noqa: F401  (names other modules import from here)
    FILE_MODE,
    _write_all,
    atomic_write,
    fsync_folder,
    journal_path,
    temp_files,
)
from homework_tui.store.crypto import (
    JOURNAL_SEAL_FORMAT,
    LEGACY_LINE_LABEL,
    Damaged,
    PassphraseNeeded,
    Sealer,
    is_sealed,
    line_label,
    params_of,
)
from homework_tui.store.errors import ReadOnly, WriteFailed

Doc = dict[str, Any]
Tables = dict[str, dict[str, Doc]]

FORMAT = "homework-tui"
# Rewrite the snapshot once the journal is larger than this or than the snapshot itself.
MIN_COMPACT_BYTES = 1 << 20


class Unparseable(Exception):
    """The snapshot or journal is damaged; `reason` says how, for the person."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path.name}: {reason}")
        self.path = path
        self.reason = reason


def _line(payload: object, sealer: Sealer | None = None, label: bytes = b"") -> bytes:
    body = orjson.dumps(payload)
    if sealer is not None:
        body = sealer.seal_line(body, label)
    return b"%08x " % zlib.crc32(body) + body + b"\n"


def _parse_line(
    line: bytes, sealer: Sealer | None = None, label: bytes = b"", *, sealed_only: bool = False
) -> Any:
    """The payload of a whole, intact journal line; ValueError otherwise. An encrypted line must
    open with `label`; with `sealed_only` a plain line is refused too."""
    if len(line) < 10 or line[8:9] != b" ":
        raise ValueError("short line")  # i18n: not shown
    body = line[9:]
    if int(line[:8], 16) != zlib.crc32(body):
        raise ValueError("checksum mismatch")  # i18n: not shown
    if body.startswith(b"~"):
        if sealer is None:
            raise ValueError("an encrypted line in a journal that is not")  # i18n: not shown
        try:
            body = sealer.open_line(body, label)
        except (Damaged, ValueError):
            raise ValueError("an encrypted line does not authenticate") from None  # i18n: not shown
    elif sealed_only:
        raise ValueError("a plain line in an encrypted journal")  # i18n: not shown
    return orjson.loads(body)


def encode_snapshot(generation: int, tables: Tables, sealer: Sealer | None = None) -> bytes:
    plain = orjson.dumps({"format": FORMAT, "generation": generation, "tables": tables})
    return sealer.seal_file(plain) if sealer is not None else plain


def decode_snapshot(path: Path, raw: bytes, sealer: Sealer | None = None) -> tuple[int, Tables]:
    """Generation and tables of a snapshot (or backup). For an encrypted one without `sealer`
    raises PassphraseNeeded; with the wrong one, WrongPassphrase."""
    if is_sealed(raw):
        try:
            params = params_of(raw)
        except (ValueError, KeyError):
            raise Unparseable(path, _("its encryption header is damaged")) from None
        if sealer is None:
            raise PassphraseNeeded(params)
        try:
            raw = sealer.open_file(raw)
        except Damaged:
            raise Unparseable(path, _("its encrypted contents were changed or cut short")) from None
    try:
        parsed = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise Unparseable(path, _("not valid JSON: {error}").format(error=error)) from None
    if not isinstance(parsed, dict):
        raise Unparseable(path, _("not a homework-tui data file"))
    if parsed.get("format") != FORMAT:
        # A plain TinyDB JSON file (tables at the top level) is accepted as generation 0.
        tables: object = parsed
        generation = 0
    else:
        tables = parsed.get("tables")
        found = parsed.get("generation")
        if not isinstance(found, int):
            raise Unparseable(path, _("its generation number is missing"))
        generation = found
    if not isinstance(tables, dict) or not all(
        isinstance(t, dict) and all(isinstance(d, dict) for d in t.values())
        for t in tables.values()
    ):
        raise Unparseable(path, _("its tables are not in the expected shape"))
    return generation, tables


class JournaledStorage(Storage):
    """See the module docstring. Thread-safe: every operation holds `self.lock`."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        read_only: bool = False,
        sealer: Sealer | None = None,
    ) -> None:
        self.path = Path(path)
        self.sealer = sealer
        self.journal = journal_path(self.path)
        self.read_only = read_only
        self.lock = threading.RLock()
        self._fd: int | None = None
        self._journal_bytes = 0
        self._snapshot_bytes = 0
        self.replayed = 0
        self.pending = 0  # journal entries not yet folded into the snapshot
        self._displaced = False  # the journal we hold open is no longer the one in the folder
        self._journal_lines = 0  # lines in the journal, its header included: the next one's number
        # The journal in the folder is encrypted in the format before line_label: replaced by a
        # format-2 one at the next write.
        self._legacy_journal = False
        if not read_only:
            for leftover in temp_files(self.path):
                leftover.unlink(missing_ok=True)
        self.generation, self._tables = self._load()

    # -- loading ---------------------------------------------------------------------------

    def become_writer(self) -> None:
        """A read-only storage whose caller now holds the writer lock: reload the data from disk
        (the last writer may have changed it since) and accept writes. On failure it stays
        read-only, holding what it held."""
        with self.lock:
            if not self.read_only:
                return
            before = (
                self.generation,
                self._tables,
                self._journal_bytes,
                self._snapshot_bytes,
                self.replayed,
                self.pending,
            )
            self.close()
            self.read_only = False
            self._journal_bytes = self._snapshot_bytes = self.replayed = self.pending = 0
            self._displaced = False
            try:
                for leftover in temp_files(self.path):
                    leftover.unlink(missing_ok=True)
                self.generation, self._tables = self._load()
            except BaseException:
                self.read_only = True
                (
                    self.generation,
                    self._tables,
                    self._journal_bytes,
                    self._snapshot_bytes,
                    self.replayed,
                    self.pending,
                ) = before
                raise

    def _load(self) -> tuple[int, Tables]:
        if self.path.exists():
            raw = self.path.read_bytes()
            self._snapshot_bytes = len(raw)
            generation, tables = decode_snapshot(self.path, raw, self.sealer)
        else:
            generation, tables = 0, {}
        if self.journal.exists():
            self._replay(generation, tables)
        return generation, tables

    def _replay(self, generation: int, tables: Tables) -> None:
        raw = self.journal.read_bytes()
        lines = raw.split(b"\n")
        # A file ending in "\n" splits into [..., b""]: the last element is the unfinished line.
        tail = lines.pop()
        good_bytes = 0
        sealed_format = False
        for index, line in enumerate(lines):
            if index == 0:
                journal_generation, sealed_format = self._header(line)
                if journal_generation != generation:
                    # A journal already folded into the snapshot: nothing to replay.
                    self._refuse_current_lines(lines, generation)
                    return
            else:
                label = line_label(generation, index) if sealed_format else LEGACY_LINE_LABEL
                try:
                    entry = _parse_line(line, self.sealer, label, sealed_only=sealed_format)
                except (ValueError, orjson.JSONDecodeError):
                    raise Unparseable(
                        self.journal,
                        _("line {n} of the journal is damaged").format(n=index + 1),
                    ) from None
                self._apply(tables, entry)
                self.replayed += 1
                self.pending += 1
            good_bytes += len(line) + 1
        self._journal_bytes = good_bytes
        self._journal_lines = len(lines)
        self._legacy_journal = self.sealer is not None and not sealed_format and good_bytes > 0
        if tail and not self.read_only:
            # The process died inside an append: that write never returned. Drop the fragment.
            with open(self.journal, "r+b") as handle:
                handle.truncate(good_bytes)
                os.fsync(handle.fileno())
        if good_bytes == 0:
            self._journal_bytes = 0

    def _header(self, line: bytes) -> tuple[int, bool]:
        """The generation a journal's header (always plain) names, and whether its lines are
        sealed with `line_label` (format 2; else the one legacy label, or not sealed)."""
        try:
            entry = _parse_line(line)
        except (ValueError, orjson.JSONDecodeError):
            raise Unparseable(
                self.journal, _("line {n} of the journal is damaged").format(n=1)
            ) from None
        if not isinstance(entry, dict) or not isinstance(entry.get("generation"), int):
            raise Unparseable(self.journal, _("the journal has no header"))
        sealed_format = self.sealer is not None and entry.get("seal") == JOURNAL_SEAL_FORMAT
        return entry["generation"], sealed_format

    def _refuse_current_lines(self, lines: list[bytes], generation: int) -> None:
        """A journal whose header names another generation is skipped, as after a crash between
        writing a snapshot and starting its journal. But if one of its lines was sealed for the
        current generation, its header was changed to hide it: damage, never silently skipped.
        (A journal left by a passphrase change has lines of another key: they do not open.)"""
        if self.sealer is None:
            return
        for index, line in enumerate(lines[1:], start=1):
            try:
                _parse_line(line, self.sealer, line_label(generation, index), sealed_only=True)
            except (ValueError, orjson.JSONDecodeError):
                continue
            raise Unparseable(self.journal, _("the journal's header was changed"))

    @staticmethod
    def _apply(tables: Tables, entry: dict[str, Any]) -> None:
        parts = entry["batch"] if "batch" in entry else [[entry["t"], entry["o"]]]
        for name, changes in parts:
            table = tables.setdefault(name, {})
            for doc_id, doc in changes:
                if doc is None:
                    table.pop(doc_id, None)
                else:
                    table[doc_id] = doc

    # -- TinyDB's Storage interface ----------------------------------------------------------

    def read(self) -> Tables:
        return self._tables

    def write(self, data: Tables) -> None:
        """A whole-data write (TinyDB uses it to drop tables): a new snapshot."""
        with self.lock:
            self._tables = data
            self.compact()

    def close(self) -> None:
        with self.lock:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None

    # -- journal ---------------------------------------------------------------------------

    def commit(self, table: str, changes: list[tuple[str, Doc | None]]) -> None:
        """Make `changes` (document id → new document, or None when removed) durable."""
        self.commit_batch([(table, changes)])

    def commit_batch(self, batch: list[tuple[str, list[tuple[str, Doc | None]]]]) -> None:
        """Make changes to several tables durable together: one journal line, all or nothing."""
        batch = [(table, changes) for table, changes in batch if changes]
        if not batch:
            return
        if self.read_only:
            raise ReadOnly()
        with self.lock:
            if self._displaced:
                self.compact()  # the files on disk are not ours any more: write all we hold
            if self._legacy_journal:
                try:
                    self.compact()  # folds the old-format journal in; a format-2 one starts
                except WriteFailed:
                    pass  # appended in its own format below; compaction is retried later
            try:
                fd = self._journal_fd()
            except OSError as error:
                raise WriteFailed(self.journal, error) from error
            payload = {"t": batch[0][0], "o": batch[0][1]} if len(batch) == 1 else {"batch": batch}
            line = _line(payload, self.sealer, self._next_line_label())
            try:
                _write_all(fd, line)
                os.fsync(fd)
                self._check_in_place(fd)
            except OSError as error:
                self._undo_append(fd)
                if self._displaced:
                    self.close()
                raise WriteFailed(self.journal, error) from error
            self._journal_bytes += len(line)
            self._journal_lines += 1
            self.pending += 1
            if self.should_compact():
                try:
                    self.compact()
                except WriteFailed:
                    pass  # the change is safe in the journal; compaction is retried later

    def should_compact(self) -> bool:
        """Rewrite the snapshot once the journal outgrows it: saves stay cheap, and a whole
        rewrite is paid once per snapshot's worth of changes."""
        return self._journal_bytes > max(MIN_COMPACT_BYTES, self._snapshot_bytes)

    def _check_in_place(self, fd: int) -> None:
        """OSError when the journal written to was deleted, or its folder moved or replaced,
        while it was open: such a write went nowhere the next start would look."""
        held = os.fstat(fd)
        try:
            here = os.stat(self.journal)
        except OSError:
            self._displaced = True
            raise
        if (here.st_dev, here.st_ino) != (held.st_dev, held.st_ino):
            self._displaced = True
            raise OSError(
                errno.ENOENT,
                "the data file was moved or deleted",  # i18n: not shown (ENOENT's reason is)
                str(self.journal),
            )

    def _undo_append(self, fd: int) -> None:
        try:
            os.ftruncate(fd, self._journal_bytes)
        except OSError:
            pass  # a torn tail is dropped on the next load anyway

    def _journal_fd(self) -> int:
        if self._fd is None:
            if not self.journal.exists() or self._journal_bytes == 0:
                self._start_journal()
            self._fd = os.open(self.journal, os.O_WRONLY | os.O_APPEND)
        return self._fd

    def _next_line_label(self) -> bytes:
        if self._legacy_journal:
            return LEGACY_LINE_LABEL
        return line_label(self.generation, self._journal_lines)

    def _start_journal(self) -> None:
        fields: dict[str, int] = {"generation": self.generation}
        if self.sealer is not None:
            fields["seal"] = JOURNAL_SEAL_FORMAT
        header = _line(fields)
        atomic_write(self.journal, header)
        self._journal_bytes = len(header)
        self._journal_lines = 1
        self._legacy_journal = False

    def compact(self) -> None:
        """Fold the journal into a new snapshot (atomically) and start an empty journal."""
        if self.read_only:
            raise ReadOnly()
        with self.lock:
            data = encode_snapshot(self.generation + 1, self._tables, self.sealer)
            try:
                atomic_write(self.path, data)
            except OSError as error:
                raise WriteFailed(self.path, error) from error
            # From here the snapshot holds everything; a crash before the new journal exists
            # leaves the old-generation journal, which load() skips.
            self.generation += 1
            self.pending = 0
            self._displaced = False
            self._snapshot_bytes = len(data)
            self.close()
            # The old journal is stale now: never append to it (its lines would be skipped on
            # load), even if starting the new one fails below; the next commit starts it then.
            self._journal_bytes = 0
            self._legacy_journal = False
            try:
                self._start_journal()
            except OSError as error:
                raise WriteFailed(self.journal, error) from error

    @property
    def journal_bytes(self) -> int:
        return self._journal_bytes
