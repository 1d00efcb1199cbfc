"""The journal: entries newest first (unsaved drafts on top), search (words, or #tag), writing,
editing, deleting with undo. An unfinished draft is offered back on opening."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import DataTable, Input, Static

from homework_tui.model.draft import Draft
from homework_tui.model.journal import JournalEntry
from homework_tui.screens.base import SectionScreen, saving
from homework_tui.screens.dialogs import Choice, ChoiceDialog
from homework_tui.screens.journal_entry import FORM, journal_repo
from homework_tui.screens.thought_records import RecordTable, shorten
from homework_tui.store.drafts import Drafts
from homework_tui.store.errors import StoreError

DRAFT_ROW = "draft:"
EMPTY = (
    "No entries yet. Press n to write one. A few lines about your day and how you felt is "
    "plenty; over time, patterns and triggers start to show."
)


class JournalScreen(SectionScreen):
    CSS_PATH = "journal.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "New entry"),
        Binding("delete,d", "delete", "Delete", key_display="Del"),
        Binding("u", "undo", "Undo delete"),
        Binding("slash", "search", "Search", key_display="/"),
    ]

    def __init__(self) -> None:
        super().__init__(name="journal", classes="journal")
        self.entries: list[JournalEntry] = []
        self.drafts: list[Draft] = []
        self.undo_id: str | None = None
        self._offered = False

    def compose_content(self) -> ComposeResult:
        with Horizontal(id="search-row"):
            yield Static("Search", classes="row-label")
            yield Input(placeholder="words, or #tag", id="search", compact=True)
        yield RecordTable(id="entries")
        yield Static(Text(EMPTY), id="entries-empty", classes="calm-note")

    def on_mount(self) -> None:
        self.title = "Journal"
        table = self.query_one(DataTable)
        for label, key in (
            ("Date", "date"),
            ("Title", "title"),
            ("Mood", "mood"),
            ("Tags", "tags"),
        ):
            table.add_column(label, key=key)
        table.focus()
        self.reload()

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.reload()

    @work(thread=True, exclusive=True, group="load")
    def reload(self, select: str | None = None) -> None:
        store = self.homework.store
        if store is None:
            return
        entries = journal_repo(store).all()
        drafts = Drafts(store).pending(FORM)
        self.app.call_from_thread(self._show, entries, drafts, select)

    def _show(self, entries: list[JournalEntry], drafts: list[Draft], select: str | None) -> None:
        self.entries, self.drafts = entries, drafts
        self._fill(select)
        if not self._offered:
            self._offered = True
            if drafts:
                self._offer_draft(drafts[0])

    def _fill(self, select: str | None = None) -> None:
        table = self.query_one(DataTable)
        keep = select or self._current_key()
        table.clear()
        query = self.query_one("#search", Input).value
        title_width = max(self.size.width - 12 - 6 - 24 - 8, 16)
        for draft in self.drafts:
            if (
                query
                and query.casefold().lstrip("#") not in "\n".join(draft.fields.values()).casefold()
            ):
                continue
            table.add_row(
                Text("draft", style="italic"),
                shorten(draft.preview("title", "text"), title_width),
                Text(draft.fields.get("mood", "")),
                Text("not saved yet", style="dim italic"),
                key=DRAFT_ROW + draft.id,
            )
        for entry in self.entries:
            if not entry.matches(query):
                continue
            table.add_row(
                Text(f"{entry.created_at:%a %-d %b}"),
                shorten(entry.heading, title_width),
                Text("–" if entry.mood is None else f"{entry.mood}/10"),
                shorten(" ".join("#" + t for t in entry.tags), 24),
                key=entry.id,
            )
        empty = not self.entries and not self.drafts
        self.query_one("#entries-empty").display = empty
        was_shown = table.display
        table.display = not empty
        if table.display and (not was_shown or self.focused is None):
            table.focus()
        if keep is not None:
            try:
                table.move_cursor(row=table.get_row_index(keep), animate=False)
            except Exception:
                pass
        self.refresh_bindings()

    def on_resize(self) -> None:
        if self.entries or self.drafts:
            self._fill()

    def _current_key(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        try:
            return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        except Exception:
            return None

    @on(Input.Changed, "#search")
    def _search_changed(self) -> None:
        self._fill()

    @on(Input.Submitted, "#search")
    def _search_done(self) -> None:
        self.query_one(DataTable).focus()

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_new(self) -> None:
        self._write(None, None)

    def action_open(self) -> None:
        key = self._current_key()
        if key is None:
            return
        if key.startswith(DRAFT_ROW):
            draft = next((d for d in self.drafts if DRAFT_ROW + d.id == key), None)
            if draft is not None:
                entry = next((e for e in self.entries if e.id == draft.record_id), None)
                self._write(entry, draft)
            return
        entry = next((e for e in self.entries if e.id == key), None)
        if entry is not None:
            draft = next((d for d in self.drafts if d.record_id == entry.id), None)
            self._write(entry, draft)

    def _write(self, entry: JournalEntry | None, draft: Draft | None) -> None:
        from homework_tui.screens.journal_entry import JournalEntryForm

        def done(saved: JournalEntry | None) -> None:
            self.reload(select=saved.id if saved else None)

        self.app.push_screen(JournalEntryForm(entry, draft), done)

    def _offer_draft(self, draft: Draft) -> None:
        body = Text(f"You were writing on {draft.updated_at:%a %-d %b at %H:%M}:\n\n  ")
        body.append(draft.preview("title", "text") or "(untitled)", style="italic")
        body.append("\n\nIt was kept for you. Would you like to carry on?")

        def chosen(choice: str | None) -> None:
            if choice == "continue":
                entry = next((e for e in self.entries if e.id == draft.record_id), None)
                self._write(entry, draft)

        self.app.push_screen(
            ChoiceDialog(
                "Welcome back",
                body,
                [
                    Choice("c", "Continue it", "continue", primary=True),
                    Choice("l", "Later", "later"),
                ],
                escape="later",
            ),
            chosen,
        )

    def action_delete(self) -> None:
        key = self._current_key()
        if key is None:
            return
        if key.startswith(DRAFT_ROW):
            draft_id = key.removeprefix(DRAFT_ROW)
            self.app.push_screen(
                ChoiceDialog(
                    "Discard this draft?",
                    "It has not been saved as an entry. Discarding removes it from this list.",
                    [
                        Choice("d", "Discard it", "discard"),
                        Choice("k", "Keep it", "keep", primary=True),
                    ],
                    escape="keep",
                ),
                lambda choice: self._change("discard", draft_id) if choice == "discard" else None,
            )
            return
        self._change("delete", key)

    def action_undo(self) -> None:
        if self.undo_id is not None:
            self._change("restore", self.undo_id)

    @work(thread=True, group="change")
    def _change(self, what: str, record_id: str) -> None:
        store = self.homework.store
        try:
            assert store is not None
            with saving():
                if what == "discard":
                    Drafts(store).discard(record_id)
                elif what == "delete":
                    journal_repo(store).delete(record_id)
                else:
                    journal_repo(store).restore(record_id)
        except StoreError as error:
            self.app.call_from_thread(
                self.notify, str(error), title="Not changed", severity="warning", markup=False
            )
            return
        self.app.call_from_thread(self._changed, what, record_id)

    def _changed(self, what: str, record_id: str) -> None:
        if what == "delete":
            self.undo_id = record_id
            self.notify(
                "Moved to the trash. Press u to undo.", title="Deleted", timeout=8, markup=False
            )
        elif what == "restore":
            self.undo_id = None
            self.notify("Restored.", markup=False)
        self.reload(select=record_id if what == "restore" else None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            return self.undo_id is not None
        if action in ("delete", "open"):
            return bool(self.entries or self.drafts)
        return True
