"""A checkbox that shows its state as a mark, not only as a colour (✓ on, blank off), so it reads
the same in high contrast, in a screen reader's capture and in black and white."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox


class OnOff(Checkbox):
    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "✓" if self.value else " "
        return super()._button
