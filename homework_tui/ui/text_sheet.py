"""A short sheet of text boxes that saves one document: the safety plan's written steps, the notes
for the next session. Draft-safe like every form (`DraftForm`): typing is on disk as a draft
within a fraction of a second, Ctrl+S saves, and "saved" is said only once it is on disk.

A sheet names its draft `FORM`, its `FIELDS`, builds its value with `build(fields)` (raising
ValidationError) and writes it in `persist(store, value)` on the worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Header, Input, SelectionList, Static, TextArea

from homework_tui.i18n import N_, _
from homework_tui.model.base import ValidationError
from homework_tui.model.draft import Draft
from homework_tui.store import Store
from homework_tui.store.drafts import DraftKeeper, Drafts
from homework_tui.ui.base import HomeworkScreen
from homework_tui.ui.form_autosave import DraftForm
from homework_tui.ui.widgets.clean_input import CleanInput, CleanTextArea
from homework_tui.ui.widgets.footer import Footer

T = TypeVar("T")
TICK_SEPARATOR = ","  # the values ticked in a tick list, as one draft field


def field_value(widget: Widget) -> str:
    """What a field's widget holds, as the draft keeps it."""
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, SelectionList):
        return TICK_SEPARATOR.join(str(value) for value in widget.selected)
    assert isinstance(widget, Input)
    return widget.value


class NamedFieldsForm(DraftForm):
    """A draft-safe form whose widgets' ids are its field names (`field_keys()`): the draft is
    their values, Ctrl+S builds the record with `build(fields)` and a ValidationError is said
    with the focus on the field it names."""

    def field_keys(self) -> list[str]:
        raise NotImplementedError

    def build(self, fields: dict[str, str]) -> Any:
        """The record to save from the typed `fields` (raises ValidationError)."""
        raise NotImplementedError

    def draft_snapshot(self) -> tuple[dict[str, str], str]:
        query = self.query_one  # type: ignore[attr-defined]
        return {key: field_value(query(f"#{key}")) for key in self.field_keys()}, ""

    def draft_worth_keeping(self, fields: dict[str, str]) -> bool:
        return self.from_draft or not self.unchanged(fields)

    def action_save(self) -> None:
        if self._saving:
            return
        fields, _unused = self.draft_snapshot()
        try:
            value = self.build(fields)
        except ValidationError as error:
            self._say(error.message)
            keys = self.field_keys()
            self.query_one(f"#{error.field if error.field in keys else keys[0]}").focus()  # type: ignore[attr-defined]
            return
        self._say("")
        self._saving = True
        self._save(value)


@dataclass(frozen=True)
class SheetField:
    """One box: its key (the widget's id and the draft's field), heading and hint. `lines` is a
    text box of several lines; otherwise one line."""

    key: str
    title: str
    hint: str
    lines: bool = True


def pending_draft(store: Store, form: str) -> Draft | None:
    """The newest unsaved draft of the sheet `form`, if any."""
    drafts = Drafts(store).pending(form)
    return drafts[0] if drafts else None


class TextSheetForm(NamedFieldsForm, HomeworkScreen[T | None]):
    CSS_PATH = Path(__file__).with_name("text_sheet.tcss")  # the same for sheets elsewhere
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", N_("Save"), key_display="^s", priority=True),
        Binding("escape", "close", N_("Close"), key_display="Esc"),
    ]
    FORM: ClassVar[str] = ""
    SHEET_TITLE: ClassVar[str] = ""
    INTRO: ClassVar[str] = ""
    FIELDS: ClassVar[tuple[SheetField, ...]] = ()

    def __init__(self, saved: dict[str, str], draft: Draft | None = None) -> None:
        super().__init__(classes="text-sheet")
        self.from_draft = draft is not None
        self._draft = draft or Draft(form=self.FORM)
        self._fields = dict(draft.fields) if draft else dict(saved)
        self._initial = {k: v for k, v in saved.items() if v.strip()}
        self._saving = False

    def compose(self) -> ComposeResult:
        yield Header(icon="·")
        yield Static(id="form-message")
        with VerticalScroll(id="sheet-fields"):
            yield Static(Text(_(self.INTRO) if self.INTRO else ""), classes="sheet-intro")
            for field in self.FIELDS:
                yield Static(Text(_(field.title), style="bold"), classes="sheet-title")
                yield Static(Text(_(field.hint) if field.hint else ""), classes="sheet-hint")
                value = self._fields.get(field.key, "")
                if field.lines:
                    yield CleanTextArea(value, id=field.key, classes="sheet-box")
                else:
                    yield CleanInput(value, id=field.key, classes="sheet-line", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.title = _(self.SHEET_TITLE) if self.SHEET_TITLE else ""
        self.sub_title = _("unsaved draft") if self.from_draft else ""
        store = self.homework.store
        assert store is not None
        self.keeper = DraftKeeper(Drafts(store), self._draft)
        self.query_one(f"#{self.FIELDS[0].key}").focus()
        self.start_autosave()

    def field_keys(self) -> list[str]:
        return [field.key for field in self.FIELDS]

    def unchanged(self, fields: dict[str, str]) -> bool:
        return {k: v for k, v in fields.items() if v.strip()} == self._initial

    def build(self, fields: dict[str, str]) -> T:
        """The value to save from the typed `fields` (raises ValidationError)."""
        raise NotImplementedError

    def persist(self, store: Store, record: Any, *extra: Any) -> Any:
        raise NotImplementedError
