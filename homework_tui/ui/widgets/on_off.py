"""A checkbox and a radio button that show their state as a mark, not only as a colour (✓ or ●
on, blank off), so they read the same in high contrast, in a screen reader's capture and in black
and white."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox, RadioButton


class OnOff(Checkbox):
    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "✓" if self.value else " "
        return super()._button


class MarkedRadioButton(RadioButton):
    """A radio button whose dot shows only when it is chosen (● on, blank off): not only colour."""

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "●" if self.value else " "
        return super()._button
