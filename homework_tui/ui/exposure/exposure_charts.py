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
from textual.widgets import DataTable, Header, Static, TabbedContent, TabPane

from homework_tui.i18n import N_, _, ngettext
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
from homework_tui.ui.diaries.day_text import day_time_text
from homework_tui.ui.exposure.exposure_curve import ExposureCurve
from homework_tui.ui.exposure.exposure_data import ExposureBook, ExposureData
from homework_tui.ui.widgets.footer import Footer

TABS = ("during", "repeats", "expectancy", "logs")


class LogTable(DataTable[Text]):
    """The step's exposures; Enter changes the highlighted one (and says so in the footer)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", N_("Change"), key_display="⏎"),
        Binding("d,delete", "screen.remove", N_("Remove"), key_display="d"),
    ]


def session_words(exposure: Exposure | None, index: int, count: int) -> Text:
    if exposure is None:
        return Text(
            _(
                "No timed exposures on this step yet. Press t on the ladder to time one: the "
                "ratings you give along the way draw this curve."
            )
        )
    drop = exposure.within_drop
    if exposure.peak:
        words = _(
            "Timed exposure {number} of {count}, {when}: peak {peak} → end {end}, down {drop} "
            "({share}% of the peak).  [ and ] for other timed exposures."
        )
    else:
        words = _(
            "Timed exposure {number} of {count}, {when}: peak {peak} → end {end}.  "
            "[ and ] for other timed exposures."
        )
    return Text(
        words.format(
            number=index + 1,
            count=count,
            when=day_time_text(exposure.started_at),
            peak=exposure.peak,
            end=exposure.end,
            drop=drop,
            share=round(exposure.within_drop_share * 100),
        )
    )


def repeats_words(exposures: list[Exposure]) -> Text:
    figures = between_sessions(exposures)
    if figures is None:
        return Text(
            _(
                "After two or more exposures on this step, this shows how the peak and end "
                "change from one time to the next."
            )
        )
    return Text(
        ngettext(
            "Over {n} exposure the peak went {first_peak} → {last_peak} and the end "
            "{first_end} → {last_end}.",
            "Over {n} exposures the peak went {first_peak} → {last_peak} and the end "
            "{first_end} → {last_end}.",
            figures.repeats,
        ).format(
            n=figures.repeats,
            first_peak=figures.first_peak,
            last_peak=figures.last_peak,
            first_end=figures.first_end,
            last_end=figures.last_end,
        )
    )


def counts_words(judgement: Judgement) -> str:
    """“yes” or “not counted: left early”: why, in words, never colour alone."""
    return _("yes") if judgement.counts else _(judgement.words)


def feared_words(exposures: list[Exposure]) -> str:
    """How often what was feared came true, over the exposures where it was written down."""
    answered = [e for e in exposures if e.feared_outcome and e.outcome is not None]
    if not answered:
        return _(
            "Write what you fear will happen when you log an exposure, and afterwards whether "
            "it happened: that is what each practice tests."
        )
    came_true = sum(1 for e in answered if e.outcome is Happened.YES)
    partly = sum(1 for e in answered if e.outcome is Happened.PARTLY)
    times = len(answered)
    if partly:
        words = ngettext(
            "What you feared happened {came_true} of {n} time, partly {partly}.",
            "What you feared happened {came_true} of {n} times, partly {partly}.",
            times,
        )
    else:
        words = ngettext(
            "What you feared happened {came_true} of {n} time.",
            "What you feared happened {came_true} of {n} times.",
            times,
        )
    return words.format(came_true=came_true, n=times, partly=partly)


def expectancy_words(exposures: list[Exposure]) -> Text:
    average = mean_expectancy_violation(exposures)
    feared = feared_words(exposures)
    if average is None:
        return Text(
            _(
                "{feared} Give a predicted SUDS when you log an exposure to compare the distress "
                "you expected with what you felt."
            ).format(feared=feared)
        )
    if average >= 0:
        words = _("{feared} On average the peak was {difference} lower than you predicted.")
    else:
        words = _("{feared} On average the peak was {difference} higher than you predicted.")
    return Text(words.format(feared=feared, difference=f"{abs(average):.0f}"))


class StepChartsScreen(HomeworkScreen[bool]):
    CSS_PATH = "exposure.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "tab('during')", N_("During"), show=False),
        Binding("2", "tab('repeats')", N_("Repeats"), show=False),
        Binding("3", "tab('expectancy')", N_("Predicted"), show=False),
        Binding("4", "tab('logs')", N_("All logs"), show=False),
        Binding("left_square_bracket", "session(-1)", N_("Earlier"), show=False),
        Binding("right_square_bracket", "session(1)", N_("Later"), show=False),
        Binding("d,delete", "remove", N_("Remove"), show=False),
        Binding("u", "undo", N_("Undo")),
        Binding("escape", "close", N_("Back"), key_display="Esc"),
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
        heading.append("  " + _("SUDS {suds}").format(suds=self.step_.suds), style="dim")
        yield Static(heading, id="charts-step")
        with TabbedContent(id="charts-tabs"):
            with TabPane(_("1 During"), id="during"):
                yield ExposureCurve(id="curve-during")
                yield Static(id="words-during", classes="chart-words")
            with TabPane(_("2 Repeats"), id="repeats"):
                yield ExposureCurve(id="curve-repeats")
                yield Static(id="words-repeats", classes="chart-words")
            with TabPane(_("3 Predicted"), id="expectancy"):
                yield ExposureCurve(id="curve-expectancy")
                yield Static(id="words-expectancy", classes="chart-words")
            with TabPane(_("4 All logs"), id="logs"):
                yield LogTable(id="logs-table", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        self.title = _("Charts")
        self.sub_title = self.ladder.name
        table = self.query_one(DataTable)
        labels = (
            N_("Date"),
            N_("Min"),
            N_("Predicted"),
            N_("Before"),
            N_("Peak"),
            N_("End"),
            N_("Safety"),
            N_("Counts"),
        )
        for label in labels:
            table.add_column(_(label), key=label.lower())
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
                Text(day_time_text(exposure.started_at)),
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
                self.notify, str(error), title=_("Not changed"), severity="warning", markup=False
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
                _("Exposure moved to the trash. Press u to bring it back."),
                timeout=8,
                markup=False,
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
