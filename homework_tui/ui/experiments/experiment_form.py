"""Writing a behavioural experiment: the plan first, what happened later (Oxford worksheet).

One scrolling form in two parts. Tab (or Enter in a one-line field) moves on; Ctrl+S saves at any
point, so a plan can be saved and the outcome added after trying it. Everything typed is kept as a
draft until saved (`DraftAutosave`); the experiments list offers drafts back.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Header, Input, Label, Static, TextArea

from homework_tui.i18n import N_, _
from homework_tui.model.base import ValidationError
from homework_tui.model.draft import Draft
from homework_tui.model.experiment import (
    LINES,
    OUTCOME_FIELDS,
    PLAN_FIELDS,
    RATINGS,
    Experiment,
    experiment_from_fields,
    form_fields,
)
from homework_tui.store import Store
from homework_tui.store.drafts import DraftKeeper, Drafts
from homework_tui.ui.base import HomeworkScreen
from homework_tui.ui.dialogs import EVERYWHERE
from homework_tui.ui.experiments.experiment_data import FORM, experiments_repo
from homework_tui.ui.form_autosave import DraftForm
from homework_tui.ui.language.dates import short_date
from homework_tui.ui.naming import record_name
from homework_tui.ui.widgets.clean_input import CleanInput, CleanTextArea
from homework_tui.ui.widgets.footer import Footer
from homework_tui.ui.widgets.rating_input import RatingInput

ALL_FIELDS = tuple(name for name, _label in (*PLAN_FIELDS, *OUTCOME_FIELDS))
PLAN_INTRO = N_(
    "Write the worry you want to test as a belief, and plan a small experiment that could show "
    "whether it's true. Anything you can't answer yet can wait."
)
OUTCOME_INTRO = N_("After you've tried it: what happened, and what it tells you.")
HINTS = {
    "belief": N_("e.g. “If I speak up in the meeting, people will think I'm stupid.”"),
    "what": N_("What exactly will you do? Small and specific is best."),
    "predictions": N_("What do you expect to happen? How would you know?"),
    "problems": N_("What could stop you, or tempt you to play it safe?"),
    "outcome": N_("What actually happened? Stick to what you saw and heard."),
    "learned": N_("How does this fit with your belief? What would you say to a friend?"),
}


def _meaningful(fields: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in fields.items() if v.strip()}


class ExperimentForm(DraftForm, HomeworkScreen[Experiment | None]):
    CSS_PATH = "experiments.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", N_("Save"), key_display="^s", priority=True),
        Binding("ctrl+o", "outcome", N_("What happened"), key_display="^o"),
        Binding("escape", "close", N_("Close"), key_display="Esc"),
        *EVERYWHERE,
    ]
    MESSAGE_ID = "experiment-message"
    LEAVE_TITLE = N_("Leave this experiment?")
    WHAT = N_("experiment")
    NOT_SAVED_NOTE = N_("What you wrote is kept as a draft.")
    KEPT_NOTE = N_("Your experiment is kept as a draft; it will be offered when you come back.")

    def __init__(
        self,
        experiment: Experiment | None = None,
        draft: Draft | None = None,
        *,
        outcome: bool = False,
    ) -> None:
        super().__init__(classes="experiment-form")
        self.experiment = experiment
        self.from_draft = draft is not None
        if draft is None:
            draft = Draft(form=FORM, record_id=experiment.id if experiment else None)
            fields = form_fields(experiment) if experiment else {}
        else:
            fields = dict(draft.fields)
        self._draft = draft
        self._fields = {name: fields.get(name, "") for name in ALL_FIELDS}
        self._initial = _meaningful(self._fields)
        self.start_at_outcome = outcome or draft.place == "outcome"
        self._saving = False

    def compose(self) -> ComposeResult:
        yield Header(icon="·")
        yield Static(id="experiment-message")
        with VerticalScroll(id="experiment-body"):
            yield Static(_("Before: the plan"), classes="part-title")
            yield Static(Text(_(PLAN_INTRO)), classes="hint")
            yield from self._fields_of(PLAN_FIELDS)
            yield Static(_("After: what happened"), classes="part-title", id="outcome-part")
            yield Static(Text(_(OUTCOME_INTRO)), classes="hint")
            yield from self._fields_of(OUTCOME_FIELDS)
        yield Footer()

    def _fields_of(self, fields: tuple[tuple[str, str], ...]) -> ComposeResult:
        for name, label in fields:
            value = self._fields[name]
            yield Label(Text(_(label)), classes="field-title")
            if name in HINTS:
                yield Static(Text(_(HINTS[name])), classes="field-hint")
            if name in RATINGS:
                yield RatingInput(value, id=name)
            elif name in LINES:
                yield CleanInput(value, id=name, compact=True)
            else:
                yield CleanTextArea(value, id=name, soft_wrap=True, classes="long-text")

    def on_mount(self) -> None:
        self.title = _("Behavioural experiment")
        name = record_name(self._fields.get("belief", ""))
        if self.experiment is None:
            when = _("new")
        else:
            when = _("from {day}").format(day=short_date(self.experiment.created_at))
        self.sub_title = f"{name} · {when}" if name else when
        self.query_one("#experiment-message", Static).display = False
        store = self.homework.store
        assert store is not None
        self.keeper = DraftKeeper(Drafts(store), self._draft)
        first = "outcome" if self.start_at_outcome else "belief"
        self.query_one(f"#{first}", Widget).focus()  # at once: keys typed as it opens land here
        self.call_after_refresh(self._focus_field, first)
        self.start_autosave()

    def _focus_field(self, name: str) -> None:
        widget = self.query_one(f"#{name}", Widget)
        widget.focus()
        if name == "outcome":
            self.query_one("#outcome-part").scroll_visible(top=True, animate=False)

    def action_outcome(self) -> None:
        self._focus_field("outcome")

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    # -- the draft -----------------------------------------------------------------------------

    def draft_snapshot(self) -> tuple[dict[str, str], str]:
        fields: dict[str, str] = {}
        for name in ALL_FIELDS:
            widget = self.query_one(f"#{name}")
            fields[name] = widget.text if isinstance(widget, TextArea) else widget.value  # type: ignore[attr-defined]
        focused = self.focused
        place = "outcome" if focused is not None and focused.id in dict(OUTCOME_FIELDS) else "plan"
        return fields, place

    # -- saving and leaving --------------------------------------------------------------------

    def action_save(self) -> None:
        if self._saving:
            return
        fields, _unused = self.draft_snapshot()
        try:
            experiment = experiment_from_fields(fields, base=self.experiment)
        except ValidationError as error:
            self._say(error.message)
            if error.field in ALL_FIELDS:
                self._focus_field(error.field)
            return
        self._saving = True
        self._save(experiment)

    def persist(self, store: Store, experiment: Experiment, *extra: object) -> Experiment:
        return experiments_repo(store).save(experiment)

    def unchanged(self, fields: dict[str, str]) -> bool:
        return _meaningful(fields) == self._initial
