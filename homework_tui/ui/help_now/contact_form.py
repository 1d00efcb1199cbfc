"""Adding or editing one crisis contact (a person, or the local crisis line).

The form dismisses with a `ContactFormResult`: the validated contact, or None when cancelled,
and always the draft as typed, so Help now can offer it back (nothing typed is lost).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Label, Static

from homework_tui.i18n import N_, _
from homework_tui.model.base import ValidationError
from homework_tui.model.safety import NAME_MAX, NOTE_MAX, NUMBER_MAX, CrisisContact
from homework_tui.ui.dialogs import SaveCancelModal
from homework_tui.ui.widgets.clean_input import CleanInput
from homework_tui.ui.widgets.footer import Footer

FIELDS = ("name", "number", "note")


@dataclass(frozen=True)
class ContactDraft:
    name: str = ""
    number: str = ""
    note: str = ""

    @classmethod
    def of(cls, contact: CrisisContact | None) -> ContactDraft:
        if contact is None:
            return cls()
        return cls(contact.name, contact.number, contact.note)

    @property
    def is_blank(self) -> bool:
        return not (self.name.strip() or self.number.strip() or self.note.strip())


@dataclass(frozen=True)
class ContactFormResult:
    contact: CrisisContact | None  # None when cancelled
    draft: ContactDraft


class ContactForm(SaveCancelModal[ContactFormResult]):
    """Name, number and an optional note. Enter moves on; Enter on the note (or Ctrl+S) saves."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), key_display="Esc"),
        Binding("ctrl+s", "save", N_("Save"), key_display="^s", priority=True),
    ]
    WHAT = N_("contact")

    def __init__(self, title: str, draft: ContactDraft, *, hint: str, id: str | None = None):
        super().__init__(id=id, classes="contact-form")
        self.form_title = title
        self.draft = draft
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.form_title), classes="dialog-title")
            yield Static(Text(self.hint), classes="dialog-message")
            yield Label(_("Name"))
            yield CleanInput(self.draft.name, id="name", max_length=NAME_MAX, compact=True)
            yield Label(_("Number"))
            yield CleanInput(self.draft.number, id="number", max_length=NUMBER_MAX, compact=True)
            yield Label(_("Note (optional), e.g. “call or text any time”"))
            yield CleanInput(self.draft.note, id="note", max_length=NOTE_MAX, compact=True)
            yield Static("", id="form-error")
            yield from self.compose_buttons()
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#name", CleanInput).focus()

    def current_draft(self) -> ContactDraft:
        values = {name: self.query_one(f"#{name}", CleanInput).value for name in FIELDS}
        return ContactDraft(**values)

    @on(CleanInput.Submitted)
    def _next_or_save(self, event: CleanInput.Submitted) -> None:
        event.stop()
        field = event.input.id or ""
        if field in FIELDS[:-1]:
            self.query_one(f"#{FIELDS[FIELDS.index(field) + 1]}", CleanInput).focus()
        else:
            self.action_save()

    def action_save(self) -> None:
        draft = self.current_draft()
        try:
            contact = CrisisContact(name=draft.name, number=draft.number, note=draft.note)
        except ValidationError as error:
            self.query_one("#form-error", Static).update(Text(error.message))
            if error.field in FIELDS:
                self.query_one(f"#{error.field}", CleanInput).focus()
            return
        self.dismiss(ContactFormResult(contact, draft))

    def action_cancel(self) -> None:
        self.dismiss(ContactFormResult(None, self.current_draft()))
