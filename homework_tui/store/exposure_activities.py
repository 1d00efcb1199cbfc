"""Exposures as `Activity` values for the report, the CSV and Today (see `activities`)."""

from __future__ import annotations

from dataclasses import replace

from homework_tui.model.activity import Activity, Kind
from homework_tui.model.exposure import Exposure, Ladder
from homework_tui.model.exposure.mastery import ExposureSettings, judge
from homework_tui.model.plan import Assignment, planned_minutes
from homework_tui.store.activity_source import (
    EXPOSURE_SETTINGS_TABLE,
    EXPOSURES_TABLE,
    LADDERS_TABLE,
    PLAN_TABLE,
)
from homework_tui.store.activity_source import measures as _measures
from homework_tui.store.activity_source import number_text as _n
from homework_tui.store.db import Store
from homework_tui.store.repos import Repository, Singleton

EXPOSURE_COLUMNS = (
    "Ladder",
    "Step",
    "Step SUDS",
    "Predicted",
    "Before",
    "Peak",
    "End",
    "Drop (%)",
    "Minutes",
    "Planned minutes",
    "Ended early",
    "Left early (said)",
    "Safety behaviours",
    "Feared outcome",
    "Likelihood",
    "Happened",
    "Surprise",
    "Learned",
    "Counts",
    "Not counted because",
    "Judged",
    "Notes",
)


def read_exposures(store: Store) -> list[Activity]:
    """Each exposure, with its within-session drop, whether it ended before the time the plan
    asked for (the plan's minutes for the exposure homework it counts as), the expectancy it
    tested, and whether it counts toward mastery and why not (`judge`, under the person's
    exposure settings)."""
    settings = Singleton(store, EXPOSURE_SETTINGS_TABLE, ExposureSettings, ExposureSettings).load()
    ladder_repo = Repository(store, LADDERS_TABLE, Ladder)
    ladders = {each.id: each for each in [*ladder_repo.all(), *ladder_repo.trash()]}
    timed = [
        a
        for a in Repository(store, PLAN_TABLE, Assignment).all()
        if a.kind is Kind.EXPOSURE and a.minutes is not None
    ]
    found = []
    for exposure in Repository(store, EXPOSURES_TABLE, Exposure).all(reverse=False):
        ladder = ladders.get(exposure.ladder_id)
        step = ladder.step(exposure.step_id) if ladder else None
        words = exposure.step_description or (step.description if step else "a step")
        ladder_name = ladder.name if ladder else ""
        activity = Activity(
            kind=Kind.EXPOSURE,
            ref_id=exposure.id,
            at=exposure.started_at,
            title=words,
            targets=(exposure.ladder_id, ladder_name, exposure.step_id, words),
            group=words,
            facts=(
                ("Ladder", ladder_name),
                ("Step", words),
                ("Step SUDS", _n(step.suds) if step else ""),
                ("Predicted", _n(exposure.predicted)),
                ("Before", _n(exposure.before)),
                ("Peak", _n(exposure.peak)),
                ("End", _n(exposure.end)),
                ("Drop (%)", _n(exposure.within_drop_percent)),
                ("Minutes", _minutes_text(exposure)),
                ("Left early (said)", "yes" if exposure.left_early else ""),
                ("Safety behaviours", ", ".join(exposure.safety_behaviours)),
                ("Feared outcome", exposure.feared_outcome),
                ("Likelihood", _n(exposure.likelihood)),
                ("Happened", exposure.outcome.value if exposure.outcome else ""),
                ("Surprise", _n(exposure.surprise)),
                ("Learned", exposure.learned),
                ("Notes", exposure.notes),
            ),
            measures=_measures(
                predicted=exposure.predicted,
                before=exposure.before,
                peak=exposure.peak,
                end=exposure.end,
                step_suds=step.suds if step else None,
            ),
        )
        planned = planned_minutes(timed, activity)  # needs the activity: what it counts as
        facts = dict(activity.facts)
        facts["Planned minutes"] = _n(planned)
        facts["Ended early"] = "yes" if exposure.ended_early(planned) else ""
        verdict = judge(exposure, settings, planned)
        facts["Counts"] = "yes" if verdict.counts else "no"
        facts["Not counted because"] = "; ".join(verdict.reasons)
        facts["Judged"] = verdict.note
        found.append(
            replace(activity, facts=tuple((c, facts.get(c, "")) for c in EXPOSURE_COLUMNS))
        )
    return found


def exposure_planned_minutes(store: Store) -> dict[str, int]:
    """The minutes the plan asked for, by exposure id, for each exposure the plan timed (what
    `judge` needs to tell an early exit)."""
    found: dict[str, int] = {}
    for activity in read_exposures(store):
        planned = activity.fact("Planned minutes")
        if planned:
            found[activity.ref_id] = int(planned)
    return found


def _minutes_text(exposure: Exposure) -> str:
    """Whole minutes, or tenths under one minute (a 10-second exposure is "0.2", not "0")."""
    if exposure.ended_at is None:
        return ""
    minutes = (exposure.ended_at - exposure.started_at).total_seconds() / 60
    return _n(exposure.minutes) if minutes >= 1 else f"{minutes:.1f}"
