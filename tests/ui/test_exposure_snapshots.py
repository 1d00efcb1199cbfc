"""Screenshots of the drawn ladder at 100x30 and 80x24, and in the high-contrast theme
(pytest-textual-snapshot). Update after an intended change with `--snapshot-update`, and look at
the SVGs before committing."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from homework_tui.model.exposure import Exposure, Ladder
from homework_tui.model.settings import HIGH_CONTRAST_THEME, Settings
from homework_tui.ui.exposure.exposure_data import ExposureBook
from homework_tui.store import Singleton, Store
from tests.ui.helpers import settle, snapshot, wait_ready, wait_screen
from tests.ui.test_exposure import LADDER

SIZES = [pytest.param((100, 30), id="100x30"), pytest.param((80, 24), id="80x24")]
T0 = datetime(2026, 3, 2, 18, 30, tzinfo=timezone.utc)


def seed(folder: Path, *, theme: str | None = None) -> None:
    """Scenario 2 on Friday: the first rung mastered, the next two practised."""
    ladder = Ladder(
        name="Social situations",
        goal="Speak up at work without dread",
        created_at=T0,
        updated_at=T0,
    )
    for text, suds in LADDER:
        ladder, _ = ladder.with_step(text, suds)
    hello, shop, phone = ladder.steps[:3]
    history = [
        (hello, 60, 25),
        (hello, 55, 20),
        (hello, 45, 15),
        (shop, 70, 50),
        (shop, 65, 40),
        (phone, 80, 70),
    ]
    with Store.open(folder) as store:
        book = ExposureBook(store)
        book.save_ladder(ladder)
        for n, (step, peak, end) in enumerate(history):
            when = T0 + timedelta(days=n)
            book.save_exposure(
                Exposure(
                    ladder_id=ladder.id,
                    step_id=step.id,
                    started_at=when,
                    created_at=when,
                    updated_at=when,
                    ended_at=when + timedelta(minutes=30),
                    predicted=80,
                    before=40,
                    peak=peak,
                    end=end,
                )
            )
        if theme is not None:
            Singleton(store, "settings", Settings, Settings).save(Settings(theme=theme))


async def open_exposure(pilot: Pilot[int]) -> None:
    await wait_ready(pilot)
    await pilot.press("x")
    await wait_screen(pilot, "ExposureScreen")
    await settle(pilot)


def compare(snap_compare: Any, folder: Path, size: tuple[int, int]) -> bool:
    return snapshot(snap_compare, folder, size, open_exposure)


@pytest.mark.parametrize("size", SIZES)
def test_the_ladder_drawn(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    seed(tmp_path)
    assert compare(snap_compare, tmp_path, size)


def test_the_ladder_in_high_contrast(snap_compare: Any, tmp_path: Path) -> None:
    seed(tmp_path, theme=HIGH_CONTRAST_THEME)
    assert compare(snap_compare, tmp_path, (80, 24))
