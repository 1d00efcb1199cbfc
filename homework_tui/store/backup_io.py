"""A whole-data backup as one JSON file, and merging such a file back in by record id.

Importing the same file twice adds nothing. A record already here is replaced only when the file's
copy is newer (`updated_at`). The import is one durable change: all of it or none of it, and a
file holding a record this version could not read back is refused whole, before anything is
written (so an import can never leave a record the app would skip as unreadable).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

from audio.toml_input import MAX_DEPTH, nesting_depth
from homework_tui import __version__
from homework_tui.i18n import _
from homework_tui.model.base import now
from homework_tui.model.distortions import OwnDistortion
from homework_tui.model.draft import Draft
from homework_tui.model.experiment import Experiment
from homework_tui.model.exposure import Exposure, Ladder
from homework_tui.model.exposure.mastery import ExposureSettings
from homework_tui.model.journal import JournalEntry
from homework_tui.model.plan import Assignment, Checkoff, PlanInfo
from homework_tui.model.progression import ProgressionPrefs
from homework_tui.model.relaxation import RelaxationSession, RelaxChoice
from homework_tui.model.safety import SafetyPlan
from homework_tui.model.settings import Settings
from homework_tui.model.thought_record import ThoughtRecord
from homework_tui.store import schema
from homework_tui.store.codec import from_doc
from homework_tui.store.db import Store
from homework_tui.store.repos import TRASHED

FORMAT = "homework-tui-backup"

# The tables this version reads, with the model each record must load as. Other tables (from a
# newer version, or a test's) are merged as they are: nothing here reads them.
RECORD_MODELS: dict[str, type] = {
    "journal": JournalEntry,
    "thought_records": ThoughtRecord,
    "own_distortions": OwnDistortion,
    "ladders": Ladder,
    "exposures": Exposure,
    "exposure_settings": ExposureSettings,
    "experiments": Experiment,
    "relaxation_sessions": RelaxationSession,
    "relax_choice": RelaxChoice,
    "relax_progression": ProgressionPrefs,
    "plan": Assignment,
    "plan_checkoffs": Checkoff,
    "plan_info": PlanInfo,
    "drafts": Draft,
    "settings": Settings,
    "safety": SafetyPlan,
}


class BadBackup(ValueError):
    """A file that is not a homework-tui backup this version can read; the message says why."""


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int

    def __str__(self) -> str:
        return _("{added} added, {updated} updated, {unchanged} already here").format(
            added=self.added, updated=self.updated, unchanged=self.unchanged
        )


def export_bytes(store: Store) -> bytes:
    tables = store.storage.read()
    payload = {
        "format": FORMAT,
        "app_version": __version__,
        "schema_version": schema.version_of(tables),
        "exported_at": now().isoformat(),
        "tables": {
            # A one-document table (settings) keys its document by the table's name, not by an
            # "id" inside it: the backup carries that key as the id, so it can be imported.
            name: [doc if "id" in doc else {"id": doc_id, **doc} for doc_id, doc in docs.items()]
            for name, docs in sorted(tables.items())
            if name != schema.META_TABLE
        },
    }
    return orjson.dumps(payload, option=orjson.OPT_INDENT_2)


def _parse(path: Path) -> dict[str, list[dict[str, Any]]]:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise BadBackup(
            _("cannot read {path}: {reason}").format(path=path, reason=error.strerror or error)
        ) from None
    try:
        payload = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise BadBackup(
            _("{path} is not valid JSON ({error})").format(path=path, error=error)
        ) from None
    if nesting_depth(payload) > MAX_DEPTH:
        raise BadBackup(
            _(
                "{path} has values nested more than {depth} levels deep; a "
                "homework-tui backup never does, so it was not imported"
            ).format(path=path, depth=MAX_DEPTH)
        )
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise BadBackup(
            _("{path} is not a homework-tui backup (made by `homework-tui export`)").format(
                path=path
            )
        )
    version = payload.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise BadBackup(
            _(
                "{path} has a data version that is not a whole number ({version}); "
                "it was not made by homework-tui, or it was changed since"
            ).format(path=path, version=repr(version))
        )
    if version > schema.CURRENT_VERSION:
        raise BadBackup(
            _(
                "{path} comes from a newer homework-tui (data version {version}); please update"
            ).format(path=path, version=version)
        )
    tables = payload.get("tables")
    if not isinstance(tables, dict):
        raise BadBackup(_("{path} has no tables").format(path=path))
    for name, docs in tables.items():
        if not isinstance(docs, list):
            raise BadBackup(
                _("{path}: table {table} is not a list of records").format(
                    path=path, table=repr(name)
                )
            )
        if name == schema.META_TABLE:
            raise BadBackup(
                _("{path}: table {table} is homework-tui's own and cannot be imported").format(
                    path=path, table=repr(name)
                )
            )
        for position, doc in enumerate(docs, 1):
            if not isinstance(doc, dict) or not isinstance(doc.get("id"), str):
                raise BadBackup(
                    _("{path}: record {position} of {table} has no id").format(
                        path=path, position=position, table=repr(name)
                    )
                )
            problem = _unreadable(name, doc)
            if problem:
                raise BadBackup(
                    _("{path}: record {position} of {table} cannot be read: {problem}").format(
                        path=path, position=position, table=repr(name), problem=problem
                    )
                )
    return tables


def _unreadable(table: str, doc: dict[str, Any]) -> str | None:
    """Why this version could not read `doc` back from `table` (None when it can)."""
    if TRASHED in doc and not isinstance(_aware(doc[TRASHED]), datetime):
        return _("{field} is not a time with its UTC offset").format(field=TRASHED)
    model = RECORD_MODELS.get(table)
    if model is None:
        return None
    try:
        from_doc(model, doc)
    except (TypeError, ValueError, KeyError, AttributeError) as error:
        return _cut(str(error) or type(error).__name__)
    return None


def _cut(message: str, limit: int = 160) -> str:
    """A message that quotes a value from the file, kept to one short line."""
    line = " ".join(message.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _aware(value: Any) -> datetime | None:
    try:
        stamp = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    return stamp if stamp.tzinfo is not None else None


def _stamp(doc: dict[str, Any]) -> datetime | None:
    """When the record last changed; None when unknown (or without an offset, so incomparable)."""
    return _aware(doc.get("updated_at"))


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
