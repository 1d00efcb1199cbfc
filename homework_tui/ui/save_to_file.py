"""Save a form's writing to a plain text file the person chooses: the way out for writing that
cannot go into the homework data (a read-only window). It dismisses with the path once the file is
on disk (written privately, 0600, and synced), or None when the person goes back."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Static

from homework_tui.i18n import N_, _
from homework_tui.report.files import write_private
from homework_tui.store.errors import plain_reason
from homework_tui.ui.dialogs import EVERYWHERE, CalmModal
from homework_tui.ui.widgets.footer import Footer


class SaveToFileDialog(CalmModal[Path | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        *EVERYWHERE,
        Binding("escape", "back", N_("Back to the form"), key_display="Esc"),
    ]

    def __init__(self, text: str, suggested: Path, *, why: str) -> None:
        super().__init__(id="save-to-file", classes="choice-dialog")
        self.text = text
        self.suggested = suggested
        self.why = why

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(_("Save your writing to a file")), classes="dialog-title")
            yield Static(
                Text(
                    _(
                        "{why} Choose where to save what you wrote as a plain text file "
                        "(only you can read it)."
                    ).format(why=self.why)
                ),
                classes="dialog-message",
            )
            yield Input(value=str(self.suggested), id="save-path")
            yield Static("", id="save-error", markup=False)
            yield Static(
                Text(_("Enter saves the file. Esc goes back; nothing is written.")),
                classes="hint",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#save-error").display = False
        self.query_one("#save-path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        problem = self.write(event.value)
        if problem:
            error = self.query_one("#save-error", Static)
            error.update(Text(problem))
            error.display = True

    def write(self, typed: str) -> str | None:
        """Write the file at `typed`; the problem in one line, or None once it is on disk."""
        if not typed.strip():
            return _("Please type where to save the file.")
        path = Path(typed.strip()).expanduser()
        if not path.is_absolute():
            path = Path.home() / path
        if path.exists():
            return _("There is already something at {path}; please choose another name.").format(
                path=path
            )
        try:
            write_private(path, self.text.encode("utf-8"))
        except OSError as error:
            return _("Could not write {path}: {why}. Please choose another place.").format(
                path=path, why=plain_reason(error)
            )
        self.dismiss(path)
        return None

    def action_back(self) -> None:
        self.dismiss(None)


def is_form(screen: Any) -> bool:
    """A form whose writing can be saved to a file (it autosaves a draft)."""
    from homework_tui.ui.draft_autosave import DraftAutosave

    return isinstance(screen, DraftAutosave) and getattr(screen, "keeper", None) is not None
