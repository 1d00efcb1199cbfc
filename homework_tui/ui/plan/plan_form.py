"""Adding or changing one piece of homework in the plan, and the dates of the sessions.

`AssignmentForm` dismisses with the validated `Assignment`, or None when the person lets the
changes go (they are asked first when something was typed: nothing typed is lost by accident).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Label, Select, SelectionList, Static, TextArea

from homework_tui.i18n import N_, _, weekday_name
from homework_tui.model.activity import Kind
from homework_tui.model.base import ValidationError
from homework_tui.model.plan import Assignment, Every, Frequency, PlanInfo
from homework_tui.ui.dialogs import Choice, ChoiceDialog, SaveCancelModal
from homework_tui.ui.widgets.clean_input import CleanInput, CleanTextArea
from homework_tui.ui.widgets.footer import Footer
from homework_tui.ui.widgets.tick_list import TickList

KIND_CHOICES = [(kind.label, kind) for kind in Kind]
EVERY_CHOICES = [
    (N_("Every day"), Every.DAY),
    (N_("A number of times a week"), Every.WEEK),
    (N_("On given days of the week"), Every.WEEKDAYS),
    (N_("Once, by a date"), Every.ONCE),
]
TARGET_LABELS = {
    Kind.EXPOSURE: N_("Ladder or step (optional; blank: any exposure)"),
    Kind.BREATHING: N_("Breathing pattern (optional), e.g. resonance, box, 4-7-8"),
    Kind.PMR: N_("Muscle relaxation protocol (optional), e.g. 16 groups"),
}
TEXT_FIELDS = ("title", "target", "times", "by", "minutes", "start", "end")


def parse_day(text: str, label: str, field: str) -> date:
    """A date as a person types it: 2025-03-10, or “today” / “tomorrow” (in English or in the
    interface's language)."""
    word = text.strip().casefold()
    # Translators: a word a person may type for a date; lower case, one word.
    if word in ("today", _("today").casefold()):
        return date.today()
    # Translators: a word a person may type for a date; lower case, one word.
    if word in ("tomorrow", _("tomorrow").casefold()):
        return date.today() + timedelta(days=1)
    try:
        return date.fromisoformat(word)
    except ValueError:
        raise ValidationError(
            field,
            _("{field}: please write the date like 2025-03-10 (or “today”).").format(field=label),
        ) from None


def parse_whole(text: str, label: str, field: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise ValidationError(
            field, _("{field} needs a whole number.").format(field=label)
        ) from None


class AssignmentForm(SaveCancelModal["Assignment | None"]):
    CSS_PATH = "plan.tcss"
    WHAT = N_("homework form")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", N_("Save"), key_display="^s", priority=True),
        Binding("escape", "cancel", N_("Cancel"), key_display="Esc"),
    ]

    def __init__(self, assignment: Assignment | None = None) -> None:
        super().__init__(classes="assignment-form")
        self.base = assignment
        self._initial: dict[str, Any] | None = None

    def compose(self) -> ComposeResult:
        a = self.base
        frequency = a.frequency if a else Frequency()
        with Vertical(classes="dialog plan-dialog tall"):
            title = _("Change this homework") if a else _("Add homework to your plan")
            yield Static(Text(title), classes="dialog-title")
            yield from self._fields(a, frequency)
            yield Static("", id="form-error")
            yield from self.compose_buttons()
        yield Footer()

    def _fields(self, a: Assignment | None, frequency: Frequency) -> ComposeResult:
        with VerticalScroll(id="form-fields"):
            yield Label(_("Kind of homework"))
            yield Select(
                [(_(label), kind) for label, kind in KIND_CHOICES],
                value=a.kind if a else Kind.THOUGHT_RECORD,
                allow_blank=False,
                id="kind",
                compact=True,
            )
            yield Label(_("Name (optional; needed for other homework)"), id="title-label")
            yield CleanInput(
                a.title if a else "",
                id="title",
                compact=True,
                placeholder=_("e.g. Walk for 20 minutes"),
            )
            yield Label("", id="target-label")
            yield CleanInput(a.target if a else "", id="target", compact=True)
            yield Label(_("How often"))
            yield Select(
                [(_(label), every) for label, every in EVERY_CHOICES],
                value=frequency.every,
                allow_blank=False,
                id="every",
                compact=True,
            )
            yield Label(_("Times a week"), id="times-label")
            yield CleanInput(
                str(frequency.times if frequency.every is Every.WEEK else 3),
                id="times",
                compact=True,
            )
            yield Label(_("Days (Space to choose)"), id="weekdays-label")
            yield TickList[int](
                *((weekday_name(n), n, n in frequency.weekdays) for n in range(7)),
                id="weekdays",
                compact=True,
            )
            yield Label(_("By (date)"), id="by-label")
            yield CleanInput(
                frequency.by.isoformat() if frequency.by else "",
                id="by",
                placeholder="2025-03-20",
                compact=True,
            )
            yield Label(_("Minutes (optional)"))
            yield CleanInput(str(a.minutes) if a and a.minutes else "", id="minutes", compact=True)
            yield Label(_("Starts"))
            yield CleanInput((a.start if a else date.today()).isoformat(), id="start", compact=True)
            yield Label(_("Last day (optional)"))
            yield CleanInput(
                a.end.isoformat() if a and a.end else "",
                id="end",
                placeholder=_("blank: until you change it"),
                compact=True,
            )
            yield Label(_("Note from your therapist (optional)"))
            yield CleanTextArea(a.note if a else "", id="note", soft_wrap=True, compact=True)

    def on_mount(self) -> None:
        self._show_fields()
        self.query_one("#kind", Select).focus()
        self._initial = self._values()

    @on(Select.Changed)
    def _choice_changed(self) -> None:
        self._show_fields()

    def _show_fields(self) -> None:
        kind = self.query_one("#kind", Select).value
        every = self.query_one("#every", Select).value
        target = TARGET_LABELS.get(kind) if isinstance(kind, Kind) else None
        self.query_one("#target-label", Label).update(_(target) if target else "")
        for name in ("target-label", "target"):
            self.query_one(f"#{name}").display = target is not None
        for name, wanted in (
            ("times", Every.WEEK),
            ("weekdays", Every.WEEKDAYS),
            ("by", Every.ONCE),
        ):
            for widget in (f"#{name}-label", f"#{name}"):
                self.query_one(widget).display = every is wanted

    def _values(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            name: self.query_one(f"#{name}", CleanInput).value for name in TEXT_FIELDS
        }
        values["kind"] = self.query_one("#kind", Select).value
        values["every"] = self.query_one("#every", Select).value
        values["weekdays"] = tuple(sorted(self.query_one("#weekdays", SelectionList).selected))
        values["note"] = self.query_one("#note", TextArea).text
        return values

    def build(self) -> Assignment:
        """The assignment as typed. Raises ValidationError naming the field."""
        v = self._values()
        every: Every = v["every"]
        kind: Kind = v["kind"]
        frequency = Frequency(
            every=every,
            times=parse_whole(v["times"], _("Times a week"), "times") if every is Every.WEEK else 1,
            weekdays=v["weekdays"] if every is Every.WEEKDAYS else (),
            by=parse_day(v["by"], _("By"), "by") if every is Every.ONCE else None,
        )
        minutes = (
            parse_whole(v["minutes"], _("Minutes"), "minutes") if v["minutes"].strip() else None
        )
        values: dict[str, Any] = dict(
            kind=kind,
            frequency=frequency,
            title=v["title"],
            target=v["target"] if kind in TARGET_LABELS else "",
            note=v["note"],
            minutes=minutes,
            start=parse_day(v["start"], _("Starts"), "start"),
            end=parse_day(v["end"], _("Last day"), "end") if v["end"].strip() else None,
        )
        if self.base is not None:
            return replace(self.base, **values)
        return Assignment(**values)

    def action_save(self) -> None:
        try:
            assignment = self.build()
        except ValidationError as error:
            self.query_one("#form-error", Static).update(Text(error.message))
            target = {
                "times": "times",
                "weekdays": "weekdays",
                "by": "by",
                "title": "title",
                "minutes": "minutes",
                "start": "start",
                "end": "end",
            }.get(error.field)
            if target:
                self.query_one(f"#{target}").focus()
            return
        self.dismiss(assignment)

    def action_cancel(self) -> None:
        if self._initial is None or self._values() == self._initial:
            self.dismiss(None)
            return

        def chosen(value: str | None) -> None:
            if value == "discard":
                self.dismiss(None)

        self.app.push_screen(
            ChoiceDialog(
                _("Let these changes go?"),
                _("You have typed something here that is not saved yet."),
                [
                    Choice("k", _("Keep editing"), "keep", primary=True),
                    Choice("d", _("Let them go"), "discard"),
                ],
                escape="keep",
            ),
            chosen,
        )


class SessionDatesForm(SaveCancelModal["PlanInfo | None"]):
    """The last session (where “since last session” starts) and the next one."""

    CSS_PATH = "plan.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", N_("Save"), key_display="^s", priority=True),
        Binding("escape", "cancel", N_("Cancel"), key_display="Esc"),
    ]

    def __init__(self, info: PlanInfo) -> None:
        super().__init__(classes="session-dates")
        self.info = info

    def compose(self) -> ComposeResult:
        info = self.info
        with VerticalScroll(classes="dialog plan-dialog"):
            yield Static(Text(_("Your sessions")), classes="dialog-title")
            yield Static(
                Text(_("The report “since last session” starts on the last one.")),
                classes="dialog-message",
            )
            yield Label(_("Last session"))
            yield CleanInput(
                info.last_session.isoformat() if info.last_session else "",
                id="last",
                placeholder="2025-03-10",
                compact=True,
            )
            yield Label(_("Next session (optional)"))
            yield CleanInput(
                info.next_session.isoformat() if info.next_session else "",
                id="next",
                placeholder="2025-03-24",
                compact=True,
            )
            yield Static("", id="form-error")
            yield from self.compose_buttons()
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#last", CleanInput).focus()

    def action_save(self) -> None:
        texts = {k: self.query_one(f"#{k}", CleanInput).value.strip() for k in ("last", "next")}
        try:
            last = parse_day(texts["last"], _("Last session"), "last") if texts["last"] else None
            upcoming = (
                parse_day(texts["next"], _("Next session"), "next") if texts["next"] else None
            )
            info = replace(self.info, last_session=last, next_session=upcoming)
        except ValidationError as error:
            self.query_one("#form-error", Static).update(Text(error.message))
            return
        self.dismiss(info)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(CleanInput.Submitted)
    def _submitted(self, event: CleanInput.Submitted) -> None:
        event.stop()
        if event.input.id == "last":
            self.query_one("#next", CleanInput).focus()
        else:
            self.action_save()
