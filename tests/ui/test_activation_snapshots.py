"""Screenshots of the Activities week grid (scenario 6's first week) at 100x30 and 80x24, and at
80x24 in the high-contrast theme: planned against done must read from symbols and words alone.
The day is frozen (tests/ui/snapshot_clock.py). After an intended change run with
`--snapshot-update` and look at the SVGs before committing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from homework_tui.ui.widgets.themes import HIGH_CONTRAST_THEME
from tests.data.low_mood import SUNDAY_EVENING, build
from tests.ui.helpers import quiet_services, settle, snapshot, wait_ready, wait_screen
from tests.ui.snapshot_clock import frozen_day


def open_week(theme: str | None = None) -> Any:
    async def run_before(pilot: Pilot[Any]) -> None:
        app = await wait_ready(pilot)
        if theme is not None:
            app.theme = theme
        await pilot.press("a")
        await wait_screen(pilot, "ActivationScreen")
        await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", [(100, 30), (80, 24)], ids=["100x30", "80x24"])
def test_week_grid(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    build(tmp_path)
    with frozen_day(SUNDAY_EVENING):
        assert snapshot(snap_compare, tmp_path, size, open_week(), quiet_services())


def test_week_grid_high_contrast(snap_compare: Any, tmp_path: Path) -> None:
    build(tmp_path)
    with frozen_day(SUNDAY_EVENING):
        assert snapshot(
            snap_compare, tmp_path, (80, 24), open_week(HIGH_CONTRAST_THEME), quiet_services()
        )
