"""Text boxes that never hold terminal control characters (typed, pasted, loaded or set).

Textual writes a widget's text to the terminal as it is, so an escape sequence pasted into a box
would reach the terminal raw (clearing the screen, retitling the window). `CleanInput` and
`CleanTextArea` remove control characters the moment text arrives, by the rule of
`model.base.clean_text`, so what the box shows is exactly what will be saved. A paste that lost
some says so, calmly: nothing typed disappears without a word. (A paste of several lines into a
one-line box keeps every line, joined by spaces; Textual's Input would keep only the first.)
Typed text is kept exactly too, the characters Textual's boxes would drop included (see
`typed_text`): the joiners inside a typed 👨‍👩‍👧 stay.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from textual import events
from textual.document._document import EditResult
from textual.document._edit import Edit
from textual.widget import Widget
from textual.widgets import Input, TextArea

from homework_tui.model.base import clean_text

PASTE_NOTE = (
    "Some invisible control characters (terminal codes, like those of coloured text) were "
    "left out of what you pasted. Everything else is here as you copied it."
)


def _tell_if_cleaned(widget: Widget, pasted: str) -> None:
    """Say so when a paste held control characters (line breaks do not count)."""
    if clean_text(pasted) != pasted.replace("\r\n", "\n").replace("\r", "\n"):
        widget.notify(PASTE_NOTE, title="Pasted", markup=False)


def typed_text(event: events.Key) -> str | None:
    """The character a key press types that Textual's Input and TextArea would drop, else None.

    They insert only what Python calls printable, which leaves out the zero-width joiner between
    the people of a typed 👨‍👩‍👧 (and other format characters: the non-joiner Persian is typed
    with, direction marks, the tags of a flag like 🏴󠁧󠁢󠁥󠁮󠁧󠁿), no-break spaces, private-use
    characters, and emoji newer than Python's Unicode tables. Of single characters only control
    characters (Tab, Enter, Ctrl+key…) are not text; those stay keys."""
    character = event.character
    if character is None or len(character) != 1 or event.is_printable:
        return None
    return None if unicodedata.category(character) in ("Cc", "Cs") else character


class TypedInput(Input):
    """Textual's Input, keeping every character typed (see `typed_text`). For boxes whose text
    is used as it is, like a passphrase; a box whose text is stored is a `CleanInput`."""

    async def _on_key(self, event: events.Key) -> None:
        # Runs before Input's own handler, which does nothing with a character it finds unprintable.
        text = typed_text(event)
        if text is None:
            return
        event.stop()
        selection = self.selection
        if selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *selection)


class CleanInput(TypedInput):
    """Like Input, but an escape sequence pasted in is stripped the moment it arrives, so it can
    never be stored or written raw to the terminal. Everything else stays exactly as typed.
    Focusing it does not select the text, so a returning draft is never typed over by accident."""

    def __init__(self, value: str | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(value, **kwargs)

    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(clean_text(text, multiline=False), start, end)

    def validate_value(self, value: str) -> str:
        return clean_text(value, multiline=False)

    def _on_paste(self, event: events.Paste) -> None:
        # Input keeps only the first line of a paste; here every line is kept, joined by spaces.
        event.stop()
        event.prevent_default()  # Input's own handler would paste again (handlers run per class)
        if not event.text:
            return
        _tell_if_cleaned(self, event.text)
        text = clean_text(event.text, multiline=False)
        selection = self.selection
        if selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *selection)


class CleanTextArea(TextArea):
    """Like TextArea, with the same promise as `CleanInput` (line breaks are kept)."""

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        super().__init__(clean_text(text), **kwargs)

    def load_text(self, text: str) -> None:  # also what setting `.text` does
        super().load_text(clean_text(text))

    def edit(self, edit: Edit) -> EditResult:  # every insert, replace and paste goes through here
        edit.text = clean_text(edit.text)
        return super().edit(edit)

    async def _on_key(self, event: events.Key) -> None:
        # Runs before TextArea's own handler, which does nothing with a character it finds
        # unprintable; inserted the way TextArea inserts a typed character.
        text = typed_text(event)
        if text is None or self.read_only:
            return
        event.stop()
        self.replace(text, *self.selection, maintain_selection_offset=False)

    async def _on_paste(self, event: events.Paste) -> None:
        # Only the word: TextArea's own handler (run after this one) pastes, through `edit`.
        if not self.read_only:
            _tell_if_cleaned(self, event.text)
