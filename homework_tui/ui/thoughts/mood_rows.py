"""Rows for moods: a name with suggestions and its strength now (column 2), the re-rating of a
mood named earlier (column 7), and a mood felt only now, named at the re-rating. Each input's id
is the form field it holds (`mood-N-name`, `later-N-after`, …)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.suggester import SuggestFromList
from textual.widgets import Static

from homework_tui.ui.widgets.clean_input import CleanInput
from homework_tui.ui.widgets.rating_input import RatingInput


class MoodRow(Horizontal):
    """`[ anxious      ] [ 80 ]`: the name (→ accepts a suggestion) and how strong, 0-100."""

    DEFAULT_CSS = """
    MoodRow {
        height: 1;
        margin-bottom: 1;
    }
    MoodRow .mood-name {
        width: 1fr;
        max-width: 30;
        margin-right: 2;
    }
    MoodRow .mood-label {
        width: auto;
        margin-right: 1;
        color: $text-muted;
    }
    """

    def __init__(self, index: int, suggestions: tuple[str, ...], name: str = "", before: str = ""):
        super().__init__(id=f"mood-row-{index}", classes="mood-row")
        self.index = index
        self._suggestions = suggestions
        self._mood = name  # not `_name`: Textual keeps the widget's own name there
        self._before = before

    def compose(self) -> ComposeResult:
        yield CleanInput(
            self._mood,
            placeholder="a mood, e.g. anxious",
            suggester=SuggestFromList(self._suggestions, case_sensitive=False),
            id=f"mood-{self.index}-name",
            classes="mood-name",
            compact=True,
            max_length=60,
        )
        yield Static("how strong", classes="mood-label")
        yield RatingInput(self._before, id=f"mood-{self.index}-before")


class MoodRerateRow(Horizontal):
    """`anxious   before 80   now [ 45 ]`: column 7, one row per mood named in column 2."""

    DEFAULT_CSS = """
    MoodRerateRow {
        height: 1;
        margin-bottom: 1;
    }
    MoodRerateRow .mood-was {
        width: 1fr;
        max-width: 44;
    }
    MoodRerateRow .mood-label {
        width: auto;
        margin-right: 1;
        color: $text-muted;
    }
    """

    def __init__(self, index: int, name: str, before: str, after: str = "") -> None:
        super().__init__(id=f"rerate-row-{index}", classes="rerate-row")
        self.index = index
        self._mood = name
        self._before = before
        self._after = after

    def compose(self) -> ComposeResult:
        yield Static(self._label(), classes="mood-was")
        yield Static("now", classes="mood-label")
        yield RatingInput(self._after, id=f"mood-{self.index}-after")

    def _label(self) -> Text:
        was = Text(self._mood[:30], style="bold")
        was.append(f"   before {self._before.strip() or '–'}", style="dim")
        return was

    def show(self, name: str, before: str) -> None:
        """Follow the mood's name and first rating as they are edited in column 2."""
        self._mood = name
        self._before = before
        self.display = bool(name)
        if self.is_mounted:
            self.query_one(".mood-was", Static).update(self._label())


class LaterMoodRow(Horizontal):
    """`[ relieved     ] now [ 40 ]`: a mood felt now that was not there at the start (column 7):
    it has no first rating."""

    DEFAULT_CSS = """
    LaterMoodRow {
        height: 1;
        margin-bottom: 1;
    }
    LaterMoodRow .mood-name {
        width: 1fr;
        max-width: 30;
        margin-right: 2;
    }
    LaterMoodRow .mood-label {
        width: auto;
        margin-right: 1;
        color: $text-muted;
    }
    """

    def __init__(self, index: int, suggestions: tuple[str, ...], name: str = "", after: str = ""):
        super().__init__(id=f"later-row-{index}", classes="later-row")
        self.index = index
        self._suggestions = suggestions
        self._name = name
        self._after = after

    def compose(self) -> ComposeResult:
        yield CleanInput(
            self._name,
            placeholder="a new mood, e.g. relieved",
            suggester=SuggestFromList(self._suggestions, case_sensitive=False),
            id=f"later-{self.index}-name",
            classes="mood-name",
            compact=True,
            max_length=60,
        )
        yield Static("now", classes="mood-label")
        yield RatingInput(self._after, id=f"later-{self.index}-after")
