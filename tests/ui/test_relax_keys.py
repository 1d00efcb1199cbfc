"""Keys that tell the truth in Relax, at 80x24 and 100x30, with no sound device: after a session the
list has focus (h and b work); Esc on the rating skips it, as the footer says; while paused the
footer says Resume; e and Del show for a pattern of the person's; the session footer keeps Help
now; a problem with the length is shown whole; with no sound the bell is offered (g) and named."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from homework_tui.model.relaxation import RelaxChoice
from tests.ui.helpers import (
    footer_text,
    quiet_services,
    screen_words,
    wait_ready,
    wait_screen,
    wait_until,
)
from tests.ui.test_relax import logged, remember

QUICK = RelaxChoice(session="quick", minutes=1, intro=False)
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((100, 30), id="100x30")]


@pytest.fixture
def app(app: Callable[..., Any]) -> Callable[..., Any]:
    """The app with no sound device and no speech engine (captions and the silent pacer)."""
    return partial(app, services=quiet_services())


@pytest.fixture(autouse=True)
def no_sound(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """No sound device and no speech engine; a short pattern of the person's own."""
    from audio.breathing import custom_pattern, save_custom_pattern

    config = tmp_path / "config"
    monkeypatch.setenv("HOMEWORK_TUI_CONFIG_DIR", str(config))
    monkeypatch.setenv("HOMEWORK_TUI_CACHE_DIR", str(tmp_path / "cache"))
    save_custom_pattern(config / "patterns.toml", custom_pattern("quick", 2, 2, 1, 0))
    yield config


def footer(app: Any) -> str:
    """The footer's keys (tests/ui/helpers.footer_text)."""
    return footer_text(app)


async def open_relax(pilot: Any) -> Any:
    app = pilot.app
    await wait_ready(pilot)
    await pilot.press("r")
    await wait_screen(pilot, "RelaxScreen")
    await wait_until(pilot, lambda: app.screen.loaded)
    return app.screen


async def running(pilot: Any) -> Any:
    await wait_screen(pilot, "RelaxSessionScreen")
    screen = pilot.app.screen
    await wait_until(pilot, lambda: screen.started is not None, timeout=10)
    return screen


@pytest.mark.parametrize("size", SIZES)
async def test_after_a_session_the_list_has_focus_and_h_opens_history(
    app: Any, data_dir: Path, size: tuple[int, int]
) -> None:
    remember(data_dir, QUICK)
    hw = app()
    async with hw.run_test(size=size) as pilot:
        relax = await open_relax(pilot)
        relax.query_one("#rx-minutes").focus()  # a length typed, then Enter starts it
        await pilot.press("backspace", "1", "enter")
        await wait_screen(pilot, "RatingDialog")
        await wait_until(pilot, lambda: "Esc Skip" in footer(hw))
        await pilot.press("escape")  # skips the rating, as the footer says: the session starts
        session = await running(pilot)
        assert session.before is None
        await pilot.press("escape")
        await wait_screen(pilot, "ChoiceDialog")
        await pilot.press("s")  # stop and rate
        await wait_screen(pilot, "RatingDialog")
        await pilot.press("escape")  # no rating after either
        await wait_screen(pilot, "RelaxScreen")
        await wait_until(pilot, lambda: len(logged(hw)) == 1)
        assert logged(hw)[0].before is None and logged(hw)[0].after is None
        await wait_until(pilot, lambda: hw.focused is not None and hw.focused.id == "rx-sessions")
        await pilot.press("h")
        await wait_screen(pilot, "RelaxHistoryScreen")
        await pilot.press("escape")
        await wait_screen(pilot, "RelaxScreen")
        assert hw.screen is relax
    hw.close_store()


@pytest.mark.parametrize("size", SIZES)
async def test_the_session_footer_says_resume_while_paused_and_keeps_help_now(
    app: Any, data_dir: Path, size: tuple[int, int]
) -> None:
    remember(data_dir, QUICK)
    hw = app()
    async with hw.run_test(size=size) as pilot:
        await open_relax(pilot)
        await pilot.press("enter")
        await wait_screen(pilot, "RatingDialog")
        await pilot.press("5", "0", "enter")
        session = await running(pilot)
        await wait_until(pilot, lambda: "Pause" in footer(hw))
        assert "Help now" in footer(hw) and "Resume" not in footer(hw), footer(hw)
        await pilot.press("space")
        await wait_until(pilot, lambda: session.started.player.paused)
        await wait_until(pilot, lambda: "Resume" in footer(hw))
        assert "Pause" not in footer(hw) and "Help now" in footer(hw), footer(hw)
        await pilot.press("space")
        await wait_until(pilot, lambda: not session.started.player.paused)
        await wait_until(pilot, lambda: "Pause" in footer(hw))
        assert "Resume" not in footer(hw)
    hw.close_store()


