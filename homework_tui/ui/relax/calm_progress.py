"""A thin, slow progress line for long guided sessions: a few dozen cells that fill over the whole
session, so it changes every few seconds at most and costs a few bytes when it does.

`CalmProgress.show(fraction)` refreshes only when the number of filled cells changes.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

FILLED, EMPTY = "━", "╌"


def filled_cells(fraction: float, width: int) -> int:
    return round(min(1.0, max(0.0, fraction)) * width)


class CalmProgress(Widget):
    DEFAULT_CSS = """
    CalmProgress {
        width: 40;
        height: 1;
        color: $accent 70%;
    }
    """

    def __init__(self, *, cells: int = 40, id: str | None = None) -> None:
        super().__init__(id=id)
        self.cells = cells
        self.filled = 0
        self.redraws = 0  # for tests and the benchmark

    def show(self, fraction: float) -> bool:
        """Follow the session; True when the line changed (and a redraw was asked for)."""
        filled = filled_cells(fraction, self.cells)
        if filled == self.filled:
            return False
        self.filled = filled
        self.redraws += 1
        self.refresh()
        return True

    def render(self) -> Text:
        text = Text(FILLED * self.filled, style="bold")
        text.append(EMPTY * (self.cells - self.filled), style="dim")
        return text
