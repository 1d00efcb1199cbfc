"""A whole-data backup as one JSON file, and merging such a file back in by record id.

Importing the same file twice adds nothing. A record already here is replaced only when the file's
copy is newer (`updated_at`). The import is one durable change: all of it or none of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

from homework_tui import __version__
from homework_tui.model.base import now
from homework_tui.store import schema
from homework_tui.store.db import Store

FORMAT = "homework-tui-backup"


class BadBackup(ValueError):
    """A file that is not a homework-tui backup this version can read; the message says why."""


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int

    def __str__(self) -> str:
        return f"{self.added} added, {self.updated} updated, {self.unchanged} already here"


def export_bytes(store: Store) -> bytes:
    tables = store.storage.read()
    payload = {
        "format": FORMAT,
        "app_version": __version__,
        "schema_version": schema.version_of(tables),
        "exported_at": now().isoformat(),
        "tables": {
            name: list(docs.values()) for name, docs in sorted(tables.items())
            if name != schema.META_TABLE
        },
    }
    return orjson.dumps(payload, option=orjson.OPT_INDENT_2)


def _parse(path: Path) -> dict[str, list[dict[str, Any]]]:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise BadBackup(f"cannot read {path}: {error.strerror or error}") from None
    try:
        payload = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise BadBackup(f"{path} is not valid JSON ({error})") from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise BadBackup(f"{path} is not a homework-tui backup (made by `homework-tui export`)")
    version = payload.get("schema_version")
    if not isinstance(version, int) or version > schema.CURRENT_VERSION:
        raise BadBackup(
            f"{path} comes from a newer homework-tui (data version {version}); please update"
        )
    tables = payload.get("tables")
    if not isinstance(tables, dict):
        raise BadBackup(f"{path} has no tables")
    for name, docs in tables.items():
        if not isinstance(docs, list):
            raise BadBackup(f"{path}: table {name!r} is not a list of records")
        for position, doc in enumerate(docs, 1):
            if not isinstance(doc, dict) or not isinstance(doc.get("id"), str):
                raise BadBackup(f"{path}: record {position} of {name!r} has no id")
    return tables


def _stamp(doc: dict[str, Any]) -> datetime | None:
    try:
        return datetime.fromisoformat(doc["updated_at"])
    except (KeyError, TypeError, ValueError):
        return None


def import_file(store: Store, path: Path) -> ImportResult:
    incoming = _parse(path)
    current = store.storage.read()
    added = updated = unchanged = 0
    batch: dict[str, list[tuple[str, dict[str, Any] | None]]] = {}
    for name, docs in incoming.items():
        here = current.get(name, {})
        for doc in docs:
            mine = here.get(doc["id"])
            if mine is None:
                added += 1
            elif mine == doc:
                unchanged += 1
                continue
            else:
                theirs_at, mine_at = _stamp(doc), _stamp(mine)
                if theirs_at is None or (mine_at is not None and theirs_at <= mine_at):
                    unchanged += 1
                    continue
                updated += 1
            batch.setdefault(name, []).append((doc["id"], doc))
    if batch:
        store.write_batch(batch)
    return ImportResult(added, updated, unchanged)
