"""A form on one record, built from a list of fields: one-line boxes, ratings, writing, and tick
lists. Used by behavioural activation and the diaries. Draft-safe like every form (`DraftForm`,
as `TextSheetForm`): typing is on disk as a draft within a fraction of a second, Ctrl+S saves, and
"saved" is said only once it is on disk.

A form names its draft `FORM`, its `ENTRY_FIELDS`, builds its record with `build(fields)` (raising
ValidationError with the field's key) and writes it in `persist(store, record)`. `explain(fields)`
may give lines shown live under the fields (the sleep diary's figures), or a calm message.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Literal, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Header, Input, SelectionList, Static

from homework_tui.i18n import N_, _
from homework_tui.model.base import Entity
from homework_tui.model.draft import Draft
from homework_tui.store.drafts import DraftKeeper, Drafts
from homework_tui.ui.base import HomeworkScreen
from homework_tui.ui.text_sheet import TICK_SEPARATOR, NamedFieldsForm
from homework_tui.ui.widgets.clean_input import CleanInput, CleanTextArea
from homework_tui.ui.widgets.footer import Footer
from homework_tui.ui.widgets.rating_input import RatingInput

T = TypeVar("T", bound=Entity)


@dataclass(frozen=True)
class EntryField:
    """One field. `kind`: a one-line box, a rating (`low`-`high`), writing of several lines, or
    a tick list of `options` ((label, value) pairs; stored in the draft comma-separated)."""

    key: str
    label: str
    hint: str = ""
    kind: Literal["line", "rating", "text", "ticks"] = "line"
    low: int = 0
    high: int = 10
    options: tuple[tuple[str, str], ...] = ()


def ticked(fields: dict[str, str], key: str) -> tuple[str, ...]:
    return tuple(v for v in fields.get(key, "").split(TICK_SEPARATOR) if v)


class EntryForm(NamedFieldsForm, HomeworkScreen[T | None]):
    CSS_PATH = Path(__file__).with_name("entry_form.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", N_("Save"), key_display="^s", priority=True),
        Binding("escape", "close", N_("Close"), key_display="Esc"),
    ]
    FORM: ClassVar[str] = ""
    SHEET_TITLE: ClassVar[str] = ""
    INTRO: ClassVar[str] = ""
    ENTRY_FIELDS: ClassVar[tuple[EntryField, ...]] = ()

    def __init__(self, record: T | None, saved: dict[str, str], draft: Draft | None = None) -> None:
        super().__init__(classes="entry-form")
        self.record = record
        self.from_draft = draft is not None
        self._draft = draft or Draft(form=self.FORM, record_id=record.id if record else None)
        self._fields = dict(draft.fields) if draft else dict(saved)
        self._initial = {k: v for k, v in saved.items() if v.strip()}
        self._saving = False

    def compose(self) -> ComposeResult:
        yield Header(icon="·")
        yield Static(id="form-message")
        with VerticalScroll(id="entry-fields"):
            if self.INTRO:
                yield Static(Text(_(self.INTRO)), classes="entry-intro")
            for field in self.ENTRY_FIELDS:
                yield from self._compose_field(field)
        yield Static(id="entry-figures")  # below the fields, always in view
        yield Footer()

    def _compose_field(self, field: EntryField) -> ComposeResult:
        value = self._fields.get(field.key, "")
        label, hint = _(field.label), _(field.hint) if field.hint else ""
        if field.kind == "text":
            yield Static(Text(label + (f" ({hint})" if hint else "")), classes="entry-title")
            yield CleanTextArea(value, id=field.key, classes="entry-box")
        elif field.kind == "ticks":
            yield Static(Text(label + (f" ({hint})" if hint else "")), classes="entry-title")
            chosen = set(ticked(self._fields, field.key))
            yield SelectionList[str](
                *((Text(_(name)), v, v in chosen) for name, v in field.options),
                id=field.key,
                classes="entry-ticks",
            )
        else:
            with Horizontal(classes="entry-row"):
                yield Static(Text(label), classes="entry-label")
                if field.kind == "rating":
                    yield RatingInput(value, low=field.low, high=field.high, step=1, id=field.key)
                else:
                    size = "entry-short" if field.hint else "entry-line"
                    yield CleanInput(value, id=field.key, classes=size, compact=True)
                if field.hint:
                    yield Static(Text(hint), classes="entry-hint")

    def on_mount(self) -> None:
        self.title = _(self.SHEET_TITLE) if self.SHEET_TITLE else ""
        if self.from_draft:
            self.sub_title = _("unsaved draft")
        else:
            self.sub_title = "" if self.record else _("new")
        store = self.homework.store
        assert store is not None
        self.keeper = DraftKeeper(Drafts(store), self._draft)
        self.query_one(f"#{self.ENTRY_FIELDS[0].key}").focus()
        self.start_autosave()
        self._show_figures()

    def field_keys(self) -> list[str]:
        return [field.key for field in self.ENTRY_FIELDS]

    def unchanged(self, fields: dict[str, str]) -> bool:
        if self.record is None and not self.from_draft:
            return fields == self._fields_at_start
        return {k: v for k, v in fields.items() if v.strip()} == self._initial

    def build(self, fields: dict[str, str]) -> T:
        """The record to save from the typed `fields` (raises ValidationError)."""
        raise NotImplementedError

    @property
    def _fields_at_start(self) -> dict[str, str]:
        start = {f.key: self._fields.get(f.key, "") for f in self.ENTRY_FIELDS}
        return start

    def explain(self, fields: dict[str, str]) -> list[str]:
        """Lines shown live under the fields (none by default)."""
        return []

    @on(Input.Changed)
    @on(SelectionList.SelectedChanged)
    def _changed_field(self) -> None:
        if self.is_mounted:
            self._show_figures()

    def _show_figures(self) -> None:
        fields, _unused = self.draft_snapshot()
        lines = self.explain(fields)
        figures = self.query_one("#entry-figures", Static)
        figures.update(Text("\n".join(lines)))
        figures.display = bool(lines)

    @on(Input.Submitted)
    def _next_field(self) -> None:
        self.focus_next()

    def persist(self, store: Any, record: Any, *extra: Any) -> Any:
        raise NotImplementedError
