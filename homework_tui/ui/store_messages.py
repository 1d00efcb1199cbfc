"""What the App tells itself while the data opens (posted from the opening thread)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from homework_tui.model.settings import Settings
    from homework_tui.store import Store
    from homework_tui.store.backups import Backup, DamagedFile, Summary


@dataclass
class StoreOpened(Message):
    store: Store
    settings: Settings
    note: str = ""  # said once the data is open (after a restore: what it means)


@dataclass
class StoreFailed(Message):
    error: Exception
    read_only: bool
    backups: list[tuple[Backup, Summary]] = field(default_factory=list)


@dataclass
class DamagedFound(Message):
    """The data opened, and a damaged data file set aside earlier is not dealt with yet."""

    opened: StoreOpened
    damaged: list[DamagedFile]
    backups: list[tuple[Backup, Summary]]
