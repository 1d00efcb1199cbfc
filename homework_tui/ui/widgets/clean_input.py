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

from rich.containers import Lines
from rich.text import Text
from textual import events
from textual._wrap import compute_wrap_offsets
from textual.document import _wrapped_document as wrapped_module
from textual.widget import Widget
from textual.widgets import Input, TextArea
from textual.widgets.text_area import Edit, EditResult, Location, WrappedDocument

from homework_tui.i18n import N_, _
from homework_tui.model.base import clean_text

PASTE_NOTE = N_(
    "Some invisible control characters (terminal codes, like those of coloured text) were "
    "left out of what you pasted. Everything else is here as you copied it."
)


def _tell_if_cleaned(widget: Widget, pasted: str) -> None:
    """Say so when a paste held control characters (line breaks do not count)."""
    if clean_text(pasted) != pasted.replace("\r\n", "\n").replace("\r", "\n"):
        widget.notify(_(PASTE_NOTE), title=_("Pasted"), markup=False)


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


class _RememberedHeight(WrappedDocument):
    """A WrappedDocument that remembers its height until the wrapping changes. Textual asks for
    the height many times per key, and counts every line each time: 25 ms a key in a box holding
    1 MB. Only `wrap` and `wrap_range` change the wrapping."""

    _height: int | None = None

    def wrap(self, width: int, tab_width: int | None = None) -> None:
        self._height = None
        super().wrap(width, tab_width)

    @property
    def height(self) -> int:
        if self._height is None:
            self._height = super().height
        return self._height

    def wrap_range(self, start: Location, old_end: Location, new_end: Location) -> None:
        self._height = None
        offsets = self._rewrapped_long_line(start, old_end, new_end)
        if offsets is None:
            super().wrap_range(start, old_end, new_end)
            return
        line = self.document.lines[start[0]]
        # Textual's private module imports compute_wrap_offsets without re-exporting it; the
        # swap lasts for this one rewrap.
        real = wrapped_module.compute_wrap_offsets  # type: ignore[attr-defined]

        def known(text: str, *args: Any, **kwargs: Any) -> list[int]:
            return offsets if text is line else real(text, *args, **kwargs)

        wrapped_module.compute_wrap_offsets = known  # type: ignore[attr-defined]
        try:
            super().wrap_range(start, old_end, new_end)
        finally:
            wrapped_module.compute_wrap_offsets = real  # type: ignore[attr-defined]

    def _rewrapped_long_line(
        self, start: Location, old_end: Location, new_end: Location
    ) -> list[int] | None:
        """The wrap offsets of a long line after an edit within it, worked out from the row
        before the edit until the rows fall back into step with the old ones (greedy wrapping
        depends only on the text since the last break). None: let Textual rewrap it all."""
        row = start[0]
        if not (row == old_end[0] == new_end[0]) or not self._width:
            return None
        if row >= len(self._wrap_offsets) or row >= self.document.line_count:
            return None
        line = self.document.lines[row]
        if len(line) < LONG_LINE or "\t" in line:
            return None
        old = self._wrap_offsets[row]
        edit_start, old_stop, new_stop = start[1], old_end[1], new_end[1]
        shift = new_stop - old_stop
        before = [b for b in old if b < edit_start]
        while before and not _chunk_start(line, before[-1]):
            before.pop()
        if before:
            before.pop()  # a deletion may let the edited word move up a row
        while before and not _chunk_start(line, before[-1]):
            before.pop()
        restart = before[-1] if before else 0
        old_after = {b + shift for b in old if b > old_stop}
        window = max(new_stop, edit_start) + 16 * self._width
        while True:
            stop = min(len(line), window)
            found = [
                restart + b
                for b in compute_wrap_offsets(line[restart:stop], self._width, self._tab_width)
            ]
            trusted = stop if stop == len(line) else _last_chunk_start(line, restart, stop)
            for index, position in enumerate(found):
                if position >= trusted:
                    break
                if position > new_stop and position in old_after and _chunk_start(line, position):
                    later = [b + shift for b in old if b + shift > position]
                    return [*before, *found[: index + 1], *later]
            if stop == len(line):
                return [*before, *found]
            window = len(line)  # not back in step nearby: rewrap to the end of the line


def _chunk_start(line: str, position: int) -> bool:
    """True when a word starts at `position` (where a wrap's state starts afresh)."""
    return (
        0 < position < len(line) and line[position - 1].isspace() and not line[position].isspace()
    )


def _last_chunk_start(line: str, low: int, high: int) -> int:
    """Where the last word starting before `high` starts (breaks from there on are unsure, as
    the window may cut that word)."""
    position = high
    while position > low and not line[position - 1].isspace():
        position -= 1
    return position


# Lines at least this long have their division into screen rows remembered (see `_LongLine`).
LONG_LINE = 2_000


class _LongLine(Text):
    """A long line of a CleanTextArea. TextArea draws each screen row of a line by dividing the
    whole line into rows and keeping one: for a 1 MB line, ~12,000 rows made for each row drawn.
    Here a division is remembered (keyed by everything it depends on), so a refresh divides a
    long line once. The rows are shared: TextArea only reads them (and sets `end`, always "")."""

    __slots__ = ("divisions",)

    def __init__(self, text: str, divisions: dict[tuple[Any, ...], Lines]) -> None:
        super().__init__(text, end="", no_wrap=True)
        self.divisions = divisions

    def divide(self, offsets: Any) -> Lines:
        offsets = tuple(offsets)
        key = (self.plain, tuple(self.spans), self.style, self.justify, self.overflow, offsets)
        found = self.divisions.get(key)
        if found is None:
            if len(self.divisions) >= 4:
                self.divisions.clear()
            found = self.divisions[key] = super().divide(offsets)
        return found


class CleanTextArea(TextArea):
    """Like TextArea, with the same promise as `CleanInput` (line breaks are kept). Every edit
    is cleaned as it is made, so the whole text never needs cleaning again (1 MB stays quick)."""

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        super().__init__(clean_text(text), **kwargs)

    def get_line(self, line_index: int) -> Text:
        line = self.document.get_line(line_index)
        if len(line) < LONG_LINE:
            return super().get_line(line_index)
        divisions: dict[tuple[Any, ...], Lines] = self.__dict__.setdefault("_divisions", {})
        return _LongLine(line, divisions)

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "wrapped_document" and type(value) is WrappedDocument:
            value.__class__ = _RememberedHeight  # TextArea makes a new one for each document
        super().__setattr__(name, value)

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
