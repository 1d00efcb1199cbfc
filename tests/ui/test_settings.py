"""Settings: shown, changed by keyboard, applied at once and kept across restarts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Select, Switch

from homework_tui.app import HomeworkApp
from homework_tui.model.settings import DEFAULT_THEME, HIGH_CONTRAST_THEME, Settings
from homework_tui.store import Singleton, Store
from tests.ui.helpers import (
    SIZE,
    screen_words,
    wait_for_words,
    wait_ready,
    wait_screen,
    wait_until,
)

AppFactory = Callable[..., HomeworkApp]


def stored_settings(folder: Path) -> Settings:
    with Store.open(folder, read_only=True) as store:
        return Singleton(store, "settings", Settings, Settings).load()


async def open_settings(pilot: Pilot[Any]) -> HomeworkApp:
    hw = await wait_ready(pilot)
    await pilot.press("s")
    await wait_screen(pilot, "SettingsScreen")
    return hw


async def saved(pilot: Pilot[Any]) -> None:
    await wait_until(pilot, lambda: not pilot.app.workers._workers)


async def test_settings_show_the_data_folder_and_start_calm(
    app: AppFactory, data_dir: Path
) -> None:
    async with app().run_test(size=SIZE) as pilot:
        hw = await open_settings(pilot)
        assert str(data_dir) in screen_words(hw)
        assert hw.theme == DEFAULT_THEME
        assert hw.animation_level == "none"
        themes = [value for _, value in hw.screen.query_one("#theme", Select)._options]
        assert HIGH_CONTRAST_THEME in themes and "textual-dark" in themes


async def test_theme_chosen_by_keyboard_applies_now_and_after_restart(
    app: AppFactory, data_dir: Path
) -> None:
    async with app().run_test(size=SIZE) as pilot:
        hw = await open_settings(pilot)
        assert hw.focused is hw.screen.query_one("#theme", Select)
        await pilot.press("enter")  # open the list; our two themes come first
        await pilot.pause()
        await pilot.press("down", "enter")
        await wait_until(pilot, lambda: hw.theme == HIGH_CONTRAST_THEME)
        await saved(pilot)
    assert stored_settings(data_dir).theme == HIGH_CONTRAST_THEME

    async with app().run_test(size=SIZE) as pilot:
        hw = await wait_ready(pilot)
        await wait_until(pilot, lambda: hw.theme == HIGH_CONTRAST_THEME)


async def test_a_theme_picked_in_the_palette_is_remembered(app: AppFactory, data_dir: Path) -> None:
    async with app().run_test(size=SIZE) as pilot:
        hw = await wait_ready(pilot)
        hw.theme = "nord"  # what the palette's theme picker does
        await wait_until(pilot, lambda: hw.settings.theme == "nord")
        await saved(pilot)
    assert stored_settings(data_dir).theme == "nord"


async def test_switches_and_voice_fields_are_saved(app: AppFactory, data_dir: Path) -> None:
    async with app().run_test(size=SIZE) as pilot:
        hw = await open_settings(pilot)
        await pilot.press("tab")  # animations
        assert hw.focused is hw.screen.query_one("#animations", Switch)
        await pilot.press("space")
        await wait_until(pilot, lambda: hw.animation_level == "full")
        await pilot.press("tab", "space", "tab", "space")  # reduced motion, bell
        await pilot.press("tab", "tab")  # past the cursor switch (see test_cursor_spot)
        assert hw.focused is hw.screen.query_one("#voice", Input)
        await pilot.press(*"en-gb")
        await pilot.press("tab")
        rate = hw.screen.query_one("#speech_rate", Input)
        assert hw.focused is rate
        await pilot.press("end", "backspace", "backspace", "backspace", "3", "0", "enter")
        await wait_for_words(pilot, "Speech rate is 30; it goes from 80 to 260.")
        await pilot.press("backspace", "backspace", "1", "7", "0", "enter")
        await wait_until(pilot, lambda: "goes from 80" not in screen_words(hw))
        await saved(pilot)
    assert stored_settings(data_dir) == Settings(
        animations=True, reduced_motion=True, bell_on_phase=True, voice="en-gb", speech_rate=170
    )


async def test_half_typed_speech_rate_is_not_called_an_error(app: AppFactory) -> None:
    async with app().run_test(size=SIZE) as pilot:
        hw = await open_settings(pilot)
        hw.screen.query_one("#speech_rate", Input).focus()
        await pilot.press("end", "backspace", "backspace", "backspace", "1")
        await pilot.pause()
        assert "goes from 80" not in screen_words(hw)
