"""Activities in the real app, keyboard only: plan one for tomorrow, write down one done, mark the
planned one done with its ratings, see the week grid say so in symbols and words, move between
weeks, the mood pattern with its caution, and a bad rating told in one line."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from textual.widgets import Input

from homework_tui.model.activation import ActivityEntry, Outcome, PartOfDay
from homework_tui.store import Store
from homework_tui.store.wellbeing import activities
from homework_tui.ui.activation.activation import ActivationScreen
from homework_tui.ui.activation.activity_form import ActivityForm
from homework_tui.ui.activation.mood_pattern import MoodPatternScreen
from tests.ui.helpers import screen_words, wait_until
from tests.ui.snapshot_clock import frozen_day
from tests.ui.test_thought_records import running, type_text, wait_for

WEDNESDAY_EVENING = datetime(2026, 1, 14, 19, 30, tzinfo=UTC)


def stored(folder: Path) -> list[ActivityEntry]:
    with Store.open(folder, read_only=True) as store:
        return activities(store).all(reverse=False)


async def fill(pilot: object, values: dict[str, str]) -> None:
    app = pilot.app  # type: ignore[attr-defined]
    for key, value in values.items():
        box = app.screen.query_one(f"#{key}")
        box.focus()
        await pilot.pause()  # type: ignore[attr-defined]
        if isinstance(box, Input):
            box.value = ""
        await type_text(pilot, value)  # type: ignore[arg-type]


async def test_plan_log_mark_done_and_see_the_week(tmp_path: Path) -> None:
    with frozen_day(WEDNESDAY_EVENING):
        async with running(tmp_path, size=(80, 24)) as (app, pilot):
            await wait_until(pilot, lambda: app.store is not None)
            await pilot.press("a")
            await wait_for(pilot, ActivationScreen)
            await app.workers.wait_for_complete()
            assert "Help now" in screen_words(app)  # the footer keeps F2 at 80 columns
            assert "Nothing planned this week yet" in screen_words(app)

            await pilot.press("n")  # plan: tomorrow by default
            await wait_for(pilot, ActivityForm)
            await type_text(pilot, "Walk to the [b]shop[/b]")
            await fill(pilot, {"part": "morning", "area": "Health and body"})
            await pilot.press("ctrl+s")
            await wait_for(pilot, ActivationScreen)
            await wait_until(pilot, lambda: len(stored(tmp_path)) == 1)
            (walk,) = stored(tmp_path)
            assert (walk.day, walk.part, walk.outcome) == (
                date(2026, 1, 15),
                PartOfDay.MORNING,
                Outcome.PLANNED,
            )
            assert walk.what == "Walk to the [b]shop[/b]" and walk.planned_ahead

            await pilot.press("l")  # write down something done just now (evening)
            await wait_for(pilot, ActivityForm)
            await type_text(pilot, "Called my sister")
            await fill(pilot, {"mastery": "4", "pleasure": "7", "mood": "6"})
            await pilot.press("ctrl+s")
            await wait_for(pilot, ActivationScreen)
            await wait_until(pilot, lambda: len(stored(tmp_path)) == 2)
            call = next(e for e in stored(tmp_path) if e.what == "Called my sister")
            assert (call.day, call.part, call.done, call.planned_ahead) == (
                date(2026, 1, 14),
                PartOfDay.EVENING,
                True,
                False,
            )
            await wait_until(pilot, lambda: "0 of 1 planned activities done" in screen_words(app))
            words = screen_words(app)
            assert "Evening · · + · · · ·" in words and "Morning · · · ○ · · ·" in words

            # Mark the walk done: open it from the list, say done, rate it.
            await app.workers.wait_for_complete()
            table = app.screen.query_one("#entries")
            table.focus()
            table.move_cursor(row=1)  # Wed's call first, then Thu's walk
            await pilot.press("enter")
            await wait_for(pilot, ActivityForm)
            await fill(pilot, {"outcome": "done", "mastery": "11"})
            await pilot.press("ctrl+s")
            await wait_until(
                pilot, lambda: "Mastery is 11; it goes from 0 to 10." in screen_words(app)
            )
            assert isinstance(app.screen, ActivityForm)
            await fill(pilot, {"mastery": "6", "pleasure": "5", "mood": "7"})
            await pilot.press("ctrl+s")
            await wait_for(pilot, ActivationScreen)
            await wait_until(
                pilot, lambda: any(e.done for e in stored(tmp_path) if e.planned_ahead)
            )
            await wait_until(pilot, lambda: "1 of 1 planned activities done" in screen_words(app))
            assert "Morning · · · ✓ · · ·" in screen_words(app)
            assert "Done · · +1 1/1 · · ·" in screen_words(app)

            await pilot.press("left_square_bracket")
            await wait_until(pilot, lambda: "Week of Mon 5 Jan 2026" in screen_words(app))
            await pilot.press("right_square_bracket")
            await wait_until(pilot, lambda: "Week of Mon 12 Jan 2026" in screen_words(app))

            await pilot.press("m")
            await wait_for(pilot, MoodPatternScreen)
            words = screen_words(app)
            assert "Average mood with a done activity: 6.5/10 (2 rated)" in words
            assert "A pattern, not a proof" in words
            assert "Walk to the [b]shop[/b]" in words  # typed text shown as typed
            await pilot.press("escape")
            await wait_for(pilot, ActivationScreen)
