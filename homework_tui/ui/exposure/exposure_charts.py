"""One step's charts and its exposures: within a session, across repeats, predicted vs peak.

Each chart has its numbers in words beneath it, so nothing depends on reading a plot. The last tab
lists every exposure on the step: Enter changes one, d removes it (u brings it back).
Dismisses with True when an exposure was changed or removed, so the ladder is redrawn.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane

from homework_tui.model.exposure import Exposure, Ladder, Step
from homework_tui.model.exposure.expectancy import Happened
from homework_tui.model.exposure.mastery import (
    Judgement,
    between_sessions,
    mean_expectancy_violation,
)
from homework_tui.store.errors import StoreError
from homework_tui.ui.base import HomeworkScreen, saving
from homework_tui.ui.dialogs import EVERYWHERE
from homework_tui.ui.exposure.exposure_curve import ExposureCurve
from homework_tui.ui.exposure.exposure_data import ExposureBook, ExposureData

TABS = ("during", "repeats", "expectancy", "logs")


class LogTable(DataTable[Text]):
    """The step's exposures; Enter changes the highlighted one (and says so in the footer)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Change", key_display="⏎"),
        Binding("d,delete", "screen.remove", "Remove", key_display="d"),
    ]


def session_words(exposure: Exposure | None, index: int, count: int) -> Text:
    if exposure is None:
        return Text(
            "No timed exposures on this step yet. Press t on the ladder to time one: the "
            "ratings you give along the way draw this curve."
        )
    drop = exposure.within_drop
    text = Text(f"Timed exposure {index + 1} of {count}, {exposure.started_at:%a %-d %b %H:%M}: ")
    text.append(f"peak {exposure.peak} → end {exposure.end}")
    if exposure.peak:
        text.append(f", down {drop} ({round(exposure.within_drop_share * 100)}% of the peak)")
    text.append(".  [ and ] for other timed exposures.")
    return text


def repeats_words(exposures: list[Exposure]) -> Text:
    figures = between_sessions(exposures)
    if figures is None:
        return Text(
            "After two or more exposures on this step, this shows how the peak and end "
            "change from one time to the next."
        )
    return Text(
        f"Over {figures.repeats} exposures the peak went {figures.first_peak} → "
        f"{figures.last_peak} and the end {figures.first_end} → {figures.last_end}."
    )


def counts_words(judgement: Judgement) -> str:
    """“yes” or “not counted: left early”: why, in words, never colour alone."""
    return "yes" if judgement.counts else judgement.words


def feared_words(exposures: list[Exposure]) -> str:
    """How often what was feared came true, over the exposures where it was written down."""
    answered = [e for e in exposures if e.feared_outcome and e.outcome is not None]
    if not answered:
        return (
            "Write what you fear will happen when you log an exposure, and afterwards whether "
            "it happened: that is what each practice tests."
        )
    came_true = sum(1 for e in answered if e.outcome is Happened.YES)
    partly = sum(1 for e in answered if e.outcome is Happened.PARTLY)
    times = len(answered)
    return (
        f"What you feared happened {came_true} of {times} time{'s' if times != 1 else ''}"
        + (f", partly {partly}" if partly else "")
        + "."
    )


def expectancy_words(exposures: list[Exposure]) -> Text:
    average = mean_expectancy_violation(exposures)
    feared = feared_words(exposures)
    if average is None:
        return Text(
            f"{feared} Give a predicted SUDS when you log an exposure to compare the distress "
            "you expected with what you felt."
        )
    higher = "lower" if average >= 0 else "higher"
    return Text(f"{feared} On average the peak was {abs(average):.0f} {higher} than you predicted.")


