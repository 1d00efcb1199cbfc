"""Writing a behavioural experiment: the plan first, what happened later (Oxford worksheet).

One scrolling form in two parts. Tab (or Enter in a one-line field) moves on; Ctrl+S saves at any
point, so a plan can be saved and the outcome added after trying it. Everything typed is kept as a
draft until saved (`DraftAutosave`); the experiments list offers drafts back.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Footer, Header, Input, Label, Static, TextArea

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
from homework_tui.screens.base import HomeworkScreen, saving
from homework_tui.screens.dialogs import EVERYWHERE, Choice, ChoiceDialog
from homework_tui.screens.experiment_data import FORM, experiments_repo
from homework_tui.screens.thought_autosave import DraftAutosave
from homework_tui.store.drafts import DraftKeeper, Drafts
from homework_tui.store.errors import StoreError
from homework_tui.widgets.clean_input import CleanInput
from homework_tui.widgets.rating_input import RatingInput

ALL_FIELDS = tuple(name for name, _ in (*PLAN_FIELDS, *OUTCOME_FIELDS))
PLAN_INTRO = (
    "Write the worry you want to test as a belief, and plan a small experiment that could show "
    "whether it's true. Anything you can't answer yet can wait."
)
OUTCOME_INTRO = "After you've tried it: what happened, and what it tells you."
HINTS = {
    "belief": "e.g. “If I speak up in the meeting, people will think I'm stupid.”",
    "what": "What exactly will you do? Small and specific is best.",
    "predictions": "What do you expect to happen? How would you know?",
    "problems": "What could stop you, or tempt you to play it safe?",
    "outcome": "What actually happened? Stick to what you saw and heard.",
    "learned": "How does this fit with your belief? What would you say to a friend?",
}


def _meaningful(fields: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in fields.items() if v.strip()}


class ExperimentForm(DraftAutosave, HomeworkScreen[Experiment | None]):
    CSS_PATH = "experiments.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", key_display="^s", priority=True),
        Binding("ctrl+o", "outcome", "What happened", key_display="^o"),
        Binding("escape", "close", "Close", key_display="Esc"),
        *EVERYWHERE,
    ]

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
            yield Static("Before: the plan", classes="part-title")
            yield Static(Text(PLAN_INTRO), classes="hint")
            yield from self._fields_of(PLAN_FIELDS)
            yield Static("After: what happened", classes="part-title", id="outcome-part")
            yield Static(Text(OUTCOME_INTRO), classes="hint")
            yield from self._fields_of(OUTCOME_FIELDS)
        yield Footer()

    def _fields_of(self, fields: tuple[tuple[str, str], ...]) -> ComposeResult:
        for name, label in fields:
            value = self._fields[name]
            yield Label(Text(label), classes="field-title")
            if name in HINTS:
                yield Static(Text(HINTS[name]), classes="field-hint")
            if name in RATINGS:
                yield RatingInput(value, id=name)
            elif name in LINES:
                yield CleanInput(value, id=name, compact=True)
            else:
                yield TextArea(value, id=name, soft_wrap=True, classes="long-text")

    def on_mount(self) -> None:
        self.title = "Behavioural experiment"
        self.sub_title = "new" if self.experiment is None else (
            f"from {self.experiment.created_at:%a %-d %b}"
        )
        self.query_one("#experiment-message", Static).display = False
        store = self.homework.store
        assert store is not None
        self.keeper = DraftKeeper(Drafts(store), self._draft)
        first = "outcome" if self.start_at_outcome else "belief"
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

    def on_unmount(self) -> None:
        self.flush_draft_blocking()

    # -- saving and leaving --------------------------------------------------------------------

    def _say(self, message: str) -> None:
        box = self.query_one("#experiment-message", Static)
        box.update(Text(message))
        box.display = bool(message)

    def action_save(self) -> None:
        if self._saving:
            return
        fields, _ = self.draft_snapshot()
        try:
            experiment = experiment_from_fields(fields, base=self.experiment)
        except ValidationError as error:
            self._say(error.message)
            if error.field in ALL_FIELDS:
                self._focus_field(error.field)
            return
        self._saving = True
        self._save(experiment)

    @work(thread=True, exclusive=True, group="save-experiment")
    def _save(self, experiment: Experiment) -> None:
        store = self.homework.store
        try:
            assert store is not None
            assert self.keeper is not None
            with saving():
                saved = experiments_repo(store).save(experiment)
                self.keeper.finish()
        except StoreError as error:
            self.app.call_from_thread(self._save_failed, str(error))
            return
        self.app.call_from_thread(self._saved, saved)

    def _save_failed(self, message: str) -> None:
        self._saving = False
        self._say(f"Not saved yet: {message} What you wrote is kept as a draft.")

    def _saved(self, experiment: Experiment) -> None:
        self.stop_autosave()
        self.dismiss(experiment)

    def action_close(self) -> None:
        fields, _ = self.draft_snapshot()
        if _meaningful(fields) == self._initial:
            self._leave("keep" if self.from_draft else "unchanged")
            return
        self.app.push_screen(
            ChoiceDialog(
                "Leave this experiment?",
                "What you wrote is safe as a draft until you decide.",
                [
                    Choice("s", "Save it", "save", primary=True),
                    Choice("k", "Keep as draft", "keep"),
                    Choice("d", "Discard changes", "discard"),
                ],
                escape="stay",
            ),
            self._leave,
        )

    def _leave(self, choice: str | None) -> None:
        if choice == "save":
            self.action_save()
        elif choice in ("keep", "discard", "unchanged"):
            self._finish_leaving(choice, self.draft_snapshot())

    @work(thread=True, exclusive=True, group="save-experiment")
    def _finish_leaving(self, choice: str, snapshot: tuple[dict[str, str], str]) -> None:
        keeper = self.keeper
        fields, place = snapshot
        try:
            with saving():
                if keeper is not None and choice == "keep":
                    keeper.keep(fields, place)
                elif keeper is not None and choice == "discard":
                    keeper.discard()
                elif keeper is not None:
                    keeper.finish()
        except StoreError as error:
            self.app.call_from_thread(self._save_failed, str(error))
            return
        self.app.call_from_thread(self._close_now, choice)

    def _close_now(self, choice: str) -> None:
        self.stop_autosave()
        if choice == "keep":
            self.notify("Your experiment is kept as a draft; it will be offered when you come "
                        "back.", markup=False)
        self.dismiss(None)
