"""The quick rating before and after a relaxation session (tension 0-100 or anxiety 0-10).

`RatingDialog` dismisses with a `Rating`; Esc skips the rating (value None), as its footer says,
before a session as after it. The after-rating also takes an optional note. Out-of-range numbers
are kept in the box and the problem is said in words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Static, TextArea

from homework_tui.i18n import N_, _
from homework_tui.model.base import ValidationError
from homework_tui.model.relaxation import SCALES, check_rating
from homework_tui.ui.dialogs import EVERYWHERE, CalmModal
from homework_tui.ui.widgets.clean_input import CleanTextArea
from homework_tui.ui.widgets.footer import Footer
from homework_tui.ui.widgets.rating_input import RatingInput


@dataclass(frozen=True)
class Rating:
    value: int | None  # None: skipped
    note: str = ""


class RatingDialog(CalmModal[Rating | None]):
    DEFAULT_CSS = """
    RatingDialog { align: center middle; }
    RatingDialog > Vertical {
        width: 64; height: auto; max-height: 90%;
        border: round $accent; padding: 1 2; background: $surface;
    }
    RatingDialog .rx-title { text-style: bold; margin-bottom: 1; }
    RatingDialog .rx-row { height: 1; }
    RatingDialog .rx-label { width: 14; }
    RatingDialog .rx-problem { color: $warning; height: auto; }
    RatingDialog TextArea { height: 5; margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", N_("Save"), key_display="^s"),
        Binding("escape", "skip", N_("Skip"), key_display="Esc"),
        *EVERYWHERE,
    ]

    def __init__(self, scale: str, *, after: bool, heading: str, value: int | None = None) -> None:
        super().__init__(classes="rx-rating")
        self.scale = scale
        self.after = after
        self.heading = heading
        self.initial = value

    def compose(self) -> ComposeResult:
        low, high, question = SCALES[self.scale]
        with Vertical():
            yield Static(Text(self.heading), classes="rx-title")
            yield Static(Text(_(question)))
            with Horizontal(classes="rx-row"):
                yield Static(Text(_("Your rating")), classes="rx-label")
                yield RatingInput(
                    "" if self.initial is None else str(self.initial),
                    low=low,
                    high=high,
                    step=5 if high > 10 else 1,
                    id="rx-rating",
                )
            yield Static(Text(""), classes="rx-problem", id="rx-problem")
            if self.after:
                yield Static(Text(_("A note, if you like (what helped, what got in the way):")))
                yield CleanTextArea(id="rx-note", soft_wrap=True, show_line_numbers=False)
            if self.after:
                hint = _(
                    "Enter to save, Tab to write a note. Esc to skip the rating. "
                    "No rating is fine too."
                )
            else:
                hint = _("Enter to save. Esc to skip the rating. No rating is fine too.")
            yield Static(Text(hint), classes="calm-note")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#rx-rating", Input).focus()

    @on(Input.Submitted, "#rx-rating")
    def _submitted(self) -> None:
        self.action_save()

    @on(Input.Changed, "#rx-rating")
    def _changed(self) -> None:
        self.query_one("#rx-problem", Static).update(Text(""))

    def _note(self) -> str:
        if not self.after:
            return ""
        return self.query_one("#rx-note", TextArea).text

    def action_save(self) -> None:
        raw = self.query_one("#rx-rating", Input).value
        try:
            value = check_rating(raw, self.scale)
        except ValidationError as error:
            self.query_one("#rx-problem", Static).update(Text(error.message))
            self.query_one("#rx-rating", Input).focus()
            return
        self.dismiss(Rating(value, self._note()))

    def action_skip(self) -> None:
        self.dismiss(Rating(None, self._note()))
