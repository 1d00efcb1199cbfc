"""Where each fear ladder stood at the end of the report's period: the steps mastered, the next
step, and each step's state, under the mastery rule the person chose in Exposure.

The rules are the model's (`model/exposure/mastery.py`): this only reads the store and asks them,
counting the exposures logged up to the last day of the report (the same count Exposure shows).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from homework_tui.model.activity import day_of
from homework_tui.model.exposure import Exposure, Ladder, Step
from homework_tui.model.exposure.mastery import (
    ExposureSettings,
    MasteryRule,
    StepProgress,
    StepState,
    ladder_progress,
    next_step,
)
from homework_tui.store.activities import (
    EXPOSURE_SETTINGS_TABLE,
    EXPOSURES_TABLE,
    LADDERS_TABLE,
    exposure_planned_minutes,
)
from homework_tui.store.db import Store
from homework_tui.store.repos import Repository, Singleton


@dataclass(frozen=True)
class LadderSummary:
    """One ladder at the end of the period. `exposure_ids` are every exposure logged on it."""

    ladder_id: str
    name: str
    rule: MasteryRule
    settings: ExposureSettings
    steps: tuple[StepProgress, ...]  # bottom rung first
    next_step: Step | None  # None when the whole ladder is mastered
    exposure_ids: frozenset[str]

    @property
    def mastered(self) -> tuple[Step, ...]:
        return tuple(p.step for p in self.steps if p.state is StepState.MASTERED)

    def progress(self, step_description: str) -> StepProgress | None:
        """A step's progress by its words (as the report groups exposures)."""
        for item in self.steps:
            if item.step.description == step_description:
                return item
        return None


def ladder_summaries(store: Store, last: date) -> tuple[LadderSummary, ...]:
    """Every ladder with an exposure logged on it by `last`, oldest ladder first (removed ladders
    too: their exposures are still in the report)."""
    repo = Repository(store, LADDERS_TABLE, Ladder)
    ladders = sorted([*repo.all(), *repo.trash()], key=lambda ladder: ladder.created_at)
    exposures = [
        e
        for e in Repository(store, EXPOSURES_TABLE, Exposure).all()
        if day_of(e.started_at) <= last
    ]
    settings = Singleton(store, EXPOSURE_SETTINGS_TABLE, ExposureSettings, ExposureSettings).load()
    planned = exposure_planned_minutes(store)
    found = []
    for ladder in ladders:
        own = frozenset(e.id for e in exposures if e.ladder_id == ladder.id)
        if not own:
            continue
        progress = ladder_progress(ladder, exposures, settings, planned)
        found.append(
            LadderSummary(
                ladder.id,
                ladder.name,
                settings.rule,
                settings,
                tuple(progress),
                next_step(progress),
                own,
            )
        )
    return tuple(found)
