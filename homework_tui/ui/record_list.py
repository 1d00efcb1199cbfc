"""What the section list screens share (thought records, journal, experiments, plan).

`RecordListScreen` is a section screen around one `DataTable` of records, keyed by record id:
columns added on mount, the highlighted row's key, the cursor kept on a row across refills,
Enter opening the row, and (where the screen has an `Input#search`) searching.

`DraftListScreen` adds what the lists of written homework share: records and their unsaved
drafts loaded in a worker (drafts head the list, keyed `draft:<id>`), an unfinished draft offered
back once on opening, and deleting to the trash with undo (a draft is discarded instead).
A subclass names its `repository(store)` and `DRAFT_FORM`, fills the table in `_fill`, and
writes or edits in `_write(record, draft)`.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import DataTable, Input, Static
from textual.widgets.data_table import CellDoesNotExist, RowDoesNotExist

from homework_tui.i18n import N_, _
from homework_tui.model.draft import Draft
from homework_tui.store import Store
from homework_tui.store.drafts import Drafts
from homework_tui.store.errors import StoreError
from homework_tui.ui.base import SectionScreen, saving
from homework_tui.ui.dialogs import Choice, ChoiceDialog
from homework_tui.ui.language.dates import short_date
from homework_tui.ui.widgets.clean_input import CleanInput

DRAFT_ROW = "draft:"


class RecordTable(DataTable[Text]):
    """A table of records, one per row; Enter opens the highlighted one (shown in the footer)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", N_("Open"), key_display="⏎"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row")


def shorten(text: str, width: int) -> Text:
    line = " ".join(text.split())
    if len(line) > width:
        line = line[: max(width - 1, 1)] + "…"
    return Text(line)


class RecordListScreen(SectionScreen):
    """A section screen listing records in its one `DataTable`."""

    SCREEN_TITLE: ClassVar[str] = ""
    # (label, key) of each column, left to right; the labels marked with N_.
    COLUMNS: ClassVar[tuple[tuple[str, str], ...]] = ()

    def on_mount(self) -> None:
        self.title = _(self.SCREEN_TITLE) if self.SCREEN_TITLE else ""
        table = self.query_one(DataTable)
        for label, key in self.COLUMNS:
            table.add_column(_(label), key=key)
        table.focus()
        self.reload()

    def on_screen_resume(self) -> None:
        if self.is_mounted and self._reload_on_resume():
            self.reload()

    def _reload_on_resume(self) -> bool:
        return True

    def reload(self, select: str | None = None) -> None:
        raise NotImplementedError

    def _current_key(self) -> str | None:
        """The key of the highlighted row, or None when there is none."""
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        try:
            return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        except CellDoesNotExist:
            return None

    def _restore_cursor(self, table: DataTable[Any], keep: str | None) -> None:
        """Put the cursor back on the row keyed `keep`, if it is still there."""
        if keep is not None:
            try:
                table.move_cursor(row=table.get_row_index(keep), animate=False)
            except RowDoesNotExist:  # that row is gone: the cursor stays where it is
                pass

    # -- opening --------------------------------------------------------------------------------

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        raise NotImplementedError

    # -- searching (for screens with an Input#search) -------------------------------------------

    def compose_search(self, placeholder: str) -> ComposeResult:
        """The search row: a label and the Input#search."""
        with Horizontal(id="search-row"):
            yield Static(_("Search"), classes="row-label")
            yield CleanInput(placeholder=placeholder, id="search", compact=True)

    @on(Input.Changed, "#search")
    def _search_changed(self) -> None:
        self._fill()

    @on(Input.Submitted, "#search")
    def _search_done(self) -> None:
        self.query_one(DataTable).focus()

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def _fill(self, select: str | None = None) -> None:
        raise NotImplementedError


