"""The journal in the real app, keyboard only: write, save, search by word and #tag, edit,
delete with undo, mood validation, drafts offered back, text kept literally."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, TextArea

from homework_tui.model.journal import JournalEntry
from homework_tui.ui.journal.journal import JournalScreen
from homework_tui.ui.journal.journal_entry import JournalEntryForm, journal_repo
from homework_tui.store import Store
from homework_tui.store.drafts import Drafts
from tests.ui.helpers import wait_until
from tests.ui.test_thought_records import open_section, running, screen_text, type_text, wait_for

TITLE = "A [bold]walk[/] 🌳 \x1b[2J"


def stored(folder: Path) -> list[JournalEntry]:
    with Store.open(folder, read_only=True) as store:
        return journal_repo(store).all()


async def test_write_search_edit_delete_undo(tmp_path: Path) -> None:
    async with running(tmp_path) as (app, pilot):
        await open_section(pilot, "j")
        assert isinstance(app.screen, JournalScreen)
        await pilot.press("n")
        await wait_for(pilot, JournalEntryForm)
        await type_text(pilot, TITLE)
        await pilot.press("tab")
        await type_text(pilot, "Felt calmer by the river.\nThen [red]tired[/red].")
        await pilot.press("tab", "7", "tab")
        await type_text(pilot, "outside, #calm Outside")
        await pilot.press("ctrl+s")
        await wait_for(pilot, JournalScreen)
        await wait_until(pilot, lambda: len(stored(tmp_path)) == 1)
        (entry,) = stored(tmp_path)
        await wait_until(pilot, lambda: "#outside #calm" in screen_text(app))
        assert entry.title == "A [bold]walk[/] 🌳"  # the escape sequence went whole
        assert entry.text == "Felt calmer by the river.\nThen [red]tired[/red]."
        assert entry.mood == 7 and entry.tags == ("outside", "calm")
        text = screen_text(app)
        assert "A [bold]walk[/] 🌳" in text and "[2J" not in text
        assert "7/10" in text and "#outside #calm" in text

        table = app.screen.query_one(DataTable)
        await pilot.press("slash", *"#calm", "enter")
        assert table.row_count == 1
        app.screen.query_one("#search", Input).value = "#sleep"
        await wait_until(pilot, lambda: table.row_count == 0)
        app.screen.query_one("#search", Input).value = "river"
        await wait_until(pilot, lambda: table.row_count == 1)

        await pilot.press("enter")
        await wait_for(pilot, JournalEntryForm)
        assert app.screen.query_one("#text", TextArea).text.startswith("Felt calmer")
        mood = app.screen.query_one("#mood", Input)
        mood.value = ""
        mood.focus()
        await pilot.press("8", "ctrl+s")
        await wait_for(pilot, JournalScreen)
        await wait_until(
            pilot, lambda: [(e.id, e.mood) for e in stored(tmp_path)] == [(entry.id, 8)]
        )

        await pilot.press("delete")
        await wait_until(pilot, lambda: stored(tmp_path) == [])
        await wait_until(pilot, lambda: "u Undo delete" in screen_text(app))
        await pilot.press("u")
        await wait_until(pilot, lambda: [e.id for e in stored(tmp_path)] == [entry.id])


async def test_mood_out_of_range_and_empty_entry_are_explained(tmp_path: Path) -> None:
    async with running(tmp_path) as (app, pilot):
        await open_section(pilot, "j")
        await pilot.press("n")
        await wait_for(pilot, JournalEntryForm)
        await pilot.press("ctrl+s")
        await wait_until(
            pilot, lambda: "Please write a title or a few words before saving." in screen_text(app)
        )
        await pilot.press("tab", "1", "2")  # the message put the cursor in the writing
        await wait_until(pilot, lambda: "Mood is 12; it goes from 0 to 10." in screen_text(app))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, JournalEntryForm)
    assert stored(tmp_path) == []


async def test_an_unsaved_entry_comes_back(tmp_path: Path) -> None:
    async with running(tmp_path) as (app, pilot):
        await open_section(pilot, "j")
        await pilot.press("n")
        await wait_for(pilot, JournalEntryForm)
        await pilot.press("tab")
        await type_text(pilot, "Half a thought 🌧")
        await pilot.press("escape")
        await wait_until(pilot, lambda: "Leave this entry?" in screen_text(app))
        await pilot.press("k")
        await wait_for(pilot, JournalScreen)
        await wait_until(
            pilot, lambda: "draft" in screen_text(app) and "Half a thought 🌧" in screen_text(app)
        )
    with Store.open(tmp_path, read_only=True) as store:
        (draft,) = Drafts(store).pending("journal")
    assert draft.fields["text"] == "Half a thought 🌧"

    async with running(tmp_path) as (app, pilot):
        await open_section(pilot, "j")
        await wait_until(pilot, lambda: "Welcome back" in screen_text(app))
        await pilot.press("c")
        await wait_for(pilot, JournalEntryForm)
        assert app.screen.query_one("#text", TextArea).text == "Half a thought 🌧"
        await pilot.press("ctrl+s")
        await wait_for(pilot, JournalScreen)
        await wait_until(pilot, lambda: len(stored(tmp_path)) == 1)
    (entry,) = stored(tmp_path)
    assert entry.text == "Half a thought 🌧" and entry.title == ""
