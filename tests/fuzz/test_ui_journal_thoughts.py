"""The journal and thought record forms in the real app, fed hostile text and numbers (see ui.py
for what is checked after each save). One app session per test: the nasty values first (a
megabyte of text among them), then generated ones."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from homework_tui.model.journal import parse_tags
from homework_tui.ui.journal.journal_entry import journal_repo
from homework_tui.ui.thoughts.thought_data import records_repo
from homework_tui.store import Store
from tests.fuzz.strategies import (
    MEGABYTE,
    expected_line,
    expected_text,
    number_text,
    text,
)
from tests.fuzz.ui import ONCE, act, app_on, assert_healthy, batch, fill_many, run, wait_screen
from tests.ui.helpers import screen_text

journal_values = st.fixed_dictionaries(
    {"title": text, "text": text, "mood": number_text, "tags": text}
)
NASTY_JOURNAL = [
    {"title": "[bold]x[/bold]", "text": MEGABYTE, "mood": "٣", "tags": "[/] #e\u0301"},
    {
        "title": "\x1b]0;pwned\x07",
        "text": "\x1b[2J\x00\x9b [link=x]y[/link]",
        "mood": "-0",
        "tags": "",
    },
    {"title": "مرحبا 👨‍👩‍👧‍👦", "text": "a\u2028b\r\nc\x0cd\u2029", "mood": "1e309", "tags": "x"},
    {"title": "مرحبا 👨‍👩‍👧‍👦", "text": "a\u2028b\r\nc\x0cd\u2029", "mood": "", "tags": "x"},
    {"title": "[/]", "text": "", "mood": "NaN", "tags": "\x1b[2J"},
]


@ONCE
@given(values=batch(journal_values, NASTY_JOURNAL))
def test_journal_form(tmp_path_factory, values: list[dict[str, str]]) -> None:
    folder = tmp_path_factory.mktemp("journal") / "data"

    def check(typed: dict[str, str]) -> None:
        with Store.open(folder, read_only=True) as store:
            entry = journal_repo(store).all()[0]
        where = f"(journal: {typed!r:.300})"
        assert entry.title == expected_line(typed["title"]), where
        assert entry.text == expected_text(typed["text"]).strip("\n"), where
        assert entry.tags == parse_tags(typed["tags"]), where

    async def session() -> None:
        async with app_on(folder) as (app, pilot):
            await pilot.press("j")
            await wait_screen(pilot, "JournalScreen")
            saved = await fill_many(
                pilot,
                values,
                name="journal",
                open_form=lambda: act(pilot, "new"),
                form="JournalEntryForm",
                message="#form-message",
                check=check,
            )
            assert saved >= 3
            # Markup typed in a title is shown as typed, not as style.
            assert "[bold]x[/bold]" in screen_text(app)

    run(session)


# -- thought records -------------------------------------------------------------------------------

thought_values = st.fixed_dictionaries(
    {
        "situation": text,
        "mood-0-name": text,
        "mood-0-before": number_text,
        "thought-0": text,
        "evidence-for": text,
        "evidence-against": text,
        "balanced": text,
        "belief": number_text,
    }
)
NASTY_THOUGHTS = [
    {
        "situation": MEGABYTE[:20_000],
        "mood-0-name": "[/]",
        "mood-0-before": "٣",
        "thought-0": "\x1b]0;pwned\x07",
        "evidence-for": "[bold]x[/bold]",
        "evidence-against": "\x00\x9b",
        "balanced": "مرحبا e\u0301",
        "belief": "-0",
    },
    {
        "situation": "[bold]x[/bold] 👨‍👩‍👧‍👦",
        "mood-0-name": "anxious",
        "mood-0-before": "1e309",
        "thought-0": "",
        "evidence-for": "",
        "evidence-against": "",
        "balanced": "",
        "belief": "",
    },
    {
        "situation": "\x1b[2Jafter a clear-screen code",
        "mood-0-name": "\x1b[2J",
        "mood-0-before": "",
        "thought-0": "x",
        "evidence-for": "a\u2028b\x0c",
        "evidence-against": "",
        "balanced": "",
        "belief": "",
    },
]


@ONCE
@given(values=batch(thought_values, NASTY_THOUGHTS))
def test_thought_record_form(tmp_path_factory, values: list[dict[str, str]]) -> None:
    folder = tmp_path_factory.mktemp("thoughts") / "data"

    def check(typed: dict[str, str]) -> None:
        with Store.open(folder, read_only=True) as store:
            record = records_repo(store).all()[0]
        where = f"(thought record: {typed!r:.300})"
        assert record.situation == expected_text(typed["situation"]).strip(), where
        assert record.evidence_for == expected_text(typed["evidence-for"]).strip(), where
        assert record.evidence_against == expected_text(typed["evidence-against"]).strip(), where
        assert record.balanced_thought == expected_text(typed["balanced"]).strip(), where
        thought = expected_text(typed["thought-0"], multiline=False).strip()
        assert [t.text for t in record.thoughts] == ([thought] if thought else []), where
        assert [m.name for m in record.moods] in ([], [expected_line(typed["mood-0-name"])]), where

    async def session() -> None:
        async with app_on(folder) as (app, pilot):
            await pilot.press("t")
            await wait_screen(pilot, "ThoughtRecordsScreen")
            saved = await fill_many(
                pilot,
                values,
                name="thought record",
                open_form=lambda: act(pilot, "new"),
                form="ThoughtRecordForm",
                message="#form-message",
                check=check,
            )
            assert saved >= 2

    run(session)


def test_a_paste_with_escapes_is_cleaned_and_said(tmp_path) -> None:
    """Through the terminal's paste (not a set value): control characters never enter a box,
    the person is told some were left out, and a multi-line paste into a one-line box keeps
    every line."""
    from textual import events

    from tests.ui.helpers import notifications

    async def session() -> None:
        async with app_on(tmp_path / "data") as (app, pilot):
            await pilot.press("j")
            await wait_screen(pilot, "JournalScreen")
            await act(pilot, "new")
            await wait_screen(pilot, "JournalEntryForm")
            title, text = app.screen.query_one("#title"), app.screen.query_one("#text")
            title.focus()
            await pilot.pause()
            app.post_message(events.Paste("red \x1b[31mwords\x1b[0m\nsecond line [/]"))
            await pilot.pause()
            assert title.value == "red words second line [/]"  # each sequence gone whole
            assert any("left out of what you pasted" in n for n in notifications(app))
            text.focus()
            await pilot.pause()
            app.post_message(events.Paste("one\x00\u2028two \x1b]0;pwned\x07"))
            await pilot.pause()
            assert text.text == "one\ntwo "
            assert_healthy(app, "(after pasting)")

    run(session)
