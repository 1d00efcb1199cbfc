"""Activities: a week as a grid (days across, parts of the day down) showing planned against done
in symbols, the week's activities in a list below it, planning one, writing down one done, editing
(marking done and rating), deleting with undo, moving between weeks, and the mood pattern."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from homework_tui.i18n import N_, _, short_day
from homework_tui.model.activation import ActivityEntry, PartOfDay
from homework_tui.model.activation.grid import LEGEND, week_grid, week_start
from homework_tui.model.base import now
from homework_tui.model.draft import Draft
from homework_tui.store import Store
from homework_tui.store.repos import Repository
from homework_tui.store.wellbeing import activities
from homework_tui.ui.activation.activity_form import FORM, ActivityForm
from homework_tui.ui.diaries.day_text import day_text
from homework_tui.ui.record_list import DRAFT_ROW, DraftListScreen, RecordTable, shorten

EMPTY = N_(
    "Nothing planned this week yet. Press n to plan a small activity, or l to write down "
    "something you did. Small and specific is best."
)


class ActivationScreen(DraftListScreen):
    CSS_PATH = "activation.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", N_("Plan")),
        Binding("l", "log", N_("Log")),
        Binding("left_square_bracket", "week(-1)", N_("Week"), key_display="[/]"),
        Binding("right_square_bracket", "week(1)", N_("Next week"), key_display="]", show=False),
        Binding("m", "pattern", N_("Pattern")),
        Binding("delete,d", "delete", N_("Delete"), key_display="Del", show=False),
        Binding("u", "undo", N_("Undo delete"), show=False),
    ]
    SCREEN_TITLE = N_("Activities")
    COLUMNS = (
        (N_("Day"), "day"),
        (N_("When"), "part"),
        (N_("Activity"), "what"),
        (N_("Done?"), "outcome"),
        (N_("Ratings"), "ratings"),
    )
    DRAFT_FORM = FORM
    DISCARD_SAVED_AS = N_("an activity")

    def __init__(self, today: date | None = None) -> None:
        super().__init__(name="activation", classes="activation")
        self.today = today or now().date()
        self.week = week_start(self.today)

    def compose_content(self) -> ComposeResult:
        yield Static(id="week-title")
        yield Static(id="week-grid")
        yield Static(Text(_(LEGEND)), id="week-legend")
        yield RecordTable(id="entries")
        yield Static(Text(_(EMPTY)), id="entries-empty", classes="calm-note")

    def repository(self, store: Store) -> Repository[ActivityEntry]:
        return activities(store)

    def _week_entries(self) -> list[ActivityEntry]:
        end = self.week + timedelta(days=7)
        return [e for e in self.records if self.week <= e.day < end]

    def _fill(self, select: str | None = None) -> None:
        grid = week_grid(self.records, self.week)
        title = _("Week of {day}: {summary}").format(
            day=day_text(self.week, year=True), summary=grid.summary()
        )
        self.query_one("#week-title", Static).update(Text(title))
        self.query_one("#week-grid", Static).update(Text("\n".join(grid.lines())))
        table = self.query_one(DataTable)
        keep = select or self._current_key()
        table.clear()
        width = max(self.size.width - 57, 16)
        for draft in self.drafts:
            table.add_row(
                Text(_("draft"), style="italic"),
                Text(draft.fields.get("part", "")),
                shorten(draft.fields.get("what", "") or _("(no words yet)"), width),
                Text(_("not saved yet"), style="dim italic"),  # i18n: not shown
                Text(""),
                key=DRAFT_ROW + draft.id,
            )
        order = list(PartOfDay)
        for entry in sorted(self._week_entries(), key=lambda e: (e.day, order.index(e.part))):
            table.add_row(
                Text(short_day(entry.day)),
                Text(_(entry.part.label)),
                shorten(entry.what + (f" ({entry.area})" if entry.area else ""), width),
                Text(
                    f"{entry.symbol if entry.planned_ahead or not entry.done else '+'} "
                    f"{_(entry.outcome.label)}"
                ),
                Text(entry.ratings_text().replace("mastery", "M").replace("pleasure", "P")),
                key=entry.id,
            )
        self._show_week_table(table, keep)

    def _show_week_table(self, table: DataTable[Any], keep: str | None) -> None:
        empty = self.query_one("#entries-empty", Static)
        empty.display = not self._week_entries() and not self.drafts
        table.display = not empty.display
        if table.display and self.focused is None:
            table.focus()
        self._restore_cursor(table, keep)
        self.refresh_bindings()

    def action_week(self, step: int) -> None:
        self.week += timedelta(days=7 * step)
        self._fill()

    def action_new(self) -> None:
        self._open(None, None, planned_ahead=True)

    def action_log(self) -> None:
        self._open(None, None, planned_ahead=False)

    def _write(self, record: Any, draft: Draft | None, /, **options: Any) -> None:
        self._open(record, draft, planned_ahead=True)

    def _open(
        self, record: ActivityEntry | None, draft: Draft | None, *, planned_ahead: bool
    ) -> None:
        def done(saved: ActivityEntry | None) -> None:
            if saved is not None:
                self.week = week_start(saved.day)
            self.reload(select=saved.id if saved else None)

        if draft is not None:
            saved_fields = dict(draft.fields)
        else:
            day = self.today + timedelta(days=1) if planned_ahead and record is None else None
            saved_fields = ActivityForm.fields_of(record, day=day, logged=not planned_ahead)
        form = ActivityForm(record, saved_fields, draft, planned_ahead=planned_ahead)
        self.app.push_screen(form, done)

    def _draft_preview(self, draft: Draft) -> str:
        return draft.fields.get("what", "") or _("(no words yet)")

    def action_pattern(self) -> None:
        from homework_tui.ui.activation.mood_pattern import MoodPatternScreen

        self.app.push_screen(MoodPatternScreen(list(self.records)))
