"""`JournaledTable`: the TinyDB table of homework-tui, keyed by each record's own id, that tells
the `JournaledStorage` exactly which documents a change touched (one journal line per change)."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator, MutableMapping
from typing import Any
from uuid import uuid4

from tinydb.table import Table

from homework_tui.store.errors import ReadOnly
from homework_tui.store.storage import Doc, JournaledStorage

_MISSING = object()


class _Tracked(MutableMapping[str, Doc]):
    """A view of one table's documents that remembers what a TinyDB updater touched."""

    def __init__(self, docs: dict[str, Doc]) -> None:
        self.docs = docs
        self.original: dict[str, Any] = {}

    def _remember(self, key: str, *, deep: bool) -> None:
        if key not in self.original:
            value = self.docs.get(key, _MISSING)
            self.original[key] = copy.deepcopy(value) if deep and value is not _MISSING else value

    def __getitem__(self, key: str) -> Doc:
        self._remember(key, deep=True)  # the updater may change the document in place
        return self.docs[key]

    def __setitem__(self, key: str, value: Doc) -> None:
        self._remember(key, deep=False)
        self.docs[key] = value

    def __delitem__(self, key: str) -> None:
        self._remember(key, deep=False)
        del self.docs[key]

    def __contains__(self, key: object) -> bool:
        return key in self.docs

    def __iter__(self) -> Iterator[str]:
        return iter(list(self.docs))

    def __len__(self) -> int:
        return len(self.docs)

    def changes(self) -> list[tuple[str, Doc | None]]:
        out: list[tuple[str, Doc | None]] = []
        for key, before in self.original.items():
            after = self.docs.get(key)
            if before is _MISSING and after is None:
                continue
            if before is not _MISSING and before == after:
                continue
            out.append((key, after))
        return out

    def rollback(self) -> None:
        for key, before in self.original.items():
            if before is _MISSING:
                self.docs.pop(key, None)
            else:
                self.docs[key] = before


class JournaledTable(Table):
    """A TinyDB table keyed by the record's own id (a UUID string), journaled per document."""

    # TinyDB types document ids as int; these are UUID strings, which it stores just as well.
    document_id_class = str  # type: ignore[assignment]

    def _get_next_id(self) -> str:
        return str(uuid4())

    def _update_table(self, updater: Callable[[dict[Any, Any]], None]) -> None:
        storage = self._storage
        assert isinstance(storage, JournaledStorage)
        with storage.lock:
            if storage.read_only:
                raise ReadOnly()
            docs = storage.read().setdefault(self.name, {})
            tracked = _Tracked(docs)
            try:
                updater(tracked)  # type: ignore[arg-type]
                storage.commit(self.name, tracked.changes())
            except BaseException:
                tracked.rollback()
                raise
            finally:
                self.clear_cache()
