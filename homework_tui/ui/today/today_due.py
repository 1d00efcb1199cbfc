"""Today's homework on the Today screen: what is due today and this week, what is done, what
is still open, experiments waiting for an outcome, and the streak.

It reads the plan and everything logged in a thread worker and shows the result; `reload()` asks
again (Today calls it whenever it is shown, so something just logged counts at once). With the
list focused: Enter opens the place to do the highlighted homework, d marks it done by hand
(“I did this”, for homework done away from the app), i shows insights, w writes the report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, ListItem, ListView, Static

from homework_tui.i18n import N_, _, current_language, day_and_date, ngettext
from homework_tui.model.activity import Activity
from homework_tui.model.due import Progress, Status, TodayView, today_view
from homework_tui.model.plan import Assignment, Every, short_date
from homework_tui.ui.app_protocol import HomeworkAppProtocol, homework_of

if TYPE_CHECKING:
    from homework_tui.store import Store

NO_PLAN = N_(
    "Nothing is due yet. When you add what your therapist set in Plan (p), it will show up here."
)
MARKS = {Status.TODAY: "○", Status.WEEK: "○", Status.OPEN: "◌", Status.DONE: "✓"}


class InsightsWanted(Message):
    """The person asked for Insights from the list (i); the screen opens them."""


class ReportWanted(Message):
    """The person asked for the report from the list (w); the screen opens it."""


@dataclass
class DueLoaded(Message):
    view: TodayView
    checked_off: set[str]  # assignment ids ticked by hand today
    suggest_relax: bool = True  # the plan's `suggest_relax` (Today's screen reads it too)


class DueRow(ListItem):
    """One line: an assignment, or a piece of work waiting to be finished."""

    def __init__(
        self,
        text: Text,
        *,
        assignment: Assignment | None = None,
        activity: Activity | None = None,
        classes: str = "",
    ) -> None:
        super().__init__(Label(text, markup=False), classes=classes)
        self.text = text
        self.assignment = assignment
        self.activity = activity

    @property
    def key(self) -> str:
        """The same homework keeps the cursor when the list is shown again."""
        if self.assignment is not None:
            return f"a:{self.assignment.id}"
        return f"r:{self.activity.ref_id}" if self.activity else ""


class DueHeading(ListItem):
    """A group's heading; the cursor passes over it."""

    def __init__(self, text: str) -> None:
        super().__init__(Label(Text(text), markup=False), classes="due-heading", disabled=True)
        self.text = Text(text)


