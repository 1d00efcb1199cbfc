"""Logging one exposure on a step, by keyboard, in under a minute.

Tab (or Enter) moves through: date, start, end (or minutes), what you fear will happen and how
likely it is (0-100), predicted, before, peak and end SUDS, did it happen (yes / partly / no: ↑/↓
and Enter), how surprised you were (0-100), what you learned, "I left earlier than I meant to"
(Space), safety behaviours (Space ticks one; type a new one and press Enter to add it to your
list), notes.
Ctrl+S saves. Everything typed is kept as a draft until saved (`DraftAutosave`), so a closed
terminal loses nothing; the exposure screen offers the draft back.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import (
    Checkbox,
    Header,
    Input,
    Label,
    RadioButton,
    RadioSet,
    SelectionList,
    Static,
    TextArea,
)

from homework_tui.i18n import N_, _
from homework_tui.model.base import ValidationError
from homework_tui.model.draft import Draft
from homework_tui.model.exposure import Exposure, Ladder, Step
from homework_tui.model.exposure.expectancy import Happened
from homework_tui.model.exposure.form import YES, exposure_from_fields, form_fields, new_fields
from homework_tui.model.exposure.mastery import ExposureSettings
from homework_tui.model.exposure.timer import readings_from_text
from homework_tui.store import Store
from homework_tui.store.drafts import DraftKeeper, Drafts
from homework_tui.ui.base import HomeworkScreen
from homework_tui.ui.dialogs import EVERYWHERE
from homework_tui.ui.exposure.exposure_data import ExposureBook
from homework_tui.ui.form_autosave import DraftForm
from homework_tui.ui.naming import record_name
from homework_tui.ui.widgets.clean_input import CleanInput, CleanTextArea
from homework_tui.ui.widgets.footer import Footer
from homework_tui.ui.widgets.marked_toggles import MarkedCheckbox, MarkedRadioButton
from homework_tui.ui.widgets.rating_input import RatingInput
from homework_tui.ui.widgets.tick_list import TickList

FORM = "exposure"
LINE_FIELDS = (
    "date",
    "start",
    "end_time",
    "minutes",
    "feared_outcome",
    "likelihood",
    "predicted",
    "before",
    "peak",
    "end",
    "surprise",
    "learned",
)
SUDS_LABELS = {
    "predicted": N_("predicted"),
    "before": N_("before"),
    "peak": N_("peak"),
    "end": N_("at the end"),
}
OUTCOMES = tuple(Happened)
# The answers as shown (the stored value stays "yes", "partly" or "no").
OUTCOME_WORDS = {Happened.YES: N_("yes"), Happened.PARTLY: N_("partly"), Happened.NO: N_("no")}


def timed_summary(readings_text: str) -> Text:
    try:
        readings = readings_from_text(readings_text)
    except ValidationError:
        return Text("")
    if not readings:
        return Text("")
    curve = " → ".join(str(r.suds) for r in readings)
    minutes = round(readings[-1].minute)
    return Text(
        _("Timed: {n} ratings over {minutes} min: {curve}").format(
            n=len(readings), minutes=minutes, curve=curve
        )
    )


def outcome_label(happened: Happened, chosen: str) -> str:
    """“no  ✓ chosen”: the chosen answer in words, not only by colour."""
    word = _(OUTCOME_WORDS[happened])
    return _("{answer}  ✓ chosen").format(answer=word) if happened.value == chosen else word


class ExposureLogScreen(DraftForm, HomeworkScreen[Exposure | None]):
    CSS_PATH = "exposure.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", N_("Save"), key_display="^s", priority=True),
        Binding("escape", "close", N_("Close"), key_display="Esc"),
        *EVERYWHERE,
    ]
    MESSAGE_ID = "log-message"
    LEAVE_TITLE = N_("Leave this exposure log?")
    WHAT = N_("exposure log")
    LEAVE_BODY = N_("What you typed is on disk as a draft until you decide.")
    DISCARD_LABEL = N_("Discard it")
    NOT_SAVED_NOTE = N_("What you typed is kept as a draft.")
    KEPT_NOTE = N_("Your log is kept as a draft; it will be offered when you come back.")

    def __init__(
        self,
        ladder: Ladder,
        step: Step,
        settings: ExposureSettings,
        *,
        exposure: Exposure | None = None,
        draft: Draft | None = None,
    ) -> None:
        super().__init__(classes="exposure-log")
        self.ladder = ladder
        self.step_ = step
        self.settings = settings
        self.exposure = exposure
        self.from_draft = draft is not None
        if draft is None:
            draft = Draft(form=FORM, record_id=exposure.id if exposure else None)
            fields = form_fields(exposure) if exposure else new_fields(ladder.id, step.id)
        else:
            fields = {**new_fields(ladder.id, step.id), **draft.fields}
        self._draft = draft
        self._fields = fields
        self._initial = dict(fields)
        self._saving = False

    # -- building ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        f = self._fields
        yield Header(icon="·")
        with VerticalScroll(id="log-body"):
            heading = Text(_("Step:") + " ", style="dim")
            heading.append(self.step_.description, style="bold")
            heading.append("  " + _("(SUDS {suds})").format(suds=self.step_.suds), style="dim")
            yield Static(heading, id="log-step")
            with Horizontal(classes="log-row"):
                yield Label(_("When"), classes="log-label")
                yield CleanInput(f["date"], id="date", placeholder=_("yyyy-mm-dd"), compact=True)
                yield Label(_("from"), classes="log-word")
                yield CleanInput(f["start"], id="start", placeholder=_("hh:mm"), compact=True)
                yield Label(_("to"), classes="log-word")
                yield CleanInput(f["end_time"], id="end_time", placeholder=_("hh:mm"), compact=True)
                yield Label(_("or min"), classes="log-word")
                yield RatingInput(f["minutes"], low=0, high=1440, id="minutes")
            yield Label(_("What do you fear will happen?"), classes="log-section")
            yield CleanInput(
                f["feared_outcome"],
                id="feared_outcome",
                placeholder=_("e.g. they'll laugh at me"),
                compact=True,
            )
            with Horizontal(classes="log-row"):
                yield Label(_("How likely is it, 0 to 100?"), classes="log-question")
                yield RatingInput(f["likelihood"], id="likelihood")
            with Horizontal(classes="log-row"):
                yield Label(_("SUDS"), classes="log-label")
                for key, label in SUDS_LABELS.items():
                    yield Label(_(label), classes="log-word")
                    yield RatingInput(f[key], id=key)
            yield Static(timed_summary(f.get("readings", "")), id="log-timed")
            yield Label(_("Did it happen? (↑/↓, Enter to choose)"), classes="log-section")
            with RadioSet(id="outcome"):
                for happened in OUTCOMES:
                    yield MarkedRadioButton(
                        outcome_label(happened, f["outcome"]),
                        value=f["outcome"] == happened.value,
                        id=f"outcome-{happened.value}",
                    )
            with Horizontal(classes="log-row"):
                yield Label(_("How surprised were you, 0 to 100?"), classes="log-question")
                yield RatingInput(f["surprise"], id="surprise")
            yield Label(_("What did you learn?"), classes="log-section")
            yield CleanInput(
                f["learned"],
                id="learned",
                placeholder=_("e.g. most people were kind"),
                compact=True,
            )
            yield MarkedCheckbox(
                _("I left earlier than I meant to"),
                value=f["left_early"] == YES,
                id="left_early",
            )
            yield Label(
                _("Safety behaviours used (Space ticks; add your own below)"), classes="log-section"
            )
            yield TickList(id="safety")
            yield CleanInput(
                id="new-safety",
                placeholder=_("a new one, then Enter (e.g. kept my phone in hand)"),
                compact=True,
            )
            yield Label(_("Notes"), classes="log-section")
            yield CleanTextArea(f["notes"], id="notes", soft_wrap=True)
        yield Static(id="log-message")
        yield Footer()

    def on_mount(self) -> None:
        self.title = _("Log an exposure")
        self.sub_title = f"{record_name(self.step_.description)} · {record_name(self.ladder.name)}"
        chosen = [s for s in self._fields.get("safety", "").split("\n") if s.strip()]
        safety = self.query_one("#safety", SelectionList)
        names = list(self.settings.safety_behaviours)
        names += [c for c in chosen if c.casefold() not in {n.casefold() for n in names}]
        for name in names:
            safety.add_option((Text(name), name, name in chosen))
        safety.display = bool(names)
        self.query_one("#minutes", RatingInput).placeholder = _("min")
        self.query_one("#log-timed", Static).display = bool(self._fields.get("readings"))
        self.query_one("#log-message", Static).display = False
        store = self.homework.store
        assert store is not None
        self.keeper = DraftKeeper(Drafts(store), self._draft)
        first = "start" if not self._fields.get("start") else "feared_outcome"
        if self._fields.get("peak"):
            first = "notes"
        self.query_one(f"#{first}").focus()
        self.start_autosave()

    # -- moving through the form -------------------------------------------------------------

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "new-safety":
            self._add_safety(event.input.value)
            event.input.value = ""
            return
        self.focus_next()

    def _add_safety(self, value: str) -> None:
        name = " ".join(value.split())
        if not name:
            return
        safety = self.query_one("#safety", SelectionList)
        for index in range(safety.option_count):
            option = safety.get_option_at_index(index)
            if str(option.value).casefold() == name.casefold():
                safety.select(option.value)
                return
        safety.add_option((Text(name), name, True))
        safety.display = True
        self.note_change()

    @on(RadioSet.Changed, "#outcome")
    def _outcome_chosen(self) -> None:
        """Say which answer is chosen in words too, not only by the button's colour."""
        chosen = self._outcome()
        for happened in OUTCOMES:
            button = self.query_one(f"#outcome-{happened.value}", RadioButton)
            button.label = outcome_label(happened, chosen)
        self.note_change()

    def _outcome(self) -> str:
        pressed = self.query_one("#outcome", RadioSet).pressed_button
        if pressed is None or pressed.id is None:
            return self._fields.get("outcome", "")
        return pressed.id.removeprefix("outcome-")

    @on(Checkbox.Changed, "#left_early")
    def _left_early_changed(self) -> None:
        self.note_change()

    # -- the draft -----------------------------------------------------------------------------

    def draft_snapshot(self) -> tuple[dict[str, str], str]:
        fields = dict(self._fields)
        for key in LINE_FIELDS:
            fields[key] = self.query_one(f"#{key}", Input).value
        safety: list[str] = list(self.query_one("#safety", SelectionList).selected)
        pending = self.query_one("#new-safety", Input).value.strip()
        if pending and pending.casefold() not in {s.casefold() for s in safety}:
            safety.append(pending)  # typed but Enter not pressed yet: still theirs
        fields["safety"] = "\n".join(safety)
        fields["notes"] = self.query_one("#notes", TextArea).text
        fields["outcome"] = self._outcome()
        fields["left_early"] = YES if self.query_one("#left_early", MarkedCheckbox).value else ""
        return fields, "log"

    # -- saving and leaving --------------------------------------------------------------------

    def action_save(self) -> None:
        if self._saving:
            return
        fields, _extra = self.draft_snapshot()
        try:
            exposure = exposure_from_fields(fields, self.ladder, base=self.exposure)
        except ValidationError as error:
            self._say(error.message)
            target = "end_time" if error.field == "end_time" else error.field
            if target in LINE_FIELDS:
                self.query_one(f"#{target}").focus()
            return
        self._saving = True
        new = [
            name
            for name in exposure.safety_behaviours
            if name.casefold() not in {s.casefold() for s in self.settings.safety_behaviours}
        ]
        self._save(exposure, new)

    def persist(self, store: Store, exposure: Exposure, *extra: object) -> Exposure:
        (new_behaviours,) = extra  # the list of names `_save` was given
        book = ExposureBook(store)
        saved = book.save_exposure(exposure)
        if isinstance(new_behaviours, list) and new_behaviours:
            book.save_settings(book.settings.load().with_behaviours(new_behaviours))
        return saved

    def unchanged(self, fields: dict[str, str]) -> bool:
        return fields == self._initial
