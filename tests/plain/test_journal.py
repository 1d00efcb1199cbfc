"""The journal in plain mode, through the real console script in a pty."""

from __future__ import annotations

from pathlib import Path

from homework_tui.model.journal import JournalEntry
from homework_tui.store.activities import JOURNAL_TABLE
from tests.plain.conftest import saved
from tests.plain.driver import ESCAPED_KEPT, ESCAPED_TYPED, HOSTILE, Plain


def test_the_journal_sequence_saves_an_entry_and_quit_twice_leaves(root: Path) -> None:
    plain = Plain(root)
    plain.expect("Main menu")
    # Exactly the sequence of the issue: journal, new, title, the text's lines, ".", empty lines.
    for typed in ("journal", "new", "A quiet evening", "I walked by the river.", "It helped.", "."):
        plain.line(typed)
    plain.line("")  # mood
    plain.line("")  # tags
    plain.expect("Saved your journal entry.")
    plain.expect("Title: A quiet evening")
    plain.line("quit")
    plain.expect("Main menu")
    plain.line("quit")
    assert plain.finish() == 0
    [entry] = saved(root, JOURNAL_TABLE, JournalEntry)
    assert entry.title == "A quiet evening"
    assert entry.text == "I walked by the river.\nIt helped."
    assert entry.mood is None and entry.tags == ()


def test_hostile_text_is_kept_exactly_and_read_back(root: Path) -> None:
    lines = [*HOSTILE.values(), ESCAPED_TYPED]
    plain = Plain(root)
    plain.answer("Choose a number or a name:", "6")
    plain.answer("Choose a number or a name:", "new")
    plain.answer("Title", HOSTILE["markup"])
    plain.expect("full stop")
    for line in lines:
        plain.line(line)
    plain.line(".")
    plain.answer("Mood, 0 to 10", "11")
    plain.expect("Mood is 11; it goes from 0 to 10.")  # the model's own message, asked again
    plain.answer("Mood, 0 to 10", "4")
    plain.answer("Tags", "river, #calm")
    plain.expect("Saved your journal entry.")
    plain.expect("Tags: river, calm")
    plain.answer("Choose a number or a name:", "show")
    plain.answer("Which one?", "1")
    plain.expect(HOSTILE["arabic"])
    plain.answer("Choose a number or a name:", "quit")
    plain.answer("Choose a number or a name:", "quit")
    assert plain.finish() == 0
    [entry] = saved(root, JOURNAL_TABLE, JournalEntry)
    assert entry.title == HOSTILE["markup"]
    assert entry.text.split("\n") == [*HOSTILE.values(), ESCAPED_KEPT]
    assert (entry.mood, entry.tags) == (4, ("river", "calm"))
    output = plain.text()
    for text in HOSTILE.values():
        assert text in output
    assert b"\x1b" not in plain.output


def test_nothing_written_is_refused_with_the_models_message_and_quit_saves_nothing(
    root: Path,
) -> None:
    plain = Plain(root)
    for typed in ("journal", "new", "", "."):
        plain.line(typed)
    plain.line("")
    plain.line("")
    plain.expect("Please write a title or a few words before saving.")
    plain.expect("full stop")  # the writing is asked again
    plain.line("quit")
    plain.expect("Back to Journal. Nothing was saved.")
    plain.line("list")
    plain.expect("No journal entries yet.")
    plain.line("quit")
    plain.line("quit")
    assert plain.finish() == 0
    assert saved(root, JOURNAL_TABLE, JournalEntry) == []


def test_a_very_low_mood_brings_the_calm_line_to_help_now(root: Path) -> None:
    plain = Plain(root)
    for typed in ("journal", "new", "Heavy day", "."):
        plain.line(typed)
    plain.answer("Mood, 0 to 10", "1")
    plain.answer("Tags", "")
    plain.expect("Saved your journal entry.")
    plain.expect("type “help now” at any question")  # the model's rule: a journal mood of 0-1
    plain.answer("Choose a number or a name:", "help now")
    plain.expect("Your safety plan is not written yet.")
    plain.line("quit")
    plain.line("quit")
    assert plain.finish() == 0
