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
from textual.widgets import Header, Sparkline, Static

from homework_tui.i18n import N_, _
from homework_tui.model.insights import MONTH_DAYS, WEEK_DAYS, Insights, insights, period_ending
from homework_tui.ui.base import HomeworkScreen
from homework_tui.ui.language.dates import heading_date
from homework_tui.ui.widgets.footer import Footer

LOADING = N_("Looking back over your homework…")


def counts_table(found: Insights) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right")
    table.add_column()
    for kind, count in found.counts:
        words = kind.singular if count == 1 else kind.plural
        table.add_row(Text(str(count), style="bold"), Text(_(words)))
    return table


class InsightsScreen(HomeworkScreen[None]):
    """Pushed over the current screen; Esc goes back."""

    CSS_PATH = "insights.tcss"
    TITLE = N_("Insights")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("w", "period(7)", N_("Week")),
        Binding("m", "period(30)", N_("Month")),
    ]

    def __init__(self, days: int = WEEK_DAYS) -> None:
        super().__init__(classes="insights")
        self.days = days
        self.found: Insights | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="·")
        with VerticalScroll(id="insights", classes="page"):
            yield Static(Text(_(LOADING)), id="insights-period", classes="page-title")
            yield Static("", id="insights-words")
            yield Static(Text(_("Homework each day"), style="bold"), id="insights-chart-title")
            yield Sparkline([], id="insights-chart")
            yield Static("", id="insights-chart-range", classes="hint")
            yield Static("", id="insights-counts")
        yield Footer()

    def on_mount(self) -> None:
        self.title = _(self.TITLE)
        self.sub_title = _("the last {n} days").format(n=7)
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
        self.sub_title = _("the last {n} days").format(n=found.days)
        first, last = heading_date(found.first), heading_date(found.last)
        if found.days == WEEK_DAYS:
            period = _("Your last week: {first} to {last}")
        elif found.days == MONTH_DAYS:
            period = _("Your last month: {first} to {last}")
        else:
            period = _("Your last {n} days: {first} to {last}")
        self.query_one("#insights-period", Static).update(
            Text(period.format(n=found.days, first=first, last=last))
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
            Text(
                _("{first} → {last} · most in a day: {most}").format(
                    first=first, last=last, most=most
                )
            )
        )
        show_chart = any(found.per_day)
        for selector in ("#insights-chart-title", "#insights-chart", "#insights-chart-range"):
            self.query_one(selector).display = show_chart
        self.query_one("#insights-counts", Static).update(counts_table(found))
        self.refresh_bindings()
