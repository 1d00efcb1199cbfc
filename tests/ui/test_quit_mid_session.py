"""Ctrl+Q in the middle of a relaxation session asks first (issue 13, point 7): the session is
paused while asking, goes on when the person stays, and the app quits when they choose to."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from homework_tui.screens.quit_check import QUIT_ID
from tests.ui.helpers import SIZE, screen_words, wait_until
from tests.ui.test_relax import QUICK, open_session, quiet, remember  # noqa: F401 (fixture)


async def test_ctrl_q_mid_session_asks_pauses_and_quits_only_when_chosen(
    app: Any, data_dir: Path
) -> None:
    remember(data_dir, QUICK)
    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        screen = await open_session(pilot, before="")
        player = screen.started.player
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: hw.screen.id == QUIT_ID)
        assert player.paused  # nothing runs on while the person decides
        words = screen_words(hw)
        assert "session stops here and is not logged" in words
        assert "s Stay" in words and "q Quit" in words  # the choices, in the footer too
        await pilot.press("escape")  # Esc stays
        await wait_until(pilot, lambda: hw.screen is screen)
        assert hw.is_running and not player.paused
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: hw.screen.id == QUIT_ID)
        await pilot.press("q")
        await wait_until(pilot, lambda: not hw.is_running)
    hw.close_store()
