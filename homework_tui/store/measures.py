"""Where questionnaire results are kept (PHQ-9, GAD-7), and how they read as homework done.

A result is stored whole (its answers), so the total, the band and the FHIR export are always
worked out by the model from what the person answered. Two results on the same day are both kept.
"""

from __future__ import annotations

from datetime import date

from homework_tui.i18n import N_
from homework_tui.model.activity import Activity, Kind
from homework_tui.model.measures import MeasureResult, Scale, change_since, change_words
from homework_tui.model.plan import Assignment
from homework_tui.store.db import Store
from homework_tui.store.repos import Repository

MEASURES_TABLE = "measures"
PLAN_TABLE = "plan"  # as in store/activities.py (not imported: activities imports this module)

KIND_OF: dict[Scale, Kind] = {Scale.PHQ9: Kind.PHQ9, Scale.GAD7: Kind.GAD7}

MEASURE_COLUMNS = (
    N_("Questionnaire"),
    N_("Total"),
    N_("Out of"),
    N_("Severity"),
    N_("Change since plan started"),
    N_("Answers"),
    N_("PHQ-9 item 9"),
)


def measures_repo(store: Store) -> Repository[MeasureResult]:
    return Repository(store, MEASURES_TABLE, MeasureResult)


def save_result(store: Store, result: MeasureResult) -> MeasureResult:
    return measures_repo(store).add(result)


def results(store: Store, scale: Scale | None = None) -> list[MeasureResult]:
    """Oldest first; every result, two on one day included."""
    found = measures_repo(store).all(reverse=False)
    return [r for r in found if scale is None or r.scale is scale]


def plan_start(store: Store, scale: Scale | None = None) -> date | None:
    """When the plan started: the first start of a homework for this questionnaire, else of any
    homework; None without a plan."""
    plan = Repository(store, PLAN_TABLE, Assignment).all()
    mine = [a.start for a in plan if scale is not None and a.kind is KIND_OF[scale]]
    starts = mine or [a.start for a in plan]
    return min(starts, default=None)


def read_measures(store: Store) -> list[Activity]:
    everything = results(store)
    starts = {scale: plan_start(store, scale) for scale in Scale}
    found = []
    for result in everything:
        change = change_since(result, everything, starts[result.scale])
        item9 = result.safety_item
        found.append(
            Activity(
                kind=KIND_OF[result.scale],
                ref_id=result.id,
                at=result.created_at,
                title=result.summary(),
                facts=(
                    (N_("Questionnaire"), result.form.name),
                    (N_("Total"), str(result.total)),
                    (N_("Out of"), str(result.form.max_total)),
                    (N_("Severity"), result.band.name),
                    (N_("Change since plan started"), change_words(change)),
                    (N_("Answers"), ",".join(str(a) for a in result.answers)),
                    (N_("PHQ-9 item 9"), "" if item9 is None else str(item9)),
                ),
                measures=(("total", float(result.total)),),
            )
        )
    return found