class DraftListScreen(RecordListScreen):
    """A list of saved records (anything with an `id`) with their unsaved drafts on top."""

    # The form whose drafts are listed (`Drafts(store).pending(DRAFT_FORM)`).
    DRAFT_FORM: ClassVar[str] = ""
    # N_("a record") asks 'It has not been saved as a record…' before discarding a draft; None
    # discards without asking.
    DISCARD_SAVED_AS: ClassVar[str | None] = None
    # Actions offered only while the list has rows.
    ROW_ACTIONS: ClassVar[tuple[str, ...]] = ("delete", "open")

    def __init__(self, *, name: str, classes: str) -> None:
        super().__init__(name=name, classes=classes)
        self.records: list[Any] = []
        self.drafts: list[Draft] = []
        self.undo_id: str | None = None
        self._offered = False
        self._select_next: str | None = None

    def repository(self, store: Store) -> Any:
        """The repository of this list's records (`all`, `delete`, `restore`)."""
        raise NotImplementedError

    def _write(self, record: Any, draft: Draft | None, /, **options: Any) -> None:
        """Open the form on `record` (None: a new one), carrying on from `draft` if given."""
        raise NotImplementedError

    # -- loading --------------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        """Load the list again (in a worker). `select`: the row to highlight once it shows, kept
        even when a later reload (the screen coming back) replaces this one."""
        if select is not None:
            self._select_next = select
        self._load()

    @work(thread=True, exclusive=True, group="load")
    def _load(self) -> None:
        store = self.homework.store
        if store is None:
            return
        records = self.repository(store).all()
        drafts = Drafts(store).pending(self.DRAFT_FORM)
        self.app.call_from_thread(self._show, records, drafts)

    def _show(self, records: list[Any], drafts: list[Draft]) -> None:
        self.records = records
        self.drafts = drafts
        select, self._select_next = self._select_next, None
        self._fill(select)
        if not self._offered:
            self._offered = True
            offerable = self._offerable(drafts)
            if offerable:
                self._offer_draft(offerable[0])

    def _offerable(self, drafts: list[Draft]) -> list[Draft]:
        """The drafts worth offering back on opening, the first one first."""
        return drafts

    def _show_table(self, table: DataTable[Any], empty_id: str, keep: str | None) -> None:
        """After a refill: the calm note in place of an empty list, focus, the cursor kept."""
        empty = self.query_one(empty_id, Static)
        empty.display = not self.records and not self.drafts
        was_shown = table.display
        table.display = not empty.display
        if table.display and (not was_shown or self.focused is None):
            table.focus()
        self._restore_cursor(table, keep)
        self.refresh_bindings()

    def on_resize(self) -> None:
        if self.records or self.drafts:
            self._fill()

    def _record(self, record_id: str | None) -> Any:
        return next((r for r in self.records if r.id == record_id), None)

    def _draft(self, draft_id: str) -> Draft | None:
        return next((d for d in self.drafts if d.id == draft_id), None)

    def _draft_of(self, record_id: str) -> Draft | None:
        """The unsaved changes to the saved record `record_id`, if any."""
        return next((d for d in self.drafts if d.record_id == record_id), None)

    # -- opening and writing --------------------------------------------------------------------

    def action_new(self) -> None:
        self._write(None, None)

    def action_open(self) -> None:
        self._open_current()

    def _open_current(self, **options: Any) -> None:
        """Open the highlighted row: a draft in its form, a record by `_open_record`."""
        key = self._current_key()
        if key is None:
            return
        if key.startswith(DRAFT_ROW):
            draft = self._draft(key.removeprefix(DRAFT_ROW))
            if draft is not None:
                self._write(self._record(draft.record_id), draft)
            return
        record = self._record(key)
        if record is not None:
            self._open_record(record, **options)

    def _open_record(self, record: Any, **options: Any) -> None:
        self._write(record, self._draft_of(record.id), **options)

    def _draft_intro(self, draft: Draft) -> str:
        """'You were writing …' (the start of the welcome back; ' on <date>' follows)."""
        return _("You were writing")

    def _draft_preview(self, draft: Draft) -> str:
        raise NotImplementedError

    def _offer_draft(self, draft: Draft) -> None:
        # Translators: {intro} is "You were writing a new thought record" (or the like).
        intro = _("{intro} on {day} at {time}:").format(
            intro=self._draft_intro(draft),
            day=short_date(draft.updated_at),
            time=f"{draft.updated_at:%H:%M}",
        )
        body = Text(f"{intro}\n\n  ")
        body.append(self._draft_preview(draft), style="italic")
        body.append("\n\n" + _("It was kept for you. Would you like to carry on?"))

        def chosen(choice: str | None) -> None:
            if choice == "continue":
                self._write(self._record(draft.record_id), draft)

        self.app.push_screen(
            ChoiceDialog(
                _("Welcome back"),
                body,
                [
                    Choice("c", _("Continue it"), "continue", primary=True),
                    Choice("l", _("Later"), "later"),
                ],
                escape="later",
            ),
            chosen,
        )

    # -- deleting and undoing -------------------------------------------------------------------

    def action_delete(self) -> None:
        key = self._current_key()
        if key is None:
            return
        if not key.startswith(DRAFT_ROW):
            self._change("delete", key)
            return
        draft_id = key.removeprefix(DRAFT_ROW)
        if self.DISCARD_SAVED_AS is None:
            self._change("discard", draft_id)
            return

        def chosen(choice: str | None) -> None:
            if choice == "discard":
                self._change("discard", draft_id)

        self.app.push_screen(
            ChoiceDialog(
                _("Discard this draft?"),
                _("It has not been saved as {what}. Discarding removes it from this list.").format(
                    what=_(self.DISCARD_SAVED_AS)
                ),
                [
                    Choice("d", _("Discard it"), "discard"),
                    Choice("k", _("Keep it"), "keep", primary=True),
                ],
                escape="keep",
            ),
            chosen,
        )

    def action_undo(self) -> None:
        if self.undo_id is not None:
            self._change("restore", self.undo_id)

    @work(thread=True, group="change")
    def _change(self, what: str, record_id: str, then_write: Any = None) -> None:
        """`what` is "delete" or "restore" (a record) or "discard" (a draft). After a discard,
        `then_write` (a record) is opened in the form."""
        store = self.homework.store
        try:
            assert store is not None
            with saving(self):
                if what == "discard":
                    Drafts(store).discard(record_id)
                elif what == "delete":
                    self.repository(store).delete(record_id)
                else:
                    self.repository(store).restore(record_id)
        except StoreError as error:
            self.app.call_from_thread(
                self.notify, str(error), title=_("Not changed"), severity="warning", markup=False
            )
            return
        self.app.call_from_thread(self._changed, what, record_id, then_write)

    def _changed(self, what: str, record_id: str, then_write: Any = None) -> None:
        if what == "delete":
            self.undo_id = record_id
            self.notify(
                _("Moved to the trash. Press u to undo."),
                title=_("Deleted"),
                timeout=8,
                markup=False,
            )
        elif what == "restore":
            self.undo_id = None
            self.notify(_("Restored."), markup=False)
        else:
            self._discarded()
            if then_write is not None:
                self._write(then_write, None)
        self.reload(select=record_id if what == "restore" else None)

    def _discarded(self) -> None:
        """Said once a draft is discarded (nothing, unless a subclass says so)."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            return self.undo_id is not None
        if action in self.ROW_ACTIONS:
            return bool(self.records or self.drafts)
        return True
