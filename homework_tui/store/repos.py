"""Repositories: model objects in, model objects out. Nothing above store/ sees a TinyDB dict.

Each aggregate has one table keyed by the record's id. Deleting moves a record to the trash (a
`_trashed_at` stamp on its document); it can be restored, and is only destroyed by `purge`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any, Generic, TypeVar

from tinydb.table import Document

from homework_tui.model.base import Entity, now
from homework_tui.store.codec import from_doc, to_doc
from homework_tui.store.db import Store

E = TypeVar("E", bound=Entity)
S = TypeVar("S")

TRASHED = "_trashed_at"


class Repository(Generic[E]):
    """Records of one kind, e.g. `Repository(store, "thought_records", ThoughtRecord)`."""

    def __init__(self, store: Store, table: str, cls: type[E]) -> None:
        self.store = store
        self.name = table
        self.cls = cls
        self.unreadable: list[str] = []

    @property
    def _table(self) -> Any:
        return self.store.table(self.name)

    def _decode(self, doc: dict[str, Any]) -> E | None:
        try:
            return from_doc(self.cls, doc)
        except (TypeError, ValueError, KeyError):
            # A document this version cannot read is left as it is on disk, never rewritten.
            self.unreadable.append(str(doc.get("id", "?")))
            return None

    def _docs(self) -> dict[str, dict[str, Any]]:
        return self.store.storage.read().get(self.name, {})

    def add(self, record: E) -> E:
        """Store a new record, or replace the stored one with the same id (marked as updated)."""
        with self.store.storage.lock:
            if record.id in self._docs():
                record = record.touched()
                self._table.update(to_doc(record), doc_ids=[record.id])
            else:
                # TinyDB types doc_id as int; JournaledTable keys by the record's UUID string.
                self._table.insert(Document(to_doc(record), doc_id=record.id))  # type: ignore[arg-type]
        return record

    save = add

    def get(self, record_id: str, *, trashed: bool = False) -> E | None:
        doc = self._docs().get(record_id)
        if doc is None or (TRASHED in doc) != trashed:
            return None
        return self._decode(doc)

    def all(self, *, key: Callable[[E], Any] | None = None, reverse: bool = True) -> list[E]:
        """Every record not in the trash, newest first unless `key` says otherwise."""
        return self._select(False, key, reverse)

    def trash(self) -> list[E]:
        return self._select(True, None, True)

    def _select(self, trashed: bool, key: Callable[[E], Any] | None, reverse: bool) -> list[E]:
        records = []
        for doc in list(self._docs().values()):
            if (TRASHED in doc) == trashed:
                record = self._decode(doc)
                if record is not None:
                    records.append(record)
        records.sort(key=key or (lambda r: r.created_at), reverse=reverse)
        return records

    def __len__(self) -> int:
        return sum(1 for doc in self._docs().values() if TRASHED not in doc)

    def delete(self, record_id: str) -> bool:
        """Move to the trash. Returns False when there was no such record."""
        stamp = now().isoformat()
        return bool(self._table.update({TRASHED: stamp}, doc_ids=[record_id]))

    def restore(self, record_id: str) -> bool:
        def untrash(doc: dict[str, Any]) -> None:
            doc.pop(TRASHED, None)

        return bool(self._table.update(untrash, doc_ids=[record_id]))

    def purge(self, record_id: str) -> bool:
        """Destroy a record that is already in the trash."""
        if self.get(record_id, trashed=True) is None:
            return False
        return bool(self._table.remove(doc_ids=[record_id]))

    def trashed_at(self, record_id: str) -> datetime | None:
        stamp = self._docs().get(record_id, {}).get(TRASHED)
        return datetime.fromisoformat(stamp) if stamp else None


class Singleton(Generic[S]):
    """One document of its kind, e.g. the settings. `load()` gives the default when none is stored."""

    def __init__(self, store: Store, table: str, cls: type[S], default: Callable[[], S]) -> None:
        self.store = store
        self.name = table
        self.cls = cls
        self.default = default

    def load(self) -> S:
        doc = self.store.storage.read().get(self.name, {}).get(self.name)
        if doc is None:
            return self.default()
        try:
            return from_doc(self.cls, doc)
        except (TypeError, ValueError, KeyError):
            return self.default()

    def save(self, value: S) -> S:
        table = self.store.table(self.name)
        with self.store.storage.lock:
            if self.name in self.store.storage.read().get(self.name, {}):
                table.update(to_doc(value), doc_ids=[self.name])
            else:
                # TinyDB types doc_id as int; JournaledTable keys by name (a string).
                table.insert(Document(to_doc(value), doc_id=self.name))  # type: ignore[arg-type]
        return value

    def update(self, **changes: Any) -> S:
        return self.save(replace(self.load(), **changes))  # type: ignore[type-var]