class DueList(ListView):
    """The rows; Enter opens the highlighted homework."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter", "select_cursor", N_("Open"), tooltip=N_("Go to where this homework is done")
        ),
    ]


class TodayDue(Vertical):
    """The due/done list and the streak."""

    DEFAULT_CSS = """
    TodayDue {
        height: auto;
        border: round $primary 40%;
        border-title-color: $text-primary;
        padding: 0 1;
        margin-bottom: 1;
        &:focus-within { border: round $primary; }
    }
    TodayDue #due-summary { color: $text-secondary; }
    TodayDue ListView { height: auto; max-height: 10; background: transparent; }
    TodayDue ListItem { padding: 0 0 0 2; background: transparent; }
    TodayDue ListItem > Label { width: 1fr; height: auto; }
    TodayDue ListItem.due-heading { padding: 0; }
    TodayDue ListItem.due-heading:disabled { color: $text-primary; text-style: bold; opacity: 1; }
    TodayDue ListItem.-done { color: $text-muted; }
    TodayDue ListView:focus > ListItem.-highlight { background: $primary 30%; }
    TodayDue #due-streak { color: $text-secondary; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "d", "did_it", N_("I did this"), tooltip=N_("Mark it done today by hand, or undo that")
        ),
        Binding("i", "insights", N_("Insights")),
        Binding("w", "report", N_("Report"), tooltip=N_("Write the report for your next session")),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view: TodayView | None = None
        self.checked_off: set[str] = set()  # assignment ids ticked by hand today
        self._shown: tuple[object, ...] | None = None

    @property
    def homework(self) -> HomeworkAppProtocol:
        return homework_of(self.app)

    def compose(self) -> ComposeResult:
        yield Static(Text(_(NO_PLAN)), id="due-summary")
        yield DueList(id="due-list")
        yield Static("", id="due-streak")

    def on_mount(self) -> None:
        self.border_title = _("Today's homework")
        self.query_one("#due-list").display = False
        self.query_one("#due-streak").display = False
        signal = getattr(self.homework, "data_ready_signal", None)
        if signal is not None:
            signal.subscribe(self, lambda _store: self.reload())
        self.call_after_refresh(self.reload)  # the data may be open already

    # -- loading ---------------------------------------------------------------------------------

    def reload(self) -> None:
        store = getattr(self.app, "store", None)
        if store is not None and self.is_mounted:
            self._load(store)

    @work(thread=True, exclusive=True, group="today-due", exit_on_error=False)
    def _load(self, store: Store) -> None:
        from homework_tui.store.activities import gather
        from homework_tui.store.plan import assignments, plan_info

        today = date.today()
        found = gather(store)
        view = today_view(assignments(store), found, today)
        ticked = {a.assignment_id for a in found if a.assignment_id and a.day == today}
        self.post_message(DueLoaded(view, ticked, plan_info(store).load().relax_suggested))

    @on(DueLoaded)
    async def _show(self, message: DueLoaded) -> None:
        # Not stopped: it bubbles on to the Today screen, which words "where to start" by it.
        view = self.view = message.view
        self.checked_off = message.checked_off
        summary = self.query_one("#due-summary", Static)
        items: list[ListItem] = []
        groups: list[tuple[str, tuple[Progress, ...]]] = [
            (_("For today"), view.to_do),
            (_("This week"), tuple(p for p in view.this_week if not _coming(p))),
            (_("Coming up"), tuple(p for p in view.this_week if _coming(p))),
            (_("Still open, whenever you are ready"), view.still_open),
            (_("Done"), view.done),
        ]
        for heading, group in groups:
            if not group:
                continue
            items.append(DueHeading(heading))
            for progress in group:
                mark = MARKS.get(progress.status, "○")
                row = Text(f"{mark} ")
                row.append(progress.line())
                if progress.assignment.id in self.checked_off:
                    row.append("  " + _("(ticked by hand)"), style="dim")
                done = " -done" if progress.status is Status.DONE else ""
                items.append(DueRow(row, assignment=progress.assignment, classes=done))
        if view.waiting:
            items.append(DueHeading(_("Waiting for an outcome")))
            for activity in view.waiting:
                items.append(
                    DueRow(Text(f"… {activity.title or _('An experiment')}"), activity=activity)
                )
        if view.started:
            items.append(DueHeading(_("Started, finish when you like")))
            for activity in view.started:
                when = heading_date(activity.day)
                title = activity.title if len(activity.title) <= 40 else (activity.title[:39] + "…")
                items.append(
                    DueRow(Text(f"… {_(activity.kind.label)}: {title} ({when})"), activity=activity)
                )
        if view.has_plan:
            summary.update(Text(f"{heading_date(view.day)}. {view.summary()}"))
        elif view.logged_today:
            count = len(view.logged_today)
            logged = ngettext(
                "{n} piece of homework logged today.", "{n} pieces of homework logged today.", count
            ).format(n=count)
            summary.update(Text(f"{logged} {_(NO_PLAN)}"))
        else:
            summary.update(Text(_(NO_PLAN)))
        streak = self.query_one("#due-streak", Static)
        streak.update(Text(view.streak.line()))
        streak.display = view.has_plan or bool(view.streak.best)
        listing = self.query_one("#due-list", ListView)
        shown = tuple((getattr(i, "key", ""), getattr(i, "text", None)) for i in items)
        if shown == self._shown:  # nothing changed: leave the list (and the cursor) alone
            return
        self._shown = shown
        current = self._highlighted()
        keep = current.key if current is not None else None
        await listing.clear()
        if items:
            await listing.extend(items)
            rows = [i for i, item in enumerate(items) if isinstance(item, DueRow)]
            same = [i for i in rows if cast(DueRow, items[i]).key == keep]
            listing.index = (same or rows)[0]
        listing.display = bool(items)

    # -- actions ---------------------------------------------------------------------------------

    def _highlighted(self) -> DueRow | None:
        item = self.query_one("#due-list", ListView).highlighted_child
        return item if isinstance(item, DueRow) else None

    @on(ListView.Selected, "#due-list")
    def _selected(self, event: ListView.Selected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        row = self._highlighted()
        if row is None:
            return
        kind = row.assignment.kind if row.assignment else row.activity.kind  # type: ignore[union-attr]
        section = kind.section
        if section is None:  # homework the app cannot see: ticking it off is how it is done
            self.action_did_it()
            return
        self.homework.open_section(section)

    def action_did_it(self) -> None:
        row = self._highlighted()
        store = getattr(self.app, "store", None)
        if row is None or row.assignment is None or store is None:
            if row is not None and row.activity is not None:
                self.notify(
                    _("This one is finished where it was started — press Enter to go there."),
                    title=_("Homework"),
                    markup=False,
                )
            return
        if getattr(self.app, "read_only", False):
            self.notify(
                _("This window is read-only, so nothing can be marked here."),
                title=_("Read-only"),
                severity="warning",
                markup=False,
            )
            return
        undo = row.assignment.id in self.checked_off
        self._tick(store, row.assignment, undo)

    @work(thread=True, group="today-due-write", exit_on_error=False)
    def _tick(self, store: Store, assignment: Assignment, undo: bool) -> None:
        from homework_tui.store import StoreError
        from homework_tui.store.plan import check_off, undo_check_off

        try:
            if undo:
                undo_check_off(store, assignment, date.today())
            else:
                check_off(store, assignment, date.today())
        except StoreError as error:
            self.app.call_from_thread(
                self.notify, str(error), title=_("Not saved"), severity="warning", markup=False
            )
            return
        if undo:
            message = _("Taken back.")
        else:
            message = _("Marked as done today: {name}. Well done.").format(name=assignment.name)
        self.app.call_from_thread(self.notify, message, title=_("Today"), markup=False)
        self.app.call_from_thread(self.reload)

    def action_insights(self) -> None:
        self.post_message(InsightsWanted())

    def action_report(self) -> None:
        self.post_message(ReportWanted())

    def check_action(self, action: str, parameters: tuple[Any, ...]) -> bool | None:
        if action in ("open", "did_it"):
            return self._highlighted() is not None
        return True


def heading_date(day: date) -> str:
    """ "Thu 26 November" in English (as the plan writes it), "jeudi 26 novembre" in French."""
    if current_language() in ("es", "de", "fr", "pt", "it"):
        return day_and_date(day)
    return short_date(day)


def _coming(progress: Progress) -> bool:
    """A once-by-a-date homework whose date is still ahead."""
    return progress.assignment.frequency.every is Every.ONCE and progress.status is Status.WEEK
