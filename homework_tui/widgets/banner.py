"""The read-only banner: shown at the top of every screen while this window cannot save."""

from __future__ import annotations

from textual.widgets import Static

READ_ONLY_TEXT = (
    "Read-only: your data is open in another window. You can look around; "
    "nothing you change here will be saved."
)


class ReadOnlyBanner(Static):
    """A one-line notice. `split: top` in app.tcss keeps it above the header on any screen."""

    def __init__(self) -> None:
        super().__init__(READ_ONLY_TEXT, id="read-only-banner", markup=False)
