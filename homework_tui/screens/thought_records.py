"""Thought records: the list (newest first, unsaved drafts on top), search, and the way into
writing, reading, editing, deleting (with undo) and the insight chart.

On opening, an unfinished draft (say, from a terminal that was closed mid-record) is offered back.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import DataTable, Input, Static

from homework_tui.model.draft import Draft
from homework_tui.model.thought_record import ThoughtRecord
from homework_tui.screens.base import SectionScreen, saving
from homework_tui.screens.dialogs import Choice, ChoiceDialog
from homework_tui.screens.thought_data import FORM, records_repo
from homework_tui.store.drafts import Drafts
from homework_tui.store.errors import StoreError

DRAFT_ROW = "draft:"


class RecordTable(DataTable[Text]):
    """A table of records, one per row; Enter opens the highlighted one (shown in the footer)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open", key_display="⏎"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row")


EMPTY = (
    "No thought records yet. Press n to write one — just after a hard moment, while it is "
    "fresh, is a good time. You can stop at any step and come back."
)


def shorten(text: str, width: int) -> Text:
    line = " ".join(text.split())
    if len(line) > width:
        line = line[: max(width - 1, 1)] + "…"
    return Text(line)


def mood_cell(record: ThoughtRecord) -> Text:
    if not record.moods:
        return Text("–", style="dim")
    first = record.moods[0]
    before = "–" if first.before is None else str(first.before)
    after = "…" if first.after is None else str(first.after)
    text = Text(f"{first.name[:12]} {before}→{after}")
    if len(record.moods) > 1:
        text.append(f" +{len(record.moods) - 1}", style="dim")
    return text


