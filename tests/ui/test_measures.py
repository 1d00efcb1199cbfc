"""The Measures section in the real app, keyboard only: answer the PHQ-9 one question per screen
(keys 0-3, Backspace back one), item 9 above 0 brings the Help now line at once and again on the
result, which shows only once saved; the trend lists both results of one day; snapshots at 100x30
and 80x24 (days frozen)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from homework_tui.model.measures import MeasureResult, Scale
from homework_tui.model.safety import HELP_LINE
from homework_tui.store import Store
from homework_tui.store.measures import results, save_result
from tests.ui.helpers import (
    notifications,
    screen_words,
    settle,
    snapshot,
    wait_for_words,
    wait_ready,
    wait_screen,
    wait_until,
)
from tests.ui.snapshot_clock import frozen_day
from tests.ui.test_thought_records import running

TZ = timezone(timedelta(hours=1))


def kept(folder: Path) -> list[MeasureResult]:
    with Store.open(folder, read_only=True) as store:
        return results(store)


async def open_measures(pilot: Pilot[Any]) -> None:
    await wait_ready(pilot)
    await pilot.press("m")
    await wait_screen(pilot, "MeasuresScreen")
    await settle(pilot)


async def test_phq9_one_question_per_screen_with_item_9_help_line(tmp_path: Path) -> None:
    async with running(tmp_path) as (app, pilot):
        await open_measures(pilot)
        assert "Not answered yet. Press p" in screen_words(app)
        await pilot.press("p")
        await wait_screen(pilot, "QuestionnaireScreen")
        words = screen_words(app)
        assert "Over the last 2 weeks, how often have you been bothered by" in words
        assert "Question 1 of 9 Little interest or pleasure in doing things" in words
        assert "0 Not at all" in words and "3 Nearly every day" in words
        footer = screen_words(app)
        assert "0-3 Answer" in footer and "F2 Help now" in footer
        await pilot.press("2", "2")
        await wait_for_words(pilot, "Question 3 of 9")
        await pilot.press("backspace")
        await wait_for_words(pilot, "Question 2 of 9 Feeling down, depressed, or hopeless")
        await pilot.press("3", "2", "1", "1", "2", "1", "1")
        await wait_for_words(pilot, "Question 9 of 9 Thoughts that you would be better off dead")
        assert HELP_LINE not in notifications(app)
        await pilot.press("down", "down", "enter")  # with the arrow keys: 1, several days
        await wait_screen(pilot, "ResultScreen")
        assert HELP_LINE in notifications(app)
        await wait_for_words(pilot, "Saved. PHQ-9: 14 of 27")
        words = screen_words(app)
        assert "Moderate (10–14): signs of depression" in words
        assert "If you're thinking of harming yourself, F2 has your plan" in words
        (result,) = kept(tmp_path)
        assert result.answers == (2, 3, 2, 1, 1, 2, 1, 1, 1) and result.safety_item == 1
        await pilot.press("enter")
        await wait_screen(pilot, "MeasuresScreen")
        await wait_for_words(pilot, "Latest: 14 of 27, moderate")


async def test_gad7_and_two_on_one_day_both_shown(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        for hour, answers in ((9, (3,) * 7), (20, (1,) * 7)):
            at = datetime.now(TZ).replace(hour=hour, minute=0, second=0, microsecond=0)
            save_result(store, MeasureResult(scale=Scale.GAD7, answers=answers, created_at=at))
    async with running(tmp_path) as (app, pilot):
        await open_measures(pilot)
        words = screen_words(app)
        assert "09:00" in words and "21 severe" in words
        assert "20:00" in words and "7 mild" in words
        assert "Change since the first: down 14 (lower is better)." in words
        await pilot.press("g")
        await wait_screen(pilot, "QuestionnaireScreen")
        await pilot.press(*"0000000")
        await wait_screen(pilot, "ResultScreen")
        await wait_for_words(pilot, "Saved. GAD-7: 0 of 21")
        assert HELP_LINE not in screen_words(app)
        assert len(kept(tmp_path)) == 3


def _data(tmp_path: Path, theme: str | None = None) -> Path:
    from homework_tui.model.settings import Settings
    from homework_tui.store import Singleton

    folder = tmp_path / "data"
    with Store.open(folder) as store:
        if theme is not None:
            Singleton(store, "settings", Settings, Settings).save(Settings(theme=theme))
        for day, answers in ((3, (2,) * 9), (10, (2, 1) * 4 + (0,)), (17, (1,) * 8 + (0,))):
            at = datetime(2025, 3, day, 19, 5, tzinfo=TZ)
            save_result(store, MeasureResult(scale=Scale.PHQ9, answers=answers, created_at=at))
    return folder


def _snap(
    snap_compare: Any,
    tmp_path: Path,
    size: tuple[int, int],
    question: bool,
    theme: str | None = None,
) -> bool:
    folder = _data(tmp_path, theme)

    async def run_before(pilot: Pilot[Any]) -> None:
        await open_measures(pilot)
        if question:
            await pilot.press("p", "1", "2")
            await wait_until(pilot, lambda: "Question 3 of 9" in screen_words(pilot.app))

    with frozen_day():
        return snapshot(snap_compare, folder, size, run_before)


def test_measures_snapshot_100x30(snap_compare: Any, tmp_path: Path) -> None:
    assert _snap(snap_compare, tmp_path, (100, 30), question=False)


def test_measures_snapshot_80x24(snap_compare: Any, tmp_path: Path) -> None:
    assert _snap(snap_compare, tmp_path, (80, 24), question=False)


def test_measures_in_high_contrast_80x24(snap_compare: Any, tmp_path: Path) -> None:
    """The trend reads by its blocks, numbers and words: nothing by colour alone."""
    from homework_tui.model.settings import HIGH_CONTRAST_THEME

    assert _snap(snap_compare, tmp_path, (80, 24), question=False, theme=HIGH_CONTRAST_THEME)


def test_question_snapshot_100x30(snap_compare: Any, tmp_path: Path) -> None:
    assert _snap(snap_compare, tmp_path, (100, 30), question=True)


def test_question_snapshot_80x24(snap_compare: Any, tmp_path: Path) -> None:
    assert _snap(snap_compare, tmp_path, (80, 24), question=True)


async def test_a_phq9_homework_on_today_opens_measures_and_counts_once_answered(
    tmp_path: Path,
) -> None:
    from datetime import date

    from textual.widgets import ListView

    from homework_tui.model.activity import Kind
    from homework_tui.model.plan import Assignment
    from homework_tui.store.plan import assignments_repo

    with Store.open(tmp_path) as store:
        assignments_repo(store).add(Assignment(kind=Kind.PHQ9, start=date.today()))
    async with running(tmp_path) as (app, pilot):
        await wait_ready(pilot)
        await wait_for_words(pilot, "PHQ-9 (depression)")
        listing = app.screen.query_one("#due-list", ListView)
        listing.focus()
        await pilot.pause()
        listing.index = next(
            i
            for i, item in enumerate(listing.children)
            if "PHQ-9" in str(item.query_one("Label").render())
        )
        await pilot.press("enter")
        await wait_screen(pilot, "MeasuresScreen")
        await pilot.press("p", *"000000000")
        await wait_screen(pilot, "ResultScreen")
        await pilot.press("enter", "escape")
        await wait_screen(pilot, "TodayScreen")
        await wait_for_words(pilot, "✓ PHQ-9 (depression)")


async def test_a_refused_save_says_so_and_keeps_the_answers(tmp_path: Path) -> None:
    from homework_tui.app import HomeworkApp

    Store.open(tmp_path).close()
    app = HomeworkApp(tmp_path, read_only=True)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await open_measures(pilot)
            await pilot.press("g", *"1111111")
            await wait_for_words(pilot, "Your answers were not saved.")
            assert "read-only" in screen_words(app)
            assert type(app.screen).__name__ == "QuestionnaireScreen"
            assert app.screen.answers == [1] * 6  # type: ignore[attr-defined]
            assert "Question 7 of 7" in screen_words(app)
    finally:
        app.close_store()
    assert kept(tmp_path) == []
