"""Exposure: the person's fear ladders, drawn, and the way into logging and timing exposures.

The screen shows one ladder at a time (`[` and `]` move between ladders): its goal, the picture
(`LadderPicture`), the chosen step's progress in words, and gentle notes about the ladder's shape.
Changes are shown at once and written in order by one background writer (`ExposureWriter`).
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
from textual.containers import VerticalScroll
from textual.widgets import Static

from homework_tui.i18n import N_, _, ngettext
from homework_tui.model.draft import Draft
from homework_tui.model.exposure import Exposure, Ladder, Step
from homework_tui.model.exposure.mastery import ExposureSettings, StepState, next_step
from homework_tui.ui.base import SectionScreen
from homework_tui.ui.dialogs import Choice, ChoiceDialog
from homework_tui.ui.diaries.day_text import day_text
from homework_tui.ui.exposure.exposure_data import ExposureBook, ExposureData
from homework_tui.ui.exposure.exposure_dialogs import OptionsDialog
from homework_tui.ui.exposure.exposure_ladder_edit import LadderEditing
from homework_tui.ui.exposure.exposure_text import KEYS_LINE, NO_LADDER, NO_STEPS, step_detail
from homework_tui.ui.exposure.exposure_writer import ExposureWriter
from homework_tui.ui.exposure.ladder_picture import LEGEND, LadderPicture

DRAFT_FORM = "exposure"


class ExposureScreen(LadderEditing, SectionScreen):
    CSS_PATH = "exposure.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add_step", N_("Add step")),
        Binding("l", "log", N_("Log")),
        Binding("t", "timer", N_("Timer")),
        Binding("c", "charts", N_("Charts"), show=False),
        # With no ladder yet the footer offers a new one; afterwards n is in the keys line.
        Binding("n", "first_ladder", N_("New ladder")),
        Binding("n", "new_ladder", N_("New ladder"), show=False),
        Binding("e", "edit_step", N_("Edit step"), show=False),
        Binding("d,delete", "remove_step", N_("Remove step"), show=False),
        Binding("u", "undo", N_("Undo remove")),
        Binding("shift+up", "move(1)", N_("Move step up"), show=False),
        Binding("shift+down", "move(-1)", N_("Move step down"), show=False),
        Binding("r", "edit_ladder", N_("Rename ladder"), show=False),
        Binding("right_square_bracket", "other_ladder(1)", N_("Next ladder"), show=False),
        Binding("left_square_bracket", "other_ladder(-1)", N_("Previous ladder"), show=False),
        Binding("o", "options", N_("Options"), show=False),
        Binding("f", "finish_draft", N_("Finish draft")),
        Binding("D", "remove_ladder", N_("Remove ladder"), show=False),
    ]

    def __init__(self) -> None:
        super().__init__(name="exposure", classes="exposure")
        self.data = ExposureData()
        self.ladder_id: str | None = None
        # What u brings back: (ladder, step id) for a removed step, (ladder, None) for a ladder.
        self.undo: tuple[Ladder, str | None] | None = None
        self.writer: ExposureWriter | None = None
        self.drafts: list[Draft] = []
        self._offered = False
        self._select_next: str | None = None
        self.clock: Callable[[], float] = time.monotonic  # the timer's clock (tests: by hand)

    def compose_content(self) -> ComposeResult:
        yield Static(id="ladder-title")
        yield Static(id="ladder-goal")
        with VerticalScroll(id="ladder-scroll"):
            yield LadderPicture(id="ladder", empty=NO_STEPS)
        yield Static(Text(_(LEGEND)), id="ladder-legend")
        yield Static(id="step-detail")
        yield Static(id="ladder-notes")
        yield Static(id="ladder-drafts")
        yield Static(Text(_(KEYS_LINE)), id="ladder-keys")

    def on_mount(self) -> None:
        self.title = _("Exposure")
        store = self.homework.store
        if store is not None:
            self.writer = ExposureWriter(self, ExposureBook(store), self.homework.services.saves)
        self.query_one(LadderPicture).focus()
        self.reload()

    def on_screen_resume(self) -> None:
        if self.is_mounted and self._offered:
            self.reload()

    # -- loading and drawing ---------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        """Load again (in a worker). `select`: the step to highlight once shown, kept even when a
        later reload (the screen coming back) replaces this one."""
        if select is not None:
            self._select_next = select
        self._load()

    @work(thread=True, exclusive=True, group="exposure-load")
    def _load(self) -> None:
        store = self.homework.store
        if store is None:
            return
        data = ExposureBook(store).load()
        from homework_tui.store.drafts import Drafts

        drafts = Drafts(store).pending(DRAFT_FORM)
        self.app.call_from_thread(self._loaded, data, drafts)

    def _loaded(self, data: ExposureData, drafts: list[Draft]) -> None:
        select, self._select_next = self._select_next, None
        self.data = data
        self.drafts = [d for d in drafts if self._draft_step(d) is not None]
        if self.ladder is None and data.ladders:
            self.ladder_id = data.ladders[0].id
        self.draw(select)
        if not self._offered:
            self._offered = True
            if self.drafts:
                self._offer_draft(self.drafts[0])

    @property
    def ladder(self) -> Ladder | None:
        return self.data.ladder(self.ladder_id)

    @property
    def step(self) -> Step | None:
        return self.query_one(LadderPicture).step

    def draw(self, select: str | None = None) -> None:
        waiting = self.query_one("#ladder-drafts", Static)
        waiting.display = bool(self.drafts)
        if self.drafts:
            count = len(self.drafts)
            waiting.update(
                Text(
                    ngettext(
                        "{n} exposure log not saved yet — press f to finish it.",
                        "{n} exposure logs not saved yet — press f to finish it.",
                        count,
                    ).format(n=count)
                )
            )
        ladder = self.ladder
        picture = self.query_one(LadderPicture)
        title = self.query_one("#ladder-title", Static)
        goal = self.query_one("#ladder-goal", Static)
        notes = self.query_one("#ladder-notes", Static)
        for extra in ("#ladder-legend", "#ladder-keys"):
            self.query_one(extra).display = ladder is not None
        if ladder is None:
            title.update(Text(_(NO_LADDER)))
            goal.display = False
            picture.empty = ""
            picture.show([], None)
            notes.display = False
            self.query_one("#step-detail", Static).display = False
            self.refresh_bindings()
            return
        count = len(self.data.ladders)
        heading = Text(ladder.name, style="bold")
        if count > 1:
            position = [lad.id for lad in self.data.ladders].index(ladder.id) + 1
            heading.append(
                "   "
                + _("ladder {position} of {count}  ([ and ] for the others)").format(
                    position=position, count=count
                ),
                style="dim",
            )
        title.update(heading)
        goal.update(Text(_("Goal: {goal}").format(goal=ladder.goal)) if ladder.goal else Text(""))
        goal.display = bool(ladder.goal)
        progress = self.data.progress(ladder)
        suggested = next_step(progress)
        picture.empty = NO_STEPS
        picture.show(progress, suggested.id if suggested else None, select)
        warnings = ladder.warnings()
        notes.display = bool(warnings)
        if warnings:
            first = _(warnings[0])
            if len(warnings) > 1:
                more = len(warnings) - 1
                first = ngettext(
                    "{note}  (+{n} more note)", "{note}  (+{n} more notes)", more
                ).format(note=first, n=more)
            notes.update(Text(first))
        self._show_detail()
        self.refresh_bindings()

    @on(LadderPicture.Highlighted)
    def _highlighted(self) -> None:
        self._show_detail()
        self.refresh_bindings()

    def _show_detail(self) -> None:
        detail = self.query_one("#step-detail", Static)
        ladder, step = self.ladder, self.step
        if ladder is None or step is None:
            detail.display = False
            return
        detail.display = True
        progress = {p.step.id: p for p in self.data.progress(ladder)}
        detail.update(
            step_detail(progress[step.id], self.data.for_step(step.id), self.data.settings.rule)
        )

    def action_first_ladder(self) -> None:
        self.action_new_ladder()

    @on(LadderPicture.Chosen)
    def _chosen(self) -> None:
        self.action_edit_step()

    # -- exposures -------------------------------------------------------------------------

    def action_log(self) -> None:
        self._open_log(None)

    def _open_log(self, draft: Draft | None) -> None:
        from homework_tui.ui.exposure.exposure_log import ExposureLogScreen

        ladder, step = self.ladder, self.step
        if draft is not None:
            ladder = self.data.ladder(draft.fields.get("ladder"))
            step = ladder.step(draft.fields.get("step", "")) if ladder else None
        if ladder is None or step is None:
            return
        screen = ExposureLogScreen(ladder, step, self.data.settings, draft=draft)
        self.app.push_screen(screen, self._logged)

    def action_timer(self) -> None:
        from homework_tui.ui.exposure.exposure_timer import ExposureTimerScreen

        ladder, step = self.ladder, self.step
        if ladder is None or step is None:
            return
        timer = ExposureTimerScreen(ladder, step, self.data.settings, self.clock)
        self.app.push_screen(timer, self._timed)

    def _timed(self, draft: Draft | None) -> None:
        if draft is not None:
            self._open_log(draft)
        else:
            self.reload()  # a timer left half-way is kept as a draft

    def _logged(self, exposure: Exposure | None) -> None:
        if exposure is None:
            self.reload()  # the log may be kept as a draft
            return
        self.drafts = [
            d
            for d in self.drafts
            if d.fields.get("step") != exposure.step_id or d.record_id is not None
        ]
        ladder = self.data.ladder(exposure.ladder_id)
        if ladder is None:
            return
        before = {p.step.id: p.state for p in self.data.progress(ladder)}
        self.data = replace(self.data, exposures=(exposure, *self.data.exposures))
        progress = self.data.progress(ladder)
        self.ladder_id = ladder.id
        self.draw(select=exposure.step_id)
        now = next(p for p in progress if p.step.id == exposure.step_id)
        if now.state is StepState.MASTERED and before.get(now.step.id) is not StepState.MASTERED:
            upcoming = next_step(progress)
            if upcoming is not None:
                message = _(
                    "You've mastered “{step}”. Well done. The next suggested step is “{next}”."
                ).format(step=now.step.description, next=upcoming.description)
            else:
                message = _("You've mastered “{step}”. Well done.").format(
                    step=now.step.description
                )
            self.notify(message, title=_("Step mastered"), timeout=10, markup=False)
        else:
            self.notify(
                _("Exposure saved. Well done for facing it."), title=_("Saved"), markup=False
            )
        self.reload(select=exposure.step_id)

    def action_charts(self) -> None:
        from homework_tui.ui.exposure.exposure_charts import StepChartsScreen

        ladder, step = self.ladder, self.step
        if ladder is None or step is None:
            return
        self.app.push_screen(StepChartsScreen(ladder, step, self.data), self._charts_closed)

    def _charts_closed(self, changed: bool | None) -> None:
        if changed:
            self.reload(select=self.step.id if self.step else None)

    # -- options and drafts ----------------------------------------------------------------

    def action_options(self) -> None:
        def done(settings: ExposureSettings | None) -> None:
            if settings is not None and settings != self.data.settings:
                self.data = replace(self.data, settings=settings)
                if self.writer is not None:
                    self.writer.save_settings(settings)
                self.draw()

        self.app.push_screen(OptionsDialog(self.data.settings), done)

    def _draft_step(self, draft: Draft) -> Step | None:
        ladder = self.data.ladder(draft.fields.get("ladder"))
        return ladder.step(draft.fields.get("step", "")) if ladder else None

    def action_finish_draft(self) -> None:
        if self.drafts:
            self._open_log(self.drafts[0])

    def _offer_draft(self, draft: Draft) -> None:
        step = self._draft_step(draft)
        if step is None:
            return
        body = Text(
            _("You were logging an exposure on {day} at {time}:").format(
                day=day_text(draft.updated_at.date()), time=f"{draft.updated_at:%H:%M}"
            )
            + "\n\n  "
        )
        body.append(step.description, style="italic")
        body.append("\n\n" + _("It was kept for you. Would you like to finish it?"))

        def chosen(choice: str | None) -> None:
            if choice == "continue":
                self._open_log(draft)

        self.app.push_screen(
            ChoiceDialog(
                _("Welcome back"),
                body,
                [
                    Choice("c", _("Finish it"), "continue", primary=True),
                    Choice("l", _("Later"), "later"),
                ],
                escape="later",
            ),
            chosen,
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            return self.undo is not None
        if action in ("edit_step", "remove_step", "move", "log", "timer", "charts"):
            return self.step is not None
        if action == "edit_ladder":
            return self.ladder is not None
        if action == "other_ladder":
            return len(self.data.ladders) > 1
        if action == "first_ladder":
            return not self.data.ladders
        if action == "finish_draft":
            return bool(self.drafts)
        if action == "remove_ladder":
            return self.ladder is not None
        return True
