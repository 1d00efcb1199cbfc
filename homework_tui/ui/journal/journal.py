"""The journal: entries newest first (unsaved drafts on top), search (words, or #tag), writing,
editing, deleting with undo. An unfinished draft is offered back on opening."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Input, Static

from homework_tui.i18n import N_, _
from homework_tui.model.draft import Draft
from homework_tui.model.journal import JournalEntry
from homework_tui.store import Repository, Store
from homework_tui.ui.journal.journal_entry import FORM, journal_repo
from homework_tui.ui.language.dates import short_date
from homework_tui.ui.record_list import DRAFT_ROW, DraftListScreen, RecordTable, shorten

EMPTY = N_(
    "No entries yet. Press n to write one. A few lines about your day and how you felt is "
    "plenty; over time, patterns and triggers start to show."
)


class JournalScreen(DraftListScreen):
    CSS_PATH = "journal.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", N_("New entry")),
        Binding("delete,d", "delete", N_("Delete"), key_display="Del"),
        Binding("u", "undo", N_("Undo delete")),
        Binding("slash", "search", N_("Search"), key_display="/"),
    ]
    SCREEN_TITLE = N_("Journal")
    COLUMNS = (
        (N_("Date"), "date"),
        (N_("Title"), "title"),
        (N_("Mood"), "mood"),
        (N_("Tags"), "tags"),
    )
    DRAFT_FORM = FORM
    # Translators: "It has not been saved as an entry."
    DISCARD_SAVED_AS = N_("an entry")

    def __init__(self) -> None:
        super().__init__(name="journal", classes="journal")
        self.records: list[JournalEntry] = []

    def compose_content(self) -> ComposeResult:
        yield from self.compose_search(_("words, or #tag"))
        yield RecordTable(id="entries")
        yield Static(Text(_(EMPTY)), id="entries-empty", classes="calm-note")

    def repository(self, store: Store) -> Repository[JournalEntry]:
        return journal_repo(store)

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
                Text(_("draft"), style="italic"),
                shorten(draft.preview("title", "text"), title_width),
                Text(draft.fields.get("mood", "")),
                Text(_("not saved yet"), style="dim italic"),  # i18n: not shown
                key=DRAFT_ROW + draft.id,
            )
        for entry in self.records:
            if not entry.matches(query):
                continue
            table.add_row(
                Text(short_date(entry.created_at)),
                shorten(entry.heading, title_width),
                Text("–" if entry.mood is None else f"{entry.mood}/10"),
                shorten(" ".join("#" + t for t in entry.tags), 24),
                key=entry.id,
            )
        self._show_table(table, "#entries-empty", keep)

    def _write(self, entry: JournalEntry | None, draft: Draft | None, /, **options: Any) -> None:
        from homework_tui.ui.journal.journal_entry import JournalEntryForm

        def done(saved: JournalEntry | None) -> None:
            self.reload(select=saved.id if saved else None)

        self.app.push_screen(JournalEntryForm(entry, draft), done)

    def _draft_preview(self, draft: Draft) -> str:
        return draft.preview("title", "text") or _("(untitled)")
