"""Past relaxation sessions: a table, newest first, and a chart of the ratings before and after
over time (anxiety 0-10 is drawn ×10 on the same 0-100 axis), so the person can see relaxing
getting easier."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import DataTable, Header, Static
from textual_plotext import PlotextPlot

from homework_tui.i18n import N_, _, decimal
from homework_tui.model.relaxation import RelaxationSession
from homework_tui.ui.base import HomeworkScreen
from homework_tui.ui.diaries.day_text import day_text, day_time_text
from homework_tui.ui.widgets.chart_marks import AFTER, BEFORE
from homework_tui.ui.widgets.footer import Footer

EMPTY = N_(
    "No sessions logged yet. After your first one, it shows here with your ratings, "
    "and a chart of before and after builds up over time."
)


def minutes_text(session: RelaxationSession) -> str:
    return decimal(session.actual_seconds / 60)


class RatingsChart(PlotextPlot):
    DEFAULT_CSS = """
    RatingsChart { height: 1fr; min-height: 8; }
    """

    def plot(self, sessions: list[RelaxationSession]) -> None:
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        rated = [
            s
            for s in sorted(sessions, key=lambda s: s.created_at)
            if s.before is not None or s.after is not None
        ]
        anxiety = any(s.scale == "anxiety" for s in rated)
        if anxiety:
            plt.title(_("How you felt before (●) and after (○), 0-100 (anxiety 0-10 drawn ×10)"))
        else:
            plt.title(_("How you felt before (●) and after (○), 0-100"))
        plt.ylim(0, 100)
        plt.yticks([0, 25, 50, 75, 100])
        xs_b, ys_b, xs_a, ys_a = [], [], [], []
        for n, session in enumerate(rated, start=1):
            before, after = session.as_tension
            if before is not None:
                xs_b.append(n)
                ys_b.append(before)
            if after is not None:
                xs_a.append(n)
                ys_a.append(after)
        if xs_b:
            plt.plot(xs_b, ys_b, marker=BEFORE, label=_("before"), color="orange")
        if xs_a:
            plt.plot(xs_a, ys_a, marker=AFTER, label=_("after"), color="cyan")
        if rated:
            plt.xticks(
                list(range(1, len(rated) + 1)),
                [day_text(s.created_at.date(), weekday=False) for s in rated],
            )
        plt.xlabel(_("sessions, oldest first"))
        self.refresh()


class RelaxHistoryScreen(HomeworkScreen[None]):
    DEFAULT_CSS = """
    RelaxHistoryScreen DataTable { height: 1fr; min-height: 5; }
    RelaxHistoryScreen #rx-history-empty { padding: 1 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = []

    def compose(self) -> ComposeResult:
        yield Header(icon="·")
        yield Static(Text(_(EMPTY)), id="rx-history-empty", classes="calm-note")
        yield DataTable(id="rx-history", cursor_type="row", zebra_stripes=False)
        yield RatingsChart(id="rx-chart")
        yield Footer()

    def on_mount(self) -> None:
        self.title = _("Relax: your sessions")
        table = self.query_one(DataTable)
        for label, key in (
            (_("Date"), "date"),
            (_("Session"), "session"),
            (_("Minutes"), "minutes"),
            (_("Before → after"), "ratings"),
            ("", "done"),
            (_("Note"), "note"),
        ):
            table.add_column(label, key=key)
        table.focus()
        self.load()

    @work(thread=True, exclusive=True, group="relax-history")
    def load(self) -> None:
        from homework_tui.ui.relax.relax_data import sessions_repo

        store = self.homework.store
        if store is None:
            return
        sessions = sessions_repo(store).all()
        self.app.call_from_thread(self.show, sessions)

    def show(self, sessions: list[RelaxationSession]) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for s in sessions:
            table.add_row(
                Text(day_time_text(s.created_at)),
                Text(_(s.title) if s.title else s.pattern),
                Text(minutes_text(s)),
                Text(s.rating_line() or _("not rated")),
                Text(s.outcome),
                Text(" ".join(s.note.split())[:40]),
                key=s.id,
            )
        empty = not sessions
        self.query_one("#rx-history-empty").display = empty
        table.display = not empty
        self.query_one(RatingsChart).display = not empty
        self.query_one(RatingsChart).plot(sessions)
