"""Thought records: the list (newest first, unsaved drafts on top), search, and the way into
writing, reading, editing, deleting (with undo) and the insight chart.

On opening, an unfinished draft (say, from a terminal that was closed mid-record) is offered back.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Input, Static

from homework_tui.i18n import N_, _
from homework_tui.model.draft import Draft
from homework_tui.model.thought_record import ThoughtRecord
from homework_tui.store import Repository, Store
from homework_tui.ui.dialogs import Choice, ChoiceDialog
from homework_tui.ui.language.dates import short_date
from homework_tui.ui.record_list import DRAFT_ROW, DraftListScreen, RecordTable, shorten
from homework_tui.ui.thoughts.thought_data import FORM, records_repo

EMPTY = N_(
    "No thought records yet. Press n to write one — just after a hard moment, while it is "
    "fresh, is a good time. You can stop at any step and come back."
)


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


class ThoughtRecordsScreen(DraftListScreen):
    CSS_PATH = "thought_records.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", N_("New record")),
        Binding("e", "edit", N_("Edit")),
        Binding("delete,d", "delete", N_("Delete"), key_display="Del"),
        Binding("u", "undo", N_("Undo delete")),
        Binding("slash", "search", N_("Search"), key_display="/"),
        Binding("i", "insight", N_("Insight")),
    ]
    SCREEN_TITLE = N_("Thought records")
    COLUMNS = (
        (N_("Date"), "date"),
        (N_("Situation"), "situation"),
        (N_("Hot thought"), "hot"),
        (N_("Mood"), "mood"),
    )
    DRAFT_FORM = FORM
    # Translators: "It has not been saved as a record."
    DISCARD_SAVED_AS = N_("a record")
    ROW_ACTIONS = ("edit", "delete", "open")

    def __init__(self) -> None:
        super().__init__(name="thoughts", classes="thought-records")
        self.records: list[ThoughtRecord] = []

    def compose_content(self) -> ComposeResult:
        yield from self.compose_search(_("words from any column"))
        yield RecordTable(id="records")
        yield Static(Text(_(EMPTY)), id="records-empty", classes="calm-note")

    def repository(self, store: Store) -> Repository[ThoughtRecord]:
        return records_repo(store)

    # -- loading ------------------------------------------------------------------------------

    def _offerable(self, drafts: list[Draft]) -> list[Draft]:
        return [d for d in drafts if d.record_id is None or self._record(d.record_id)]

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
            label = _("draft") if draft.record_id is None else _("edits")
            table.add_row(
                Text(label, style="italic"),
                shorten(draft.fields.get("situation", ""), text_width),
                shorten(hot, text_width),
                Text(_("not saved yet"), style="dim italic"),  # i18n: not shown
                key=DRAFT_ROW + draft.id,
            )
        for record in self.records:
            if not record.matches(query):
                continue
            table.add_row(
                Text(short_date(record.created_at)),
                shorten(record.situation, text_width),
                shorten(record.hot_thought, text_width) if record.hot_thought else Text("–"),
                mood_cell(record),
                key=record.id,
            )
        self._show_table(table, "#records-empty", keep)

    # -- opening -------------------------------------------------------------------------------

    def _open_record(self, record: ThoughtRecord, **options: object) -> None:
        from homework_tui.ui.thoughts.thought_detail import ThoughtRecordDetail

        self.app.push_screen(ThoughtRecordDetail(record), lambda c: self._after_detail(record, c))

    def _after_detail(self, record: ThoughtRecord, choice: str | None) -> None:
        if choice == "edit":
            self._edit(record)
        elif choice == "delete":
            self._change("delete", record.id)

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
        draft = self._draft_of(record.id)
        if draft is None:
            self._write(record, None)
            return

        def chosen(choice: str | None) -> None:
            if choice == "continue":
                self._write(record, draft)
            elif choice == "saved":
                self._change("discard", draft.id, then_write=record)

        self.app.push_screen(
            ChoiceDialog(
                _("Unsaved changes"),
                _(
                    "You started changing this record on {day} at {time} "
                    "and did not save. Continue with those changes?"
                ).format(day=short_date(draft.updated_at), time=f"{draft.updated_at:%H:%M}"),
                [
                    Choice("c", _("Continue them"), "continue", primary=True),
                    Choice("s", _("Start from the saved record"), "saved"),
                ],
                escape="",
            ),
            chosen,
        )

    def _write(self, record: ThoughtRecord | None, draft: Draft | None, /, **options: Any) -> None:
        from homework_tui.ui.thoughts.thought_form import ThoughtRecordForm

        def done(saved: ThoughtRecord | None) -> None:
            self.reload(select=saved.id if saved else None)

        self.app.push_screen(ThoughtRecordForm(record, draft), done)

    def _draft_intro(self, draft: Draft) -> str:
        if draft.record_id is None:
            return _("You were writing a new thought record")
        return _("You were writing changes to a thought record")

    def _draft_preview(self, draft: Draft) -> str:
        return draft.preview("situation", "thought-0") or _("(nothing named yet)")

    # -- insight -------------------------------------------------------------------------------

    def action_insight(self) -> None:
        from homework_tui.ui.thoughts.thought_insight import ThoughtInsightScreen

        self.app.push_screen(ThoughtInsightScreen(self.records))
