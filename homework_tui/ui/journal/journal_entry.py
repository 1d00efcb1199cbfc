"""Writing a journal entry: a title, free writing, a mood from 0 to 10, and tags.

Typing is kept as a draft within seconds (see `form_autosave`); Ctrl+S saves the entry.
Dismisses with the saved entry, or None."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Header, Input, Static, TextArea

from homework_tui.i18n import N_, _
from homework_tui.model.base import ValidationError
from homework_tui.model.draft import Draft
from homework_tui.model.journal import MOOD_HIGH, MOOD_LOW, JournalEntry, parse_tags
from homework_tui.store import Repository, Store
from homework_tui.store.drafts import DraftKeeper, Drafts
from homework_tui.ui.base import HomeworkScreen
from homework_tui.ui.form_autosave import DraftForm
from homework_tui.ui.language.dates import short_date
from homework_tui.ui.naming import record_name
from homework_tui.ui.widgets.clean_input import CleanInput, CleanTextArea
from homework_tui.ui.widgets.footer import Footer
from homework_tui.ui.widgets.rating_input import RatingInput

FORM = "journal"
TABLE = "journal"
FIELDS = ("title", "text", "mood", "tags")


def journal_repo(store: Store) -> Repository[JournalEntry]:
    return Repository(store, TABLE, JournalEntry)


def entry_fields(entry: JournalEntry) -> dict[str, str]:
    return {
        "title": entry.title,
        "text": entry.text,
        "mood": "" if entry.mood is None else str(entry.mood),
        "tags": ", ".join(entry.tags),
    }


def entry_from_fields(fields: dict[str, str], base: JournalEntry | None) -> JournalEntry:
    values: dict[str, object] = dict(
        title=fields.get("title", ""),
        text=fields.get("text", ""),
        mood=fields.get("mood", ""),
        tags=parse_tags(fields.get("tags", "")),
    )
    if base is not None:
        values.update(id=base.id, created_at=base.created_at, updated_at=base.updated_at)
    return JournalEntry(**values)  # type: ignore[arg-type]


class JournalEntryForm(DraftForm, HomeworkScreen[JournalEntry | None]):
    CSS_PATH = "journal.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", N_("Save"), key_display="^s", priority=True),
        Binding("escape", "close", N_("Close"), key_display="Esc"),
    ]
    LEAVE_TITLE = N_("Leave this entry?")
    WHAT = N_("journal entry")

    def __init__(self, entry: JournalEntry | None = None, draft: Draft | None = None) -> None:
        super().__init__(classes="journal-form")
        self.entry = entry
        self.from_draft = draft is not None
        self._draft = draft or Draft(form=FORM, record_id=entry.id if entry else None)
        fields = dict(draft.fields) if draft else (entry_fields(entry) if entry else {})
        self._fields = fields
        self._initial = {k: v for k, v in fields.items() if v.strip()}
        self._saving = False

    def compose(self) -> ComposeResult:
        get = self._fields.get
        yield Header(icon="·")
        yield Static(id="form-message")
        with Vertical(id="journal-fields"):
            with Horizontal(classes="field-row"):
                yield Static(_("Title"), classes="row-label")
                yield CleanInput(
                    get("title", ""), placeholder=_("optional"), id="title", compact=True
                )
            yield CleanTextArea(
                get("text", ""),
                id="text",
                placeholder=_("Write whatever is on your mind. There is no wrong way to do this."),
            )
            with Horizontal(classes="field-row"):
                yield Static(
                    _("Mood ({low} very low – {high} very good)").format(
                        low=MOOD_LOW, high=MOOD_HIGH
                    ),
                    classes="row-label",
                )
                yield RatingInput(get("mood", ""), low=MOOD_LOW, high=MOOD_HIGH, step=1, id="mood")
            with Horizontal(classes="field-row"):
                yield Static(_("Tags"), classes="row-label")
                yield CleanInput(
                    get("tags", ""),
                    placeholder=_("e.g. work, sleep, family"),
                    id="tags",
                    compact=True,
                )
        yield Footer()

    def on_mount(self) -> None:
        self.title = _("Journal")
        name = record_name(self._fields.get("title", ""), self._fields.get("text", ""))
        when = short_date(self.entry.created_at, year=True) if self.entry else _("new entry")
        self.sub_title = f"{name} · {when}" if name else when
        store = self.homework.store
        assert store is not None
        self.keeper = DraftKeeper(Drafts(store), self._draft)
        self.query_one("#text" if self.entry or self.from_draft else "#title").focus()
        self.start_autosave()

    def draft_snapshot(self) -> tuple[dict[str, str], str]:
        fields = {key: self.query_one(f"#{key}", Input).value for key in ("title", "mood", "tags")}
        fields["text"] = self.query_one("#text", TextArea).text
        return fields, ""

    def draft_worth_keeping(self, fields: dict[str, str]) -> bool:
        meaningful = {k: v for k, v in fields.items() if v.strip()}
        return self.from_draft or meaningful != self._initial

    @on(Input.Changed, "#mood")
    def _check_mood(self, event: Input.Changed) -> None:
        try:
            JournalEntry(text="x", mood=event.value)  # type: ignore[arg-type]
        except ValidationError as error:
            event.input.add_class("-invalid")
            self._say(error.message)
            return
        event.input.remove_class("-invalid")
        self._say("")

    @on(Input.Submitted)
    def _next_field(self) -> None:
        self.focus_next()

    def action_save(self) -> None:
        if self._saving:
            return
        fields, _unused = self.draft_snapshot()
        try:
            entry = entry_from_fields(fields, self.entry)
        except ValidationError as error:
            self._say(error.message)
            self.query_one(f"#{error.field if error.field in FIELDS else 'text'}").focus()
            return
        self._saving = True
        self._save(entry)

    def persist(self, store: Store, entry: JournalEntry, *extra: object) -> JournalEntry:
        return journal_repo(store).save(entry)

    def saved_note(self, entry: JournalEntry) -> str:
        return _("Journal entry saved.")

    def after_saved(self, entry: JournalEntry) -> None:
        from homework_tui.ui.help_now.help_line import offer_help_line

        offer_help_line(self.app, journal_mood=entry.mood)

    def unchanged(self, fields: dict[str, str]) -> bool:
        return {k: v for k, v in fields.items() if v.strip()} == self._initial
