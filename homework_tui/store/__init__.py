"""Storage: the only package that imports TinyDB."""

from homework_tui.store.db import Store, list_backups, restore_backup
from homework_tui.store.errors import (
    CorruptData,
    DataLocked,
    NewerSchema,
    ReadOnly,
    StoreError,
    UnreadableFolder,
    WriteFailed,
)
from homework_tui.store.repos import Repository, Singleton

__all__ = [
    "CorruptData",
    "DataLocked",
    "NewerSchema",
    "ReadOnly",
    "Repository",
    "Singleton",
    "Store",
    "StoreError",
    "UnreadableFolder",
    "WriteFailed",
    "list_backups",
    "restore_backup",
]
