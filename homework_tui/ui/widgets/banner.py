"""The read-only banner: shown at the top of every screen while this window cannot save."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class ReadOnlyBanner(Static):
    """A one-line notice saying why this window is read-only and how it can save again.
    `split: top` in app.tcss keeps it above the header on any screen."""

    def __init__(self, text: str) -> None:
        super().__init__(Text(text), id="read-only-banner")

    def say(self, text: str) -> None:
        self.update(Text(text))
