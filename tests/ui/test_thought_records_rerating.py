"""Thought records after issue 15 (point 9), by keyboard in the real app: a mood felt only now is
named at the re-rating (step 8), a record without the belief rating is not complete, and the
thinking traps show which are ticked without colour."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from homework_tui.model.thought_record import Mood
from homework_tui.ui.thoughts.thought_detail import ThoughtRecordDetail
from homework_tui.ui.thoughts.thought_form import ThoughtRecordForm
from homework_tui.ui.thoughts.thought_records import ThoughtRecordsScreen
from tests.ui.helpers import notifications, wait_until
from tests.ui.test_thought_records import (
    SIZE,
    open_section,
    running,
    screen_text,
    stored,
    type_text,
    wait_for,
    write_scenario_record,
)


async def test_a_mood_felt_only_now_is_named_and_rated_at_step_eight(tmp_path: Path) -> None:
    async with running(tmp_path, SIZE) as (app, pilot):
        await open_section(pilot)
        await write_scenario_record(pilot)  # ends in step 8, on the re-rating of "ashamed"
        words = " ".join(screen_text(app).split())
        assert "A mood that is here now but was not at the start can be named below" in words
        await pilot.press("tab")
        assert app.focused is app.screen.query_one("#later-0-name", Input)
        await type_text(pilot, "relieved")
        await pilot.press("tab", "4", "0")
        await wait_until(pilot, lambda: bool(app.screen.query("#later-1-name")))  # room for more
        await pilot.press("ctrl+s")
        await wait_for(pilot, ThoughtRecordsScreen)
        await wait_until(pilot, lambda: len(stored(tmp_path)) == 1)
        (record,) = stored(tmp_path)
        assert record.moods == (
            Mood(name="anxious", before=80, after=45),
            Mood(name="ashamed", before=60, after=30),
            Mood(name="relieved", after=40, added_later=True),
        )
        assert record.complete
        await pilot.press("enter")
        await wait_for(pilot, ThoughtRecordDetail)
        relieved = next(line for line in screen_text(app).splitlines() if "relieved" in line)
        assert "now     40" in relieved and "new since the start" in relieved
        await pilot.press("e")  # editing brings the new mood back into step 8
        await wait_for(pilot, ThoughtRecordForm)
        assert app.screen.query_one("#later-0-name", Input).value == "relieved"
        assert app.screen.query_one("#later-0-after", Input).value == "40"


async def test_a_record_without_the_belief_rating_is_saved_but_not_complete(
    tmp_path: Path,
) -> None:
    async with running(tmp_path, SIZE) as (app, pilot):
        await open_section(pilot)
        await write_scenario_record(pilot)
        await pilot.press("pageup")
        belief = app.screen.query_one("#belief", Input)
        belief.value = ""
        await pilot.press("ctrl+s")
        await wait_for(pilot, ThoughtRecordsScreen)
        await wait_until(pilot, lambda: len(stored(tmp_path)) == 1)
        (record,) = stored(tmp_path)
        assert record.balanced_belief is None and not record.complete
        assert "Saved. The parts still empty can be filled in whenever you like." in (
            notifications(app)
        )
        await pilot.press("enter")
        await wait_for(pilot, ThoughtRecordDetail)
        await pilot.press("end")  # the note is at the foot of the record
        await wait_until(pilot, lambda: "Still to do" in screen_text(app))
        words = " ".join(screen_text(app).split())
        assert (
            "Still to do, whenever you are ready: How much you believe the balanced "
            "thought. Press e."
        ) in words


def trap_line(app: object, name: str) -> str:
    return next(
        line
        for line in screen_text(app).splitlines()  # type: ignore[arg-type]
        if name in line
    )


async def test_ticked_thinking_traps_differ_from_unticked_without_colour(tmp_path: Path) -> None:
    async with running(tmp_path, SIZE) as (app, pilot):
        await open_section(pilot)
        await pilot.press("n")
        await wait_for(pilot, ThoughtRecordForm)
        await type_text(pilot, "Team meeting")
        await pilot.press("pagedown", "pagedown", "pagedown")
        await wait_until(pilot, lambda: "Mind reading" in screen_text(app))
        assert "▐ ▌ Mind reading" in trap_line(app, "Mind reading")
        await pilot.press("down", "down", "down", "down", "space")  # the 5th: mind reading
        await wait_until(pilot, lambda: "▐✓▌ Mind reading" in trap_line(app, "Mind reading"))
        for other in ("All-or-nothing thinking", "Mental filter", "Fortune telling"):
            assert f"▐ ▌ {other}" in trap_line(app, other)
        assert "✓" not in trap_line(app, "Fortune telling")
        await pilot.press("space")  # untick
        await wait_until(pilot, lambda: "▐ ▌ Mind reading" in trap_line(app, "Mind reading"))
        assert "▐X▌" not in screen_text(app)


async def test_each_alternative_thought_carries_its_own_belief_rating(tmp_path: Path) -> None:
    """Column 6 holds more than one alternative thought, each rated; one without its rating
    leaves the record incomplete, and the record shows and reports every one."""
    from homework_tui.model.thought_record import AlternativeThought

    async with running(tmp_path, SIZE) as (app, pilot):
        await open_section(pilot)
        await write_scenario_record(pilot)
        await pilot.press("pageup")  # back to step 7: the balanced thought is rated 60
        app.screen.query_one("#alt-0", Input).focus()
        await wait_until(pilot, lambda: app.focused is app.screen.query_one("#alt-0", Input))
        await type_text(pilot, "Priya was interested [bold]really[/]")
        await wait_until(pilot, lambda: bool(app.screen.query("#alt-1")))  # room for another
        await pilot.press("tab", "3", "5")
        app.screen.query_one("#alt-1", Input).focus()
        await wait_until(pilot, lambda: app.focused is app.screen.query_one("#alt-1", Input))
        await type_text(pilot, "One meeting is not my career")
        await pilot.press("ctrl+s")
        await wait_for(pilot, ThoughtRecordsScreen)
        await wait_until(pilot, lambda: len(stored(tmp_path)) == 1)
        (record,) = stored(tmp_path)
        assert record.more_alternatives == (
            AlternativeThought(text="Priya was interested [bold]really[/]", belief=35),
            AlternativeThought(text="One meeting is not my career", belief=None),
        )
        assert record.balanced_belief == 60
        assert not record.complete  # the second one is not rated yet
        await pilot.press("enter")
        await wait_for(pilot, ThoughtRecordDetail)
        await pilot.press("end")
        await wait_until(pilot, lambda: "not rated yet" in screen_text(app))
        words = " ".join(screen_text(app).split())
        assert "Priya was interested [bold]really[/] Belief: 35 / 100" in words
        assert "One meeting is not my career Belief: not rated yet" in words
        await pilot.press("e")
        await wait_for(pilot, ThoughtRecordForm)
        assert app.screen.query_one("#alt-0-belief", Input).value == "35"
        assert app.screen.query_one("#alt-1", Input).value == "One meeting is not my career"