class ThoughtRecordsScreen(SectionScreen):
    CSS_PATH = "thought_records.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "New record"),
        Binding("e", "edit", "Edit"),
        Binding("delete,d", "delete", "Delete", key_display="Del"),
        Binding("u", "undo", "Undo delete"),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("i", "insight", "Insight"),
    ]

    def __init__(self) -> None:
        super().__init__(name="thoughts", classes="thought-records")
        self.records: list[ThoughtRecord] = []
        self.drafts: list[Draft] = []
        self.undo_id: str | None = None
        self._offered = False

    def compose_content(self) -> ComposeResult:
        with Horizontal(id="search-row"):
            yield Static("Search", classes="row-label")
            yield Input(placeholder="words from any column", id="search", compact=True)
        yield RecordTable(id="records")
        yield Static(Text(EMPTY), id="records-empty", classes="calm-note")

    def on_mount(self) -> None:
        self.title = "Thought records"
        table = self.query_one(DataTable)
        for label, key in (
            ("Date", "date"),
            ("Situation", "situation"),
            ("Hot thought", "hot"),
            ("Mood", "mood"),
        ):
            table.add_column(label, key=key)
        table.focus()
        self.reload()

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.reload()

    # -- loading ------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load")
    def reload(self, select: str | None = None) -> None:
        store = self.homework.store
        if store is None:
            return
        records = records_repo(store).all()
        drafts = Drafts(store).pending(FORM)
        self.app.call_from_thread(self._show, records, drafts, select)

    def _show(self, records: list[ThoughtRecord], drafts: list[Draft], select: str | None) -> None:
        self.records = records
        self.drafts = drafts
        self._fill(select)
        if not self._offered:
            self._offered = True
            new_drafts = [d for d in drafts if d.record_id is None or self._record(d.record_id)]
            if new_drafts:
                self._offer_draft(new_drafts[0])

    def _fill(self, select: str | None = None) -> None:
        table = self.query_one(DataTable)
        keep = select or self._current_key()
        table.clear()
        query = self.query_one("#search", Input).value
        width = max(self.size.width, 60)
        text_width = max((width - 10 - 18 - 10) // 2, 12)
        for draft in self.drafts:
            if query and query.casefold() not in "\n".join(draft.fields.values()).casefold():
                continue
            hot = draft.fields.get(f"thought-{draft.fields.get('hot', '')}", "")
            label = "draft" if draft.record_id is None else "edits"
            table.add_row(
                Text(label, style="italic"),
                shorten(draft.fields.get("situation", ""), text_width),
                shorten(hot, text_width),
                Text("not saved yet", style="dim italic"),
                key=DRAFT_ROW + draft.id,
            )
        for record in self.records:
            if not record.matches(query):
                continue
            table.add_row(
                Text(f"{record.created_at:%a %-d %b}"),
                shorten(record.situation, text_width),
                shorten(record.hot_thought, text_width) if record.hot_thought else Text("–"),
                mood_cell(record),
                key=record.id,
            )
        empty = self.query_one("#records-empty", Static)
        empty.display = not self.records and not self.drafts
        was_shown = table.display
        table.display = not empty.display
        if table.display and (not was_shown or self.focused is None):
            table.focus()
        if keep is not None:
            try:
                table.move_cursor(row=table.get_row_index(keep), animate=False)
            except Exception:
                pass
        self.refresh_bindings()

    def on_resize(self) -> None:
        if self.records or self.drafts:
            self._fill()

    def _current_key(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        try:
            return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        except Exception:
            return None

    def _record(self, record_id: str | None) -> ThoughtRecord | None:
        return next((r for r in self.records if r.id == record_id), None)

    def _draft(self, draft_id: str) -> Draft | None:
        return next((d for d in self.drafts if d.id == draft_id), None)

    # -- searching ------------------------------------------------------------------------------

    @on(Input.Changed, "#search")
    def _search_changed(self) -> None:
        self._fill()

    @on(Input.Submitted, "#search")
    def _search_done(self) -> None:
        self.query_one(DataTable).focus()

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    # -- opening -------------------------------------------------------------------------------

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
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
            from homework_tui.screens.thought_detail import ThoughtRecordDetail

            self.app.push_screen(
                ThoughtRecordDetail(record), lambda c: self._after_detail(record, c)
            )

    def _after_detail(self, record: ThoughtRecord, choice: str | None) -> None:
        if choice == "edit":
            self._edit(record)
        elif choice == "delete":
            self._delete(record.id)

    def action_new(self) -> None:
        self._write(None, None)

    def action_edit(self) -> None:
        key = self._current_key()
        if key is None:
            return
        if key.startswith(DRAFT_ROW):
            self.action_open()
            return
        record = self._record(key)
        if record is not None:
            self._edit(record)

    def _edit(self, record: ThoughtRecord) -> None:
        draft = next((d for d in self.drafts if d.record_id == record.id), None)
        if draft is None:
            self._write(record, None)
            return

        def chosen(choice: str | None) -> None:
            if choice == "continue":
                self._write(record, draft)
            elif choice == "saved":
                self._discard_draft(draft.id, then_edit=record)

        self.app.push_screen(
            ChoiceDialog(
                "Unsaved changes",
                f"You started changing this record on {draft.updated_at:%a %-d %b at %H:%M} "
                "and did not save. Continue with those changes?",
                [
                    Choice("c", "Continue them", "continue", primary=True),
                    Choice("s", "Start from the saved record", "saved"),
                ],
                escape="",
            ),
            chosen,
        )

    def _write(self, record: ThoughtRecord | None, draft: Draft | None) -> None:
        from homework_tui.screens.thought_form import ThoughtRecordForm

        def done(saved: ThoughtRecord | None) -> None:
            self.reload(select=saved.id if saved else None)

        self.app.push_screen(ThoughtRecordForm(record, draft), done)

    def _offer_draft(self, draft: Draft) -> None:
        preview = draft.preview("situation", "thought-0") or "(nothing named yet)"
        what = "a new thought record" if draft.record_id is None else "changes to a thought record"
        body = Text(f"You were writing {what} on {draft.updated_at:%a %-d %b at %H:%M}:\n\n  ")
        body.append(preview, style="italic")
        body.append("\n\nIt was kept for you. Would you like to carry on?")

        def chosen(choice: str | None) -> None:
            if choice == "continue":
                self._write(self._record(draft.record_id), draft)

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

    # -- deleting and undoing ------------------------------------------------------------------

    def action_delete(self) -> None:
        key = self._current_key()
        if key is None:
            return
        if key.startswith(DRAFT_ROW):
            draft_id = key.removeprefix(DRAFT_ROW)

            def chosen(choice: str | None) -> None:
                if choice == "discard":
                    self._discard_draft(draft_id)

            self.app.push_screen(
                ChoiceDialog(
                    "Discard this draft?",
                    "It has not been saved as a record. Discarding removes it from this list.",
                    [
                        Choice("d", "Discard it", "discard"),
                        Choice("k", "Keep it", "keep", primary=True),
                    ],
                    escape="keep",
                ),
                chosen,
            )
            return
        self._delete(key)

    @work(thread=True, group="change")
    def _delete(self, record_id: str) -> None:
        store = self.homework.store
        try:
            assert store is not None
            with saving():
                records_repo(store).delete(record_id)
        except StoreError as error:
            self.app.call_from_thread(self._problem, str(error))
            return
        self.app.call_from_thread(self._deleted, record_id)

    def _deleted(self, record_id: str) -> None:
        self.undo_id = record_id
        self.notify(
            "Moved to the trash. Press u to undo.", title="Deleted", timeout=8, markup=False
        )
        self.reload()

    @work(thread=True, group="change")
    def _discard_draft(self, draft_id: str, then_edit: ThoughtRecord | None = None) -> None:
        store = self.homework.store
        try:
            assert store is not None
            with saving():
                Drafts(store).discard(draft_id)
        except StoreError as error:
            self.app.call_from_thread(self._problem, str(error))
            return
        if then_edit is not None:
            self.app.call_from_thread(self._write, then_edit, None)
        self.app.call_from_thread(self.reload)

    def action_undo(self) -> None:
        if self.undo_id is not None:
            self._undo(self.undo_id)

    @work(thread=True, group="change")
    def _undo(self, record_id: str) -> None:
        store = self.homework.store
        try:
            assert store is not None
            with saving():
                records_repo(store).restore(record_id)
        except StoreError as error:
            self.app.call_from_thread(self._problem, str(error))
            return
        self.undo_id = None
        self.app.call_from_thread(self.notify, "Restored.", markup=False)
        self.app.call_from_thread(self.reload, record_id)

    def _problem(self, message: str) -> None:
        self.notify(message, title="Not changed", severity="warning", markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            return self.undo_id is not None
        if action in ("edit", "delete", "open"):
            return bool(self.records or self.drafts)
        return True

    # -- insight -------------------------------------------------------------------------------

    def action_insight(self) -> None:
        from homework_tui.screens.thought_insight import ThoughtInsightScreen

        self.app.push_screen(ThoughtInsightScreen(self.records))
