"""Where the terminal's own cursor belongs while a widget has the focus (issue 17, point 1).

Screen readers (espeakup, Orca in a terminal) and braille displays (BRLTTY) read where the
terminal's cursor is. `cursor_spot` answers, in screen cells, for every kind of focused control:
the caret of a text box, the start of the highlighted row of a list or table, the start of a
button, switch, checkbox, radio button or select. A widget of ours with a cursor of its own
answers for itself by having `terminal_cursor_spot` (the `CursorSpot` protocol).
`cursor_follows_focus.CursorFollowsFocus` puts the cursor there on every frame.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from textual.errors import NoWidget
from textual.geometry import Offset, Region, clamp
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Input, ListView, OptionList, RadioSet, TextArea, Tree


@runtime_checkable
class CursorSpot(Protocol):
    """A focusable widget that knows where its cursor is."""

    def terminal_cursor_spot(self) -> Offset:
        """The cell of the cursor, in screen coordinates (clamped into view by the caller)."""
        ...


def cursor_spot(widget: Widget, screen: Screen[object]) -> Offset | None:
    """The cell of `screen` where the cursor belongs while `widget` has the focus; None when
    the widget is not on the screen at all. Always inside the widget's visible part."""
    try:
        visible = screen.find_widget(widget).visible_region
    except NoWidget:
        return None
    if not visible:
        return None
    return _inside(_raw_spot(widget), visible)


def _inside(spot: Offset, region: Region) -> Offset:
    return Offset(
        clamp(spot.x, region.x, region.right - 1), clamp(spot.y, region.y, region.bottom - 1)
    )


def _raw_spot(widget: Widget) -> Offset:
    if isinstance(widget, CursorSpot):
        return widget.terminal_cursor_spot()
    if isinstance(widget, Input):
        # Textual counts one cell more at the end of the text (room to scroll its caret into).
        spot = widget.cursor_screen_offset
        return spot - Offset(1, 0) if widget.cursor_at_end else spot
    if isinstance(widget, TextArea):
        return widget.cursor_screen_offset
    content = widget.content_region
    if isinstance(widget, OptionList):  # also SelectionList and Select's drop-down
        return Offset(content.x, content.y + _option_line(widget) - widget.scroll_offset.y)
    if isinstance(widget, DataTable):
        return Offset(content.x, content.y + _table_line(widget) - widget.scroll_offset.y)
    if isinstance(widget, ListView):
        child = widget.highlighted_child
        return Offset(content.x, child.region.y) if child is not None else content.offset
    if isinstance(widget, Tree):
        return Offset(content.x, content.y + widget.cursor_line - widget.scroll_offset.y)
    if isinstance(widget, RadioSet):
        return _radio_spot(widget)
    return content.offset  # a button, switch, checkbox, select, a scrolling page


def _option_line(options: OptionList) -> int:
    """The first line of the highlighted option (options may take several lines)."""
    index = options.highlighted
    if index is None:
        return 0
    # OptionList keeps the line of each option in a private map; without it (a later Textual),
    # the option's index is right while every option is one line, as ours are.
    lines: dict[int, int] = getattr(options, "_index_to_line", {})
    return lines.get(index, index)


def _table_line(table: DataTable[object]) -> int:
    """The line of the cursor's row, counted from the top of the table's content."""
    header = table.header_height if table.show_header else 0
    if table.row_count == 0:
        return 0
    row = clamp(table.cursor_row, 0, table.row_count - 1)
    return header + sum(r.height for r in table.ordered_rows[:row])


def _radio_spot(radios: RadioSet) -> Offset:
    buttons = list(radios.query_children("RadioButton"))
    if not buttons:
        return radios.content_region.offset
    # RadioSet moves a private highlight with the arrow keys; the pressed button otherwise.
    index = getattr(radios, "_selected", None)
    if not isinstance(index, int) or not 0 <= index < len(buttons):
        index = max(radios.pressed_index, 0)
    return buttons[index].content_region.offset
