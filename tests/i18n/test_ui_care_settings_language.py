"""Settings' language choice (issue 19): choosing Deutsch redraws Settings in German with the
focus back on the choice and a line saying so, Today follows after Esc, the choice is kept on
disk for the next start, and the computer's language brings English back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Select

from homework_tui.app import HomeworkApp
from homework_tui.i18n import current_language
from homework_tui.model.settings import Settings
from homework_tui.store import Singleton, Store
from tests.ui.helpers import SIZE, screen_words, wait_ready, wait_screen, wait_until

AppFactory = Callable[..., HomeworkApp]


def stored_settings(folder: Path) -> Settings:
    with Store.open(folder, read_only=True) as store:
        return Singleton(store, "settings", Settings, Settings).load()


async def open_settings(pilot: Pilot[Any]) -> HomeworkApp:
    hw = await wait_ready(pilot)
    await pilot.press("s")
    await wait_screen(pilot, "SettingsScreen")
    return hw


async def choose_language(pilot: Pilot[Any], hw: HomeworkApp, code: str) -> None:
    """The language choice, by keyboard: focus it, open its list, move to `code`, Enter."""
    select = hw.screen.query_one("#language", Select)
    select.focus()
    await pilot.pause()
    values = [value for _label, value in select._options]
    now = values.index(select.value)
    await pilot.press("enter")
    await pilot.pause()
    wanted = values.index(code)
    step = "down" if wanted > now else "up"
    await pilot.press(*[step] * abs(wanted - now), "enter")


async def test_choosing_deutsch_redraws_settings_and_today_in_german_and_keeps_it(
    app: AppFactory, data_dir: Path
) -> None:
    async with app().run_test(size=SIZE) as pilot:
        hw = await open_settings(pilot)
        hw.screen.query_one("#language", Select).focus()  # below the fold: scrolled into view
        await pilot.pause()
        words = screen_words(hw)
        assert "The computer's language (English)" in words and "Settings" in words
        assert "The voice follows the language, unless you choose a voice below." in words
        await choose_language(pilot, hw, "de")
        await wait_until(pilot, lambda: "homework-tui ist jetzt auf Deutsch." in screen_words(hw))
        assert current_language() == "de"
        words = screen_words(hw)
        assert "Einstellungen" in words and "die Standardstimme des Systems" in words
        assert "Die Stimme folgt der Sprache, außer du wählst unten eine Stimme." in words
        assert hw.focused is hw.screen.query_one("#language", Select)
        assert hw.screen.query_one("#language", Select).value == "de"
        await pilot.press("escape")
        await wait_screen(pilot, "TodayScreen")
        await wait_until(pilot, lambda: "Hilfe jetzt" in screen_words(hw))  # F2, in the footer
        await wait_until(pilot, lambda: not hw.workers._workers)
    assert stored_settings(data_dir).language == "de"

    # The next start: German from the saved choice; the computer's language brings English back.
    async with app().run_test(size=SIZE) as pilot:
        hw = await open_settings(pilot)
        await wait_until(pilot, lambda: current_language() == "de")
        await wait_until(pilot, lambda: "Einstellungen" in screen_words(hw))
        await choose_language(pilot, hw, "")
        await wait_until(pilot, lambda: "homework-tui now speaks English." in screen_words(hw))
        assert current_language() == "en"
        assert "the system's default voice" in screen_words(hw)
        assert hw.focused is hw.screen.query_one("#language", Select)
        await wait_until(pilot, lambda: not hw.workers._workers)
    assert stored_settings(data_dir).language == ""
