"""A calm modal question with a few keyboard choices: start-up problems, confirming a removal.

`ChoiceDialog` dismisses with the chosen `Choice.value`. Every choice has a single key and a
button (Tab / arrows and Enter work too); the message is always shown literally.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, TypeVar

from rich.cells import cell_len
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static, TextArea

from homework_tui.i18n import N_, _
from homework_tui.ui.language.keys_in_language import in_language
from homework_tui.ui.widgets.footer import Footer

T = TypeVar("T")

# The app binds F1 and F2 with priority, so they work in dialogs too; these entries only make them
# show in a dialog's footer (a modal footer lists the dialog's own bindings).
EVERYWHERE: list[BindingType] = [
    Binding("f2", "app.help_now", N_("Help now"), key_display="F2"),
    Binding("f1", "app.toggle_keys", N_("Keys"), key_display="F1"),
]


class CalmModal(ModalScreen[T]):
    """A dialog over the current screen; its footer still shows Help now and Keys."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return in_language(super().active_bindings)

    BINDINGS: ClassVar[list[BindingType]] = EVERYWHERE


class SaveCancelModal(CalmModal[T]):
    """A form dialog with Save (Ctrl+S) and Cancel (Esc) buttons, placed by `compose_buttons`;
    pressing them runs the subclass's `action_save` / `action_cancel`. `holds_unsaved()` tells
    whether its fields differ from what they held when it opened (quitting asks first)."""

    # Where the unsaved typing is, as said when quitting ("What you typed in this window…").
    # Translators: "What you typed in this window is not saved"
    WHAT: ClassVar[str] = N_("window")
    _opened_with: tuple[str, ...] | None = None

    def _field_values(self) -> tuple[str, ...]:
        return tuple(
            field.text if isinstance(field, TextArea) else field.value
            for field in self.query("Input, TextArea").results()
            if isinstance(field, (Input, TextArea))
        )

    def _on_mount(self, event: events.Mount) -> None:
        self.call_after_refresh(self._remember_fields)

    def _remember_fields(self) -> None:
        self._opened_with = self._field_values()

    def holds_unsaved(self) -> bool:
        return self._opened_with is not None and self._field_values() != self._opened_with

    def compose_buttons(self) -> ComposeResult:
        with Horizontal(classes="dialog-buttons"):
            yield Button(_("Save (Ctrl+S)"), id="save", variant="primary", compact=True)
            yield Button(_("Cancel (Esc)"), id="cancel", compact=True)

    def action_save(self) -> None:
        raise NotImplementedError

    def action_cancel(self) -> None:
        raise NotImplementedError

    @on(Button.Pressed, "#save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()


@dataclass(frozen=True)
class Choice:
    key: str  # a single key, e.g. "r"
    label: str  # what it does, e.g. "Open read-only"
    value: str  # what the dialog returns
    primary: bool = False


class ChoiceDialog(CalmModal[str]):
    """A titled message and a row of choices."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "app.focus_previous", N_("Previous"), show=False),
        Binding("right", "app.focus_next", N_("Next"), show=False),
    ]

    def __init__(
        self,
        title: str,
        message: str | Text,
        choices: Sequence[Choice],
        *,
        escape: str | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, classes="choice-dialog")
        self.title_text = title
        self.message = message if isinstance(message, Text) else Text(message)
        self.choices = tuple(choices)
        if not self.choices:
            raise ValueError("a ChoiceDialog needs at least one choice")  # i18n: not shown
        self.escape_value = escape
        for choice in self.choices:
            self._bindings.bind(choice.key, f"choose({choice.value!r})", choice.label)
        if escape is not None:
            self._bindings.bind("escape", f"choose({escape!r})", N_("Close"), show=False)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.title_text), classes="dialog-title")
            yield Static(self.message, classes="dialog-message")
            with Horizontal(classes="dialog-buttons"):
                for choice in self.choices:
                    yield Button(
                        Text(f"{choice.label} ({choice.key})"),
                        id=f"choice-{choice.value}",
                        variant="primary" if choice.primary else "default",
                        compact=True,
                    )
        yield Footer()

    def on_mount(self) -> None:
        primary = next((c for c in self.choices if c.primary), self.choices[0])
        self.query_one(f"#choice-{primary.value}", Button).focus()
        self.call_after_refresh(self._fit_buttons)

    def on_resize(self) -> None:
        self._fit_buttons()

    def _fit_buttons(self) -> None:
        """Choices side by side when they fit the dialog's width, else one under another (a
        German or French label is longer), so none is cut."""
        row = self.query_one(".dialog-buttons", Horizontal)
        buttons = list(row.query(Button))
        # Each button: its label, a cell either side, and the row's gap of two before it.
        wanted = sum(cell_len(str(b.label)) + 4 for b in buttons)
        room = row.content_size.width or row.size.width
        row.set_class(bool(room) and wanted > room, "-stacked")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id and event.button.id.startswith("choice-"):
            self.dismiss(event.button.id.removeprefix("choice-"))

    def action_choose(self, value: str) -> None:
        self.dismiss(value)
