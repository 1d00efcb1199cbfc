"""Pilot tests of a session's length on the Relax screen, in a new install (no sound device, no
speech engine): each session opens with its own usual length, and a length it cannot be fitted to
is refused before the person is asked how they feel (so no rating is ever given for nothing)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from homework_tui.model.relaxation import RelaxChoice
from homework_tui.store import Store
from tests.ui.helpers import (
    SIZE,
    quiet_services,
    screen_words,
    wait_ready,
    wait_screen,
    wait_until,
)

FITTED_SCRIPT = """title: Evening calm
kind: mindfulness
language: en
minutes: 10

say Let the day settle.
pause 120 stretch
"""
# The same file after the person edits it: far more words and a short stretchy pause.
LONGER_SCRIPT = FITTED_SCRIPT.replace(
    "pause 120",
    "say Notice the breath, and let it be as it is, again and again.\n" * 80 + "pause 120",
)


@pytest.fixture
def app(app: Callable[..., Any]) -> Callable[..., Any]:
    """The app with no sound device and no speech engine (captions and the silent pacer)."""
    return partial(app, services=quiet_services())


@pytest.fixture(autouse=True)
def quiet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    config = tmp_path / "config"
    (config / "sessions").mkdir(parents=True)
    monkeypatch.setenv("HOMEWORK_TUI_CONFIG_DIR", str(config))
    monkeypatch.setenv("HOMEWORK_TUI_CACHE_DIR", str(tmp_path / "cache"))
    yield config


async def open_relax(pilot: Any) -> Any:
    app = pilot.app
    await wait_ready(pilot)
    await pilot.press("r")
    await wait_screen(pilot, "RelaxScreen")
    await wait_until(pilot, lambda: app.screen.loaded)
    await pilot.pause()
    return app.screen


async def choose(pilot: Any, screen: Any, name: str) -> None:
    """Move through the list with the arrow keys, as a person would, to `name`."""
    key = "down" if screen.query_one("#rx-sessions").highlighted < _index(screen, name) else "up"
    for _ in range(40):
        if screen._selected() == name:
            break
        await pilot.press(key)
    assert screen._selected() == name
    await pilot.pause()


def _index(screen: Any, name: str) -> int:
    return int(screen.query_one("#rx-sessions").get_option_index(name))


def minutes(screen: Any) -> str:
    return str(screen.query_one("#rx-minutes").value)


def problem(screen: Any) -> str:
    return str(screen.query_one("#rx-problem").render())


async def no_rating_asked(pilot: Any) -> None:
    """Every check has finished and the Relax screen is still on top: nothing was asked."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert type(pilot.app.screen).__name__ == "RelaxScreen"


async def test_muscle_relaxation_starts_from_the_list_at_its_own_length(app: Any) -> None:
    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        screen = await open_relax(pilot)
        for name, usual in (("pmr16", 20), ("pmr7", 12)):
            await choose(pilot, screen, name)
            assert minutes(screen) == f"{usual}"
            low, high = screen.selected_entry().fits
            assert (
                low < usual < high
                and str(screen.query_one("#rx-fits").render()) == f" ({low:g} to {high:g})"
            )
            await pilot.press("enter")
            await wait_screen(pilot, "RatingDialog")
            await pilot.press("4", "0", "enter")
            await wait_screen(pilot, "RelaxSessionScreen")
            session = hw.screen
            await wait_until(
                pilot, lambda: session.started is not None or session.ended, timeout=10
            )
            assert session.started is not None, screen_words(hw)
            assert session.before == 40
            # It is laid out for its usual length (estimated from the words until it is made).
            assert abs(session.started.planned_seconds - usual * 60) < 0.1 * usual * 60
            await pilot.press("escape")
            await wait_screen(pilot, "ChoiceDialog")
            await pilot.press("d")  # let this one go
            await wait_screen(pilot, "RelaxScreen")
    hw.close_store()


async def test_a_length_a_session_cannot_take_is_refused_before_the_rating(app: Any) -> None:
    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        screen = await open_relax(pilot)
        await choose(pilot, screen, "pmr16")
        low, high = screen.selected_entry().fits
        screen.query_one("#rx-minutes").value = "5"
        await pilot.press("b")
        await wait_until(
            pilot,
            lambda: (
                problem(screen)
                == (
                    f"Muscle relaxation, 16 groups needs at least {low:g} minutes "
                    f"(and can last up to {high:g})."
                )
            ),
        )
        await no_rating_asked(pilot)
        # What the person typed stays with that session; the next one opens with its own length.
        await choose(pilot, screen, "pmr7")
        assert minutes(screen) == "12"
        await choose(pilot, screen, "pmr16")
        assert minutes(screen) == "5"
    hw.close_store()


async def test_the_check_before_the_rating_is_the_one_starting_makes(app: Any, quiet: Path) -> None:
    """A script file changed after the list was read: the length the list allowed (5 of its 10
    minutes) no longer fits, and the person is told so before any rating, in the words starting
    would use."""
    script = quiet / "sessions" / "evening.txt"
    script.write_text(FITTED_SCRIPT, encoding="utf-8")
    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        screen = await open_relax(pilot)
        await choose(pilot, screen, "evening")
        assert minutes(screen) == "10"
        screen.query_one("#rx-minutes").value = "5"
        script.write_text(LONGER_SCRIPT, encoding="utf-8")
        await pilot.press("b")
        await wait_until(pilot, lambda: problem(screen).startswith("Evening takes at least about"))
        await no_rating_asked(pilot)
    hw.close_store()


@pytest.mark.parametrize(("remembered", "shown"), [(5, "20"), (16, "16")])
async def test_a_remembered_length_is_kept_only_while_it_fits(
    app: Any, data_dir: Path, remembered: float, shown: str
) -> None:
    from homework_tui.ui.relax.relax_data import choice_doc

    with Store.open(data_dir) as store:  # 5: remembered by an older version, which allowed it
        choice_doc(store).save(RelaxChoice(session="pmr16", minutes=remembered))
    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        screen = await open_relax(pilot)
        await wait_until(pilot, lambda: screen._selected() == "pmr16")
        assert minutes(screen) == shown
    hw.close_store()
