"""A SelectionList whose boxes say “ticked” with a ✓ mark, not only with colour.

Textual's SelectionList draws the same ▐X▌ for ticked and unticked items and tells them apart by
colour alone, which a high-contrast, colour-blind or NO_COLOR reader cannot rely on. Here an
unticked box is empty (▐ ▌) and a ticked one shows ✓. Every tick list of the app is one of these
(thinking traps, safety behaviours, a plan's days).
"""

from __future__ import annotations

from typing import TypeVar

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import SelectionList
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist

TICKED = "✓"
UNTICKED = " "

T = TypeVar("T")


def tick_mark(ticked: bool) -> str:
    """What a box holds: ✓ when ticked, a space when not."""
    return TICKED if ticked else UNTICKED


class TickList(SelectionList[T]):
    def render_line(self, y: int) -> Strip:
        """Textual's line, with the mark in the box saying ticked (✓) or not (empty)."""
        strip = super().render_line(y)
        segments = list(strip)
        if len(segments) < 3 or segments[1].text != ToggleButton.BUTTON_INNER:
            return strip  # not a line with a box (below the last option)
        box = segments[1]
        # SelectionList marks the box with the index of its option (for clicks).
        index = box.style.meta.get("option") if box.style is not None else None
        if not isinstance(index, int):
            return strip
        try:
            option = self.get_option_at_index(index)
        except OptionDoesNotExist:
            return strip
        segments[1] = Segment(tick_mark(option.value in self.selected), box.style, box.control)
        return Strip(segments, strip.cell_length)

    def on_focus(self) -> None:
        # Tabbing in lands on the first item, so Space ticks it straight away.
        if self.highlighted is None and self.option_count:
            self.highlighted = 0
