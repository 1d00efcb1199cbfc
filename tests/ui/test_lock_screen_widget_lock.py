"""The lock screen keeps Textual's own `Widget.lock` (an asyncio lock Textual takes in `batch`):
the auto-lock it serves is `idle_lock`, never a shadow of it (issue 18, point 3)."""

from __future__ import annotations

from collections.abc import Callable

from homework_tui.app import HomeworkApp
from homework_tui.ui.privacy.privacy_lock_screen import LockScreen
from tests.ui.helpers import SIZE, wait_ready, wait_until

AppFactory = Callable[..., HomeworkApp]


async def test_the_lock_screen_can_still_be_batched_by_textual(app: AppFactory) -> None:
    async with app().run_test(size=SIZE) as pilot:
        hw = await wait_ready(pilot)
        screen = LockScreen(hw.idle_lock)
        await hw.push_screen(screen)
        await wait_until(pilot, lambda: hw.screen is screen and bool(screen.query("#lock-box")))
        async with screen.batch():  # takes `screen.lock`: fails if something else sits there
            screen.query_one("#lock-title")
        assert screen.idle_lock is hw.idle_lock
