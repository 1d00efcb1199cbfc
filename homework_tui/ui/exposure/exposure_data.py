"""Where ladders, exposures and the exposure settings live in the store (no Textual here).

Every method writes to disk (fsync): call them from thread workers. `load()` gives a snapshot the
screen draws from. For Today: `ExposureBook(store).load().next_steps()` gives each ladder's
suggested next step under the person's mastery rule.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from homework_tui.model.exposure import Exposure, Ladder, Step
from homework_tui.model.exposure.mastery import (
    ExposureSettings,
    Judgement,
    StepProgress,
    judge,
    ladder_progress,
    next_step,
)
from homework_tui.store import Repository, Singleton, Store
from homework_tui.store.activities import (
    EXPOSURE_SETTINGS_TABLE,
    EXPOSURES_TABLE,
    LADDERS_TABLE,
    exposure_planned_minutes,
)

LADDERS = LADDERS_TABLE
EXPOSURES = EXPOSURES_TABLE
SETTINGS = EXPOSURE_SETTINGS_TABLE


@dataclass(frozen=True)
class ExposureData:
    """Everything the exposure screens show, read at one moment."""

    ladders: tuple[Ladder, ...] = ()
    exposures: tuple[Exposure, ...] = ()
    settings: ExposureSettings = field(default_factory=ExposureSettings)
    planned: Mapping[str, int] = field(default_factory=dict)  # plan's minutes, by exposure id

    def ladder(self, ladder_id: str | None) -> Ladder | None:
        for ladder in self.ladders:
            if ladder.id == ladder_id:
                return ladder
        return None

    def for_step(self, step_id: str) -> list[Exposure]:
        """A step's exposures, oldest first."""
        return sorted(
            (e for e in self.exposures if e.step_id == step_id), key=lambda e: e.started_at
        )

    def progress(self, ladder: Ladder) -> list[StepProgress]:
        return ladder_progress(ladder, self.exposures, self.settings, self.planned)

    def judgement(self, exposure: Exposure) -> Judgement:
        """Whether `exposure` counts, and why not (the same words as the report's)."""
        return judge(exposure, self.settings, self.planned.get(exposure.id))

    def next_steps(self) -> list[tuple[Ladder, Step]]:
        """Each ladder's suggested next step (ladders fully mastered are left out)."""
        found = []
        for ladder in self.ladders:
            step = next_step(self.progress(ladder))
            if step is not None:
                found.append((ladder, step))
        return found


class ExposureBook:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.ladders: Repository[Ladder] = Repository(store, LADDERS, Ladder)
        self.exposures: Repository[Exposure] = Repository(store, EXPOSURES, Exposure)
        self.settings: Singleton[ExposureSettings] = Singleton(
            store, SETTINGS, ExposureSettings, ExposureSettings
        )

    def load(self) -> ExposureData:
        # Ladders oldest first: the first one made stays first.
        return ExposureData(
            tuple(self.ladders.all(key=lambda ladder: ladder.created_at, reverse=False)),
            tuple(self.exposures.all()),
            self.settings.load(),
            exposure_planned_minutes(self.store),
        )

    def save_ladder(self, ladder: Ladder) -> Ladder:
        return self.ladders.save(ladder)

    def remove_ladder(self, ladder_id: str) -> bool:
        """To the trash; its exposures stay where they are and come back with it."""
        return self.ladders.delete(ladder_id)

    def restore_ladder(self, ladder_id: str) -> bool:
        return self.ladders.restore(ladder_id)

    def save_exposure(self, exposure: Exposure) -> Exposure:
        return self.exposures.save(exposure)

    def remove_exposure(self, exposure_id: str) -> bool:
        return self.exposures.delete(exposure_id)

    def restore_exposure(self, exposure_id: str) -> bool:
        return self.exposures.restore(exposure_id)

    def save_settings(self, settings: ExposureSettings) -> ExposureSettings:
        return self.settings.save(settings)