class StepChartsScreen(HomeworkScreen[bool]):
    CSS_PATH = "exposure.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "tab('during')", "During", show=False),
        Binding("2", "tab('repeats')", "Repeats", show=False),
        Binding("3", "tab('expectancy')", "Predicted", show=False),
        Binding("4", "tab('logs')", "All logs", show=False),
        Binding("left_square_bracket", "session(-1)", "Earlier", show=False),
        Binding("right_square_bracket", "session(1)", "Later", show=False),
        Binding("d,delete", "remove", "Remove", show=False),
        Binding("u", "undo", "Undo"),
        Binding("escape", "close", "Back", key_display="Esc"),
        *EVERYWHERE,
    ]

    def __init__(self, ladder: Ladder, step: Step, data: ExposureData) -> None:
        super().__init__(classes="exposure-charts")
        self.ladder = ladder
        self.step_ = step
        self.data = data
        self.exposures = data.for_step(step.id)
        timed = [e for e in self.exposures if e.timed]
        self.session = len(timed) - 1
        self.changed = False
        self.undo_id: str | None = None

    @property
    def timed(self) -> list[Exposure]:
        return [e for e in self.exposures if e.timed]

    def compose(self) -> ComposeResult:
        yield Header(icon="·")
        heading = Text(self.step_.description, style="bold")
        heading.append(f"  SUDS {self.step_.suds}", style="dim")
        yield Static(heading, id="charts-step")
        with TabbedContent(id="charts-tabs"):
            with TabPane("1 During", id="during"):
                yield ExposureCurve(id="curve-during")
                yield Static(id="words-during", classes="chart-words")
            with TabPane("2 Repeats", id="repeats"):
                yield ExposureCurve(id="curve-repeats")
                yield Static(id="words-repeats", classes="chart-words")
            with TabPane("3 Predicted", id="expectancy"):
                yield ExposureCurve(id="curve-expectancy")
                yield Static(id="words-expectancy", classes="chart-words")
            with TabPane("4 All logs", id="logs"):
                yield LogTable(id="logs-table", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Charts"
        self.sub_title = self.ladder.name
        table = self.query_one(DataTable)
        labels = ("Date", "Min", "Predicted", "Before", "Peak", "End", "Safety", "Counts")
        for label in labels:
            table.add_column(label, key=label.lower())
        self.draw()
        if not self.timed and self.exposures:
            self.query_one(TabbedContent).active = "repeats"

    def draw(self) -> None:
        timed = self.timed
        self.session = max(0, min(self.session, len(timed) - 1))
        current = timed[self.session] if timed else None
        during = self.query_one("#curve-during", ExposureCurve)
        during.plot_readings(
            current.readings if current else (), current.predicted if current else None
        )
        self.query_one("#words-during", Static).update(
            session_words(current, self.session, len(timed))
        )
        self.query_one("#curve-repeats", ExposureCurve).plot_repeats(self.exposures)
        self.query_one("#words-repeats", Static).update(repeats_words(self.exposures))
        self.query_one("#curve-expectancy", ExposureCurve).plot_expectancy(self.exposures)
        self.query_one("#words-expectancy", Static).update(expectancy_words(self.exposures))
        table = self.query_one(DataTable)
        table.clear()

        def cell(value: int | None) -> Text:
            return Text("–" if value is None else str(value))

        for exposure in reversed(self.exposures):
            table.add_row(
                Text(f"{exposure.started_at:%a %-d %b %H:%M}"),
                cell(exposure.minutes),
                cell(exposure.predicted),
                cell(exposure.before),
                cell(exposure.peak),
                cell(exposure.end),
                Text(", ".join(exposure.safety_behaviours) or "–"),
                Text(counts_words(self.data.judgement(exposure))),
                key=exposure.id,
            )

    # -- actions -----------------------------------------------------------------------------

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        if tab == "logs":
            self.query_one(DataTable).focus()

    def action_session(self, delta: int) -> None:
        self.session += delta
        self.draw()

    def _current_id(self) -> str | None:
        table = self.query_one(DataTable)
        if self.query_one(TabbedContent).active != "logs" or not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    @on(DataTable.RowSelected)
    def _edit(self, event: DataTable.RowSelected) -> None:
        from homework_tui.ui.exposure.exposure_log import ExposureLogScreen

        event.stop()
        exposure = next((e for e in self.exposures if e.id == event.row_key.value), None)
        if exposure is None:
            return
        self.app.push_screen(
            ExposureLogScreen(self.ladder, self.step_, self.data.settings, exposure=exposure),
            self._edited,
        )

    def _edited(self, exposure: Exposure | None) -> None:
        if exposure is None:
            return
        self.changed = True
        self.exposures = sorted(
            [exposure, *(e for e in self.exposures if e.id != exposure.id)],
            key=lambda e: e.started_at,
        )
        self.data = replace(
            self.data,
            exposures=(exposure, *(e for e in self.data.exposures if e.id != exposure.id)),
        )
        self.draw()

    def action_remove(self) -> None:
        exposure_id = self._current_id()
        if exposure_id is not None:
            self._change(exposure_id, remove=True)

    def action_undo(self) -> None:
        if self.undo_id is not None:
            self._change(self.undo_id, remove=False)

    @work(thread=True, group="charts-change")
    def _change(self, exposure_id: str, remove: bool) -> None:
        store = self.homework.store
        try:
            assert store is not None
            book = ExposureBook(store)
            with saving(self):
                if remove:
                    book.remove_exposure(exposure_id)
                else:
                    book.restore_exposure(exposure_id)
            exposures = book.load().for_step(self.step_.id)
        except StoreError as error:
            self.app.call_from_thread(
                self.notify, str(error), title="Not changed", severity="warning", markup=False
            )
            return
        self.app.call_from_thread(self._changed, exposures, exposure_id if remove else None)

    def _changed(self, exposures: list[Exposure], removed: str | None) -> None:
        self.changed = True
        self.exposures = exposures
        self.undo_id = removed
        self.draw()
        if removed:
            self.notify(
                "Exposure moved to the trash. Press u to bring it back.", timeout=8, markup=False
            )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            return self.undo_id is not None
        if action == "remove":
            return self._current_id() is not None
        if action == "session":
            return len(self.timed) > 1
        return True

    def action_close(self) -> None:
        self.dismiss(self.changed)
