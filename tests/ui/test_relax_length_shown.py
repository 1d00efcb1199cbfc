"""Pilot: the Relax session screen shows the length asked for ("of 5:00"), from the start and
still once every line is laid out, and the laid-out session lasts exactly that (no sound device,
no speech engine: the engine's silent player keeps time with captions)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from homework_tui.model.relaxation import RelaxChoice
from tests.ui.helpers import SIZE, wait_until
from tests.ui.test_relax import open_session, remember


@pytest.mark.parametrize(
    ("session", "minutes", "shown"),
    [
        ("resonance", 5, "of 5:00"),  # showed "of 4:57"
        ("box", 2, "of 2:00"),  # `breathe --minutes 2` showed "of 1:40"
        ("pmr16", 20, "of 20:00"),  # showed "of 20:00", then "of 19:05"
    ],
)
async def test_the_screen_shows_the_length_asked(
    session: str, minutes: float, shown: str, app: Any, data_dir: Path
) -> None:
    remember(data_dir, RelaxChoice(session=session, minutes=minutes))
    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        screen = await open_session(pilot)
        player = screen.started.player

        def progress() -> str:
            return str(screen.query_one("#rx-progress").render())

        await wait_until(pilot, lambda: progress().endswith(shown), timeout=10)
        await wait_until(pilot, lambda: player.timeline.complete, timeout=60)
        assert player.timeline.seconds == minutes * 60  # laid out to the sample
        laid_out = progress()  # the clock ticks each second: look again after the layout
        await wait_until(pilot, lambda: progress() != laid_out, timeout=10)
        assert progress().endswith(shown), progress()
        await pilot.press("escape")
    hw.close_store()
