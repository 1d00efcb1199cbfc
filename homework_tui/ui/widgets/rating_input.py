"""A small box for a whole-number rating (0-100 or 0-10): digits only, ↑/↓ to nudge it.

Out-of-range numbers can still be typed (so nothing typed is silently refused); the form checks the
value with the model's rules and says what is wrong in words. `rating_value` is None when empty or
not a number in range.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Input

from homework_tui.i18n import N_
from homework_tui.model.base import clean_text


class RatingInput(Input):
    DEFAULT_CSS = """
    RatingInput {
        width: 9;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "nudge(1)", N_("Up one"), show=False),
        Binding("down", "nudge(-1)", N_("Down one"), show=False),
        Binding("shift+up", "nudge(10)", N_("Up ten"), show=False),
        Binding("shift+down", "nudge(-10)", N_("Down ten"), show=False),
    ]

    def __init__(
        self,
        value: str = "",
        *,
        low: int = 0,
        high: int = 100,
        step: int = 5,
        id: str | None = None,
        classes: str | None = None,
        tooltip: str | None = None,
    ) -> None:
        super().__init__(
            value,
            placeholder=f"{low}–{high}",
            restrict=r"\d{0,4}",
            max_length=4,
            id=id,
            classes=classes,
            tooltip=tooltip,
            compact=True,
        )
        self.low = low
        self.high = high
        self.step = step

    def validate_value(self, value: str) -> str:
        # Typing and pasting are held to digits; a value set from elsewhere (a draft) is at least
        # never drawn with a control character in it.
        return clean_text(value, multiline=False)

    @property
    def rating_value(self) -> int | None:
        text = self.value.strip()
        if not text.isdigit():
            return None
        number = int(text)
        return number if self.low <= number <= self.high else None

    def action_nudge(self, direction: int) -> None:
        text = self.value.strip()
        if text.isdigit():
            current = int(text)
            amount = self.step if abs(direction) == 1 else abs(direction)
            current += amount if direction > 0 else -amount
        else:
            current = (self.low + self.high) // 2
        self.value = str(max(self.low, min(self.high, current)))
        self.cursor_position = len(self.value)
