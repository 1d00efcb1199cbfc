"""Every kind of logged homework, as `Activity` values: the one place that knows each kind's table.

`SOURCES` is a registry of adapters, one per table. Adding a kind of homework is one entry:
a `Source` naming its table, the report's heading, its CSV columns and a `read(store)` that turns
the table's records into activities. Nothing above this module needs to know the kind's model.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from statistics import mean
from typing import Any

from homework_tui.i18n import N_, ngettext
from homework_tui.model.activity import Activity, Kind, State
from homework_tui.model.base import clean_text
from homework_tui.model.experiment import Experiment
from homework_tui.model.journal import JournalEntry
from homework_tui.model.plan import Assignment, Checkoff
from homework_tui.model.pmr_stages import stage_of
from homework_tui.model.relaxation import SCALES, TITLES, rating_text
from homework_tui.model.thought_record import ThoughtRecord
from homework_tui.store.activity_source import (
    CHECKOFFS_TABLE,
    EXPERIMENTS_TABLE,
    EXPOSURE_SETTINGS_TABLE,
    EXPOSURES_TABLE,
    JOURNAL_TABLE,
    LADDERS_TABLE,
    PLAN_TABLE,
    RELAXATION_TABLE,
    THOUGHT_RECORDS_TABLE,
    Source,
)
from homework_tui.store.activity_source import measures as _measures
from homework_tui.store.activity_source import number_text as _n
from homework_tui.store.db import Store
from homework_tui.store.exposure_activities import (
    EXPOSURE_COLUMNS,
    exposure_planned_minutes,
    read_exposures,
)
from homework_tui.store.measures import MEASURE_COLUMNS, read_measures
from homework_tui.store.repos import TRASHED, Repository
from homework_tui.store.wellbeing import WELLBEING_SOURCES

# Kept here for the modules that read them from here (defined in activity_source and
# exposure_activities, which this module's adapters share).
__all__ = [
    "CHECKOFFS_TABLE",
    "EXPERIMENTS_TABLE",
    "EXPOSURES_TABLE",
    "EXPOSURE_COLUMNS",
    "EXPOSURE_SETTINGS_TABLE",
    "JOURNAL_TABLE",
    "LADDERS_TABLE",
    "PLAN_TABLE",
    "RELAXATION_TABLE",
    "THOUGHT_RECORDS_TABLE",
    "Source",
    "exposure_planned_minutes",
    "read_exposures",
]

# -- thought records ------------------------------------------------------------------------------

THOUGHT_COLUMNS = (
    N_("Situation"),
    N_("Moods"),
    N_("Hot thought"),
    N_("Distortions"),
    N_("Evidence for"),
    N_("Evidence against"),
    N_("Balanced thought"),
    N_("Belief in balanced thought"),
    N_("Other alternative thoughts"),
    N_("Complete"),
)


def read_thought_records(store: Store) -> list[Activity]:
    found = []
    for record in Repository(store, THOUGHT_RECORDS_TABLE, ThoughtRecord).all(reverse=False):
        befores = [m.before for m in record.moods if m.before is not None]
        afters = [m.after for m in record.first_moods if m.after is not None]
        found.append(
            Activity(
                kind=Kind.THOUGHT_RECORD,
                ref_id=record.id,
                at=record.created_at,
                title=" ".join(record.situation.split())[:80],
                state=State.DONE if record.complete else State.STARTED,
                facts=(
                    (N_("Situation"), record.situation),
                    (N_("Moods"), record.mood_summary()),
                    (N_("Hot thought"), record.hot_thought),
                    (N_("Distortions"), ", ".join(record.labels)),
                    (N_("Evidence for"), record.evidence_for),
                    (N_("Evidence against"), record.evidence_against),
                    (N_("Balanced thought"), record.balanced_thought),
                    (N_("Belief in balanced thought"), _n(record.balanced_belief)),
                    (N_("Other alternative thoughts"), record.alternatives_text(1)),
                    (N_("Complete"), N_("yes") if record.complete else N_("not yet")),
                ),
                measures=_measures(
                    mood_before=mean(befores) if befores else None,
                    mood_after=mean(afters) if afters else None,
                    mood_drop=record.mood_drop(),
                ),
            )
        )
    return found


# -- journal --------------------------------------------------------------------------------------

JOURNAL_COLUMNS = (N_("Title"), N_("Mood (0-10)"), N_("Tags"), N_("Writing"))


def read_journal(store: Store) -> list[Activity]:
    return [
        Activity(
            kind=Kind.JOURNAL,
            ref_id=entry.id,
            at=entry.created_at,
            title=entry.heading,
            facts=(
                (N_("Title"), entry.heading),
                (N_("Mood (0-10)"), _n(entry.mood)),
                (N_("Tags"), ", ".join(entry.tags)),
                (N_("Writing"), entry.text),
            ),
            measures=_measures(mood=entry.mood),
            text=entry.text,
        )
        for entry in Repository(store, JOURNAL_TABLE, JournalEntry).all(reverse=False)
    ]


# -- behavioural experiments ----------------------------------------------------------------------

EXPERIMENT_COLUMNS = (
    N_("Belief"),
    N_("Belief before"),
    N_("Alternative belief"),
    N_("Alternative before"),
    N_("Experiment"),
    N_("Predictions"),
    N_("Outcome"),
    N_("Learned"),
    N_("Belief after"),
    N_("Alternative after"),
    N_("Modified belief"),
)


def read_experiments(store: Store) -> list[Activity]:
    found = []
    for experiment in Repository(store, EXPERIMENTS_TABLE, Experiment).all(reverse=False):
        done = experiment.done
        found.append(
            Activity(
                kind=Kind.EXPERIMENT,
                ref_id=experiment.id,
                at=(
                    experiment.completed_at
                    if done and experiment.completed_at
                    else experiment.created_at
                ),
                title=experiment.what or experiment.belief,
                state=State.DONE if done else State.WAITING,
                facts=(
                    (N_("Belief"), experiment.belief),
                    (N_("Belief before"), _n(experiment.belief_rating)),
                    (N_("Alternative belief"), experiment.alternative),
                    (N_("Alternative before"), _n(experiment.alternative_rating)),
                    (N_("Experiment"), experiment.what),
                    (N_("Predictions"), experiment.predictions),
                    (N_("Outcome"), experiment.outcome),
                    (N_("Learned"), experiment.learned),
                    (N_("Belief after"), _n(experiment.belief_after)),
                    (N_("Alternative after"), _n(experiment.alternative_after)),
                    (N_("Modified belief"), experiment.modified_belief),
                ),
                measures=_measures(
                    belief_before=experiment.belief_rating, belief_after=experiment.belief_after
                ),
            )
        )
    return found


# -- relaxation sessions --------------------------------------------------------------------------
# Written by the Relax section. A document: {"id", "created_at" (ISO 8601 with offset),
# "kind": "breathing" | "pmr" | "mindfulness", "pattern": "resonance" (breathing pattern or PMR
# stage), "minutes": 5 (the time listened), "completed": true, "skipped_parts": 0,
# "scale": "tension" | "anxiety", "tension_before": 70, "tension_after": 40 (0-100, optional),
# "anxiety_before": 7, "anxiety_after": 2 (0-10, optional), "note": "Counting helped"}.
# Read leniently: a field this version does not know is left alone.

RELAXATION_COLUMNS = (
    N_("Practice"),
    N_("Pattern"),
    N_("Minutes"),
    N_("Tension before (0-100)"),
    N_("Tension after (0-100)"),
    N_("Anxiety before (0-10)"),
    N_("Anxiety after (0-10)"),
    N_("Rating"),
    N_("Completed"),
    N_("Note"),
)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _session_names(pattern: str) -> tuple[str, tuple[str, ...]]:
    """How a session reads (“Muscle relaxation, 16 groups”; "" when the app does not know it) and
    every name a muscle relaxation stage goes by, so a plan's “16 groups” counts `pmr16`."""
    stage = stage_of(pattern) if pattern else None
    if stage is not None:
        return stage.title, stage.names
    return TITLES.get(pattern.lower(), ""), ()


