"""The command palette reaches every place and app action; F1 lists every key of the screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import HelpPanel

from homework_tui.app import HomeworkApp
from homework_tui.sections import SECTIONS, Section
from tests.ui.helpers import (
    SIZE,
    screen_words,
    wait_for_palette_match,
    wait_ready,
    wait_screen,
    wait_until,
)

AppFactory = Callable[..., HomeworkApp]


async def run_command(pilot: Pilot[Any], name: str) -> None:
    await pilot.press("ctrl+p")
    await wait_screen(pilot, "CommandPalette")
    await pilot.press(*name)
    await wait_for_palette_match(pilot, name)
    await pilot.press("enter")
    await wait_until(pilot, lambda: type(pilot.app.screen).__name__ != "CommandPalette")
    await pilot.pause()


@pytest.mark.parametrize("section", SECTIONS, ids=lambda s: s.key)
async def test_palette_opens_each_section(app: AppFactory, section: Section) -> None:
    async with app().run_test(size=SIZE) as pilot:
        hw = await wait_ready(pilot)
        await run_command(pilot, section.title)
        await wait_until(pilot, lambda: hw.current_mode == section.key)
        await run_command(pilot, "Today")
        await wait_screen(pilot, "TodayScreen")


@pytest.mark.parametrize(
    ("command", "screen"), [("Settings", "SettingsScreen"), ("Help now", "HelpNowScreen")]
)
async def test_palette_opens_settings_and_help_now(
    app: AppFactory, command: str, screen: str
) -> None:
    async with app().run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await run_command(pilot, command)
        await wait_screen(pilot, screen)


async def test_palette_lists_every_place_and_action(app: AppFactory) -> None:
    async with app().run_test(size=SIZE) as pilot:
        hw = await wait_ready(pilot)
        names = [name for name, _help, _run in hw.palette_commands()]
        expected = {"Today", "Help now", "Settings", "Keys", "Change theme", "Quit"}
        assert expected | {s.title for s in SECTIONS} <= set(names)


async def test_palette_quit_and_keys(app: AppFactory) -> None:
    async with app().run_test(size=SIZE) as pilot:
        hw = await wait_ready(pilot)
        await run_command(pilot, "Keys")
        await wait_until(pilot, lambda: bool(hw.screen.query(HelpPanel)))
        await run_command(pilot, "Quit")
        await wait_until(pilot, lambda: not hw.is_running)
    assert hw.return_code == 0


async def test_f1_lists_every_key_of_the_screen_and_esc_closes_it(app: AppFactory) -> None:
    async with app().run_test(size=SIZE) as pilot:
        hw = await wait_ready(pilot)
        footer = hw.screen.query_one("Footer")
        await pilot.press("f1")
        await wait_until(pilot, lambda: bool(hw.screen.query(HelpPanel)))
        await wait_until(
            pilot,
            lambda: (
                "Help now" in screen_words(hw)
                and all(s.title in screen_words(hw) for s in SECTIONS)
            ),
        )
        words = screen_words(hw)
        for section in SECTIONS:  # hidden from the footer, listed in F1
            assert section.title in words
        assert "Settings" in words and "Help now" in words
        assert footer is hw.screen.query_one("Footer")
        await pilot.press("escape")
        await wait_until(pilot, lambda: not hw.screen.query(HelpPanel))
        assert type(hw.screen).__name__ == "TodayScreen"
        await pilot.press("f1", "f1")  # F1 toggles
        await pilot.pause()
        assert not hw.screen.query(HelpPanel)


async def test_footer_shows_only_the_keys_that_matter(app: AppFactory) -> None:
    async with app().run_test(size=SIZE) as pilot:
        hw = await wait_ready(pilot)
        active = hw.screen.active_bindings.values()
        shown = {b.binding.description for b in active if b.binding.show}
        for section in SECTIONS:
            assert section.title not in shown
        assert {"Help now", "Keys", "Quit", "Open"} <= shown
        assert "Back" not in shown  # nothing to go back to from Today
