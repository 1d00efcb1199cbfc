"""Backups of the whole data, kept beside it, and damaged data files set aside.

A backup is a snapshot file in `backups/`, named by when it was taken and why, e.g.
`homework-2026-12-04-202500-start.json` (when homework-tui started, before anything was written)
or `…-quit.json` (when it closed). Older names (`homework-2026-12-04.json`, a daily backup) are
still read. Rotation keeps the `KEEP_NEWEST` newest backups plus the newest of each of the last
`KEEP_DAYS` days that have one.

A data file that could not be read is moved aside, untouched, as `homework.json.corrupt-<stamp>`
(its journal likewise). It stays "unhandled" beside the data, and is named at every start and by
`doctor`, until the person restores a backup, keeps it (it moves into `set-aside/`) or deletes it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Protocol

from babel.dates import format_date

from homework_tui.i18n import N_, PSEUDO, _, current_language, ngettext
from homework_tui.i18n.language import babel_locale
from homework_tui.store import schema
from homework_tui.store.atomic import atomic_write
from homework_tui.store.crypto import Sealer, is_sealed, params_of, unlock
from homework_tui.store.errors import StoreError
from homework_tui.store.storage import (
    JournaledStorage,
    Tables,
    Unparseable,
    decode_snapshot,
)


class OpenData(Protocol):
    """What `backup_choices` reads of an open `db.Store` (db imports this module, so the type
    is named by what it holds, not imported)."""

    storage: JournaledStorage


FOLDER_MODE = 0o700
KEEP_NEWEST = 7
KEEP_DAYS = 30
BACKUPS = "backups"
SET_ASIDE = "set-aside"
DAMAGED_GLOB = "homework.json*.corrupt-*"

# Why a backup was taken, in the person's words.
REASONS: dict[str, str] = {
    "start": N_("when homework-tui started"),
    "quit": N_("when homework-tui closed"),
    "daily": N_("daily backup"),
    "before-restore": N_("just before a restore"),
}

# The record kinds a backup's summary names, by table, in the order shown.
KINDS: tuple[str, ...] = (
    "journal",
    "thought_records",
    "ladders",
    "exposures",
    "experiments",
    "relaxation_sessions",
    "plan",
    "drafts",
)


def _count(table: str, n: int) -> str:
    """ "3 journal entries": `n` records of a table named in KINDS, in the interface's language."""
    if table == "journal":
        text = ngettext("{n} journal entry", "{n} journal entries", n)
    elif table == "thought_records":
        text = ngettext("{n} thought record", "{n} thought records", n)
    elif table == "ladders":
        text = ngettext("{n} exposure ladder", "{n} exposure ladders", n)
    elif table == "exposures":
        text = ngettext("{n} exposure", "{n} exposures", n)
    elif table == "experiments":
        text = ngettext("{n} experiment", "{n} experiments", n)
    elif table == "relaxation_sessions":
        text = ngettext("{n} relaxation session", "{n} relaxation sessions", n)
    elif table == "plan":
        text = ngettext("{n} homework assignment", "{n} homework assignments", n)
    else:
        text = ngettext("{n} unfinished draft", "{n} unfinished drafts", n)
    return text.format(n=n)


def _moment(at: datetime) -> str:
    """ "Fri 4 Dec 2026" (en), "ven. 4 déc. 2026" (fr): a backup's day, short."""
    if current_language() in ("en", PSEUDO):
        return f"{at:%a} {at.day} {at:%b %Y}"
    pattern = "EEE d. MMM y" if current_language() == "de" else "EEE d MMM y"  # i18n: not shown
    return format_date(at, pattern, locale=babel_locale())


_TRASHED = "_trashed_at"  # the repositories' trash stamp: a trashed record is not counted