@pytest.mark.parametrize("size", SIZES)
async def test_edit_and_delete_show_in_the_footer_for_a_pattern_only(
    app: Any, data_dir: Path, size: tuple[int, int]
) -> None:
    remember(data_dir, QUICK)
    hw = app()
    async with hw.run_test(size=size) as pilot:
        relax = await open_relax(pilot)
        assert relax.selected_entry().pattern
        await wait_until(pilot, lambda: "e Edit pattern" in footer(hw))
        assert "Del Delete" in footer(hw) and "Help now" in footer(hw), footer(hw)
        relax.choice = relax.choice.changed(session="box")
        relax._highlight("box")
        await wait_until(pilot, lambda: "Edit pattern" not in footer(hw))
        assert "Del" not in footer(hw).split(), footer(hw)
    hw.close_store()


@pytest.mark.parametrize("size", SIZES)
async def test_a_length_that_does_not_fit_is_said_in_full_on_screen(
    app: Any, data_dir: Path, size: tuple[int, int]
) -> None:
    remember(data_dir, RelaxChoice(session="pmr16", minutes=20))
    hw = app()
    async with hw.run_test(size=size) as pilot:
        relax = await open_relax(pilot)
        minutes = relax.query_one("#rx-minutes")
        minutes.value = "50"
        await pilot.press("b")
        problem = relax.query_one("#rx-problem")
        await wait_until(pilot, lambda: "can last from about" in str(problem.render()))
        message = " ".join(str(problem.render()).split())
        await wait_until(pilot, lambda: message in screen_words(hw))
        assert type(hw.screen).__name__ == "RelaxScreen"  # no rating asked for nothing
    hw.close_store()


@pytest.mark.parametrize("size", SIZES)
async def test_with_no_sound_the_bell_is_offered_and_named(
    app: Any, data_dir: Path, size: tuple[int, int]
) -> None:
    remember(data_dir, QUICK)
    hw = app()
    async with hw.run_test(size=size) as pilot:
        relax = await open_relax(pilot)
        await wait_until(pilot, lambda: relax.silent_because is not None)
        await wait_until(
            pilot,
            lambda: "Press g for the terminal bell at each phase (now off)" in screen_words(hw),
        )
        await wait_until(pilot, lambda: "g Bell" in footer(hw))  # the footer redraws after
        assert not hw.settings.bell_on_phase
        await pilot.press("g")
        await wait_until(pilot, lambda: hw.settings.bell_on_phase)
        await wait_until(pilot, lambda: "(now on)" in screen_words(hw))
        await pilot.press("enter")
        await wait_screen(pilot, "RatingDialog")
        await pilot.press("escape")
        await running(pilot)
        await wait_until(
            pilot, lambda: "with captions and the terminal bell at each phase" in screen_words(hw)
        )
    hw.close_store()


async def test_the_silent_notice_names_the_bell_when_it_is_off(app: Any, data_dir: Path) -> None:
    remember(data_dir, QUICK)
    hw = app()
    async with hw.run_test(size=(80, 24)) as pilot:
        await open_relax(pilot)
        await pilot.press("enter")
        await wait_screen(pilot, "RatingDialog")
        await pilot.press("escape")
        await running(pilot)
        await wait_until(
            pilot,
            lambda: (
                "The terminal bell can ring at each phase: press g in the "
                "Relax list" in screen_words(hw)
            ),
        )
    hw.close_store()


async def test_the_palette_finds_the_bell(app: Any) -> None:
    from textual.command import CommandPalette
    from textual.widgets import OptionList

    hw = app()
    async with hw.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await pilot.press("ctrl+p")
        await wait_screen(pilot, "CommandPalette")
        await pilot.press(*"bell")
        palette = hw.screen
        assert isinstance(palette, CommandPalette)
        hits = palette.query_one("CommandList", OptionList)

        def found() -> bool:
            return any(
                "Bell at each phase" in str(hits.get_option_at_index(i).prompt)
                for i in range(hits.option_count)
            )

        await wait_until(pilot, found)
        await pilot.press("enter")
        await wait_until(pilot, lambda: hw.settings.bell_on_phase)
    hw.close_store()
