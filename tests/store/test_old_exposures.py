"""Exposures stored before the feared outcome was asked (issue 15) load unchanged from a real
TinyDB file and from a backup, keep their numbers, and are judged by the half-drop rule."""

from __future__ import annotations

from datetime import datetime, timezone
from dataclasses import replace
from pathlib import Path

import orjson
from tinydb.table import Document

from homework_tui.model.exposure import Exposure, Happened
from homework_tui.model.exposure.mastery import (
    NO_FEARED_OUTCOME,
    ExposureSettings,
    MasteryKind,
    MasteryRule,
    judge,
)
from homework_tui.store import Repository, Singleton, Store
from homework_tui.store.activities import EXPOSURE_SETTINGS_TABLE, EXPOSURES_TABLE
from homework_tui.store.backup_io import import_file
from homework_tui.store.schema import CURRENT_VERSION

# An exposure document exactly as the version before issue 15 wrote it.
OLD_EXPOSURE = {
    "id": "6f1c0c4e-0000-4000-8000-000000000001",
    "created_at": "2024-05-03T18:45:00+00:00",
    "updated_at": "2024-05-03T18:45:00+00:00",
    "ladder_id": "ladder-1",
    "step_id": "step-1",
    "step_description": "Say hello to a neighbour",
    "started_at": "2024-05-03T18:30:00+00:00",
    "ended_at": "2024-05-03T18:50:00+00:00",
    "predicted": 100,
    "before": 60,
    "peak": 90,
    "end": 40,
    "safety_behaviours": [],
    "notes": "It went better than I thought",
    "readings": [],
}
OLD_SETTINGS = {"rule": {"kind": "expectancy", "repeats": 3}, "prompt_minutes": 5}


def _check(done: Exposure | None) -> None:
    assert done is not None
    assert (done.predicted, done.before, done.peak, done.end, done.minutes) == (100, 60, 90, 40, 20)
    assert done.started_at == datetime(2024, 5, 3, 18, 30, tzinfo=timezone.utc)
    assert (done.feared_outcome, done.likelihood, done.outcome) == ("", None, None)
    assert (done.surprise, done.learned, done.left_early) == (None, "", False)


def test_an_old_exposure_loads_from_a_real_file_and_is_judged_by_half_drop(
    tmp_path: Path,
) -> None:
    with Store.open(tmp_path) as store:  # written raw, as the old version left it on disk
        exposures = store.table(EXPOSURES_TABLE)
        exposures.insert(Document(OLD_EXPOSURE, doc_id=OLD_EXPOSURE["id"]))  # type: ignore[arg-type]
        rules = store.table(EXPOSURE_SETTINGS_TABLE)
        rules.insert(Document(OLD_SETTINGS, doc_id=EXPOSURE_SETTINGS_TABLE))  # type: ignore[arg-type]
    assert b'"feared_outcome"' not in (tmp_path / "homework.json").read_bytes()
    with Store.open(tmp_path) as store:
        done = Repository(store, EXPOSURES_TABLE, Exposure).get(OLD_EXPOSURE["id"])
        settings = Singleton(
            store, EXPOSURE_SETTINGS_TABLE, ExposureSettings, ExposureSettings
        ).load()
    _check(done)
    assert done is not None
    assert settings.rule == MasteryRule(kind=MasteryKind.EXPECTANCY, repeats=3)
    assert (settings.exclude_safety_behaviours, settings.exclude_early_exits) == (True, True)
    assert settings.minimum_minutes == 5
    verdict = judge(done, settings)
    assert verdict.counts and verdict.note == NO_FEARED_OUTCOME  # 90 → 40 fell by half


def test_new_fields_survive_the_file_and_an_old_backup_imports(tmp_path: Path) -> None:
    backup = tmp_path / "backup.json"
    backup.write_bytes(
        orjson.dumps(
            {
                "format": "homework-tui-backup",
                "app_version": "0.1",
                "schema_version": CURRENT_VERSION,
                "exported_at": "2024-05-04T10:00:00+00:00",
                "tables": {EXPOSURES_TABLE: [OLD_EXPOSURE]},
            }
        )
    )
    folder = tmp_path / "data"
    with Store.open(folder) as store:
        assert import_file(store, backup).added == 1
        repo = Repository(store, EXPOSURES_TABLE, Exposure)
        old = repo.get(OLD_EXPOSURE["id"])
        _check(old)
        assert old is not None
        repo.save(
            replace(
                old,
                feared_outcome="they'll think I'm odd",
                likelihood=80,
                outcome=Happened.PARTLY,
                surprise=70,
                learned="A short hello is fine",
                left_early=True,
            )
        )
    with Store.open(folder) as store:
        again = Repository(store, EXPOSURES_TABLE, Exposure).get(OLD_EXPOSURE["id"])
    assert again is not None
    assert (again.feared_outcome, again.likelihood, again.outcome) == (
        "they'll think I'm odd",
        80,
        Happened.PARTLY,
    )
    assert (again.surprise, again.learned, again.left_early) == (70, "A short hello is fine", True)
