"""Small dialogs of the exposure section: a step, a ladder, and the section's options.

`FieldsDialog` shows a few labelled fields; on Ctrl+S (or Enter in the last field) it hands the
typed text to `apply`, which returns the result or raises `ValidationError`; the message is shown
in words beside the form and the field is focused. Esc with something changed asks first, so
nothing typed is thrown away by accident.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, Generic, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import (
    Checkbox,
    Input,
    Label,
    RadioButton,
    RadioSet,
    Static,
    TextArea,
)

from homework_tui.i18n import N_, _
from homework_tui.model.base import ValidationError
from homework_tui.model.exposure.mastery import (
    ExposureSettings,
    MasteryKind,
    MasteryRule,
)
from homework_tui.ui.dialogs import EVERYWHERE, Choice, ChoiceDialog, SaveCancelModal
from homework_tui.ui.widgets.clean_input import CleanInput, CleanTextArea
from homework_tui.ui.widgets.footer import Footer
from homework_tui.ui.widgets.marked_toggles import MarkedCheckbox
from homework_tui.ui.widgets.rating_input import RatingInput

MINIMUM_HINT = N_("(Shortest counted: 0 means any length.)")

R = TypeVar("R")


@dataclass(frozen=True)
class Field:
    id: str
    label: str
    value: str = ""
    rating: tuple[int, int] | None = None  # (low, high) for a number box
    placeholder: str = ""


class FieldsDialog(SaveCancelModal[R | None], Generic[R]):
    CSS_PATH = "exposure.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", N_("Save"), key_display="^s", priority=True),
        Binding("escape", "cancel", N_("Cancel"), key_display="Esc"),
        *EVERYWHERE,
    ]

    def __init__(
        self,
        title: str,
        fields: list[Field],
        apply: Callable[[dict[str, str]], R],
        *,
        hint: str = "",
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, classes="exposure-dialog")
        self.form_title = title
        self.fields = fields
        self.apply = apply
        self.hint = hint
        self._initial = {f.id: f.value for f in fields}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.form_title), classes="dialog-title")
            if self.hint:
                yield Static(Text(self.hint), classes="dialog-message")
            for spec in self.fields:
                with Horizontal(classes="field-row"):
                    yield Label(Text(spec.label), classes="field-label")
                    if spec.rating is not None:
                        low, high = spec.rating
                        yield RatingInput(spec.value, low=low, high=high, id=spec.id)
                    else:
                        yield CleanInput(
                            spec.value, id=spec.id, placeholder=spec.placeholder, compact=True
                        )
            yield Static("", id="dialog-error", classes="form-error")
            yield from self.compose_buttons()
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(f"#{self.fields[0].id}", Input).focus()

    def values(self) -> dict[str, str]:
        return {f.id: self.query_one(f"#{f.id}", Input).value for f in self.fields}

    @on(Input.Submitted)
    def _next_or_save(self, event: Input.Submitted) -> None:
        event.stop()
        ids = [f.id for f in self.fields]
        here = ids.index(event.input.id) if event.input.id in ids else len(ids) - 1
        if here + 1 < len(ids):
            self.query_one(f"#{ids[here + 1]}", Input).focus()
        else:
            self.action_save()

    def action_save(self) -> None:
        try:
            result = self.apply(self.values())
        except ValidationError as error:
            self.say(error.message, error.field)
            return
        self.dismiss(result)

    def say(self, message: str, field_id: str | None = None) -> None:
        self.query_one("#dialog-error", Static).update(Text(message))
        ids = [f.id for f in self.fields]
        if field_id in ids:
            self.query_one(f"#{field_id}", Input).focus()

    def action_cancel(self) -> None:
        if self.values() == self._initial:
            self.dismiss(None)
            return

        def chosen(choice: str | None) -> None:
            if choice == "discard":
                self.dismiss(None)

        self.app.push_screen(
            ChoiceDialog(
                _("Leave without saving?"),
                _("What you typed here has not been saved yet."),
                [
                    Choice("k", _("Keep editing"), "keep", primary=True),
                    Choice("d", _("Discard it"), "discard"),
                ],
                escape="keep",
            ),
            chosen,
        )


def step_fields(description: str = "", suds: str = "") -> list[Field]:
    return [
        Field(
            "description",
            _("The situation"),
            description,
            placeholder=_("e.g. ask a shop assistant for help"),
        ),
        Field("suds", _("SUDS 0-100"), suds, rating=(0, 100)),
    ]


STEP_HINT = N_(
    "Describe a situation you'd practise facing, and how distressing it feels now: "
    "0 is completely calm, 100 the most distress you can imagine."
)
LADDER_HINT = N_(
    "A ladder gathers the situations you're working on, like “Social situations” or "
    "“Driving”. The goal is what you'd like to be able to do."
)


def ladder_fields(name: str = "", goal: str = "") -> list[Field]:
    return [
        Field("name", _("Name"), name, placeholder=_("e.g. Social situations")),
        Field("goal", _("Goal"), goal, placeholder=_("e.g. speak up at work without dread")),
    ]


class OptionsDialog(SaveCancelModal[ExposureSettings | None]):
    """The mastery rule, which exposures count (safety behaviours, early exits, a minimum
    length: each described in words), how often the timer asks, and the list of safety
    behaviours."""

    CSS_PATH = "exposure.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", N_("Save"), key_display="^s", priority=True),
        Binding("escape", "cancel", N_("Cancel"), key_display="Esc"),
        *EVERYWHERE,
    ]

    def __init__(self, settings: ExposureSettings) -> None:
        super().__init__(classes="exposure-dialog", id="exposure-options")
        self.settings = settings

    def compose(self) -> ComposeResult:
        rule = self.settings.rule
        with VerticalScroll(classes="dialog"):
            yield Static(_("Exposure options"), classes="dialog-title")
            yield Label(_("When is a step mastered? (↑/↓, Enter to choose)"))
            with RadioSet(id="rule"):
                for kind in MasteryKind:
                    yield RadioButton(
                        _(kind.label), value=kind is rule.kind, id=f"rule-{kind.value}"
                    )
            yield Static(Text(_(rule.kind.explanation)), id="rule-explanation", classes="hint")
            with Horizontal(classes="field-row"):
                yield Label(_("Exposures needed"), classes="field-label")
                yield RatingInput(str(rule.repeats), low=1, high=20, step=1, id="repeats")
            yield Label(_("Which exposures count?"), classes="options-section")
            yield MarkedCheckbox(
                _("Not one where I used a safety behaviour"),
                value=self.settings.exclude_safety_behaviours,
                id="exclude-safety",
            )
            yield MarkedCheckbox(
                _("Not one I left early"),
                value=self.settings.exclude_early_exits,
                id="exclude-early",
            )
            with Horizontal(classes="field-row"):
                yield Label(_("Shortest counted (min)"), classes="field-label")
                yield RatingInput(
                    str(self.settings.minimum_minutes), low=0, high=120, step=5, id="minimum"
                )
            yield Static(
                Text(self.settings.describe_exclusions() + " " + _(MINIMUM_HINT)),
                id="exclusions-explanation",
                classes="hint",
            )
            with Horizontal(classes="field-row"):
                yield Label(_("Timer asks every (min)"), classes="field-label")
                yield RatingInput(
                    str(self.settings.prompt_minutes), low=1, high=60, step=1, id="minutes"
                )
            yield Label(_("Safety behaviours to pick from (one a line)"))
            yield CleanTextArea(
                "\n".join(self.settings.safety_behaviours), id="behaviours", soft_wrap=True
            )
            yield Static("", id="dialog-error", classes="form-error")
            yield from self.compose_buttons()
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(RadioSet).focus()
        self._mark_chosen()

    def _mark_chosen(self) -> None:
        """Say which rule is chosen in words too, not only by the button's colour."""
        chosen = self._kind()
        for kind in MasteryKind:
            button = self.query_one(f"#rule-{kind.value}", RadioButton)
            label = _(kind.label)
            button.label = _("{answer}  ✓ chosen").format(answer=label) if kind is chosen else label

    def _kind(self) -> MasteryKind:
        pressed = self.query_one(RadioSet).pressed_button
        if pressed is None or pressed.id is None:
            return self.settings.rule.kind
        return MasteryKind(pressed.id.removeprefix("rule-"))

    @on(RadioSet.Changed)
    def _rule_changed(self) -> None:
        self.query_one("#rule-explanation", Static).update(Text(_(self._kind().explanation)))
        self._mark_chosen()

    @on(Checkbox.Changed)
    @on(Input.Changed, "#minimum")
    def _exclusions_changed(self) -> None:
        try:
            words = self._settings().describe_exclusions()
        except ValidationError as error:
            words = error.message
        self.query_one("#exclusions-explanation", Static).update(
            Text(words + " " + _(MINIMUM_HINT))
        )

    def _settings(self) -> ExposureSettings:
        rule = MasteryRule(
            kind=self._kind(),
            repeats=self.query_one("#repeats", Input).value,  # type: ignore[arg-type]
        )
        return ExposureSettings(
            rule=rule,
            prompt_minutes=self.query_one("#minutes", Input).value,  # type: ignore[arg-type]
            safety_behaviours=tuple(self.query_one(TextArea).text.split("\n")),
            exclude_safety_behaviours=self.query_one("#exclude-safety", MarkedCheckbox).value,
            exclude_early_exits=self.query_one("#exclude-early", MarkedCheckbox).value,
            minimum_minutes=self.query_one("#minimum", Input).value,  # type: ignore[arg-type]
        )

    def action_save(self) -> None:
        try:
            chosen = self._settings()
        except ValidationError as error:
            self.query_one("#dialog-error", Static).update(Text(error.message))
            return
        self.dismiss(chosen)

    def action_cancel(self) -> None:
        self.dismiss(None)
