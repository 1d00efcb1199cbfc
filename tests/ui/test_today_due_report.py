"""Insights and the report from the app: the command palette finds them, the report is written
with a progress bar and shown, and a bad date or folder is explained without losing anything."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input, Markdown, ProgressBar, RadioButton

from homework_tui.app import HomeworkApp
from homework_tui.store import Store
from tests.report.dataset import fill
from tests.ui.helpers import (
    SIZE,
    screen_words,
    wait_for_palette_match,
    wait_ready,
    wait_until,
)

AppFactory = Callable[..., HomeworkApp]


def top(hw: HomeworkApp) -> str:
    return type(hw.screen).__name__


async def test_the_palette_opens_insights_and_the_report(app: AppFactory) -> None:
    hw = app()
    try:
        async with hw.run_test(size=SIZE) as pilot:
            await wait_ready(pilot)
            for words, screen in (("Insights", "InsightsScreen"), ("next session", "ReportScreen")):
                await pilot.press("ctrl+p")
                await wait_until(pilot, lambda: top(hw) == "CommandPalette")
                await pilot.press(*words)
                await wait_for_palette_match(pilot, words)
                await pilot.press("enter")
                await wait_until(pilot, lambda s=screen: top(hw) == s)
                await pilot.press("escape")
                await wait_until(pilot, lambda: top(hw) == "TodayScreen")
    finally:
        hw.close_store()


async def test_writing_the_report_from_the_app(
    app: AppFactory, data_dir: Path, tmp_path: Path
) -> None:
    with Store.open(data_dir) as store:
        fill(store)
    out = tmp_path / "reports" / "for-my-session.md"
    hw = app()
    try:
        async with hw.run_test(size=SIZE) as pilot:
            await wait_ready(pilot)
            await pilot.press("ctrl+p", *"Report for your next")
            await wait_for_palette_match(pilot, "Report for your next")
            await pilot.press("enter")
            await wait_until(pilot, lambda: top(hw) == "ReportScreen")
            session = hw.screen.query_one("#period-session", RadioButton)
            await wait_until(pilot, lambda: "Mon 10 March" in str(session.label))
            assert session.value  # since the last session, by default
            path = hw.screen.query_one("#report-path", Input)
            path.value = str(out)
            await pilot.press("ctrl+s")
            await wait_until(pilot, lambda: "Saved to" in screen_words(hw))
            assert hw.screen.query_one(ProgressBar).percentage == 1.0
            text = out.read_text(encoding="utf-8")
            assert text.startswith("# Homework since Mon 10 March 2025")
            assert "They all think I'm incompetent" in text
            assert out.stat().st_mode & 0o777 == 0o600
            assert hw.screen.query_one(Markdown).display

            start = hw.screen.query_one("#report-from", Input)
            start.value = ""
            start.focus()
            await pilot.press(*"last Tuesday")  # typing a date chooses “from a date”
            assert hw.screen.query_one("#period-from", RadioButton).value
            await pilot.press("ctrl+s")
            await wait_until(pilot, lambda: "is not a date this can read" in screen_words(hw))
            start.value = ""
            await pilot.press(*"2025-03-13")
            path.value = str(tmp_path / "csv")
            hw.screen.query_one("#format-csv", RadioButton).value = True
            await pilot.press("ctrl+s")
            await wait_until(pilot, lambda: "12 files in" in screen_words(hw))
            assert (tmp_path / "csv" / "thought_records.csv").exists()
            assert (tmp_path / "csv" / "measures.csv").exists()  # PHQ-9 and GAD-7 results
    finally:
        hw.close_store()
