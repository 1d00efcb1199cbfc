"""The live exposure timer: a steady clock, a SUDS rating every few minutes by one keypress.

First, in words, what the person fears will happen and how likely it seems, 0-100 (Enter on an
empty line or Esc skips). Then 0-9 rate 0-90 and h rates 100, at any moment: the predicted peak
(or s to skip), then the rating before, which starts the clock. Every `prompt_minutes` the screen
asks again (and rings the terminal bell once). Enter stops: one last rating; then, when a feared
outcome was written, did it happen (yes / partly / no), how surprised, what was learned (Esc
skips); then the log form opens with everything filled in and the readings kept as the curve.

`clock` is injectable (seconds, monotonic; the Exposure screen hands on its own), so tests move
time by hand instead of waiting. Every rating is written to the draft at once, so a closed
terminal loses none of them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Header, Input, Label, Static

from homework_tui.i18n import N_, _
from homework_tui.model.base import ValidationError, now
from homework_tui.model.draft import Draft
from homework_tui.model.exposure import Ladder, Step
from homework_tui.model.exposure.form import new_fields
from homework_tui.model.exposure.mastery import ExposureSettings
from homework_tui.model.exposure.timer import ExposureTimer, TimerPhase, clock_text
from homework_tui.store.drafts import DraftKeeper, Drafts
from homework_tui.store.errors import StoreError
from homework_tui.ui.base import HomeworkScreen, saving
from homework_tui.ui.dialogs import EVERYWHERE, Choice, ChoiceDialog
from homework_tui.ui.exposure.exposure_curve import ExposureCurve
from homework_tui.ui.widgets.clean_input import CleanInput
from homework_tui.ui.widgets.footer import Footer
from homework_tui.ui.widgets.rating_input import RatingInput

FORM = "exposure"
# Translators: keep the keys 0, 1-9 and h: they are what the person presses.
SCALE = N_("0 calm · 1-9 = 10-90 · h = 100 (the most distress you can imagine)")

QUESTION = {
    TimerPhase.FEAR: N_(
        "Before you begin: what do you fear will happen, and how likely is it? "
        "Type it below (Enter on an empty line, or Esc, skips this)."
    ),
    TimerPhase.AFTER: N_("Now that it's over: did it happen? Answer below (Esc skips this)."),
    TimerPhase.PREDICT: N_(
        "Before you begin: how high do you think your distress will go? (s to skip)"
    ),
    TimerPhase.BEFORE: N_(
        "How strong is your distress right now, before you start? Your rating starts the clock."
    ),
    TimerPhase.RUNNING: N_("Time for a rating: how strong is your distress right now?"),
    TimerPhase.LAST: N_("One last rating: how strong is your distress now, at the end?"),
}


RATING_PHASES = (TimerPhase.PREDICT, TimerPhase.BEFORE, TimerPhase.RUNNING, TimerPhase.LAST)


class ExposureTimerScreen(HomeworkScreen[Draft | None]):
    CSS_PATH = "exposure.tcss"
    TICK_SECONDS: ClassVar[float] = 0.5
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("0", "rate('0')", N_("Rate SUDS"), key_display="0-9 h"),
        *(Binding(k, f"rate('{k}')", N_("Rate SUDS"), show=False) for k in "123456789h"),
        Binding("enter", "stop", N_("Stop"), key_display="⏎"),
        Binding("s", "skip", N_("Skip prediction")),
        Binding("escape", "leave", N_("Leave"), key_display="Esc"),
        *EVERYWHERE,
    ]

    def __init__(
        self,
        ladder: Ladder,
        step: Step,
        settings: ExposureSettings,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(classes="exposure-timer")
        self.clock = clock  # seconds, monotonic; tests give a clock they move by hand
        self.ladder = ladder
        self.step_ = step
        self.timer = ExposureTimer(interval_minutes=settings.prompt_minutes)
        self.started_at = now().replace(microsecond=0)
        self.keeper: DraftKeeper | None = None
        self._rang_for = -1.0  # the prompt time the bell last rang for

    def compose(self) -> ComposeResult:
        yield Header(icon="·")
        with Vertical(id="timer-body"):
            heading = Text(_("Step:") + " ", style="dim")
            heading.append(self.step_.description, style="bold")
            heading.append("  " + _("(SUDS {suds})").format(suds=self.step_.suds), style="dim")
            yield Static(heading, id="timer-step")
            yield Static(id="timer-clock")
            yield Static(id="timer-question")
            with Vertical(id="timer-fear", classes="timer-words"):
                yield Label(_("What do you fear will happen?"), classes="log-section")
                yield CleanInput(
                    id="timer-feared", placeholder=_("e.g. they'll laugh at me"), compact=True
                )
                with Horizontal(classes="log-row"):
                    yield Label(_("How likely is it, 0 to 100?"), classes="log-question")
                    yield RatingInput("", id="timer-likelihood")
            with Vertical(id="timer-after", classes="timer-words"):
                yield Static(id="timer-feared-was", classes="log-section")
                with Horizontal(classes="log-row"):
                    # Translators: the answers the app reads are the words for "did it happen"
                    # (yes, partly, no) in your language; English ones are read too.
                    question = _("Did it happen? (yes / partly / no)")
                    yield Label(question, classes="log-question")
                    yield CleanInput(
                        id="timer-outcome", placeholder=_("yes/partly/no"), compact=True
                    )
                with Horizontal(classes="log-row"):
                    yield Label(_("How surprised were you, 0 to 100?"), classes="log-question")
                    yield RatingInput("", id="timer-surprise")
                yield Label(_("What did you learn?"), classes="log-section")
                yield CleanInput(id="timer-learned", compact=True)
            yield Static(id="timer-error")
            yield Static(Text(_(SCALE)), id="timer-scale")
            yield ExposureCurve(id="timer-curve")
            yield Static(id="timer-readings")
        yield Footer()

    def on_mount(self) -> None:
        self.title = _("Exposure timer")
        self.sub_title = self.ladder.name
        store = self.homework.store
        if store is not None:
            self.keeper = DraftKeeper(Drafts(store), Draft(form=FORM))
        self.query_one(ExposureCurve).display = False
        self.query_one("#timer-error", Static).display = False
        self._show_words()
        self.set_interval(self.TICK_SECONDS, self.tick)
        self.tick()

    # -- the clock ---------------------------------------------------------------------------

    def tick(self) -> None:
        """Redraw from the clock; ring once when a rating falls due."""
        moment = self.clock()
        timer = self.timer
        running = timer.phase is TimerPhase.RUNNING
        elapsed = timer.elapsed(moment)
        clock = Text(clock_text(elapsed), style="bold")
        asking = timer.asking(moment)
        if running and asking:
            clock.append("   " + _("time for a rating"), style="dim")
        elif running:
            clock.append(
                "   "
                + _("next rating in {time}").format(time=clock_text(timer.next_prompt_in(moment))),
                style="dim",
            )
        elif timer.phase in (TimerPhase.FEAR, TimerPhase.PREDICT, TimerPhase.BEFORE):
            clock.append("   " + _("not started"), style="dim")
        else:
            clock.append("   " + _("stopped"), style="dim")
        self.query_one("#timer-clock", Static).update(clock)
        question = self.query_one("#timer-question", Static)
        question.set_class(asking, "asking")
        if asking:
            question.update(Text(_(QUESTION[timer.phase])))
            due = (elapsed // timer.interval) * timer.interval
            if running and due > self._rang_for:
                self._rang_for = due
                self.app.bell()
        elif running:
            question.update(
                Text(
                    _(
                        "Stay with it if you can. Press a number any time to rate; "
                        "Enter when you're ready to stop."
                    )
                )
            )
        self.refresh_bindings()

    # -- keys --------------------------------------------------------------------------------

    def action_rate(self, key: str) -> None:
        if self.timer.phase in RATING_PHASES and self.timer.key(self.clock(), key):
            self._after_rating()

    def _after_rating(self) -> None:
        self._show_readings()
        self._keep()
        if self.timer.phase is TimerPhase.DONE:
            self._finish()
        else:
            if self.timer.phase is TimerPhase.AFTER:
                self._show_words()
            self.tick()

    # -- the words before and after ------------------------------------------------------------

    def _show_words(self) -> None:
        """The typed questions are shown (and focused) only in their own phase."""
        phase = self.timer.phase
        fear, after = self.query_one("#timer-fear"), self.query_one("#timer-after")
        fear.display = phase is TimerPhase.FEAR
        after.display = phase is TimerPhase.AFTER
        self.query_one("#timer-scale").display = phase not in (TimerPhase.FEAR, TimerPhase.AFTER)
        if phase is TimerPhase.FEAR:
            self.query_one("#timer-feared", Input).focus()
        elif phase is TimerPhase.AFTER:
            feared = Text(_("You feared:") + " ", style="dim")
            feared.append(self.timer.feared_outcome)
            self.query_one("#timer-feared-was", Static).update(feared)
            self.query_one("#timer-outcome", Input).focus()
        else:
            self.set_focus(None)  # the number keys rate again

    @on(Input.Submitted)
    def _answered(self, event: Input.Submitted) -> None:
        event.stop()
        field = event.input.id
        if field == "timer-feared" and not event.value.strip():
            self._fear_given(skip=True)
        elif field == "timer-likelihood":
            self._fear_given()
        elif field == "timer-learned":
            self._after_given()
        else:
            self.focus_next()

    def _fear_given(self, *, skip: bool = False) -> None:
        try:
            if skip:
                self.timer.fear()
            else:
                self.timer.fear(
                    self.query_one("#timer-feared", Input).value,
                    self.query_one("#timer-likelihood", Input).value,
                )
        except ValidationError as error:
            self._problem(error)
            return
        self._problem(None)
        self._show_words()
        self.tick()

    def _after_given(self, *, skip: bool = False) -> None:
        try:
            if skip:
                self.timer.reflect()
            else:
                self.timer.reflect(
                    self.query_one("#timer-outcome", Input).value,
                    self.query_one("#timer-surprise", Input).value,
                    self.query_one("#timer-learned", Input).value,
                )
        except ValidationError as error:
            self._problem(error)
            return
        self._problem(None)
        self._show_words()
        self._finish()

    def _problem(self, error: ValidationError | None) -> None:
        shown = self.query_one("#timer-error", Static)
        shown.display = error is not None
        if error is not None:
            shown.update(Text(error.message))
            target = {
                "feared_outcome": "#timer-feared",
                "likelihood": "#timer-likelihood",
                "outcome": "#timer-outcome",
                "surprise": "#timer-surprise",
                "learned": "#timer-learned",
            }.get(error.field)
            if target:
                self.query_one(target).focus()

    def action_skip(self) -> None:
        if self.timer.phase is TimerPhase.PREDICT:
            self.timer.predict(None)
            self.tick()

    def action_stop(self) -> None:
        if self.timer.phase is TimerPhase.RUNNING:
            self.timer.stop(self.clock())
            self.tick()

    def action_leave(self) -> None:
        if self.timer.phase is TimerPhase.FEAR:  # Esc skips the words before
            self._fear_given(skip=True)
            return
        if self.timer.phase is TimerPhase.AFTER:  # and the words after
            self._after_given(skip=True)
            return
        if self.timer.phase in (TimerPhase.PREDICT, TimerPhase.BEFORE):
            self.dismiss(None)
            return

        def chosen(choice: str | None) -> None:
            if choice == "finish":
                if self.timer.phase is TimerPhase.RUNNING:
                    self.action_stop()
            elif choice == "later":
                self.notify(
                    _(
                        "Your ratings are kept as a draft; they will be offered when you "
                        "come back to Exposure."
                    ),
                    markup=False,
                )
                self.dismiss(None)

        self.app.push_screen(
            ChoiceDialog(
                _("Stop the timer?"),
                _("Your ratings so far are safe."),
                [
                    Choice("k", _("Keep going"), "keep", primary=True),
                    Choice("f", _("Finish and log it"), "finish"),
                    Choice("l", _("Leave, keep it as a draft"), "later"),
                ],
                escape="keep",
            ),
            chosen,
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "stop":
            return self.timer.phase is TimerPhase.RUNNING
        if action == "skip":
            return self.timer.phase is TimerPhase.PREDICT
        if action == "rate":
            return self.timer.phase in RATING_PHASES
        return True

    # -- showing and keeping -----------------------------------------------------------------

    def _show_readings(self) -> None:
        readings = self.timer.readings
        curve = self.query_one(ExposureCurve)
        curve.display = bool(readings)
        curve.plot_readings(readings, self.timer.predicted)
        parts = [f"{clock_text(r.minute * 60)} {r.suds}" for r in readings]
        text = Text(
            _("Ratings: {ratings}").format(ratings="  ".join(parts) if parts else _("none yet"))
        )
        if self.timer.predicted is not None:
            text.append(
                "   " + _("predicted {suds}").format(suds=self.timer.predicted), style="dim"
            )
        self.query_one("#timer-readings", Static).update(text)

    def fields(self) -> dict[str, str]:
        timer = self.timer
        fields = new_fields(self.ladder.id, self.step_.id, moment=self.started_at)
        elapsed = timer.elapsed(self.clock())
        fields.update(
            start=self.started_at.strftime("%H:%M"),
            predicted="" if timer.predicted is None else str(timer.predicted),
            readings=timer.readings_text(),
            feared_outcome=timer.feared_outcome,
            likelihood="" if timer.likelihood is None else str(timer.likelihood),
            outcome=timer.outcome.value if timer.outcome else "",
            surprise="" if timer.surprise is None else str(timer.surprise),
            learned=timer.learned,
        )
        if timer.phase in (TimerPhase.LAST, TimerPhase.DONE):
            fields.update(minutes=str(round(elapsed / 60)))
        before, peak, end = timer.summary()
        for key, value in (("before", before), ("peak", peak), ("end", end)):
            fields[key] = "" if value is None else str(value)
        return fields

    def _keep(self) -> None:
        if self.timer.started is None or self.keeper is None:
            return
        sequence = self.keeper.stamp()
        self._write(self.fields(), sequence)

    @work(thread=True, group="timer-draft")
    def _write(self, fields: dict[str, str], sequence: int) -> None:
        assert self.keeper is not None
        try:
            with saving(self):
                self.keeper.keep(fields, "timer", sequence=sequence)
        except StoreError as error:
            self.app.call_from_thread(
                self.notify,
                _("Your ratings could not be saved just now: {problem}").format(problem=error),
                severity="warning",
                markup=False,
            )

    def _finish(self) -> None:
        """All rated: hand the session to the log form, as a draft (once it is on disk)."""
        self._hand_over(self.fields(), self.keeper.stamp() if self.keeper else 0)

    @work(thread=True, group="timer-draft")
    def _hand_over(self, fields: dict[str, str], sequence: int) -> None:
        keeper = self.keeper
        draft = Draft(form=FORM)
        if keeper is not None:
            try:
                with saving(self):
                    keeper.keep(fields, "timer", sequence=sequence)
            except StoreError:
                pass  # the log form keeps trying; nothing is lost while it is open
            draft = keeper.draft
        self.app.call_from_thread(self.dismiss, replace(draft, fields=fields, place="timer"))
