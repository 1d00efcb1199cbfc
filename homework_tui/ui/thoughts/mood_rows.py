"""Rows for moods: a name with suggestions and its strength now (column 2), the re-rating of a
mood named earlier (column 7), and a mood felt only now, named at the re-rating. Each input's id
is the form field it holds (`mood-N-name`, `later-N-after`, …)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.suggester import SuggestFromList
from textual.widgets import Static

from homework_tui.i18n import N_, _
from homework_tui.ui.widgets.clean_input import CleanInput
from homework_tui.ui.widgets.rating_input import RatingInput


class MoodNameRow(Horizontal):
    """A mood's name (→ accepts a suggestion) and one rating, 0-100. `PREFIX` names the row and its
    fields (`PREFIX-N-name`, `PREFIX-N-RATING`)."""

    PREFIX = "mood"
    RATING = "before"
    LABEL = N_("how strong")
    PLACEHOLDER = N_("a mood, e.g. anxious")

    DEFAULT_CSS = """
    MoodNameRow {
        height: 1;
        margin-bottom: 1;
    }
    MoodNameRow .mood-name {
        width: 1fr;
        max-width: 30;
        margin-right: 2;
    }
    MoodNameRow .mood-label {
        width: auto;
        margin-right: 1;
        color: $text-muted;
    }
    """

    def __init__(self, index: int, suggestions: tuple[str, ...], name: str = "", rating: str = ""):
        super().__init__(id=f"{self.PREFIX}-row-{index}", classes=f"{self.PREFIX}-row")
        self.index = index
        self._suggestions = suggestions
        self._mood = name  # not `_name`: Textual keeps the widget's own name there
        self._rating = rating

    def compose(self) -> ComposeResult:
        yield CleanInput(
            self._mood,
            placeholder=_(self.PLACEHOLDER),
            suggester=SuggestFromList(self._suggestions, case_sensitive=False),
            id=f"{self.PREFIX}-{self.index}-name",
            classes="mood-name",
            compact=True,
            max_length=60,
        )
        yield Static(_(self.LABEL), classes="mood-label")
        yield RatingInput(self._rating, id=f"{self.PREFIX}-{self.index}-{self.RATING}")


class MoodRow(MoodNameRow):
    """`[ anxious      ] [ 80 ]`: a mood named in column 2 and how strong it is, 0-100."""


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
        yield Static(_("now"), classes="mood-label")
        yield RatingInput(self._after, id=f"mood-{self.index}-after")

    def _label(self) -> Text:
        was = Text(self._mood[:30], style="bold")
        was.append(
            "   " + _("before {rating}").format(rating=self._before.strip() or "–"), style="dim"
        )
        return was

    def show(self, name: str, before: str) -> None:
        """Follow the mood's name and first rating as they are edited in column 2."""
        self._mood = name
        self._before = before
        self.display = bool(name)
        if self.is_mounted:
            self.query_one(".mood-was", Static).update(self._label())


class LaterMoodRow(MoodNameRow):
    """`[ relieved     ] now [ 40 ]`: a mood felt now that was not there at the start (column 7):
    it has no first rating."""

    PREFIX = "later"
    RATING = "after"
    LABEL = N_("now")
    PLACEHOLDER = N_("a new mood, e.g. relieved")
