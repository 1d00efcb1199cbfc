"""Today's homework in the real app: what is due, what counts as done the moment it is logged,
ticking off by hand, and the way to insights and the report — by keyboard only."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from textual.widgets import ListView

from homework_tui.app import HomeworkApp
from homework_tui.model.activity import Kind
from homework_tui.model.base import now
from homework_tui.model.experiment import TABLE as EXPERIMENTS
from homework_tui.model.exposure import Exposure, Ladder, Step
from homework_tui.model.plan import Assignment, Every, Frequency, week_start
from homework_tui.model.thought_record import AutomaticThought, Mood, ThoughtRecord
from homework_tui.ui.exposure import exposure_data
from homework_tui.ui.journal import journal_entry
from homework_tui.ui.thoughts import thought_data
from homework_tui.store import Repository, Store
from homework_tui.store import activities as sources
from homework_tui.store.plan import assignments_repo
from homework_tui.ui.today.today_due import TodayDue
from tests.ui.helpers import SIZE, screen_words, wait_ready, wait_until

AppFactory = Callable[..., HomeworkApp]


def test_the_sources_read_the_tables_the_sections_write() -> None:
    assert sources.THOUGHT_RECORDS_TABLE == thought_data.RECORDS_TABLE
    assert sources.JOURNAL_TABLE == journal_entry.TABLE
    assert sources.LADDERS_TABLE == exposure_data.LADDERS
    assert sources.EXPOSURES_TABLE == exposure_data.EXPOSURES
    assert sources.EXPERIMENTS_TABLE == EXPERIMENTS


def a_plan(store: Store) -> None:
    # The plan began last week: had it begun today, a Saturday's week would hold two days and
    # ask for "0 of 2", so the test would pass or fail by the day of the week.
    began = week_start(date.today()) - timedelta(days=7)
    repo = assignments_repo(store)
    repo.add(Assignment(kind=Kind.BREATHING, target="resonance", minutes=10, start=began))
    repo.add(
        Assignment(
            kind=Kind.THOUGHT_RECORD, start=began, frequency=Frequency(every=Every.WEEK, times=3)
        )
    )
    repo.add(
        Assignment(
            kind=Kind.EXPOSURE,
            target="Social situations",
            start=began,
            frequency=Frequency(every=Every.WEEK, times=2),
        )
    )
    repo.add(Assignment(kind=Kind.OTHER, title="Walk for 20 minutes", start=began))


def due(hw: HomeworkApp) -> TodayDue:
    return hw.screen.query_one(TodayDue)


async def shown(pilot, hw: HomeworkApp, phrase: str) -> None:
    await wait_until(pilot, lambda: phrase in screen_words(hw), timeout=5)


async def test_today_counts_what_was_just_logged(app: AppFactory, data_dir) -> None:
    with Store.open(data_dir) as store:
        a_plan(store)
    hw = app()
    try:
        async with hw.run_test(size=SIZE) as pilot:
            await wait_ready(pilot)
            await shown(pilot, hw, "For today ○ Resonance breathing, 10 minutes")
            assert "Thought record: 0 of 3 this week" in screen_words(hw)
            # Go somewhere else, log homework there, and come back.
            await pilot.press("j")
            await wait_until(pilot, lambda: hw.current_mode == "journal")
            store = hw.store
            assert store is not None
            stamp = now().isoformat()
            store.table(sources.RELAXATION_TABLE).insert(
                {
                    "id": "rx-1",
                    "created_at": stamp,
                    "updated_at": stamp,
                    "kind": "breathing",
                    "pattern": "Resonance",
                    "minutes": 10,
                    "tension_before": 70,
                    "tension_after": 40,
                    "completed": True,
                }
            )
            thought_data.records_repo(store).add(
                ThoughtRecord(
                    situation="After the team meeting",
                    moods=(Mood(name="anxious", before=80, after=45),),
                    thoughts=(AutomaticThought(text="They all think I'm incompetent", hot=True),),
                    evidence_for="Nobody replied.",
                    evidence_against="Priya asked about it.",
                    balanced_thought="One person was interested.",
                    balanced_belief=60,
                )
            )
            await pilot.press("escape")
            await wait_until(pilot, lambda: type(hw.screen).__name__ == "TodayScreen")
            await shown(pilot, hw, "Done ✓ Resonance breathing, 10 minutes: done today")
            words = screen_words(hw)
            assert "Thought record: 1 of 3 this week, 2 more to go" in words
            assert "Streak: 1 day with some homework. Well done." in words
    finally:
        hw.close_store()


async def test_exposures_count_for_their_ladder_and_experiments_wait(
    app: AppFactory, data_dir
) -> None:
    with Store.open(data_dir) as store:
        a_plan(store)
        step = Step(description="Say hello to a neighbour", suds=25)
        ladder = Repository(store, exposure_data.LADDERS, Ladder).add(
            Ladder(name="Social situations", steps=(step,))
        )
        Repository(store, exposure_data.EXPOSURES, Exposure).add(
            Exposure(ladder_id=ladder.id, step_id=step.id, started_at=now(), peak=50, end=20)
        )
        from homework_tui.model.experiment import Experiment

        Repository(store, EXPERIMENTS, Experiment).add(
            Experiment(belief="If I speak up, people will laugh", what="Ask one question")
        )
        thought_data.records_repo(store).add(ThoughtRecord(situation="Texting a friend"))
    hw = app()
    try:
        async with hw.run_test(size=SIZE) as pilot:
            await wait_ready(pilot)
            await shown(pilot, hw, "Exposure: Social situations: 1 of 2 this week")
            words = screen_words(hw)
            assert "Waiting for an outcome … Ask one question" in words
            assert "Started, finish when you like … Thought record: Texting a friend" in words
    finally:
        hw.close_store()


async def test_ticking_off_by_hand_and_taking_it_back(app: AppFactory, data_dir) -> None:
    with Store.open(data_dir) as store:
        a_plan(store)
    hw = app()
    try:
        async with hw.run_test(size=SIZE) as pilot:
            await wait_ready(pilot)
            await shown(pilot, hw, "Walk for 20 minutes")
            listing = hw.screen.query_one("#due-list", ListView)
            listing.focus()
            await pilot.pause()
            footer = screen_words(hw)
            assert "d I did this" in footer and "i Insights" in footer and "w Report" in footer
            while "Walk" not in str(listing.highlighted_child.query_one("Label").render()):
                await pilot.press("down")
            await pilot.press("d")
            await shown(pilot, hw, "✓ Walk for 20 minutes: done today (ticked by hand)")
            await pilot.press("d")
            await shown(pilot, hw, "○ Walk for 20 minutes")
            assert "ticked by hand" not in screen_words(hw)
            # Enter on homework the app can see opens its place.
            listing.index = next(
                i
                for i, item in enumerate(listing.children)
                if "Thought record" in str(item.query_one("Label").render())
            )
            await pilot.press("enter")
            await wait_until(pilot, lambda: hw.current_mode == "thoughts")
    finally:
        hw.close_store()


async def test_insights_and_report_open_from_today(app: AppFactory, data_dir) -> None:
    with Store.open(data_dir) as store:
        a_plan(store)
    hw = app()
    try:
        async with hw.run_test(size=(80, 24)) as pilot:
            await wait_ready(pilot)
            await shown(pilot, hw, "Resonance breathing")
            hw.screen.query_one("#due-list").focus()
            await pilot.press("i")
            await wait_until(pilot, lambda: type(hw.screen).__name__ == "InsightsScreen")
            await shown(pilot, hw, "Nothing logged in these days yet.")
            await pilot.press("m")
            await shown(pilot, hw, "Insights — the last 30 days")
            await pilot.press("escape")
            await wait_until(pilot, lambda: type(hw.screen).__name__ == "TodayScreen")
            await pilot.press("w")
            await wait_until(pilot, lambda: type(hw.screen).__name__ == "ReportScreen")
    finally:
        hw.close_store()


async def test_nothing_planned_is_said_calmly(app: AppFactory, data_dir) -> None:
    hw = app()
    try:
        async with hw.run_test(size=SIZE) as pilot:
            await wait_ready(pilot)
            await shown(pilot, hw, "Nothing is due yet.")
            assert not hw.screen.query_one("#due-list").display
            assert "Streak" not in screen_words(hw)  # no streak is claimed before any homework
    finally:
        hw.close_store()
