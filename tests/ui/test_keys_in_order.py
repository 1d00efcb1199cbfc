"""Keys that arrive in one burst are handled in order: Ctrl+S right after typing saves every
character typed before it (point 1 of issue 13), through the app's own key path.

Pilot's `press` waits for each key to be handled; a terminal does not. Here the keys are posted
to the app all at once, as a terminal's burst arrives, and Ctrl+S follows at once. The real
terminal check (tmux, the installed console script) is in tests/e2e/test_save_burst.py."""

from __future__ import annotations

from pathlib import Path

from textual import events

from homework_tui.model.journal import JournalEntry
from homework_tui.ui.journal.journal import JournalScreen
from homework_tui.ui.journal.journal_entry import JournalEntryForm, journal_repo
from homework_tui.store import Store
from tests.ui.helpers import wait_until
from tests.ui.test_thought_records import open_section, running, wait_for

SHORT = "I felt better after the walk and then I slept well END2"
LONG = ("Some days are heavier than others, and that is fine. " * 40)[:2100] + "END3"


def stored(folder: Path) -> list[JournalEntry]:
    with Store.open(folder, read_only=True) as store:
        return journal_repo(store).all()


def burst(app: object, text: str, then: str) -> None:
    """Post one Key event per character and then `then`, without waiting in between."""
    post = app.post_message  # type: ignore[attr-defined]
    for char in text:
        key = "space" if char == " " else char
        post(events.Key(key, char))
    post(events.Key(then, None))


async def test_ctrl_s_after_a_burst_saves_every_character(tmp_path: Path) -> None:
    for number, text in enumerate((SHORT, LONG), start=1):
        async with running(tmp_path) as (app, pilot):
            await open_section(pilot, "j")
            await pilot.press("n")
            await wait_for(pilot, JournalEntryForm)
            await pilot.press("tab")  # to the writing box
            burst(app, text, "ctrl+s")
            form = app.screen
            message = form.query_one("#form-message")
            await wait_until(pilot, lambda: app.screen is not form or message.display, 30)
            assert isinstance(app.screen, JournalScreen)
            await app.workers.wait_for_complete()
        texts = [entry.text for entry in stored(tmp_path)]
        assert len(texts) == number
        assert text in texts, f"saved {max(len(t) for t in texts)} of {len(text)} characters"
