"""Settings: the language, the data folder (shown), theme, motion, voice and speech rate, cue word, bell. Every
change applies at once and is saved in the background."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Label, Select, Static, Switch

from homework_tui.i18n import (
    LANGUAGES,
    N_,
    _,
    current_language,
    language_from_environment,
    language_name,
)
from homework_tui.model.base import ValidationError, visible
from homework_tui.model.settings import (
    CUE_WORD_MAX,
    DEFAULT_THEME,
    HIGH_CONTRAST_THEME,
    SPEECH_RATE_MAX,
    SPEECH_RATE_MIN,
)
from homework_tui.ui.base import SectionScreen
from homework_tui.ui.settings.voice_finder import VoiceFinder
from homework_tui.ui.widgets.clean_input import CleanInput
from homework_tui.ui.widgets.marked_toggles import OnOffSwitch

SWITCHES = (
    ("animations", N_("Animations"), N_("Smooth scrolling and sliding panels. Off is calmer.")),
    (
        "reduced_motion",
        N_("Reduce motion"),
        N_("Keep breathing and relaxation visuals steady instead of growing and shrinking."),
    ),
    (
        "bell_on_phase",
        N_("Bell at each breathing phase"),
        N_("Ring the terminal bell on each in, hold and out, e.g. when sound is not available."),
    ),
    (
        "cursor_on_focus",
        N_("Show the terminal cursor where the focus is (for screen readers)"),
        N_(
            "Screen readers and braille displays follow the terminal's cursor: it sits on the "
            "box, list row or button you are on."
        ),
    ),
)
# The language choice's value for "the computer's language" (Settings.language "").
COMPUTER = ""
THEME_NAMES = {
    DEFAULT_THEME: N_("Calm (homework-tui)"),
    HIGH_CONTRAST_THEME: N_("High contrast (homework-tui)"),
}


class SettingsScreen(SectionScreen):
    """Preferences, one per row."""

    TITLE = "homework-tui"
    SUB_TITLE = N_("Settings")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+l", "privacy", N_("Privacy and lock"), key_display="^l"),
    ]

    def __init__(self) -> None:
        super().__init__()
        # Set when the language was just changed here: the screen comes back drawn in it, with
        # the focus on the language choice and a line saying so.
        self.language_changed = False

    def compose_content(self) -> ComposeResult:
        settings = self.homework.settings
        self.sub_title = _(self.SUB_TITLE)
        with VerticalScroll(id="settings", classes="page"):
            yield Static(_("Settings"), classes="page-title")
            yield Label(_("Your data folder"))
            yield Static(Text(visible(str(self.homework.data_folder))), id="data-folder")
            yield Static(
                _(
                    "Shown for your information. To keep your data somewhere else, start "
                    "homework-tui with --data-dir FOLDER."
                ),
                classes="hint",
            )
            yield Button(_("Privacy and lock… (Ctrl+L)"), id="open-privacy", compact=True)
            yield Label(_("Theme"))
            yield Select(
                self._theme_options(),
                value=settings.theme,
                allow_blank=False,
                id="theme",
                compact=True,
            )
            for name, title, hint in SWITCHES:
                with Horizontal(classes="switch-row"):
                    yield OnOffSwitch(getattr(settings, name), id=name)
                    yield Label(_(title), classes="switch-label")
                yield Static(_(hint), classes="hint")
            yield Label(_("Voice"))
            yield CleanInput(
                settings.voice, placeholder=_("the system's default voice"), id="voice"
            )
            yield Static(
                _(
                    "The name of a speech voice, or empty for the default. "
                    "Used when relaxation is spoken aloud."
                ),
                classes="hint",
            )
            yield Label(
                _("Speech rate (words per minute, {low}-{high})").format(
                    low=SPEECH_RATE_MIN, high=SPEECH_RATE_MAX
                )
            )
            yield CleanInput(
                str(settings.speech_rate), type="integer", max_length=3, id="speech_rate"
            )
            # Between the two boxes it speaks for, so it is in view while either is typed in.
            yield Static("", id="settings-error")
            yield Label(_("Cue word"))
            yield CleanInput(
                settings.cue_word,
                placeholder=_("relax (in the session's language)"),
                max_length=CUE_WORD_MAX,
                id="cue_word",
            )
            yield Static(
                _(
                    "Cue-controlled relaxation: the word you say silently each time you breathe "
                    "out, such as calm or let go. Leave it empty for the word for relax in the "
                    "session's language."
                ),
                classes="hint",
            )
            yield from self._compose_language()
            yield Label(_("Voices by language"))
            voices = self.homework.services.relax.installed_voices
            yield VoiceFinder(settings.voice, voices=voices, id="voice-finder")

    def _compose_language(self) -> ComposeResult:
        computer = language_name(language_from_environment()[0])
        options = [
            (_("The computer's language ({language})").format(language=computer), COMPUTER),
            *[(name, code) for code, name in LANGUAGES.items()],
        ]
        yield Label(_("Language"))
        # Above its choice, so the line saying the language changed is in view with the focus.
        yield Static("", id="language-note")
        yield Select(
            options,
            value=self.homework.settings.language or COMPUTER,
            allow_blank=False,
            id="language",
            compact=True,
        )
        if getattr(self.app, "language_given", False):
            hint = _(
                "homework-tui was started with --language, which is used until it is started "
                "without it. The voice follows the language unless you choose a voice below."
            )
        else:
            hint = _("The voice follows the language, unless you choose a voice below.")
        yield Static(hint, classes="hint", id="language-hint")

    async def recompose(self) -> None:
        await super().recompose()
        if self.language_changed:
            self._language_said()

    def _language_said(self) -> None:
        """After the language changed here: the focus back on its choice, and a line saying so
        (in the new language)."""
        self.language_changed = False
        note = self.query_one("#language-note", Static)
        note.update(
            Text(
                _("homework-tui now speaks {language}.").format(
                    language=language_name(current_language())
                )
            )
        )
        choice = self.query_one("#language", Select)
        choice.focus(scroll_visible=False)

        def into_view() -> None:
            # The screen was just drawn again: its new rows are measured in the refresh after
            # this one, so the line, the choice and its hint are scrolled into view after that.
            hint = self.query_one("#language-hint", Static)
            self.call_after_refresh(hint.scroll_visible, animate=False)

        self.call_after_refresh(into_view)

    @on(Select.Changed, "#language")
    def _language(self, event: Select.Changed) -> None:
        code = event.value if isinstance(event.value, str) else COMPUTER
        if code == self.homework.settings.language:
            return
        before = current_language()
        self.language_changed = True
        if self._change(language=code) is not None:
            self.language_changed = False
        elif current_language() == before:  # the same language after all: nothing is redrawn
            self._language_said()

    def _theme_options(self) -> list[tuple[str, str]]:
        names = sorted(self.app.available_themes)
        ours = [n for n in THEME_NAMES if n in names]
        rest = [n for n in names if n not in THEME_NAMES]
        return [(_(THEME_NAMES[n]) if n in THEME_NAMES else n, n) for n in [*ours, *rest]]

    def on_mount(self) -> None:
        self.query_one("#theme", Select).focus()
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _theme: Any) -> None:
        select = self.query_one("#theme", Select)
        if select.value != self.app.theme:
            with select.prevent(Select.Changed):
                select.value = self.app.theme

    def _change(self, *, quiet: bool = False, **changes: Any) -> ValidationError | None:
        """Apply and save; a problem is shown unless `quiet` (while the person is typing), and
        returned."""
        error = self.query_one("#settings-error", Static)
        try:
            self.homework.change_settings(**changes)
        except ValidationError as problem:
            if not quiet:
                error.update(Text(problem.message))
            return problem
        error.update("")
        return None

    @on(Select.Changed, "#theme")
    def _theme(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value != self.homework.settings.theme:
            self._change(theme=event.value)

    @on(Switch.Changed)
    def _switch(self, event: Switch.Changed) -> None:
        if event.switch.id:
            self._change(**{event.switch.id: event.value})

    @on(CleanInput.Changed, "#voice")
    def _voice(self, event: CleanInput.Changed) -> None:
        self._change(voice=event.value)

    @on(VoiceFinder.Chosen)
    def _voice_found(self, event: VoiceFinder.Chosen) -> None:
        self.query_one("#voice", CleanInput).value = event.voice  # saved as if typed

    @on(CleanInput.Changed, "#speech_rate")
    def _rate(self, event: CleanInput.Changed) -> None:
        # A half-typed number ("1" on the way to "150") is not an error yet.
        self._change(quiet=True, speech_rate=event.value)

    @on(CleanInput.Blurred, "#speech_rate")
    @on(CleanInput.Submitted, "#speech_rate")
    def _rate_done(self, event: CleanInput.Blurred | CleanInput.Submitted) -> None:
        self._change(speech_rate=event.value)

    @on(CleanInput.Changed, "#cue_word")
    def _cue_word(self, event: CleanInput.Changed) -> None:
        self._change(quiet=True, cue_word=event.value)

    @on(CleanInput.Blurred, "#cue_word")
    @on(CleanInput.Submitted, "#cue_word")
    def _cue_word_done(self, event: CleanInput.Blurred | CleanInput.Submitted) -> None:
        kept = self.homework.settings.cue_word or _("the word for relax")
        problem = self._change(cue_word=event.value)
        if problem is not None:  # said with what stays instead
            error = self.query_one("#settings-error", Static)
            error.update(
                Text(
                    _("{problem} Your cue word stays: {word}.").format(
                        problem=problem.message, word=kept
                    )
                )
            )

    def action_privacy(self) -> None:
        from homework_tui.ui.privacy.privacy import PrivacyScreen

        self.app.push_screen(PrivacyScreen())

    @on(Button.Pressed, "#open-privacy")
    def _privacy_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_privacy()
