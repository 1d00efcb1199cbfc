"""Exposures as `Activity` values for the report, the CSV and Today (see `activities`)."""

from __future__ import annotations

from dataclasses import replace

from homework_tui.i18n import N_
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
    N_("Ladder"),
    N_("Step"),
    N_("Step SUDS"),
    N_("Predicted"),
    N_("Before"),
    N_("Peak"),
    N_("End"),
    N_("Drop (%)"),
    N_("Minutes"),
    N_("Planned minutes"),
    N_("Ended early"),
    N_("Left early (said)"),
    N_("Safety behaviours"),
    N_("Feared outcome"),
    N_("Likelihood"),
    N_("Happened"),
    N_("Surprise"),
    N_("Learned"),
    N_("Counts"),
    N_("Not counted because"),
    N_("Judged"),
    N_("Notes"),
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
                (N_("Ladder"), ladder_name),
                (N_("Step"), words),
                (N_("Step SUDS"), _n(step.suds) if step else ""),
                (N_("Predicted"), _n(exposure.predicted)),
                (N_("Before"), _n(exposure.before)),
                (N_("Peak"), _n(exposure.peak)),
                (N_("End"), _n(exposure.end)),
                (N_("Drop (%)"), _n(exposure.within_drop_percent)),
                (N_("Minutes"), _minutes_text(exposure)),
                (N_("Left early (said)"), N_("yes") if exposure.left_early else ""),
                (N_("Safety behaviours"), ", ".join(exposure.safety_behaviours)),
                (N_("Feared outcome"), exposure.feared_outcome),
                (N_("Likelihood"), _n(exposure.likelihood)),
                (N_("Happened"), exposure.outcome.value if exposure.outcome else ""),
                (N_("Surprise"), _n(exposure.surprise)),
                (N_("Learned"), exposure.learned),
                (N_("Notes"), exposure.notes),
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
        facts["Ended early"] = N_("yes") if exposure.ended_early(planned) else ""
        verdict = judge(exposure, settings, planned)
        facts["Counts"] = N_("yes") if verdict.counts else N_("no")
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
        planned = activity.fact("Planned minutes")  # i18n: not shown (a fact's key)
        if planned:
            found[activity.ref_id] = int(planned)
    return found


def _minutes_text(exposure: Exposure) -> str:
    """Whole minutes, or tenths under one minute (a 10-second exposure is "0.2", not "0")."""
    if exposure.ended_at is None:
        return ""
    minutes = (exposure.ended_at - exposure.started_at).total_seconds() / 60
    return _n(exposure.minutes) if minutes >= 1 else f"{minutes:.1f}"
