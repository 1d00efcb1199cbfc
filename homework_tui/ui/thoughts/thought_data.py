"""Where thought records and the person's own distortion labels are kept (table names are part
of the data format: never rename them without a migration)."""

from __future__ import annotations

from homework_tui.model.distortions import OwnDistortion
from homework_tui.model.thought_record import ThoughtRecord
from homework_tui.store import Repository, Store

FORM = "thought_record"  # the drafts' name for this form
RECORDS_TABLE = "thought_records"
OWN_LABELS_TABLE = "own_distortions"


def records_repo(store: Store) -> Repository[ThoughtRecord]:
    return Repository(store, RECORDS_TABLE, ThoughtRecord)


def own_labels_repo(store: Store) -> Repository[OwnDistortion]:
    return Repository(store, OWN_LABELS_TABLE, OwnDistortion)
