"""What a new user met in Relax, walked in tmux at 100x30 and 80x24 with no sound card (issue 14,
point 3 of the brief): playing silently, the footer offers no Louder/Softer (nothing to make
louder; at 80 columns it cut "F1 Keys"), and + says nothing untrue; between a muscle group's
phases the screen says "Get ready", not the introduction's "Settle in"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from homework_tui.model.relaxation import RelaxChoice
from tests.hand_clock import HandClock
from tests.ui.helpers import notifications, wait_screen, wait_until
from tests.ui.test_relax import remember
from tests.ui.test_relax_keys import SIZES, app, footer, no_sound, open_relax, running  # noqa: F401

PMR = RelaxChoice(session="pmr4", minutes=10)


@pytest.mark.parametrize("size", SIZES)
async def test_playing_silently_offers_no_volume_keys(
    app: Any,  # noqa: F811 - the fixture
    data_dir: Path,
    size: tuple[int, int],
) -> None:
    remember(data_dir, PMR)
    hw = app()
    async with hw.run_test(size=size) as pilot:
        await open_relax(pilot)
        await pilot.press("enter")
        await wait_screen(pilot, "RatingDialog")
        await pilot.press("5", "0", "enter")
        session = await running(pilot)
        await wait_until(pilot, lambda: "Pause" in footer(hw))
        assert not session.started.player.audible
        keys = footer(hw)
        assert "Louder" not in keys and "Softer" not in keys, keys
        assert "Help now" in keys and "F1 Keys" in keys, keys  # whole, at 80 columns too
        await pilot.press("plus", "minus")
        await pilot.pause()
        assert not any("Volume" in n for n in notifications(hw))
    hw.close_store()


async def test_between_a_groups_phases_the_screen_says_get_ready(
    app: Any,  # noqa: F811 - the fixture
    data_dir: Path,
) -> None:
    remember(data_dir, PMR)
    hw = app()
    async with hw.run_test(size=(100, 30)) as pilot:
        relax = await open_relax(pilot)
        relax.clock = HandClock()  # the session moves only when the test says
        await pilot.press("enter")
        await wait_screen(pilot, "RatingDialog")
        await pilot.press("enter")
        session = await running(pilot)
        phase = session.query_one("#rx-phase")
        await wait_until(pilot, lambda: str(phase.render()) == "Settle in")
        await pilot.press("n")  # on to the first muscle group: its focus line comes first
        player = session.started.player
        await wait_until(pilot, lambda: player.now().part is not None and player.now().part.index)
        session.follow()
        assert player.now().stage is None and player.now().part.kind == "group"
        await wait_until(pilot, lambda: str(phase.render()) == "Get ready")
    hw.close_store()


@pytest.mark.parametrize("size", SIZES)
async def test_in_the_length_box_the_footer_says_enter_begins_and_an_empty_length_is_named(
    app: Any,  # noqa: F811 - the fixture
    data_dir: Path,
    size: tuple[int, int],
) -> None:
    remember(data_dir, PMR)
    hw = app()
    async with hw.run_test(size=size) as pilot:
        relax = await open_relax(pilot)
        await pilot.press("tab")  # from the list to the length, as a person would
        length = relax.query_one("#rx-minutes")
        assert hw.focused is length
        await wait_until(pilot, lambda: "⏎ Begin" in footer(hw))
        assert "Help now" in footer(hw), footer(hw)
        await pilot.press("end", "backspace", "backspace", "backspace")
        assert length.value == ""
        await pilot.press("enter")
        problem = relax.query_one("#rx-problem")
        await wait_until(
            pilot, lambda: "Length needs a number of minutes from 1 to 60." in str(problem.render())
        )
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert type(hw.screen).__name__ == "RelaxScreen"  # no rating asked, no 5 minutes assumed
    hw.close_store()
