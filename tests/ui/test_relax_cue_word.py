"""Cue-controlled relaxation with the person's own cue word (issue 14, point 12), by keyboard: the
word typed in Settings is saved, reaches the session's script (the voice's lines, as captions
here: no sound device, no speech engine), and the practice follows the person's own breathing:
"At your own pace", no paced shape, no seconds counted."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from homework_tui.model.settings import Settings
from homework_tui.store import Singleton, Store
from homework_tui.ui.relax.pacer import Pacer
from tests.hand_clock import HandClock
from tests.ui.helpers import (
    SIZE,
    quiet_services,
    screen_words,
    wait_for_words,
    wait_ready,
    wait_screen,
    wait_until,
)


@pytest.fixture
def app(app: Callable[..., Any]) -> Callable[..., Any]:
    return partial(app, services=quiet_services())


@pytest.fixture(autouse=True)
def quiet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    config = tmp_path / "config"
    (config / "sessions").mkdir(parents=True)
    monkeypatch.setenv("HOMEWORK_TUI_CONFIG_DIR", str(config))
    monkeypatch.setenv("HOMEWORK_TUI_CACHE_DIR", str(tmp_path / "cache"))
    yield config


def stored(folder: Path) -> Settings:
    with Store.open(folder, read_only=True) as store:
        return Singleton(store, "settings", Settings, Settings).load()


async def type_cue_word(pilot: Any, word: str) -> Any:
    hw = await wait_ready(pilot)
    await pilot.press("s")
    await wait_screen(pilot, "SettingsScreen")
    field = hw.screen.query_one("#cue_word", Input)
    field.focus()
    await pilot.pause()
    await pilot.press(*word)
    await pilot.press("tab")  # leaving the field: checked, and said if it cannot be used
    return hw


async def test_the_cue_word_set_in_settings_reaches_the_session(app: Any, data_dir: Path) -> None:
    async with app().run_test(size=SIZE) as pilot:
        hw = await type_cue_word(pilot, "let go")
        await wait_until(pilot, lambda: hw.settings.cue_word == "let go")
        await wait_until(pilot, lambda: not hw.workers._workers)
        assert stored(data_dir).cue_word == "let go"  # on disk

        hw.open_section("relax")
        await wait_screen(pilot, "RelaxScreen")
        relax = hw.screen
        await wait_until(pilot, lambda: relax.loaded)
        relax._highlight("cue")
        await wait_until(pilot, lambda: relax._selected() == "cue")
        clock = HandClock()
        relax.clock = clock
        await pilot.press("b")
        await wait_screen(pilot, "RatingDialog")
        await pilot.press("4", "0", "enter")
        await wait_screen(pilot, "RelaxSessionScreen")
        session = hw.screen
        await wait_until(pilot, lambda: session.started is not None, timeout=10)
        timeline = session.started.player.timeline
        said = [e.text for e in timeline.events if e.kind == "speech"]
        assert any("let go" in line for line in said), said  # the intro names the word
        assert not any(e.kind in ("inhale", "exhale") for e in timeline.events)

        await pilot.press("n")  # on to the practice: the person's own breathing
        await wait_until(pilot, lambda: "At your own pace" in screen_words(hw), timeout=10)
        words = screen_words(hw)
        assert "let go" in words  # the caption: the reminder of their word
        assert not session.query_one(Pacer).visible  # no paced shape to follow
        assert "At your own pace ·" not in words  # and no seconds counted
        await pilot.press("escape")
        await wait_screen(pilot, "ChoiceDialog")
        await pilot.press("d")
        await wait_screen(pilot, "RelaxScreen")
    hw.close_store()


async def test_a_cue_word_that_cannot_be_used_is_said_and_the_old_one_kept(
    app: Any, data_dir: Path
) -> None:
    async with app().run_test(size=SIZE) as pilot:
        hw = await type_cue_word(pilot, "calm")
        await wait_until(pilot, lambda: hw.settings.cue_word == "calm")
        field = hw.screen.query_one("#cue_word", Input)
        field.focus()
        await pilot.press("end", *" [b]")
        await pilot.press("tab")
        await wait_for_words(pilot, "A cue word is one to 3 words of letters")
        await wait_for_words(pilot, "Your cue word stays: calm.")
        await wait_until(pilot, lambda: not hw.workers._workers)
    assert stored(data_dir).cue_word == "calm"
