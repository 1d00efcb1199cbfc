"""The diaries in the real app, keyboard only: a mood entry, last night's sleep with its figures
worked out live and explained, a panic attack with symptoms ticked, the charts, and times that
cannot be right told in one line."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from textual.widgets import Input, SelectionList, Static, TextArea

from homework_tui.model.diaries.panic import Cue, Symptom
from homework_tui.store import Store
from homework_tui.store.drafts import Drafts
from homework_tui.store.wellbeing import moods, panics, sleeps
from homework_tui.ui.diaries.diaries import DiariesScreen
from homework_tui.ui.diaries.diary_charts import DiaryChartsScreen
from homework_tui.ui.diaries.diary_forms import MoodForm, PanicForm, SleepForm
from tests.ui.helpers import screen_words, wait_until
from tests.ui.snapshot_clock import frozen_day
from tests.ui.test_thought_records import running, type_text, wait_for

THURSDAY_MORNING = datetime(2026, 1, 15, 8, 0, tzinfo=UTC)


def counts(folder: Path) -> tuple[int, int, int]:
    with Store.open(folder, read_only=True) as store:
        return len(moods(store)), len(sleeps(store)), len(panics(store))


def figures(app: Any, box: str = "#entry-figures") -> str:
    """What a box shows (the live figures under the sleep form, a chart), as words."""
    return " ".join(str(app.screen.query_one(box, Static).content).split())


async def fill(pilot: Any, values: dict[str, str]) -> None:
    for key, value in values.items():
        box = pilot.app.screen.query_one(f"#{key}")
        box.focus()
        await pilot.pause()
        if isinstance(box, Input):
            box.value = ""
        await type_text(pilot, value)


async def test_mood_sleep_and_panic_diaries(tmp_path: Path) -> None:
    with frozen_day(THURSDAY_MORNING):
        async with running(tmp_path, size=(80, 24)) as (app, pilot):
            await wait_until(pilot, lambda: app.store is not None)
            await pilot.press("y")
            await wait_for(pilot, DiariesScreen)
            assert "No diary entries yet" in screen_words(app)
            assert "Help now" in screen_words(app)

            await pilot.press("m")
            await wait_for(pilot, MoodForm)
            await fill(pilot, {"mood": "4", "note": "Flat, but [b]got out[/b]"})
            await pilot.press("ctrl+s")
            await wait_for(pilot, DiariesScreen)
            await wait_until(pilot, lambda: counts(tmp_path)[0] == 1)
            await wait_until(pilot, lambda: "4/10 · Flat, but [b]got out[/b]" in screen_words(app))

            await pilot.press("s")  # the scenario's night: to bed 23:40, 40 min, woke twice, 7:10
            await wait_for(pilot, SleepForm)
            assert "show here once the times and minutes are filled in" in figures(app)
            await fill(
                pilot,
                {
                    "to_bed": "23:40",
                    "tried_to_sleep": "23:40",
                    "minutes_to_fall_asleep": "40",
                    "awakenings": "2",
                    "minutes_awake": "30",
                    "final_awakening": "7:00",
                    "out_of_bed": "6:50",
                    "quality": "3",
                },
            )
            await wait_until(
                pilot,
                lambda: (
                    "Got out of bed (06:50) comes before final awakening (07:00)" in figures(app)
                ),
            )
            await fill(pilot, {"out_of_bed": "7:10"})
            await wait_until(pilot, lambda: "Time in bed: 7 h 30 min" in figures(app))
            words = figures(app)
            assert (
                "Total sleep: 6 h 10 min, from trying to sleep at 23:40 to waking at 07:00" in words
            )
            assert "Sleep efficiency: 82%" in words
            await pilot.press("ctrl+s")
            await wait_for(pilot, DiariesScreen)
            await wait_until(pilot, lambda: counts(tmp_path)[1] == 1)
            with Store.open(tmp_path, read_only=True) as store:
                (night,) = sleeps(store).all()
            assert night.night_of == date(2026, 1, 14) and night.efficiency == 82

            await pilot.press("a")
            await wait_for(pilot, PanicForm)
            await fill(pilot, {"time": "25:00"})
            await pilot.press("ctrl+s")
            await wait_until(pilot, lambda: "is not a time I can read" in screen_words(app))
            await fill(
                pilot,
                {"time": "7:45", "where": "On the bus", "cue": "out of the blue", "peak": "8"},
            )
            ticks = app.screen.query_one("#symptoms", SelectionList)
            ticks.focus()
            await pilot.press("space", "down", "down", "down", "space", "down", "space")
            await pilot.press("ctrl+s")
            await wait_for(pilot, DiariesScreen)
            await wait_until(pilot, lambda: counts(tmp_path)[2] == 1)
            with Store.open(tmp_path, read_only=True) as store:
                (attack,) = panics(store).all()
            assert attack.cue is Cue.OUT_OF_THE_BLUE and attack.peak == 8
            assert attack.symptoms == (Symptom.PALPITATIONS, Symptom.BREATHLESS, Symptom.CHOKING)
            assert attack.where == "On the bus"

            await pilot.press("c")
            await wait_for(pilot, DiaryChartsScreen)
            await app.workers.wait_for_complete()
            await wait_until(pilot, lambda: "Thu 15" in figures(app, "#sleep-chart"))
            assert "Wed 14 no diary Thu 15 ███████▌ 6.2 h, 82%" in figures(app, "#sleep-chart")
            assert "Wed 14 not written Thu 15 █████ 4/10" in figures(app, "#mood-chart")


def pending(folder: Path, form: str) -> list[Any]:
    with Store.open(folder, read_only=True) as store:
        return Drafts(store).pending(form)


async def test_an_unsaved_sleep_diary_is_kept_as_a_draft_and_offered_back(tmp_path: Path) -> None:
    with frozen_day(THURSDAY_MORNING):
        async with running(tmp_path, size=(80, 24)) as (app, pilot):
            await wait_until(pilot, lambda: app.store is not None)
            await pilot.press("y")
            await wait_for(pilot, DiariesScreen)
            await pilot.press("s")
            await wait_for(pilot, SleepForm)
            await fill(pilot, {"to_bed": "23:40", "notes": "Coffee at [b]4pm[/b]"})
            await wait_until(pilot, lambda: len(pending(tmp_path, "sleep_diary")) == 1)
        # The terminal closed with the form open: nothing saved, the draft on disk.
        assert counts(tmp_path) == (0, 0, 0)
        async with running(tmp_path, size=(80, 24)) as (app, pilot):
            await wait_until(pilot, lambda: app.store is not None)
            await pilot.press("y")
            await wait_until(pilot, lambda: "Welcome back" in screen_words(app))
            await pilot.press("c")
            await wait_for(pilot, SleepForm)
            assert app.screen.query_one("#to_bed", Input).value == "23:40"
            assert app.screen.query_one("#notes", TextArea).text == "Coffee at [b]4pm[/b]"
