"""The diaries' charts: mood over the last two weeks, and two weeks of sleep (total sleep and
sleep efficiency each night). One row per day, the number beside each bar, so nothing is carried by
colour alone and a screen reader reads every figure."""

from __future__ import annotations

from datetime import date, timedelta
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Header, Static

from homework_tui.i18n import N_, _
from homework_tui.model.base import now
from homework_tui.model.diaries.charts import day_chart
from homework_tui.model.diaries.mood import MoodEntry, daily_moods
from homework_tui.model.diaries.sleep import SleepEntry
from homework_tui.store.wellbeing import moods, sleeps
from homework_tui.ui.base import HomeworkScreen
from homework_tui.ui.widgets.footer import Footer

DAYS = 14
SLEEP_NOTE = N_("Hours asleep each night, and the % of time in bed spent asleep.")
BAR = 12


def mood_lines(entries: list[MoodEntry], today: date) -> list[str]:
    values = daily_moods(entries, today, DAYS)
    return [
        _("Mood, 0 lowest to 10 best"),
        "",
        *day_chart(values, today, high=10, width=BAR, unit="/10", missing=_("not written")),
    ]


def sleep_lines(entries: list[SleepEntry], today: date) -> list[str]:
    by_morning = {e.woke_on: e for e in sorted(entries, key=lambda e: e.created_at)}
    first = today - timedelta(days=DAYS - 1)
    days = [first + timedelta(days=n) for n in range(DAYS)]
    hours = [round(by_morning[d].total_sleep / 60, 1) if d in by_morning else None for d in days]
    lines = day_chart(hours, today, high=10, width=BAR, unit=" h", missing=_("no diary"))
    for index, day in enumerate(days):
        if day in by_morning:
            lines[index] += f", {by_morning[day].efficiency}%"
    return [_("Sleep, by the morning you woke"), _(SLEEP_NOTE), *lines]


class DiaryChartsScreen(HomeworkScreen[None]):
    CSS_PATH = "diaries.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", N_("Back"), key_display="Esc"),
    ]

    def __init__(self, today: date | None = None) -> None:
        super().__init__(classes="diary-charts")
        self.today = today or now().date()

    def compose(self) -> ComposeResult:
        yield Header(icon="·")
        with VerticalScroll(id="charts"), Horizontal(id="chart-row"):
            yield Static(id="mood-chart", classes="chart")
            yield Static(id="sleep-chart", classes="chart")
        yield Footer()

    def on_mount(self) -> None:
        self.title = _("Diaries")
        self.sub_title = _("the last two weeks")
        self.query_one("#charts").focus()
        self._load()

    @work(thread=True, exclusive=True, group="load")
    def _load(self) -> None:
        store = self.homework.store
        if store is None:
            return
        mood = mood_lines(moods(store).all(), self.today)
        sleep = sleep_lines(sleeps(store).all(), self.today)
        self.app.call_from_thread(self._show, mood, sleep)

    def _show(self, mood: list[str], sleep: list[str]) -> None:
        self.query_one("#mood-chart", Static).update(Text("\n".join(mood)))
        self.query_one("#sleep-chart", Static).update(Text("\n".join(sleep)))
