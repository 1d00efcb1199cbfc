"""Thought records in the real app, by keyboard only: write a whole record, save, reopen, edit;
validation in words; drafts offered back; delete with undo; insight; text kept literally."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, TextArea

from homework_tui.app import HomeworkApp
from homework_tui.model.thought_record import AutomaticThought, Mood, ThoughtRecord
from homework_tui.ui.thoughts.thought_data import records_repo
from homework_tui.ui.thoughts.thought_detail import ThoughtRecordDetail
from homework_tui.ui.thoughts.thought_form import ThoughtRecordForm
from homework_tui.ui.thoughts.thought_insight import ThoughtInsightScreen
from homework_tui.ui.thoughts.thought_records import ThoughtRecordsScreen
from homework_tui.store import Store
from homework_tui.store.drafts import Drafts
from tests.ui.helpers import wait_until

SIZE = (100, 30)
PASTED = "From the chat: [bold]nice idea[/] 🎉 [link=https://x]y[/link] \x1b[31mred\x1b[0m"
PASTED_CLEAN = "From the chat: [bold]nice idea[/] 🎉 [link=https://x]y[/link] red"


@asynccontextmanager
async def running(
    folder: Path, size: tuple[int, int] = SIZE
) -> AsyncIterator[tuple[HomeworkApp, Pilot[int]]]:
    """The real app on `folder`; its store is closed afterwards, as `run_app` does."""
    app = HomeworkApp(folder)
    try:
        async with app.run_test(size=size) as pilot:
            yield app, pilot
    finally:
        app.close_store()


def screen_text(app: HomeworkApp) -> str:
    """What the terminal shows, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


SECTION_SCREENS = {"t": "ThoughtRecordsScreen", "j": "JournalScreen"}


async def open_section(pilot: Pilot[int], key: str = "t") -> None:
    """Press `key` on Today and wait for its section's own screen (a placeholder or any other
    screen in its place fails; a question it asks at once, like "Welcome back", may cover it),
    with its list loaded."""
    app = pilot.app
    expected = SECTION_SCREENS[key]
    await wait_until(pilot, lambda: app.store is not None)  # type: ignore[attr-defined]
    await pilot.press(key)
    await wait_until(
        pilot, lambda: any(type(screen).__name__ == expected for screen in app.screen_stack)
    )
    await app.workers.wait_for_complete()
    await pilot.pause()


async def type_text(pilot: Pilot[int], text: str) -> None:
    """Type as a paste would arrive (one event), so long text stays fast."""
    focused = pilot.app.focused
    if isinstance(focused, TextArea):
        focused.insert(text)
    elif isinstance(focused, Input):
        focused.insert_text_at_cursor(text)
    else:  # pragma: no cover - a test bug
        raise AssertionError(f"nothing to type into: {focused!r}")
    await pilot.pause()


async def wait_for(pilot: Pilot[int], kind: type, timeout: float = 10.0) -> None:
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, kind), timeout)
    await pilot.pause()


def stored(folder: Path) -> list[ThoughtRecord]:
    with Store.open(folder, read_only=True) as store:
        return records_repo(store).all()


def drafts_on_disk(folder: Path) -> int:
    with Store.open(folder, read_only=True) as store:
        return len(Drafts(store).pending())


def _draft_fields(folder: Path) -> list[dict[str, object]]:
    """The fields of every draft on disk (to wait for the autosave of the last keys)."""
    with Store.open(folder, read_only=True) as store:
        return [dict(draft.fields) for draft in Drafts(store).pending()]


async def write_scenario_record(pilot: Pilot[int]) -> None:
    """Scenario 2's record, keys only (text arrives as typed or pasted)."""
    await pilot.press("n")
    await wait_for(pilot, ThoughtRecordForm)
    await type_text(pilot, "Team meeting: I suggested a new process and nobody replied")
    await pilot.press("pagedown")
    await pilot.press(*"anx", "right", "tab", "8", "0", "tab")
    await pilot.press(*"ashamed", "tab", "6", "0")
    await pilot.press("pagedown")
    await type_text(pilot, "I should never have spoken up")
    await pilot.press("enter")
    await type_text(pilot, "They all think I'm incompetent")
    await pilot.press("ctrl+t", "pagedown")
    # thinking traps: mind reading is the 5th, labeling the 10th
    await pilot.press("down", "down", "down", "down", "space")
    await pilot.press("down", "down", "down", "down", "down", "space", "tab")
    await type_text(pilot, "Comparing myself")
    await pilot.press("enter", "pagedown")
    await type_text(pilot, "Nobody answered. Paul looked at his phone.")
    await pilot.press("pagedown", "ctrl+g")
    await type_text(pilot, PASTED)
    await pilot.press("pagedown")
    await type_text(pilot, "One silence isn't a verdict; Sam's question shows interest.")
    await pilot.press("tab", "6", "0", "pagedown")
    await pilot.press("4", "5", "tab", "3", "0")


