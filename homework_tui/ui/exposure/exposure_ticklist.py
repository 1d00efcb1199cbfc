"""A SelectionList whose boxes say “ticked” with a ✓ mark, not only with colour.

Textual's SelectionList draws the same ▐X▌ for ticked and unticked items and tells them apart by
colour alone, which a high-contrast or colour-blind reader cannot rely on. Here an unticked box is
empty (▐ ▌) and a ticked one shows ✓.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import SelectionList
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist

TICK = "✓"


class TickList(SelectionList[str]):
    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        _, scroll_y = self.scroll_offset
        try:
            option = self.get_option_at_index(scroll_y + y)
        except OptionDoesNotExist:  # a line below the last option
            return strip
        mark = TICK if option.value in self._selected else " "
        segments = list(strip)
        if len(segments) > 1 and segments[1].text == ToggleButton.BUTTON_INNER:
            first = segments[1]
            segments[1] = Segment(mark, first.style, first.control)
            return Strip(segments, strip.cell_length)
        return strip

    def on_focus(self) -> None:
        # Tabbing in lands on the first item, so Space ticks it straight away.
        if self.highlighted is None and self.option_count:
            self.highlighted = 0
