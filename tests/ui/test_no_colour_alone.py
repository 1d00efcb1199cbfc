"""Nothing is told by colour alone (issue 17, point 3): every on/off, chosen/not-chosen and
highlighted state reads from the text (or a text attribute with NO_COLOR set), never only from
a colour. Each test reads the rendered characters, not the colours."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widgets import RadioSet, Select

from homework_tui.app import HomeworkApp
from homework_tui.model.plan import Every
from homework_tui.ui.exposure.ladder_picture import LadderPicture
from homework_tui.ui.widgets.marked_toggles import MarkedCheckbox, MarkedRadioButton, OnOffSwitch
from homework_tui.ui.widgets.tick_list import TickList
from tests.ui.helpers import (
    SIZE,
    screen_text,
    screen_words,
    wait_for_palette_match,
    wait_ready,
    wait_screen,
    wait_until,
)
from tests.ui.test_exposure_snapshots import open_exposure
from tests.ui.test_exposure_snapshots import seed as seed_ladder

AppFactory = Callable[..., HomeworkApp]


class Toggles(App[None]):
    def compose(self) -> ComposeResult:
        yield MarkedCheckbox("Include my notes", id="box")
        with RadioSet():
            yield MarkedRadioButton("Markdown", value=True, id="markdown")
            yield MarkedRadioButton("CSV", id="csv")
        yield OnOffSwitch(False, id="switch")
        yield TickList[int](("Monday", 0), ("Tuesday", 1, True), id="days")


def line_with(app: App[object], words: str) -> str:
    return next(line for line in screen_text(app).splitlines() if words in line)


async def test_checkbox_radio_switch_and_tick_list_say_their_state_in_text() -> None:
    app = Toggles()
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        assert "▐ ▌ Include my notes" in line_with(app, "Include my notes")
        assert "▐●▌ Markdown" in line_with(app, "Markdown")
        assert "▐ ▌ CSV" in line_with(app, "CSV")
        assert "●━━ Off" in screen_text(app)
        assert "▐ ▌ Monday" in line_with(app, "Monday")
        assert "▐✓▌ Tuesday" in line_with(app, "Tuesday")

        app.query_one(MarkedCheckbox).value = True
        app.query_one("#csv", MarkedRadioButton).value = True
        app.query_one(OnOffSwitch).value = True
        app.query_one(TickList).select(0)
        await pilot.pause()
        assert "▐✓▌ Include my notes" in line_with(app, "Include my notes")
        assert "▐ ▌ Markdown" in line_with(app, "Markdown")
        assert "▐●▌ CSV" in line_with(app, "CSV")
        assert "━━● On" in screen_text(app) and "Off" not in screen_text(app)
        assert "▐✓▌ Monday" in line_with(app, "Monday")


async def test_report_screen_shows_the_chosen_period_and_the_ticks(app: AppFactory) -> None:
    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await pilot.press("ctrl+p", *"Report for your next")
        await wait_for_palette_match(pilot, "Report for your next")
        await pilot.press("enter")
        await wait_screen(pilot, "ReportScreen")
        words = screen_words(hw)
        assert "▐●▌ Since your last session" in words and "▐ ▌ The last 7 days" in words
        assert "▐●▌ Markdown: one file" in words and "▐ ▌ CSV: one file per kind" in words
        assert "▐ ▌ Include my journal writing in full" in words
        await pilot.press("down", "enter")  # the period: the last 7 days
        await wait_until(pilot, lambda: "▐●▌ The last 7 days" in screen_words(hw))
        assert "▐ ▌ Since your last session" in screen_words(hw)


async def test_settings_switches_say_on_or_off(app: AppFactory) -> None:
    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await pilot.press("s")
        await wait_screen(pilot, "SettingsScreen")
        assert "●━━ Off Animations" in screen_words(hw)
        assert "━━● On Show the terminal cursor where the focus is" in screen_words(hw)
        await pilot.press("tab", "space")  # animations on
        await wait_until(pilot, lambda: "━━● On Animations" in screen_words(hw))


async def test_a_plans_days_show_ticks(app: AppFactory) -> None:
    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await pilot.press("p")
        await wait_screen(pilot, "PlanScreen")
        await pilot.press("a")
        await wait_screen(pilot, "AssignmentForm")
        hw.screen.query_one("#every", Select).value = Every.WEEKDAYS
        days = hw.screen.query_one("#weekdays", TickList)
        await wait_until(pilot, lambda: days.display and days.region.height > 0)
        days.focus()
        await pilot.press("space")  # the first day
        await wait_until(pilot, lambda: "▐✓▌ Monday" in screen_words(hw))
        assert "▐ ▌ Tuesday" in screen_words(hw)


async def test_no_color_underlines_todays_highlighted_section(
    app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await pilot.pause()
        assert hw.no_color

        def underlined(words: str) -> bool:
            for strip in hw.screen._compositor.render_strips():
                for segment in strip:
                    if words in segment.text:
                        return bool(segment.style and segment.style.underline)
            raise AssertionError(f"{words!r} is not on the screen")

        assert underlined("Thought records") and not underlined("Exposure")
        await pilot.press("down")
        await wait_until(pilot, lambda: underlined("Exposure"))
        assert not underlined("Thought records")


async def test_the_ladders_cursor_rung_has_the_terminal_cursor_and_reverse_with_no_color(
    app: AppFactory, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_ladder(data_dir)
    monkeypatch.setenv("NO_COLOR", "1")
    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        await open_exposure(pilot)
        picture = hw.screen.query_one(LadderPicture)
        picture.focus()
        await pilot.pause()
        step = picture.step
        assert step is not None
        spot = hw.cursor_position
        line = screen_text(hw).splitlines()[spot.y]
        assert step.description[:20] in line

        strip = hw.screen._compositor.render_strips()[spot.y]
        words = [s for s in strip if step.description[:10] in s.text]
        assert words and words[0].style is not None and words[0].style.reverse


async def test_relax_choices_show_ticks(app: AppFactory) -> None:
    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await pilot.press("r")
        await wait_screen(pilot, "RelaxScreen")
        await wait_until(pilot, lambda: "Soft tones at each phase" in screen_words(hw))
        tones = hw.screen.query_one("#rx-tones", MarkedCheckbox)
        before = "▐✓▌" if tones.value else "▐ ▌"
        assert f"{before} Soft tones at each phase" in screen_words(hw)
        tones.value = not tones.value
        after = "▐ ▌" if before == "▐✓▌" else "▐✓▌"
        await wait_until(pilot, lambda: f"{after} Soft tones at each phase" in screen_words(hw))
