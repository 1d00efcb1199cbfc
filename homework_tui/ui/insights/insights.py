"""Insights: a look back over the last week or month across all homework — how much was
practised each day, mood and SUDS trends, and what relaxation changed. Plain sentences first;
a small chart of practice per day for those who like one. w and m switch between week and month."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Sparkline, Static

from homework_tui.model.insights import MONTH_DAYS, WEEK_DAYS, Insights, insights, period_ending
from homework_tui.model.plan import short_date
from homework_tui.ui.base import HomeworkScreen

LOADING = "Looking back over your homework…"


def counts_table(found: Insights) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right")
    table.add_column()
    for kind, count in found.counts:
        words = kind.singular if count == 1 else kind.plural
        table.add_row(Text(str(count), style="bold"), Text(words))
    return table


class InsightsScreen(HomeworkScreen[None]):
    """Pushed over the current screen; Esc goes back."""

    CSS_PATH = "insights.tcss"
    TITLE = "Insights"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("w", "period(7)", "Week"),
        Binding("m", "period(30)", "Month"),
    ]

    def __init__(self, days: int = WEEK_DAYS) -> None:
        super().__init__(classes="insights")
        self.days = days
        self.found: Insights | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="·")
        with VerticalScroll(id="insights", classes="page"):
            yield Static(Text(LOADING), id="insights-period", classes="page-title")
            yield Static("", id="insights-words")
            yield Static(Text("Homework each day", style="bold"), id="insights-chart-title")
            yield Sparkline([], id="insights-chart")
            yield Static("", id="insights-chart-range", classes="hint")
            yield Static("", id="insights-counts")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "the last 7 days"
        self.query_one(VerticalScroll).focus()
        self.load()

    def action_period(self, days: int) -> None:
        if days != self.days:
            self.days = days
            self.load()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "period" and parameters:
            return None if parameters[0] == self.days else True
        return True

    @work(thread=True, exclusive=True, group="insights", exit_on_error=False)
    def load(self) -> None:
        store = self.homework.store
        if store is None:
            return
        from homework_tui.store.activities import gather

        found = insights(gather(store), *period_ending(date.today(), self.days))
        self.app.call_from_thread(self._show, found)

    def _show(self, found: Insights) -> None:
        self.found = found
        name = "week" if found.days == WEEK_DAYS else "month" if found.days == MONTH_DAYS else ""
        self.sub_title = f"the last {found.days} days"
        self.query_one("#insights-period", Static).update(
            Text(
                f"Your last {name or str(found.days) + ' days'}: "
                f"{short_date(found.first)} to {short_date(found.last)}"
            )
        )
        words = Text()
        for number, sentence in enumerate(found.sentences()):
            if number:
                words.append("\n\n")
            words.append(sentence)
        self.query_one("#insights-words", Static).update(words)
        chart = self.query_one("#insights-chart", Sparkline)
        chart.data = [float(n) for n in found.per_day]
        most = max(found.per_day, default=0)
        self.query_one("#insights-chart-range", Static).update(
            Text(f"{short_date(found.first)} → {short_date(found.last)} · most in a day: {most}")
        )
        show_chart = any(found.per_day)
        for selector in ("#insights-chart-title", "#insights-chart", "#insights-chart-range"):
            self.query_one(selector).display = show_chart
        self.query_one("#insights-counts", Static).update(counts_table(found))
        self.refresh_bindings()
