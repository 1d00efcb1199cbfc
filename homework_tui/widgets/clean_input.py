"""Text boxes that never hold terminal control characters (typed, pasted, loaded or set).

Textual writes a widget's text to the terminal as it is, so an escape sequence pasted into a box
would reach the terminal raw (clearing the screen, retitling the window). `CleanInput` and
`CleanTextArea` remove control characters the moment text arrives, by the rule of
`model.base.clean_text`, so what the box shows is exactly what will be saved. A paste that lost
some says so, calmly: nothing typed disappears without a word. (A paste of several lines into a
one-line box keeps every line, joined by spaces; Textual's Input would keep only the first.)
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.document._document import EditResult, Location
from textual.document._edit import Edit
from textual.document._wrapped_document import WrappedDocument
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


class CleanInput(Input):
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


class _RememberedHeight(WrappedDocument):
    """A WrappedDocument that remembers its height until the wrapping changes. Textual asks for
    the height many times per key, and counts every line each time: 25 ms a key in a box holding
    1 MB. Only `wrap` and `wrap_range` change the wrapping."""

    _height: int | None = None

    def wrap(self, width: int, tab_width: int | None = None) -> None:
        self._height = None
        super().wrap(width, tab_width)

    def wrap_range(self, start: Location, old_end: Location, new_end: Location) -> None:
        self._height = None
        super().wrap_range(start, old_end, new_end)

    @property
    def height(self) -> int:
        if self._height is None:
            self._height = super().height
        return self._height


class CleanTextArea(TextArea):
    """Like TextArea, with the same promise as `CleanInput` (line breaks are kept). Every edit
    is cleaned as it is made, so the whole text never needs cleaning again (1 MB stays quick)."""

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        super().__init__(clean_text(text), **kwargs)

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "wrapped_document" and type(value) is WrappedDocument:
            value.__class__ = _RememberedHeight  # TextArea makes a new one for each document
        super().__setattr__(name, value)

    def load_text(self, text: str) -> None:  # also what setting `.text` does
        super().load_text(clean_text(text))

    def edit(self, edit: Edit) -> EditResult:  # every insert, replace and paste goes through here
        edit.text = clean_text(edit.text)
        return super().edit(edit)

    def _on_paste(self, event: events.Paste) -> None:
        # Only the word: TextArea's own handler (run after this one) pastes, through `edit`.
        if not self.read_only:
            _tell_if_cleaned(self, event.text)
