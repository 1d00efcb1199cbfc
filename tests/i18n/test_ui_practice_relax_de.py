"""The Relax section in German under Pilot: the list's labels and keys, the rating before, and a
running box-breathing session's phase word and clock (no sound device, no speech engine: the
silent player keeps time by a clock the test moves)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
import re
from pathlib import Path
from typing import Any

import pytest

from homework_tui.i18n import use_language
from homework_tui.model.relaxation import RelaxChoice
from homework_tui.store import Store
from tests.hand_clock import HandClock
from tests.ui.helpers import (
    SIZE,
    quiet_services,
    screen_words,
    wait_ready,
    wait_screen,
    wait_until,
)

GERMAN_PHASES = {"Einatmen", "Halten", "Ausatmen"}


@pytest.fixture
def app(app: Callable[..., Any]) -> Callable[..., Any]:
    return partial(app, services=quiet_services())


@pytest.fixture(autouse=True)
def quiet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("HOMEWORK_TUI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("HOMEWORK_TUI_CACHE_DIR", str(tmp_path / "cache"))
    yield


def remember(data_dir: Path, choice: RelaxChoice) -> None:
    from homework_tui.ui.relax.relax_data import choice_doc

    with Store.open(data_dir) as store:
        choice_doc(store).save(choice)


async def test_relax_list_and_a_box_breathing_session_speak_german(
    app: Any, data_dir: Path
) -> None:
    remember(data_dir, RelaxChoice(session="box", minutes=1, intro=False))
    use_language("de")
    hw = app()
    clock = HandClock()
    async with hw.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await pilot.press("r")
        await wait_screen(pilot, "RelaxScreen")
        relax = hw.screen
        await wait_until(pilot, lambda: relax.loaded)
        assert relax.title == "Entspannung"
        words = screen_words(hw)
        for label in ("Wähl eine Übung", "Dauer (Minuten)", "Stimme leitet mich an", "Start"):
            assert label in words, (label, words)
        assert "Length (minutes)" not in words

        relax.clock = clock
        await pilot.press("b")
        await wait_screen(pilot, "RatingDialog")
        assert "Bewertung" in screen_words(hw)
        assert "Bevor du anfängst:" in screen_words(hw)
        await pilot.press("4", "0", "enter")
        await wait_screen(pilot, "RelaxSessionScreen")
        session = hw.screen
        await wait_until(pilot, lambda: session.started is not None, timeout=10)

        def phase() -> str:
            return str(session.query_one("#rx-phase").render()).split("  ·  ")[0]

        seen: set[str] = set()
        for _step in range(400):  # 20 seconds of the session: every phase of a 4-4-4-4 box
            clock.advance(0.05)
            session.follow()
            seen.add(phase())
            if GERMAN_PHASES <= seen:
                break
        assert GERMAN_PHASES <= seen, seen
        assert not {"Breathe in", "Hold", "Breathe out"} & seen
        progress = str(session.query_one("#rx-progress").render())
        assert re.fullmatch(r"\d+:\d\d von \d+:\d\d", progress), progress
        assert "Weiter" in screen_words(hw) or "Pause" in screen_words(hw)

        await pilot.press("escape")
        await wait_screen(pilot, "ChoiceDialog")
        assert "Hier aufhören?" in screen_words(hw)
        await pilot.press("d")
        await wait_screen(pilot, "RelaxScreen")
    hw.close_store()
