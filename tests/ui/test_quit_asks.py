"""Ctrl+Q asks first (issue 13, point 7) in the middle of a relaxation session (paused while
asking, going on when the person stays) and in a dialog form holding typing not saved; the app
quits only when the person chooses to. (Forms with drafts: tests/ui/test_disk_full_truth.py.)"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from homework_tui.ui.quit_check import QUIT_ID
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


async def open_contact_form(pilot: Any) -> Any:
    hw = pilot.app
    await wait_until(pilot, lambda: hw.store is not None)
    await pilot.press("f2")
    await wait_until(pilot, lambda: "not a crisis service" in screen_words(hw))
    await pilot.press("a")
    await wait_until(pilot, lambda: hw.screen.id == "contact-form")
    form = hw.screen
    await wait_until(pilot, lambda: form._opened_with is not None)
    return form


async def test_ctrl_q_with_a_contact_half_typed_asks(app: Any, data_dir: Path) -> None:
    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        form = await open_contact_form(pilot)
        await pilot.press(*"Anna")
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: hw.screen.id == QUIT_ID)
        assert "What you typed in this contact is not saved" in screen_words(hw)
        await pilot.press("s")
        await wait_until(pilot, lambda: hw.screen is form)
        assert hw.is_running
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: hw.screen.id == QUIT_ID)
        await pilot.press("q")
        await wait_until(pilot, lambda: not hw.is_running)
    hw.close_store()


async def test_ctrl_q_with_nothing_typed_in_a_dialog_quits_at_once(
    app: Any, data_dir: Path
) -> None:
    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        await open_contact_form(pilot)
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: not hw.is_running)
    hw.close_store()
