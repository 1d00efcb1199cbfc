"""Plan: what your therapist asked you to practise, and how often.

A list of assignments with this week's progress; the highlighted one's note below. Add, change,
remove (with undo) and import a therapist's file. Changing or removing homework never touches
what was done: that stays in its own records, and counts again if the homework comes back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from babel.dates import format_date
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable, Static

from homework_tui.i18n import N_, _, current_language
from homework_tui.i18n.language import babel_locale
from homework_tui.model.activity import Activity
from homework_tui.model.due import progress_on
from homework_tui.model.plan import Assignment, PlanInfo, short_date
from homework_tui.ui.plan.plan_form import AssignmentForm, SessionDatesForm
from homework_tui.ui.plan.plan_import import ImportDialog, ImportRequest
from homework_tui.ui.record_list import RecordListScreen

if TYPE_CHECKING:
    from homework_tui.store import Store

EMPTY = N_(
    "Your plan is empty. Press a to add what your therapist asked for, or f to import the "
    "plan file they gave you. Today will then show what is due each day. Press n to note the "
    "dates of your sessions, so the report can start at the last one."
)


def day_and_short_month(day: date) -> str:
    """ "3 Mar" (en), "3. März" (de), "3 mars" (fr): a date in a narrow column."""
    pattern = "d. MMM" if current_language() == "de" else "d MMM"
    return format_date(day, pattern, locale=babel_locale())


@dataclass
class PlanLoaded(Message):
    plan: list[Assignment]
    info: PlanInfo
    activities: list[Activity]


class PlanScreen(RecordListScreen):
    CSS_PATH = "plan.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", N_("Add")),
        Binding("enter", "edit", N_("Change"), show=False),
        Binding("c", "edit", N_("Change")),
        Binding("delete,d", "remove", N_("Remove"), key_display="Del"),
        Binding("u", "undo", N_("Undo remove")),
        Binding("f", "import_file", N_("Import"), tooltip=N_("Import your therapist's plan file")),
        Binding("n", "sessions", N_("Session dates"), show=False),
        Binding("i", "insights", N_("Insights")),
        Binding("w", "report", N_("Report")),
        # Shown on Today; here it would push "F2 Help now" out of the footer (F1 lists it).
        Binding("b", "bridge", N_("For next session"), show=False),
    ]
    SCREEN_TITLE = N_("Plan")
    COLUMNS = (
        (N_("Homework"), "name"),
        (N_("How often"), "often"),
        (N_("This week"), "week"),
        (N_("Dates"), "dates"),
    )

    def __init__(self) -> None:
        super().__init__(name="plan", classes="plan")
        self._labels_in_language()
        self.plan: list[Assignment] = []
        self.info = PlanInfo()
        self.activities: list[Activity] = []
        self.removed: Assignment | None = None

    def _labels_in_language(self) -> None:
        """The title and headings in the current language (the class's are English, for the
        catalogue)."""
        self.SCREEN_TITLE = _(PlanScreen.SCREEN_TITLE)  # type: ignore[misc]
        self.COLUMNS = tuple((_(label), key) for label, key in PlanScreen.COLUMNS)  # type: ignore[misc,assignment]

    async def recompose(self) -> None:
        """Drawn again in another language: the table gets its headings back, then its rows."""
        self._labels_in_language()
        await super().recompose()
        self.on_mount()

    def compose_content(self) -> ComposeResult:
        yield Static("", id="plan-about")
        yield DataTable(id="plan-table", cursor_type="row")
        yield Static(Text(_(EMPTY)), id="plan-empty", classes="calm-note")
        yield Static("", id="plan-note")

    # -- loading ---------------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        self._load_plan()

    @work(thread=True, exclusive=True, group="plan-load", exit_on_error=False)
    def _load_plan(self) -> None:
        store = self.homework.store
        if store is None:
            return
        from homework_tui.store.activities import gather
        from homework_tui.store.plan import assignments, plan_info

        self.post_message(PlanLoaded(assignments(store), plan_info(store).load(), gather(store)))

    @on(PlanLoaded)
    def _loaded(self, message: PlanLoaded) -> None:
        self.plan, self.info, self.activities = message.plan, message.info, message.activities
        self._fill()

    def _fill(self, select: str | None = None) -> None:
        today = date.today()
        table = self.query_one(DataTable)
        keep = select or self._current_key()
        table.clear()
        for assignment in self.plan:
            name = Text(assignment.name)
            if assignment.minutes:
                name.append(f", {assignment.minutes} min")
            table.add_row(
                name,
                Text(assignment.frequency.describe()),
                self._week_cell(assignment, today),
                self._dates(assignment, today),
                key=assignment.id,
            )
        has_plan = bool(self.plan)
        table.display = has_plan
        self.query_one("#plan-empty").display = not has_plan
        about = [x for x in (self.info.title, self.info.therapist) if x]
        if self.info.last_session:
            last = short_date(self.info.last_session)
            about.append(_("last session {date}").format(date=last))
        if self.info.next_session:
            upcoming = short_date(self.info.next_session)
            about.append(_("next session {date}").format(date=upcoming))
        if self.info.describe_relax():
            about.append(self.info.describe_relax())
        self.query_one("#plan-about", Static).update(Text(" · ".join(about)))
        self._restore_cursor(table, keep)
        self._show_note()
        self.refresh_bindings()

    def _week_cell(self, assignment: Assignment, today: date) -> Text:
        if not assignment.active_on(today):
            when = _("ended") if assignment.ended_before(today) else _("not started yet")
            return Text(when, style="dim")
        progress = progress_on(assignment, self.activities, today)
        if progress.needed == 0:
            return Text(_("rest day") if not progress.done else _("done today"), style="dim")
        # Translators: this week's progress, e.g. "2 of 3".
        done = _("{done} of {needed}").format(done=progress.done, needed=progress.needed)
        return Text(done + (" ✓" if progress.done >= progress.needed else ""))

    def _dates(self, assignment: Assignment, today: date) -> Text:
        start = day_and_short_month(assignment.start)
        if assignment.end:
            end = day_and_short_month(assignment.end)
            text = _("from {start} to {end}").format(start=start, end=end)
        else:
            text = _("from {start}").format(start=start)
        return Text(text, style="dim" if assignment.ended_before(today) else "")

    def _current(self) -> Assignment | None:
        wanted = self._current_key()
        return next((a for a in self.plan if a.id == wanted), None)

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self._show_note()

    def _show_note(self) -> None:
        assignment = self._current()
        note = self.query_one("#plan-note", Static)
        if assignment is None or not assignment.note:
            note.update("")
            note.display = False
            return
        text = Text(_("Note from your therapist: "), style="bold")
        text.append(assignment.note)
        note.update(text)
        note.display = True

    # -- changing --------------------------------------------------------------------------------

    def _can_write(self) -> bool:
        if self.homework.read_only:
            self.notify(
                _("This window is read-only, so the plan cannot be changed here."),
                title=_("Read-only"),
                severity="warning",
                markup=False,
            )
            return False
        return self.homework.store is not None

    def _written_store(self) -> Store:
        """The store a plan write goes to: `_can_write` made sure of it before the write began."""
        store = self.homework.store
        if store is None:
            raise AssertionError("a plan write starts only after _can_write()")
        return store

    def action_add(self) -> None:
        if self._can_write():
            self.app.push_screen(AssignmentForm(), self._form_done)

    def action_edit(self) -> None:
        assignment = self._current()
        if assignment is not None and self._can_write():
            self.app.push_screen(AssignmentForm(assignment), self._form_done)

    def action_open(self) -> None:  # Enter on a row
        self.action_edit()

    def _form_done(self, assignment: Assignment | None) -> None:
        if assignment is not None:
            self._save(assignment)

    @work(thread=True, group="plan-write", exit_on_error=False)
    def _save(self, assignment: Assignment) -> None:
        from homework_tui.store import StoreError
        from homework_tui.store.plan import assignments_repo

        try:
            assignments_repo(self._written_store()).add(assignment)
        except StoreError as error:
            self.app.call_from_thread(self._refused, str(error), assignment)
            return
        self.app.call_from_thread(
            self.notify,
            _("Saved. {homework}").format(homework=assignment.describe()),
            title=_("Plan"),
            markup=False,
        )
        self.reload()

    def _refused(self, message: str, assignment: Assignment) -> None:
        self.notify(message, title=_("Not saved"), severity="warning", markup=False)
        # Offer the form back with everything as typed.
        self.app.push_screen(AssignmentForm(assignment), self._form_done)

    def action_remove(self) -> None:
        assignment = self._current()
        if assignment is not None and self._can_write():
            self._remove(assignment)

    @work(thread=True, group="plan-write", exit_on_error=False)
    def _remove(self, assignment: Assignment) -> None:
        from homework_tui.store import StoreError
        from homework_tui.store.plan import assignments_repo

        try:
            assignments_repo(self._written_store()).delete(assignment.id)
        except StoreError as error:
            self.app.call_from_thread(
                self.notify, str(error), title=_("Not removed"), severity="warning", markup=False
            )
            return
        self.removed = assignment
        self.app.call_from_thread(
            self.notify,
            _(
                "Removed {homework} from your plan. What you did is kept. Press u to bring it back."
            ).format(homework=assignment.name),
            title=_("Plan"),
            markup=False,
        )
        self.reload()

    def action_undo(self) -> None:
        if self.removed is not None and self._can_write():
            self._restore(self.removed)

    @work(thread=True, group="plan-write", exit_on_error=False)
    def _restore(self, assignment: Assignment) -> None:
        from homework_tui.store import StoreError
        from homework_tui.store.plan import assignments_repo

        try:
            assignments_repo(self._written_store()).restore(assignment.id)
        except StoreError as error:
            self.app.call_from_thread(
                self.notify, str(error), title=_("Not restored"), severity="warning", markup=False
            )
            return
        self.removed = None
        self.app.call_from_thread(
            self.notify,
            _("{homework} is back in your plan.").format(homework=assignment.name),
            title=_("Plan"),
            markup=False,
        )
        self.reload()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "remove"):
            return self._current() is not None
        if action == "undo":
            return self.removed is not None
        return True

    # -- importing and sessions ------------------------------------------------------------------

    def action_import_file(self) -> None:
        if self._can_write():
            self.app.push_screen(ImportDialog(has_plan=bool(self.plan)), self._import_chosen)

    def _import_chosen(self, request: ImportRequest | None) -> None:
        if request is not None:
            self._import(request)

    @work(thread=True, group="plan-write", exit_on_error=False)
    def _import(self, request: ImportRequest) -> None:
        from homework_tui.store import StoreError
        from homework_tui.store.plan import import_plan

        try:
            result = import_plan(
                self._written_store(), request.plan, replace_others=request.replace
            )
        except StoreError as error:
            self.app.call_from_thread(
                self.notify, str(error), title=_("Not imported"), severity="warning", markup=False
            )
            return
        self.app.call_from_thread(
            self.notify,
            _("Imported {file}: {result}.").format(file=request.path.name, result=result),
            title=_("Plan"),
            markup=False,
        )
        self.reload()

    def action_sessions(self) -> None:
        if self._can_write():
            self.app.push_screen(SessionDatesForm(self.info), self._sessions_chosen)

    def _sessions_chosen(self, info: PlanInfo | None) -> None:
        if info is not None:
            self._save_info(info)

    @work(thread=True, group="plan-write", exit_on_error=False)
    def _save_info(self, info: PlanInfo) -> None:
        from homework_tui.store import StoreError
        from homework_tui.store.plan import plan_info

        try:
            plan_info(self._written_store()).save(info)
        except StoreError as error:
            self.app.call_from_thread(
                self.notify, str(error), title=_("Not saved"), severity="warning", markup=False
            )
            return
        self.reload()

    def action_insights(self) -> None:
        from homework_tui.ui.insights.insights import InsightsScreen

        self.app.push_screen(InsightsScreen())

    def action_bridge(self) -> None:
        from homework_tui.ui.today.bridge_form import open_bridge

        open_bridge(self.homework)

    def action_report(self) -> None:
        from homework_tui.ui.export.report import ReportScreen

        self.app.push_screen(ReportScreen())
