"""The diaries: mood, sleep and panic entries newest first (unsaved drafts on top), a new entry of
each kind, editing, deleting with undo, and the charts (mood trend, two weeks of sleep)."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from homework_tui.i18n import N_, _, ngettext
from homework_tui.model.diaries.clock import minutes_text
from homework_tui.model.diaries.mood import MoodEntry
from homework_tui.model.diaries.panic import PanicAttack
from homework_tui.model.diaries.sleep import SleepEntry
from homework_tui.model.draft import Draft
from homework_tui.store import Store
from homework_tui.store.drafts import Drafts
from homework_tui.store.repos import Repository
from homework_tui.store.wellbeing import moods, panics, sleeps
from homework_tui.ui.diaries.day_text import day_text, day_time_text
from homework_tui.ui.diaries.diary_forms import FORMS, MOOD_FORM, PANIC_FORM, SLEEP_FORM, open_form
from homework_tui.ui.record_list import DRAFT_ROW, DraftListScreen, RecordTable, shorten

EMPTY = N_(
    "No diary entries yet. Press m for today's mood, s for last night's sleep, or a to write "
    "down a panic attack. A line a day is plenty."
)
DIARY_NAMES = {MOOD_FORM: N_("Mood"), SLEEP_FORM: N_("Sleep"), PANIC_FORM: N_("Panic")}
Diary = MoodEntry | SleepEntry | PanicAttack


def form_of(record: Diary) -> str:
    if isinstance(record, MoodEntry):
        return MOOD_FORM
    return SLEEP_FORM if isinstance(record, SleepEntry) else PANIC_FORM


def when_of(record: Diary) -> str:
    if isinstance(record, MoodEntry):
        return day_text(record.day)
    if isinstance(record, SleepEntry):
        return _("{day} night").format(day=day_text(record.night_of))
    return day_time_text(record.at)


def summary_of(record: Diary) -> str:
    if isinstance(record, MoodEntry):
        return f"{record.mood}/10" + (f" · {record.note}" if record.note else "")
    if isinstance(record, SleepEntry):
        return _("{asleep} asleep of {in_bed} in bed, {efficiency}%").format(
            asleep=minutes_text(record.total_sleep),
            in_bed=minutes_text(record.time_in_bed),
            efficiency=record.efficiency,
        )
    where = f" · {record.where}" if record.where else ""
    count = len(record.symptoms)
    summary = ngettext(
        "peak {peak}/10, {n} symptom ({cue})", "peak {peak}/10, {n} symptoms ({cue})", count
    ).format(peak=record.peak, n=count, cue=_(record.cue.label))
    return summary + where


def sort_key(record: Diary) -> Any:
    if isinstance(record, MoodEntry):
        return (record.day.isoformat(), 1, record.created_at)
    if isinstance(record, SleepEntry):
        return (record.woke_on.isoformat(), 0, record.created_at)
    return (record.at.date().isoformat(), 2, record.created_at)


class _AllDiaries:
    """The three diaries as one repository for the list (delete and restore by id)."""

    def __init__(self, store: Store) -> None:
        self.repos: list[Repository[Any]] = [moods(store), sleeps(store), panics(store)]

    def all(self) -> list[Diary]:
        found: list[Diary] = [r for repo in self.repos for r in repo.all()]
        return sorted(found, key=sort_key, reverse=True)

    def delete(self, record_id: str) -> bool:
        return any(repo.delete(record_id) for repo in self.repos)

    def restore(self, record_id: str) -> bool:
        return any(repo.restore(record_id) for repo in self.repos)


class DiariesScreen(DraftListScreen):
    CSS_PATH = "diaries.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "write('mood_diary')", N_("Mood")),
        Binding("s", "write('sleep_diary')", N_("Sleep")),
        Binding("a", "write('panic_diary')", N_("Panic")),
        Binding("c", "charts", N_("Charts")),
        # Shown with F1 (Keys): at 80 columns the footer keeps F2 Help now in view.
        Binding("delete,d", "delete", N_("Delete"), key_display="Del", show=False),
        Binding("u", "undo", N_("Undo delete"), show=False),
    ]
    SCREEN_TITLE = N_("Diaries")
    COLUMNS = ((N_("When"), "when"), (N_("Diary"), "diary"), (N_("Entry"), "entry"))
    DRAFT_FORM = MOOD_FORM
    DISCARD_SAVED_AS = N_("a diary entry")

    def __init__(self) -> None:
        super().__init__(name="diaries", classes="diaries")

    def compose_content(self) -> ComposeResult:
        yield RecordTable(id="entries")
        yield Static(Text(_(EMPTY)), id="entries-empty", classes="calm-note")

    def repository(self, store: Store) -> _AllDiaries:
        return _AllDiaries(store)

    @work(thread=True, exclusive=True, group="load")
    def _load(self) -> None:
        store = self.homework.store
        if store is None:
            return
        records = self.repository(store).all()
        drafts = [d for form in FORMS for d in Drafts(store).pending(form)]
        self.app.call_from_thread(self._show, records, drafts)

    def _fill(self, select: str | None = None) -> None:
        table = self.query_one(DataTable)
        keep = select or self._current_key()
        table.clear()
        width = max(self.size.width - 22 - 8 - 6, 20)
        for draft in self.drafts:
            table.add_row(
                Text(_("draft"), style="italic"),
                Text(_(DIARY_NAMES[draft.form]) if draft.form in DIARY_NAMES else ""),
                shorten(
                    _("not saved yet · {preview}").format(preview=self._draft_preview(draft)), width
                ),
                key=DRAFT_ROW + draft.id,
            )
        for record in self.records:
            table.add_row(
                Text(when_of(record)),
                Text(_(DIARY_NAMES[form_of(record)])),
                shorten(summary_of(record), width),
                key=record.id,
            )
        self._show_table(table, "#entries-empty", keep)

    def action_write(self, form: str) -> None:
        self._open_form(form, None, None)

    def _write(self, record: Any, draft: Draft | None, /, **options: Any) -> None:
        form = draft.form if draft is not None else form_of(record)
        self._open_form(form, record, draft)

    def _open_form(self, form: str, record: Any, draft: Draft | None) -> None:
        def done(saved: Any) -> None:
            self.reload(select=saved.id if saved else None)

        self.app.push_screen(open_form(form, record, draft), done)

    def _draft_preview(self, draft: Draft) -> str:
        fields = draft.fields
        return " · ".join(v.strip() for v in fields.values() if v.strip())[:80] or _("(empty)")

    def action_charts(self) -> None:
        from homework_tui.ui.diaries.diary_charts import DiaryChartsScreen

        self.app.push_screen(DiaryChartsScreen())