async def test_write_a_whole_record_by_keyboard_then_reopen_and_edit(tmp_path: Path) -> None:
    async with running(tmp_path, SIZE) as (app, pilot):
        await open_section(pilot)
        assert isinstance(app.screen, ThoughtRecordsScreen)
        await write_scenario_record(pilot)
        form = app.screen
        assert isinstance(form, ThoughtRecordForm)
        # the hot thought is what was marked, not the first thought
        await pilot.press("pageup", "pageup", "pageup")
        assert "Hot thought: They all think I'm incompetent" in screen_text(app)
        await pilot.press("ctrl+s")
        await wait_for(pilot, ThoughtRecordsScreen)
        await wait_until(pilot, lambda: len(stored(tmp_path)) == 1)

        (record,) = stored(tmp_path)
        assert record.situation.startswith("Team meeting")
        assert record.moods == (
            Mood(name="anxious", before=80, after=45),
            Mood(name="ashamed", before=60, after=30),
        )
        assert record.hot_thought == "They all think I'm incompetent"
        assert record.distortions == ("mind-reading", "labeling")
        assert record.own_distortions == ("Comparing myself",)
        assert record.evidence_against == PASTED_CLEAN
        assert record.balanced_belief == 60
        assert record.complete

        listing = screen_text(app)
        assert "They all think I'm incompetent" in listing
        assert "anxious 80→45" in listing

        await pilot.press("enter")
        await wait_for(pilot, ThoughtRecordDetail)
        detail = screen_text(app)
        assert "eased by 35" in detail and "eased by 30" in detail
        assert "[bold]nice idea[/] 🎉" in detail
        assert "Mind reading, Labeling, Comparing myself" in detail

        await pilot.press("e")
        await wait_for(pilot, ThoughtRecordForm)
        await pilot.press(*["pagedown"] * 6)
        belief = app.screen.query_one("#belief", Input)
        belief.value = ""
        belief.focus()
        await pilot.press("7", "5", "ctrl+s")
        await wait_for(pilot, ThoughtRecordsScreen)
        await wait_until(pilot, lambda: stored(tmp_path)[0].balanced_belief == 75)
    (edited,) = stored(tmp_path)
    assert edited.id == record.id and edited.balanced_belief == 75
    assert edited.updated_at > record.updated_at
    with Store.open(tmp_path, read_only=True) as store:
        assert Drafts(store).pending() == []


@pytest.mark.parametrize(
    ("prepare", "message"),
    [
        ([], "Please write a few words about the situation"),
        (
            ["x", "pagedown", "a", "tab", "1", "2", "0"],
            "The “a” rating is 120; it goes from 0 to 100.",
        ),
        (["x", *["pagedown"] * 6, "tab", "5", "0"], "please write the balanced thought too"),
    ],
    ids=["no-situation", "rating-over-100", "belief-without-thought"],
)
async def test_validation_is_explained_in_words(
    tmp_path: Path, prepare: list[str], message: str
) -> None:
    async with running(tmp_path, SIZE) as (app, pilot):
        await open_section(pilot)
        await pilot.press("n")
        await wait_for(pilot, ThoughtRecordForm)
        await pilot.press(*prepare, "ctrl+s")
        await wait_until(pilot, lambda: message in screen_text(app))
        assert isinstance(app.screen, ThoughtRecordForm)  # not saved, still writing
    assert stored(tmp_path) == []


async def test_a_draft_is_offered_back_after_closing_without_saving(tmp_path: Path) -> None:
    async with running(tmp_path, SIZE) as (app, pilot):
        await open_section(pilot)
        await pilot.press("n")
        await wait_for(pilot, ThoughtRecordForm)
        await type_text(pilot, "Phone call with mum 📞 [i]")
        await pilot.press("pagedown", *"sad", "tab", "7", "0")
        # autosaved after a pause in typing, the last key too
        await wait_until(
            pilot, lambda: drafts_on_disk(tmp_path) == 1 and "70" in str(_draft_fields(tmp_path))
        )
    # nothing saved as a record, but the draft is on disk
    assert stored(tmp_path) == []

    async with running(tmp_path, SIZE) as (app, pilot):
        await open_section(pilot)
        await wait_until(pilot, lambda: "Welcome back" in screen_text(app))
        assert "Phone call with mum 📞 [i]" in screen_text(app)
        await pilot.press("c")
        await wait_for(pilot, ThoughtRecordForm)
        assert app.screen.step == 2  # type: ignore[attr-defined]
        assert app.screen.query_one("#situation", TextArea).text == "Phone call with mum 📞 [i]"
        assert app.screen.query_one("#mood-0-before", Input).value == "70"
        await pilot.press("ctrl+s")
        await wait_for(pilot, ThoughtRecordsScreen)
        await wait_until(pilot, lambda: len(stored(tmp_path)) == 1)
    (record,) = stored(tmp_path)
    assert record.moods == (Mood(name="sad", before=70),)
    assert not record.complete