def relaxation_activity(doc: dict[str, Any]) -> Activity | None:
    try:
        at = datetime.fromisoformat(str(doc.get("started_at") or doc["created_at"]))
    except (KeyError, ValueError):
        return None
    kind = {"breathing": Kind.BREATHING, "pmr": Kind.PMR, "mindfulness": Kind.MINDFULNESS}.get(
        str(doc.get("kind", "breathing")), Kind.BREATHING
    )
    pattern = clean_text(str(doc.get("pattern") or ""), multiline=False).strip()
    named = clean_text(str(doc.get("title") or ""), multiline=False).strip()
    note = clean_text(str(doc.get("note") or "")).strip()
    minutes = _number(doc.get("minutes"))
    tension = _number(doc.get("tension_before")), _number(doc.get("tension_after"))
    anxiety = _number(doc.get("anxiety_before")), _number(doc.get("anxiety_after"))
    scale = str(doc.get("scale") or "tension")
    if scale not in SCALES:
        scale = "tension"
    rated = anxiety if scale == "anxiety" else tension
    completed = doc.get("completed", True) is not False
    skipped = doc.get("skipped_parts")
    skipped = (
        skipped if isinstance(skipped, int) and not isinstance(skipped, bool) and skipped > 0 else 0
    )
    known, stage_names = _session_names(pattern)
    return Activity(
        kind=kind,
        ref_id=str(doc.get("id", "")),
        at=at,
        title=named or known or (f"{pattern[:1].upper()}{pattern[1:]}" if pattern else kind.label),
        targets=tuple(t for t in (pattern, named, *stage_names) if t),
        group=pattern,
        facts=(
            (N_("Practice"), named or known or kind.label),
            (N_("Pattern"), pattern),
            (N_("Minutes"), _n(round(minutes, 1)) if minutes is not None else ""),
            (N_("Tension before (0-100)"), _n(tension[0])),
            (N_("Tension after (0-100)"), _n(tension[1])),
            (N_("Anxiety before (0-10)"), _n(anxiety[0])),
            (N_("Anxiety after (0-10)"), _n(anxiety[1])),
            (N_("Rating"), rating_text(scale, *rated)),
            (
                N_("Completed"),
                N_("yes")
                if completed and not skipped
                else ngettext("{n} part skipped", "{n} parts skipped", skipped).format(n=skipped)
                if skipped
                else N_("stopped early"),
            ),
            (N_("Note"), note),
        ),
        measures=_measures(
            minutes=minutes,
            tension_before=tension[0],
            tension_after=tension[1],
            anxiety_before=anxiety[0],
            anxiety_after=anxiety[1],
        ),
    )


