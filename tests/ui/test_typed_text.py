"""Every box keeps each character typed into it, the ones Textual's own boxes drop included (a
ZWJ inside 👨‍👩‍👧, a no-break space, a flag's tag characters, an emoji newer than Python's Unicode
tables), while Tab and Enter stay keys. The same through a real terminal, byte by byte:
tests/e2e/test_paste_pty.py.

Keys come from the app's own terminal parser, as the terminal driver posts them (Pilot's `press`
gives these characters no `character`, so it could not type them)."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, TextArea
from textual.widgets.input import Selection

from homework_tui.terminal_input import PasteSafeParser
from homework_tui.ui.widgets.clean_input import CleanInput, CleanTextArea, TypedInput

TYPED = "👨\u200d👩\u200d👧 🫨 a\u00a0b \u200cfa 🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"


class Boxes(App[None]):
    def compose(self) -> ComposeResult:
        yield CleanInput(id="line")
        yield CleanTextArea(id="text")
        yield TypedInput(password=True, id="passphrase")


async def type_text(pilot: Pilot[None], text: str) -> None:
    """`text` typed at a terminal: parsed into keys, posted to the app as its driver posts them."""
    for key in [*PasteSafeParser().feed(text)]:
        pilot.app.post_message(key)
    await pilot.pause()


def value(box: Widget) -> str:
    return box.text if isinstance(box, TextArea) else box.value if isinstance(box, Input) else ""


@pytest.mark.parametrize("box_id", ["line", "text", "passphrase"])
async def test_every_typed_character_is_kept(box_id: str) -> None:
    app = Boxes()
    async with app.run_test() as pilot:
        box = app.query_one(f"#{box_id}")
        box.focus()
        await pilot.pause()
        await type_text(pilot, TYPED)
        assert value(box) == TYPED
        await pilot.press("tab")  # still a key: the focus moves on, nothing is typed
        assert app.focused is not box
        assert value(box) == TYPED


async def test_a_typed_joiner_replaces_a_selection() -> None:
    app = Boxes()
    async with app.run_test() as pilot:
        line = app.query_one("#line", CleanInput)
        line.focus()
        await type_text(pilot, "👨x👩")
        line.selection = Selection(1, 2)  # the x
        await type_text(pilot, "\u200d")
        assert line.value == "👨\u200d👩"
