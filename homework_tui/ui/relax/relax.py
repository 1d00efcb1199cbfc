"""The Relax section: choose a session by kind (breathing, muscle relaxation, mindfulness; the
person's own patterns and script files among them), its length and sound, rate how you feel (or
skip), then follow the session (`relax_session`, or `relax_mindful` for mindfulness), rate again,
and it is logged. Past sessions and a chart are one key away (`relax_history`). The last choice is
remembered (`relax_start` checks, rates, remembers and starts). When muscle relaxation practice
shows the person is ready, the next stage is suggested (`relax_stage`)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, ClassVar

from rich.padding import Padding
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from homework_tui.i18n import N_, _
from homework_tui.model.base import ValidationError
from homework_tui.model.relaxation import RelaxChoice
from homework_tui.services.relax_catalog import Catalog, SessionEntry
from homework_tui.ui.base import SectionScreen
from homework_tui.ui.diaries.day_text import day_text
from homework_tui.ui.relax.relax_data import RelaxState
from homework_tui.ui.relax.relax_field import RelaxField
from homework_tui.ui.relax.relax_stage import STAGE_ACTIONS, StageMixin
from homework_tui.ui.relax.relax_start import SessionStartMixin
from homework_tui.ui.widgets.footer import Footer
from homework_tui.ui.widgets.marked_toggles import MarkedCheckbox as Checkbox

INTRO = N_(
    "Pick a session and press Enter. You can close your eyes: the voice guides you, "
    "and the words show here too."
)
HEADING = "heading:"


class RelaxScreen(SessionStartMixin, StageMixin, SectionScreen):
    DEFAULT_CSS = """
    RelaxScreen #rx-choose { height: 1fr; }
    RelaxScreen #rx-sessions { width: 36; height: 1fr; border: round $primary 50%; }
    RelaxScreen #rx-sessions:focus { border: round $accent; }
    RelaxScreen #rx-options { width: 1fr; height: 1fr; padding: 0 0 0 2; scrollbar-size-vertical: 1; }
    RelaxScreen .rx-row { height: auto; margin-bottom: 1; }
    RelaxScreen .rx-row.rx-resonance { margin-bottom: 0; }
    RelaxScreen .rx-label { width: 18; height: auto; }
    RelaxScreen .rx-field { width: 10; }
    RelaxScreen #rx-fits { width: 1fr; height: auto; color: $text-muted; }
    RelaxScreen Checkbox { border: none; padding: 0; height: 1; margin-top: 1; }
    RelaxScreen #rx-describe { height: auto; margin-bottom: 1; }
    RelaxScreen #rx-speaker { height: auto; color: $text-muted; margin-bottom: 1; }
    RelaxScreen #rx-problem { color: $warning; height: auto; padding: 0 1; }
    RelaxScreen #rx-sound { height: auto; padding: 0 1; color: $text-muted; }
    RelaxScreen #rx-stage { height: auto; margin: 1 1 0 1; padding: 0 1; border-left: thick $accent 50%; }
    RelaxScreen #rx-last, RelaxScreen #rx-intro-text { height: auto; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("b", "begin", N_("Begin")),
        Binding("h", "history", N_("History")),
        # The footer keeps to 80 columns with F2 Help now in it: short names; c and t in F1 (the
        # stage panel names t).
        Binding("c", "new_pattern", N_("New pattern"), show=False),
        Binding(
            "t", "try_stage", N_("Try next stage"), show=False
        ),  # the stage panel says "Press t"
        Binding("o", "stage_tips", N_("Stage tips on/off"), show=False),
        Binding("e", "edit_pattern", N_("Edit pattern")),
        Binding("delete", "delete_pattern", N_("Delete"), key_display="Del"),
        Binding("g", "bell", N_("Bell")),  # shown only when there is no sound (check_action)
    ]

    def __init__(self) -> None:
        super().__init__(name="relax", classes="relax")
        self.choice = RelaxChoice()
        self.custom: dict[str, Any] = {}
        self.catalog = Catalog()
        self.voices: list[Any] = []
        self.typed: dict[str, str] = {}  # session name (lower-case) → the length typed for it here
        self.loaded = False
        self.silent_because: str | None = None  # no sound device here (the bell is offered)
        self.clock: Callable[[], float] = (
            time.monotonic
        )  # sessions keep time by it (tests: by hand)

    def compose_content(self) -> ComposeResult:
        yield Static(Text(_(INTRO)), id="rx-intro-text", classes="calm-note")
        with Horizontal(id="rx-choose"):
            yield OptionList(id="rx-sessions")
            with VerticalScroll(id="rx-options", can_focus=False):
                yield Static(Text(""), id="rx-describe")
                yield Static(Text(""), id="rx-speaker")
                with Horizontal(classes="rx-row", id="rx-length"):
                    yield Static(_("Length (minutes)"), classes="rx-label")
                    yield RelaxField(
                        id="rx-minutes", classes="rx-field", compact=True, restrict=r"[0-9.]{0,5}"
                    )
                    yield Static(Text(""), id="rx-fits")
                with Horizontal(classes="rx-row rx-resonance"):
                    yield Static(_("Breaths a minute"), classes="rx-label")
                    yield RelaxField(
                        id="rx-bpm", classes="rx-field", compact=True, restrict=r"[0-9.]{0,4}"
                    )
                with Horizontal(classes="rx-row rx-resonance"):
                    yield Static(_("In:out ratio"), classes="rx-label")
                    yield RelaxField(
                        id="rx-ratio", classes="rx-field", compact=True, restrict=r"[0-9.:]{0,7}"
                    )
                yield Checkbox(_("Voice guides me"), id="rx-voice", compact=True)
                yield Checkbox(_("Soft tones at each phase"), id="rx-tones", compact=True)
                yield Checkbox(_("Start with the introduction"), id="rx-intro", compact=True)
                yield Checkbox(
                    _("Rate anxiety 0-10, not tension 0-100"), id="rx-anxiety", compact=True
                )
        # Below the columns, full width, so a problem or the bell's offer is never scrolled away.
        yield Static(Text(""), id="rx-problem")
        yield Static(Text(""), id="rx-sound")
        yield Static(Text(""), id="rx-stage")
        yield Static(Text(""), id="rx-last", classes="calm-note")

    def on_mount(self) -> None:
        self.title = _("Relax")
        self.query_one("#rx-stage").display = False
        self.query_one("#rx-sound").display = False
        self.query_one(Footer).compact = True  # room for every key that applies, at 80 columns
        self.query_one("#rx-sessions").focus()
        self.load()
        self.homework.services.relax.prewarm()

    def on_screen_resume(self) -> None:
        if self.loaded:
            self.load()

    @work(thread=True, exclusive=True, group="relax-load")
    def load(self) -> None:
        from homework_tui.ui.relax.relax_data import relax_state

        store = self.homework.store
        if store is None:
            return
        state = relax_state(
            store, self.homework.settings, self.homework.services.relax, list(self.voices)
        )
        self.app.call_from_thread(self.show, state)

    def show(self, state: RelaxState) -> None:
        first = not self.loaded
        self.loaded = True
        self.custom = state.custom
        self.catalog = state.catalog
        self.voices = state.voices
        if first:
            self.choice = state.choice
        self._fill_list(state.catalog)
        if first:
            self._fill_form(self.choice)
        self._highlighted()
        self._set_problem(state.problem)
        self.show_stage(state)
        self.look_for_sound()
        if state.last:
            s = state.last[0]
            bits = [
                _("Last time: {title}, {day}").format(
                    title=_(s.title), day=day_text(s.created_at.date())
                )
            ]
            if s.rating_line():
                bits.append(s.rating_line())
            if not s.completed:
                bits.append(s.outcome)
            self.query_one("#rx-last", Static).update(
                Text(_("{last}. Press h for history.").format(last=", ".join(bits)))
            )

    # -- no sound: offer the bell ----------------------------------------------------------------
    @work(thread=True, exclusive=True, group="relax-sound", exit_on_error=False)
    def look_for_sound(self) -> None:
        reason = self.homework.services.relax.no_sound_reason()
        self.app.call_from_thread(self._show_sound, reason)

    def _show_sound(self, reason: str | None) -> None:
        self.silent_because = reason
        line = self.query_one("#rx-sound", Static)
        line.display = reason is not None
        if reason is not None:
            if self.homework.settings.bell_on_phase:
                text = _(
                    "No sound here ({reason}): sessions play silently, with captions. "
                    "Press g for the terminal bell at each phase (now on)."
                )
            else:
                text = _(
                    "No sound here ({reason}): sessions play silently, with captions. "
                    "Press g for the terminal bell at each phase (now off)."
                )
            line.update(Text(text.format(reason=reason)))
        self.refresh_bindings()

    def action_bell(self) -> None:
        from homework_tui.ui.relax.bell_switch import toggle_bell

        toggle_bell(self.app)
        self._show_sound(self.silent_because)

    def _fill_list(self, catalog: Catalog) -> None:
        options = self.query_one("#rx-sessions", OptionList)
        items: list[Option | None] = []
        for kind, heading, entries in catalog.by_kind():
            if items:
                items.append(None)
            items.append(Option(Text(heading, style="bold"), id=f"{HEADING}{kind}", disabled=True))
            items += [Option(Padding(Text(e.label), (0, 0, 0, 2)), id=e.name) for e in entries]
        if catalog.problems:
            items += [
                None,
                Option(
                    Text(_("Files that could not be read"), style="bold"),
                    id=f"{HEADING}problems",
                    disabled=True,
                ),
            ]
            items += [
                Option(Padding(Text(p), (0, 0, 0, 2)), id=f"{HEADING}problem{i}", disabled=True)
                for i, p in enumerate(catalog.problems)
            ]
        options.clear_options()
        options.add_options(items)
        self._highlight(self.choice.session)

    def _highlight(self, name: str) -> None:
        options = self.query_one("#rx-sessions", OptionList)
        entry = self.catalog.get(name)
        if entry is None:
            entry = self.catalog.get(RelaxChoice().session) or next(
                iter(self.catalog.entries), None
            )
        if entry is not None:
            options.highlighted = options.get_option_index(entry.name)

    def _fill_form(self, choice: RelaxChoice) -> None:
        minutes = self.query_one("#rx-minutes", Input)
        with minutes.prevent(Input.Changed):  # not typed: each session shows its own (_highlighted)
            minutes.value = f"{choice.minutes:g}"
        self.query_one("#rx-bpm", Input).value = f"{choice.breaths_per_minute:g}"
        self.query_one("#rx-ratio", Input).value = choice.ratio
        self.query_one("#rx-voice", Checkbox).value = choice.voice
        self.query_one("#rx-tones", Checkbox).value = choice.tones
        self.query_one("#rx-intro", Checkbox).value = choice.intro
        self.query_one("#rx-anxiety", Checkbox).value = choice.scale == "anxiety"

    def _set_problem(self, text: str) -> None:
        self.query_one("#rx-problem", Static).update(Text(text))

    def _selected(self) -> str:
        options = self.query_one("#rx-sessions", OptionList)
        if options.highlighted is None or not options.option_count:
            return self.choice.session
        chosen = str(options.get_option_at_index(options.highlighted).id)
        return self.choice.session if chosen.startswith(HEADING) else chosen

    def selected_entry(self) -> SessionEntry | None:
        return self.catalog.get(self._selected())

    @on(OptionList.OptionHighlighted, "#rx-sessions")
    def _highlighted(self) -> None:
        entry = self.selected_entry()
        name = entry.name if entry else self._selected()
        self.query_one("#rx-describe", Static).update(Text(entry.description if entry else ""))
        for row in self.query(".rx-resonance"):
            row.display = name == "resonance"
        mindful = entry is not None and entry.kind == "mindfulness"
        minutes = self.query_one("#rx-minutes", Input)
        with minutes.prevent(Input.Changed):
            minutes.value = self.typed.get(name.lower()) or f"{self._usual_minutes(name, entry):g}"
        self.query_one("#rx-length").display = not mindful or (
            entry is not None and entry.minutes is not None
        )
        fits = entry.fits if entry is not None else None
        self.query_one("#rx-fits", Static).update(
            Text(
                # Translators: a length's range in minutes, as typed in the field ("3.5", not "3,5").
                " " + _("({low} to {high})").format(low=f"{fits[0]:g}", high=f"{fits[1]:g}")
                if fits
                else ""
            )
        )
        self.query_one("#rx-tones").display = not mindful
        self.query_one("#rx-intro").display = not mindful
        self._show_speaker()
        if self.loaded:
            self._show_stage_panel()
        self.refresh_bindings()

    def _usual_minutes(self, name: str, entry: SessionEntry | None) -> float:
        """The length a session opens with: the one chosen last time for it (when it still
        fits), else its own usual length, else the usual 5 minutes."""
        last = self.choice.minutes if name.lower() == self.choice.session.lower() else None
        if last is not None and (entry is None or entry.can_last(last)):
            return last
        if entry is not None and entry.minutes is not None:
            return entry.minutes
        return RelaxChoice().minutes

    @on(Input.Changed, "#rx-minutes")
    def _minutes_typed(self, event: Input.Changed) -> None:
        self.typed[self._selected().lower()] = event.value

    @on(Checkbox.Changed, "#rx-voice")
    def _show_speaker(self) -> None:
        from homework_tui.services.relax_catalog import (
            speaker_line,
            voice_for_interface,
            wording_line,
        )

        entry = self.selected_entry()
        chosen = voice_for_interface(self.homework.settings.voice, self.voices)
        line = ""
        voice_on = self.query_one("#rx-voice", Checkbox).value
        if entry is not None and entry.language:
            line = speaker_line(entry.language, chosen, self.voices, voice_on=voice_on)
        if entry is not None and voice_on and self.voices:
            line = " ".join(
                filter(
                    None,
                    (line, wording_line(entry.name, entry.language, chosen)),
                )
            )
        self.query_one("#rx-speaker", Static).update(Text(line))
        self.query_one("#rx-speaker").display = bool(line)

    def read_choice(self) -> RelaxChoice:
        """The form as a RelaxChoice (raises ValidationError with a message)."""
        bpm_text = self.query_one("#rx-bpm", Input).value.strip() or "6"
        try:
            bpm = float(bpm_text)
        except ValueError:
            raise ValidationError(
                "bpm",
                # Translators: numbers as typed in the field ("4.5", not "4,5").
                _("Breaths a minute should be from 4.5 to 6.5."),
            ) from None
        entry = self.selected_entry()
        mindful = entry is not None and entry.kind == "mindfulness"
        own_length = mindful and entry is not None and entry.minutes is None
        typed = self.query_one("#rx-minutes", Input).value
        return RelaxChoice(
            session=self._selected(),
            # An empty length is said to be one (not quietly taken as 5), unless the session
            # keeps its own length and the field is hidden.
            minutes=(typed or "5") if own_length else typed,  # type: ignore[arg-type]
            voice=self.query_one("#rx-voice", Checkbox).value,
            tones=self.query_one("#rx-tones", Checkbox).value,  # kept for breathing; see with_tones
            intro=self.query_one("#rx-intro", Checkbox).value,
            breaths_per_minute=bpm,
            ratio=self.query_one("#rx-ratio", Input).value or "1:1",
            scale="anxiety" if self.query_one("#rx-anxiety", Checkbox).value else "tension",
            session_kind=entry.kind if entry is not None else "",
            session_title=entry.title if entry is not None else "",
            own_length=own_length,
        )

    # -- starting (then relax_start.SessionStartMixin) -------------------------------------------
    @on(OptionList.OptionSelected, "#rx-sessions")
    def _chosen(self) -> None:
        self.action_begin()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_begin()

    # -- the person's patterns ----------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit_pattern", "delete_pattern"):
            entry = self.selected_entry()
            return entry is not None and entry.pattern
        if action in STAGE_ACTIONS:
            return self.check_stage_action(action)
        if action == "bell":
            return self.silent_because is not None
        return True

    def action_history(self) -> None:
        from homework_tui.ui.relax.relax_history import RelaxHistoryScreen

        self.app.push_screen(RelaxHistoryScreen())

    def action_new_pattern(self) -> None:
        self._edit(None)

    def action_edit_pattern(self) -> None:
        pattern = self.custom.get(self._selected().lower())
        if pattern is not None:
            self._edit(pattern)

    def _edit(self, pattern: Any) -> None:
        from homework_tui.ui.relax.relax_patterns import PatternDialog

        def saved(name: str | None) -> None:
            if name:
                self.choice = self.choice.changed(session=name)
                self.load()

        self.app.push_screen(PatternDialog(pattern), saved)

    def action_delete_pattern(self) -> None:
        from homework_tui.ui.dialogs import Choice, ChoiceDialog
        from homework_tui.ui.relax.relax_data import delete_pattern

        name = self._selected()
        if name.lower() not in self.custom:
            return

        def chosen(value: str | None) -> None:
            if value == "delete":
                delete_pattern(name)
                self.choice = self.choice.changed(session="resonance")
                self.load()

        self.app.push_screen(
            ChoiceDialog(
                _("Delete this pattern?"),
                _("“{name}” will no longer be offered. Sessions you logged with it stay.").format(
                    name=name
                ),
                [
                    Choice("k", _("Keep it"), "keep", primary=True),
                    Choice("d", _("Delete"), "delete"),
                ],
                escape="keep",
            ),
            chosen,
        )
