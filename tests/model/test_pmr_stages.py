"""Muscle relaxation homework counts whatever name the plan gives the stage (issue 15, point 1):
a plan's “16 groups” counts sessions logged as `pmr16`, for the report and for Today alike."""

from __future__ import annotations

from datetime import date

import pytest

from homework_tui.model.activity import Activity, Kind
from homework_tui.model.due import Status, progress_on
from homework_tui.model.plan import Assignment
from homework_tui.model.pmr_stages import BY_KEY, KEYS, STAGES, PmrStage, stage_of
from homework_tui.model.progression import STAGE_NAMES, TRY_NAMES, pmr_record
from homework_tui.model.relaxation import PMR_NAMES, TITLES, RelaxationSession
from homework_tui.store.activities import relaxation_activity

DAY = date(2025, 3, 13)

# What therapists and the app write for each stage, as the issue lists them and a few more.
WRITTEN = [
    ("pmr16", "pmr16"),
    ("16 groups", "pmr16"),
    ("16 muscle groups", "pmr16"),
    ("16-group relaxation", "pmr16"),
    ("Sixteen muscle groups", "pmr16"),
    ("PMR 16", "pmr16"),
    ("Muscle relaxation, 16 groups", "pmr16"),
    ("Progressive muscle relaxation, 16 groups", "pmr16"),
    ("pmr7", "pmr7"),
    ("7 groups", "pmr7"),
    ("7 muscle groups", "pmr7"),
    ("seven muscle groups", "pmr7"),
    ("Muscle relaxation, 7 groups", "pmr7"),
    ("pmr4", "pmr4"),
    ("4 groups", "pmr4"),
    ("4 muscle groups", "pmr4"),
    ("four groups", "pmr4"),
    ("4-group relaxation", "pmr4"),
    ("release", "release"),
    ("release-only", "release"),
    ("Release only", "release"),
    ("release-only relaxation", "release"),
    ("Release-only relaxation", "release"),
    ("cue", "cue"),
    ("cue-controlled", "cue"),
    ("Cue controlled", "cue"),
    ("cue-controlled relaxation", "cue"),
    ("Cue-controlled relaxation", "cue"),
    ("differential", "differential"),
    ("Differential relaxation", "differential"),
    ("relaxing while moving", "differential"),
    ("rapid", "rapid"),
    ("Rapid relaxation", "rapid"),
    ("quick relaxation", "rapid"),
    ("application", "application"),
    ("Application training", "application"),
    ("application phase", "application"),
]


def session(pattern: str) -> Activity:
    found = relaxation_activity(
        {
            "id": "rx",
            "created_at": f"{DAY.isoformat()}T21:00:00+00:00",
            "kind": "pmr",
            "pattern": pattern,
            "minutes": 20,
            "completed": True,
        }
    )
    assert found is not None
    return found


def plan(target: str) -> Assignment:
    return Assignment(id="plan-pmr", kind=Kind.PMR, target=target, start=date(2025, 3, 10))


@pytest.mark.parametrize(("written", "key"), WRITTEN)
def test_each_name_finds_its_stage(written: str, key: str) -> None:
    stage = stage_of(written)
    assert stage is not None and stage.key == key


@pytest.mark.parametrize(("written", "key"), WRITTEN)
def test_a_plan_written_in_words_counts_sessions_logged_by_key(written: str, key: str) -> None:
    assignment = plan(written)
    assert assignment.counts(session(key))
    today = progress_on(assignment, [session(key)], DAY)
    assert today.status is Status.DONE and today.done_today == 1  # Today agrees


@pytest.mark.parametrize(("written", "key"), WRITTEN)
def test_a_session_logged_in_words_counts_for_a_plan_by_key(written: str, key: str) -> None:
    assert plan(key).counts(session(written))


@pytest.mark.parametrize("stage", STAGES, ids=KEYS)
def test_every_name_of_a_stage_counts_only_that_stage(stage: PmrStage) -> None:
    assert BY_KEY[stage.key] is stage
    for name in stage.names:
        assignment = plan(name)
        counted = [key for key in KEYS if assignment.counts(session(key))]
        assert counted == [stage.key], name


def test_other_words_name_no_stage_and_count_nothing() -> None:
    for text in ("", "16", "groups", "box", "resonance", "muscle relaxation", "17 groups"):
        assert stage_of(text) is None, text
    assert not plan("box").counts(session("pmr16"))
    assert plan("").counts(session("pmr16"))  # no target: any muscle relaxation counts


def test_the_stage_names_live_in_one_place() -> None:
    assert PMR_NAMES == KEYS
    assert {key: TITLES[key] for key in KEYS} == {s.key: s.title for s in STAGES}
    assert STAGE_NAMES["pmr16"] == "16-group relaxation"
    assert TRY_NAMES["pmr7"] == "7 groups"


@pytest.mark.parametrize(("written", "key"), WRITTEN)
def test_the_stage_suggestion_reads_every_name(written: str, key: str) -> None:
    logged = RelaxationSession(
        kind="pmr", pattern=written, minutes=20, completed=True, tension_after=20
    )
    record = pmr_record(logged)
    assert record is not None and record.stage == key