_NAME = re.compile(
    r"^homework-(?P<day>\d{4}-\d{2}-\d{2})(?:-(?P<time>\d{6}))?(?:-(?P<reason>[a-z]+(?:-[a-z]+)*))?"
    r"(?:-(?P<n>\d+))?\.json$"
)


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime  # local time
    has_time: bool  # False for old daily backups, named by their day only
    reason: str

    @property
    def when(self) -> str:
        """E.g. "Fri 4 Dec 2026, 20:25" (the day only for old daily backups)."""
        day = _moment(self.taken_at)
        return f"{day}, {self.taken_at:%H:%M}" if self.has_time else day

    @property
    def why(self) -> str:
        reason = REASONS.get(self.reason)
        return _(reason) if reason else self.reason.replace("-", " ")


@dataclass(frozen=True)
class Summary:
    """What a backup holds: records per kind (None when it could not be read, `problem` says
    why: encrypted without the passphrase, damaged, …)."""

    counts: dict[str, int] | None
    problem: str = ""
    other: int = 0

    def describe(self) -> str:
        if self.counts is None:
            return self.problem
        parts = [_count(table, n) for table, n in self.counts.items() if n]
        if self.other:
            parts.append(
                ngettext("{n} other record", "{n} other records", self.other).format(n=self.other)
            )
        return ", ".join(parts) if parts else _("no records")


# -- backups -----------------------------------------------------------------------------------


def backups_dir(folder: Path) -> Path:
    return folder / BACKUPS


def parse_backup(path: Path) -> Backup | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        day = date.fromisoformat(match["day"])
        clock = datetime.strptime(match["time"], "%H%M%S").time() if match["time"] else None
    except ValueError:
        return None
    taken = datetime.combine(day, clock) if clock else datetime.combine(day, datetime.min.time())
    return Backup(path, taken, clock is not None, match["reason"] or "daily")


def find_backups(folder: Path) -> list[Backup]:
    """Backups beside the data, newest first."""
    found = (parse_backup(p) for p in backups_dir(folder).glob("homework-*.json"))
    return sorted((b for b in found if b is not None), key=_order, reverse=True)


def _order(backup: Backup) -> tuple[datetime, bool, int]:
    """By the time in the name; within one second, by when the file was written."""
    try:
        written = backup.path.stat().st_mtime_ns
    except OSError:
        written = 0
    return backup.taken_at, backup.has_time, written


def has_records(tables: Tables) -> bool:
    return any(docs for name, docs in tables.items() if name != schema.META_TABLE)


def write_backup(
    folder: Path,
    encoded: bytes,
    reason: str,
    at: datetime | None = None,
) -> Path:
    """Write `encoded` (a snapshot) as a backup taken `at` for `reason`, then rotate. OSError when
    it cannot be written."""
    at = at or datetime.now()
    directory = backups_dir(folder)
    directory.mkdir(mode=FOLDER_MODE, exist_ok=True)
    base = f"homework-{at:%Y-%m-%d-%H%M%S}-{reason}"
    target = directory / f"{base}.json"
    n = 1
    while target.exists():
        n += 1
        target = directory / f"{base}-{n}.json"
    atomic_write(target, encoded)
    for old in to_remove(find_backups(folder)):
        old.path.unlink(missing_ok=True)
    return target


def to_remove(
    backups: Iterable[Backup], newest: int = KEEP_NEWEST, days: int = KEEP_DAYS
) -> list[Backup]:
    """The backups rotation lets go: all but the `newest` newest and the newest of each of the
    last `days` days that have a backup."""
    ordered = sorted(backups, key=_order, reverse=True)
    keep = {b.path for b in ordered[:newest]}
    seen_days: list[date] = []
    for backup in ordered:
        day = backup.taken_at.date()
        if day not in seen_days:
            seen_days.append(day)
            if len(seen_days) <= days:
                keep.add(backup.path)
    return [b for b in ordered if b.path not in keep]


def read_tables(path: Path, raw: bytes, sealer: Sealer | None) -> Tables:
    return decode_snapshot(path, raw, sealer)[1]