def read_relaxation(store: Store) -> list[Activity]:
    docs = list(store.storage.read().get(RELAXATION_TABLE, {}).values())
    found = [relaxation_activity(doc) for doc in docs if TRASHED not in doc]
    return sorted((a for a in found if a is not None), key=lambda a: a.at)


# -- check-offs ("I did this") --------------------------------------------------------------------

CHECKOFF_COLUMNS = (N_("Assignment"), N_("Note"))


def read_checkoffs(store: Store) -> list[Activity]:
    plan = Repository(store, PLAN_TABLE, Assignment)
    found = []
    for checkoff in Repository(store, CHECKOFFS_TABLE, Checkoff).all(reverse=False):
        assignment = plan.get(checkoff.assignment_id) or plan.get(
            checkoff.assignment_id, trashed=True
        )
        if assignment is None:
            continue
        at = checkoff.created_at
        if at.date() != checkoff.day:  # logged for another day: place it at noon of that day
            at = at.replace(
                year=checkoff.day.year,
                month=checkoff.day.month,
                day=checkoff.day.day,
                hour=12,
                minute=0,
                second=0,
                microsecond=0,
            )
        found.append(
            Activity(
                kind=assignment.kind,
                ref_id=checkoff.id,
                at=at,
                title=assignment.name,
                assignment_id=assignment.id,
                facts=((N_("Assignment"), assignment.name), (N_("Note"), checkoff.note)),
            )
        )
    return found


SOURCES: list[Source] = [
    Source(
        "thought_records",
        N_("Thought records"),
        (Kind.THOUGHT_RECORD,),
        THOUGHT_COLUMNS,
        read_thought_records,
    ),
    Source("exposures", N_("Exposures"), (Kind.EXPOSURE,), EXPOSURE_COLUMNS, read_exposures),
    Source(
        "experiments",
        N_("Behavioural experiments"),
        (Kind.EXPERIMENT,),
        EXPERIMENT_COLUMNS,
        read_experiments,
    ),
    Source(
        "relaxation",
        N_("Relaxation practice"),
        (Kind.BREATHING, Kind.PMR, Kind.MINDFULNESS),
        RELAXATION_COLUMNS,
        read_relaxation,
    ),
    Source("journal", N_("Journal"), (Kind.JOURNAL,), JOURNAL_COLUMNS, read_journal),
    Source(
        "measures", N_("Questionnaires"), (Kind.PHQ9, Kind.GAD7), MEASURE_COLUMNS, read_measures
    ),
    *WELLBEING_SOURCES,
    Source("checkoffs", N_("Ticked off by hand"), tuple(Kind), CHECKOFF_COLUMNS, read_checkoffs),
]


def gather(store: Store, sources: Iterable[Source] | None = None) -> list[Activity]:
    """Every activity from every source, oldest first."""
    found: list[Activity] = []
    for source in SOURCES if sources is None else sources:
        found.extend(source.read(store))
    found.sort(key=lambda a: a.at)
    return found


def gather_by_source(store: Store) -> list[tuple[Source, list[Activity]]]:
    return [(source, sorted(source.read(store), key=lambda a: a.at)) for source in SOURCES]