async def test_leaving_asks_and_can_discard(tmp_path: Path) -> None:
    async with running(tmp_path, SIZE) as (app, pilot):
        await open_section(pilot)
        await pilot.press("n")
        await wait_for(pilot, ThoughtRecordForm)
        await type_text(pilot, "something")
        await pilot.press("escape")
        await wait_until(pilot, lambda: "Leave this thought record?" in screen_text(app))
        await pilot.press("d")
        await wait_for(pilot, ThoughtRecordsScreen)
        await app.workers.wait_for_complete()  # the list has loaded again
        await pilot.pause()
        assert "something" not in screen_text(app)
    with Store.open(tmp_path, read_only=True) as store:
        assert Drafts(store).pending() == []


def seed(folder: Path) -> list[ThoughtRecord]:
    start = datetime(2026, 3, 2, 18, 30, tzinfo=timezone.utc)
    records = [
        ThoughtRecord(
            created_at=start + timedelta(days=i),
            updated_at=start + timedelta(days=i),
            situation=situation,
            moods=(Mood(name="anxious", before=before, after=after),),
            thoughts=(AutomaticThought(text=hot, hot=True),),
            distortions=labels,
            balanced_thought="It is not the whole story.",
            balanced_belief=50,
        )
        for i, (situation, hot, before, after, labels) in enumerate(
            [
                (
                    "Team meeting",
                    "They all think I'm incompetent",
                    80,
                    45,
                    ("mind-reading", "labeling"),
                ),
                ("Bus stop [bold]x[/]", "Everyone is staring 😳", 70, 50, ("mind-reading",)),
                ("Lunch alone", "I'll always be alone", 60, 30, ("overgeneralization",)),
            ]
        )
    ]
    with Store.open(folder) as store:
        for record in records:
            records_repo(store).add(record)
    return records


async def test_search_delete_undo_and_insight(tmp_path: Path) -> None:
    seed(tmp_path)
    async with running(tmp_path, SIZE) as (app, pilot):
        await open_section(pilot)
        table = app.screen.query_one(DataTable)
        await wait_until(
            pilot, lambda: table.row_count == 3 and "Bus stop [bold]x[/]" in screen_text(app)
        )
        await pilot.press("slash", *"staring", "enter")
        assert table.row_count == 1
        await pilot.press("delete")
        await wait_until(pilot, lambda: table.row_count == 0 and len(stored(tmp_path)) == 2)
        # and the footer offers undo
        await wait_until(pilot, lambda: "u Undo delete" in screen_text(app))
        await pilot.press("u")
        await wait_until(pilot, lambda: table.row_count == 1 and len(stored(tmp_path)) == 3)
        app.screen.query_one("#search", Input).value = ""
        await pilot.press("i")
        await wait_for(pilot, ThoughtInsightScreen)
        text = screen_text(app)
        assert "Mind reading" in text and "Across 3 records" in text
        assert "eased by 28 points on average" in text and "(from 70 to 42 out of 100)" in text
        assert app.screen.query("#insight-chart")
        # before and after differ by their marks, not only by colour (issue 17, point 3)
        await wait_until(pilot, lambda: "●" in screen_text(app) and "○" in screen_text(app))
        await pilot.press("escape")
        await wait_for(pilot, ThoughtRecordsScreen)


async def test_very_long_text_is_kept_whole(tmp_path: Path) -> None:
    long = ("A long evening of worrying, written out in full. " * 120).strip()
    async with running(tmp_path, (80, 24)) as (app, pilot):
        await open_section(pilot)
        await pilot.press("n")
        await wait_for(pilot, ThoughtRecordForm)
        await type_text(pilot, long)
        await pilot.press("pagedown", "pagedown")
        await type_text(pilot, "[/]" + "x" * 400)
        await pilot.press("ctrl+s")
        await wait_for(pilot, ThoughtRecordsScreen)
        await wait_until(pilot, lambda: app.screen.query_one(DataTable).row_count == 1)
        await pilot.press("enter")
        await wait_for(pilot, ThoughtRecordDetail)
        assert "[/]xxx" in screen_text(app)
    (record,) = stored(tmp_path)
    assert record.situation == long
    assert record.hot_thought == "[/]" + "x" * 400


