"""Making or changing one of the person's own breathing patterns: a name and seconds for in, hold,
out, hold. The audio engine's checks decide what is allowed; its message is shown as it is.
Dismisses with the saved pattern's name, or None."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Static

from homework_tui.i18n import N_, _
from homework_tui.ui.dialogs import EVERYWHERE, CalmModal
from homework_tui.ui.widgets.clean_input import CleanInput
from homework_tui.ui.widgets.footer import Footer

FIELDS = (
    ("name", N_("Name")),
    ("inhale", N_("Breathe in (s)")),
    ("hold_in", N_("Hold, full (s)")),
    ("exhale", N_("Breathe out (s)")),
    ("hold_out", N_("Hold, empty (s)")),
)


def _fmt(value: Any) -> str:
    return f"{float(value):g}"


class PatternDialog(CalmModal[str | None]):
    DEFAULT_CSS = """
    PatternDialog { align: center middle; }
    PatternDialog > Vertical {
        width: 60; height: auto; border: round $accent; padding: 1 2; background: $surface;
    }
    PatternDialog .rx-title { text-style: bold; margin-bottom: 1; }
    PatternDialog .rx-row { height: 1; margin-bottom: 1; }
    PatternDialog .rx-label { width: 18; }
    PatternDialog #rx-pattern-problem { color: $warning; height: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", N_("Save"), key_display="^s"),
        Binding("escape", "cancel", N_("Cancel"), key_display="Esc"),
        *EVERYWHERE,
    ]

    def __init__(self, pattern: Any = None) -> None:
        super().__init__()
        self.pattern = pattern

    def compose(self) -> ComposeResult:
        p = self.pattern
        values = {
            "name": p.name if p else "",
            "inhale": _fmt(p.inhale) if p else "4",
            "hold_in": _fmt(p.hold_in) if p else "0",
            "exhale": _fmt(p.exhale) if p else "6",
            "hold_out": _fmt(p.hold_out) if p else "0",
        }
        with Vertical():
            yield Static(
                Text(_("Change your pattern") if p else _("A pattern of your own")),
                classes="rx-title",
            )
            for key, label in FIELDS:
                with Horizontal(classes="rx-row"):
                    yield Static(_(label), classes="rx-label")
                    yield CleanInput(
                        values[key],
                        id=f"rx-p-{key}",
                        compact=True,
                        restrict=None if key == "name" else r"[0-9.]{0,5}",
                        max_length=40 if key == "name" else 5,
                    )
            yield Static(Text(""), id="rx-pattern-problem")
            yield Static(
                Text(_("Enter or ^s to save, Esc to cancel. A hold of 0 means no hold.")),
                classes="calm-note",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#rx-p-name", Input).focus()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        from audio.errors import AudioError
        from homework_tui.ui.relax.relax_data import save_pattern

        def value(key: str) -> str:
            return self.query_one(f"#rx-p-{key}", Input).value.strip()

        try:
            pattern = save_pattern(
                value("name"),
                value("inhale"),
                value("hold_in"),
                value("exhale"),
                value("hold_out"),
                replaces=self.pattern.name if self.pattern else None,
            )
        except (AudioError, OSError) as error:
            message = str(error)
            self.query_one("#rx-pattern-problem", Static).update(
                Text(message[:1].upper() + message[1:])
            )
            return
        self.dismiss(pattern.name)

    def action_cancel(self) -> None:
        self.dismiss(None)
