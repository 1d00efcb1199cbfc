"""What the person's thought records show over time: the thinking traps they notice most, and how
much their moods eased from column 2 to column 7, as a small chart."""

from __future__ import annotations

from statistics import mean
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from homework_tui.i18n import N_, _, ngettext
from homework_tui.model.insights import label_counts, mood_shifts
from homework_tui.model.thought_record import ThoughtRecord
from homework_tui.ui.base import HomeworkScreen
from homework_tui.ui.language.dates import day_month
from homework_tui.ui.widgets.chart_marks import AFTER, BEFORE
from homework_tui.ui.widgets.footer import Footer

BAR = 24


def traps_text(records: list[ThoughtRecord]) -> Text:
    counts = label_counts(records)
    if not counts:
        return Text(
            _(
                "No thinking traps ticked yet. When you tick them on a record (step 4), the ones "
                "you notice most will show here."
            ),
            style="dim italic",  # i18n: not shown
        )
    counts = [(_(name), count) for name, count in counts]
    top = counts[0][1]
    width = min(28, max(len(name) for name, _count in counts))
    text = Text()
    for index, (name, count) in enumerate(counts[:12]):
        if index:
            text.append("\n")
        text.append(name[:width].ljust(width) + "  ")
        filled = max(1, round(count * BAR / top))
        text.append("█" * filled, style="bold")
        text.append(f" {count}")
    return text


def shift_summary(records: list[ThoughtRecord]) -> Text:
    shifts = mood_shifts(records)
    if not shifts:
        return Text(
            _(
                "Once you re-rate your moods at the end of a record (step 8), you will see here "
                "how much they shifted."
            ),
            style="dim italic",  # i18n: not shown
        )
    before = mean(s.before for s in shifts)
    after = mean(s.after for s in shifts)
    drop = before - after
    n = len(shifts)
    if drop > 0:
        sentence = ngettext(
            "Across {n} record, your moods eased by {points} points on average between the start "
            "and the end of the record (from {before} to {after} out of 100).",
            "Across {n} records, your moods eased by {points} points on average between the "
            "start and the end of the record (from {before} to {after} out of 100).",
            n,
        )
    elif drop < 0:
        sentence = ngettext(
            "Across {n} record, your moods rose by {points} points on average between the start "
            "and the end of the record (from {before} to {after} out of 100).",
            "Across {n} records, your moods rose by {points} points on average between the start "
            "and the end of the record (from {before} to {after} out of 100).",
            n,
        )
    else:
        sentence = ngettext(
            "Across {n} record, your moods stayed about the same on average between the start "
            "and the end of the record (from {before} to {after} out of 100).",
            "Across {n} records, your moods stayed about the same on average between the start "
            "and the end of the record (from {before} to {after} out of 100).",
            n,
        )
    return Text(
        sentence.format(
            n=n,
            points=f"{abs(drop):.0f}",
            before=f"{before:.0f}",
            after=f"{after:.0f}",
        )
    )


class ThoughtInsightScreen(HomeworkScreen[None]):
    CSS_PATH = "thought_records.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", N_("Back"), key_display="Esc"),
    ]

    def __init__(self, records: list[ThoughtRecord]) -> None:
        super().__init__(classes="thought-insight")
        self.records = records

    def compose(self) -> ComposeResult:
        yield Header(icon="·")
        with VerticalScroll(id="insight", classes="page"):
            yield Static(Text(_("Thinking traps you noticed most")), classes="detail-heading")
            yield Static(traps_text(self.records), id="insight-traps", classes="detail-body")
            yield Static(Text(_("How your moods shifted")), classes="detail-heading")
            yield Static(shift_summary(self.records), id="insight-summary", classes="detail-body")
            if len(mood_shifts(self.records)) >= 2:
                from textual_plotext import PlotextPlot

                yield PlotextPlot(id="insight-chart")
        yield Footer()

    def on_mount(self) -> None:
        self.title = _("Thought records")
        self.sub_title = _("insight")
        self.query_one("#insight").focus()
        charts = self.query("#insight-chart")
        if charts:
            self._draw(charts.first())

    def _draw(self, chart: object) -> None:
        shifts = mood_shifts(self.records)[-30:]
        plt = chart.plt  # type: ignore[attr-defined]
        xs = list(range(1, len(shifts) + 1))
        plt.plot(xs, [s.before for s in shifts], label=_("before"), marker=BEFORE, color="orange")
        plt.plot(xs, [s.after for s in shifts], label=_("after"), marker=AFTER, color="green")
        plt.ylim(0, 100)
        plt.yticks([0, 25, 50, 75, 100])
        step = max(1, len(xs) // 6)
        plt.xticks(xs[::step], [day_month(s.when) for s in shifts][::step])
        plt.title(_("Average mood at the start and end of each record"))