class BackupReader:
    """Reads backups for their summaries, deriving each key only once (an encrypted backup made
    with the data's own key opens with `sealer`; another needs `passphrase`)."""

    def __init__(self, sealer: Sealer | None = None, passphrase: str | None = None) -> None:
        self._passphrase = passphrase
        self._sealers: dict[bytes, Sealer] = {}
        if sealer is not None:
            self._sealers[sealer.params.salt] = sealer

    def tables(self, path: Path) -> Tables:
        """StoreError / Unparseable / OSError when it cannot be read."""
        raw = path.read_bytes()
        sealer = None
        if is_sealed(raw):
            try:
                salt = params_of(raw).salt
            except (ValueError, KeyError):
                raise Unparseable(path, _("its encryption header is damaged")) from None
            sealer = self._sealers.get(salt)
            if sealer is None and self._passphrase is not None:
                sealer = self._sealers[salt] = unlock(raw, self._passphrase)
        return read_tables(path, raw, sealer)

    def summary(self, path: Path) -> Summary:
        try:
            tables = self.tables(path)
        except (OSError, StoreError, Unparseable) as error:
            from homework_tui.store.crypto import PassphraseNeeded

            if isinstance(error, PassphraseNeeded):
                return Summary(None, _("encrypted (counts shown once unlocked)"))
            return Summary(None, _("could not be read"))
        return summarize(tables)


def summarize(tables: Tables) -> Summary:
    def live(docs: dict[str, dict[str, object]]) -> int:
        return sum(1 for doc in docs.values() if _TRASHED not in doc)

    counts = {name: live(tables.get(name, {})) for name in KINDS}
    other = sum(
        live(docs)
        for name, docs in tables.items()
        if name not in KINDS and name != schema.META_TABLE
    )
    return Summary(counts, other=other)


# -- damaged files set aside -------------------------------------------------------------------


@dataclass(frozen=True)
class DamagedFile:
    path: Path
    set_aside_at: datetime | None
    size: int = field(default=0)

    @property
    def when(self) -> str:
        at = self.set_aside_at
        return f"{_moment(at)}, {at:%H:%M}" if at else _("at an unknown time")


def _damaged(path: Path) -> DamagedFile:
    stamp = path.name.rsplit(".corrupt-", 1)[-1]
    try:
        at: datetime | None = datetime.strptime(stamp, "%Y%m%d-%H%M%S")
    except ValueError:
        at = None
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return DamagedFile(path, at, size)


def damaged_files(folder: Path) -> list[DamagedFile]:
    """Damaged files set aside beside the data that the person has not dealt with yet."""
    return [_damaged(p) for p in sorted(folder.glob(DAMAGED_GLOB)) if p.is_file()]


def kept_damaged(folder: Path) -> list[DamagedFile]:
    """Damaged files the person chose to keep (in `set-aside/`)."""
    return [_damaged(p) for p in sorted((folder / SET_ASIDE).glob(DAMAGED_GLOB)) if p.is_file()]


def keep_aside(folder: Path, damaged: Iterable[DamagedFile]) -> Path:
    """Move damaged files into `set-aside/` (kept, no longer named at start). Returns the folder."""
    target = folder / SET_ASIDE
    target.mkdir(mode=FOLDER_MODE, exist_ok=True)
    for item in damaged:
        os.replace(item.path, target / item.path.name)
    return target


def delete_damaged(damaged: Iterable[DamagedFile]) -> None:
    for item in damaged:
        item.path.unlink(missing_ok=True)


def backup_choices(
    folder: Path, store: OpenData | None, passphrase: str | None
) -> list[tuple[Backup, Summary]]:
    """Every backup in `folder` with what it holds (read with the open data's key, else with
    `passphrase`), newest first, for the restore dialog."""
    reader = BackupReader(store.storage.sealer if store is not None else None, passphrase)
    return [(backup, reader.summary(backup.path)) for backup in find_backups(folder)]


def restored_note(folder: Path, restored: Path) -> str:
    """Said after `restored` was restored: what it means, and where the damaged files it
    replaces are kept aside."""
    backup = parse_backup(restored)
    when = backup.when if backup is not None else restored.name
    note = _("Your backup from {when} is restored. Anything written after it is not in it.").format(
        when=when
    )
    damaged = damaged_files(folder)
    if damaged:
        try:
            kept = keep_aside(folder, damaged)
        except OSError:
            return note
        note += " " + _("The damaged file is kept in {folder}.").format(folder=kept)
    return note