async def test_own_labels_are_kept_and_can_be_removed_but_burns_ten_stay(tmp_path: Path) -> None:
    from homework_tui.model.distortions import STANDARD
    from homework_tui.ui.thoughts.thought_data import own_labels_repo
    from homework_tui.ui.thoughts.distortion_list import DistortionList

    async with running(tmp_path) as (app, pilot):
        await open_section(pilot)
        await pilot.press("n")
        await wait_for(pilot, ThoughtRecordForm)
        await pilot.press("pagedown", "pagedown", "pagedown", "tab")
        await type_text(pilot, "Comparing  myself")
        await pilot.press("enter")
        choices = app.screen.query_one(DistortionList)
        await wait_until(pilot, lambda: choices.chosen() == ((), ("Comparing myself",)))
        await wait_until(pilot, lambda: "Ticked: Comparing myself" in screen_text(app))
        await pilot.press("shift+tab", "home", "delete")  # a standard label: nothing happens
        await pilot.pause()
        assert choices.option_count == len(STANDARD) + 1
        assert "Del Remove my label" not in screen_text(app)
        await pilot.press("end")
        assert "Del Remove my label" in screen_text(app)
        await pilot.press("delete")
        await wait_until(pilot, lambda: "Remove your label?" in screen_text(app))
        await pilot.press("r")
        await wait_until(pilot, lambda: choices.option_count == len(STANDARD))
        assert choices.chosen() == ((), ())
    with Store.open(tmp_path, read_only=True) as store:
        assert own_labels_repo(store).all() == []
        assert [label.name for label in own_labels_repo(store).trash()] == ["Comparing myself"]


async def test_unfinished_writing_is_announced_at_start(tmp_path: Path) -> None:
    from homework_tui.model.draft import Draft
    from homework_tui.ui.thoughts.thought_drafts import describe

    assert describe([]) == ""
    with Store.open(tmp_path) as store:
        Drafts(store).save(Draft(form="thought_record", fields={"situation": "kept"}))
    async with running(tmp_path) as (app, pilot):
        await wait_until(pilot, lambda: app.store is not None)
        # told once the data opened
        await wait_until(
            pilot,
            lambda: any(
                "unfinished thought record" in n.message and "Press t" in n.message
                for n in app._notifications
            ),
        )
    many = [Draft(form="thought_record"), Draft(form="journal"), Draft(form="journal")]
    assert "1 thought record (press t) and 2 journal entries (press j)" in describe(many)


async def test_pasted_escape_sequences_never_stay_in_the_form(tmp_path: Path) -> None:
    async with running(tmp_path) as (app, pilot):
        await open_section(pilot)
        await pilot.press("n")
        await wait_for(pilot, ThoughtRecordForm)
        await type_text(pilot, "one\x1b[2Jtwo\x07 [b]three[/b] 🎉")
        assert app.screen.query_one("#situation", TextArea).text == "onetwo [b]three[/b] 🎉"
        await pilot.press("pagedown")
        await type_text(pilot, "an\x1b]0;title\x07xious")
        assert app.screen.query_one("#mood-0-name", Input).value == "anxious"


async def test_unsaved_edits_to_a_record_come_back_and_update_it(tmp_path: Path) -> None:
    (first, *_) = seed(tmp_path)
    async with running(tmp_path) as (app, pilot):
        await open_section(pilot)
        await wait_until(pilot, lambda: app.screen.query_one(DataTable).row_count == 3)
        await pilot.press("down", "down", "e")  # the oldest record is last
        await wait_for(pilot, ThoughtRecordForm)
        await pilot.press(*["pagedown"] * 6)
        await type_text(pilot, " Or I was simply nervous.")
        await wait_until(pilot, lambda: "simply nervous" in str(_draft_fields(tmp_path)))
    assert stored(tmp_path)[-1] == first  # the saved record is untouched

    async with running(tmp_path) as (app, pilot):
        await open_section(pilot)
        await wait_until(pilot, lambda: "Welcome back" in screen_text(app))
        assert "changes to a thought record" in screen_text(app)
        await pilot.press("c")
        await wait_for(pilot, ThoughtRecordForm)
        assert app.screen.step == 7  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await wait_for(pilot, ThoughtRecordsScreen)
        await wait_until(
            pilot,
            lambda: (
                "simply nervous"
                in next(r for r in stored(tmp_path) if r.id == first.id).balanced_thought
            ),
        )
    edited = next(r for r in stored(tmp_path) if r.id == first.id)
    assert "Or I was simply nervous." in edited.balanced_thought
    assert len(stored(tmp_path)) == 3
    with Store.open(tmp_path, read_only=True) as store:
        assert Drafts(store).pending() == []
