"""Finding a voice by language in Settings (real app, real data file): the languages of the
installed voices, the voices for one language, Enter to use one; and a calm line when there are
none."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import OptionList, Select

from homework_tui.model.settings import Settings
from homework_tui.services.app_services import Services
from homework_tui.services.relax_player import RelaxAudio
from homework_tui.store import Singleton, Store
from tests.ui.helpers import SIZE, screen_words, settle, wait_ready, wait_until


def voices() -> list[Any]:
    from audio.voice import VoiceInfo

    return [
        VoiceInfo("gmw/en-us", "English (America)", ("en-us",), None),
        VoiceInfo("gmw/en", "English (Great Britain)", ("en-gb",), None),
        VoiceInfo("roa/es", "Spanish (Spain)", ("es",), None),
        VoiceInfo("roa/es-419", "Spanish (Latin America)", ("es-419",), None),
        VoiceInfo("gmw/de", "German", ("de",), None),
    ]


async def open_settings(pilot: Any) -> Any:
    app = await wait_ready(pilot)
    await pilot.press("s")
    await wait_until(pilot, lambda: type(app.screen).__name__ == "SettingsScreen")
    await settle(pilot)
    return app.screen


def listed(screen: Any) -> list[str]:
    options = screen.query_one("#voice-list", OptionList)
    return [str(options.get_option_at_index(i).id) for i in range(options.option_count)]


def test_the_languages_are_named_by_their_voices() -> None:
    from homework_tui.ui.settings.voice_finder import languages

    assert languages(voices()) == [
        ("English (en)", "en"),
        ("German (de)", "de"),
        ("Spanish (es)", "es"),
    ]


async def test_voices_by_language(app: Any, data_dir: Path) -> None:
    hw = app(services=Services(relax=RelaxAudio(voices=voices)))
    async with hw.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot)
        language = screen.query_one("#voice-language", Select)
        await wait_until(pilot, lambda: language.value == "en")  # the default voice's language
        assert listed(screen) == ["gmw/en-us", "gmw/en"]
        language.value = "es"
        await wait_until(pilot, lambda: listed(screen) == ["roa/es", "roa/es-419"])
        screen.query_one("#voice-list").focus()
        await pilot.press("down", "enter")
        await wait_until(pilot, lambda: hw.settings.voice == "roa/es-419")
        assert screen.query_one("#voice").value == "roa/es-419"
        await settle(pilot)
    with Store.open(data_dir) as store:
        assert Singleton(store, "settings", Settings, Settings).load().voice == "roa/es-419"


async def test_no_voices_is_said_calmly(app: Any) -> None:
    hw = app(services=Services(relax=RelaxAudio(voices=list)))
    async with hw.run_test(size=(100, 60)) as pilot:
        screen = await open_settings(pilot)
        await wait_until(pilot, lambda: "No speech voices were found here" in screen_words(hw))
        assert not screen.query_one("#voice-list").display
    hw.close_store()
