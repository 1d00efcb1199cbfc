"""A relaxation session as it runs: the pacer, the phase word and seconds left, the caption of
what the voice says, the muscle group for PMR, and progress. Then the rating after, and the log.

Everything shown follows the player's clock (`player.now()`), read by a timer 20 times a second;
each widget is updated only when what it shows changes, so the terminal sees a few hundred bytes
a second. With reduced motion (the setting, or Textual's own TEXTUAL_ANIMATIONS=none) nothing
counts seconds: the screen changes on a phase change and once a minute ("about 3 minutes left"),
under 100 bytes a second over a thin link. Dismisses with the logged `RelaxationSession`, or None when discarded.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable
from typing import Any, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical
from textual.timer import Timer
from textual.widgets import Static

from homework_tui.i18n import N_, _, ngettext
from homework_tui.model.relaxation import (
    BELL_KINDS,
    Listening,
    RelaxationSession,
    RelaxChoice,
    phase_word,
    says_phase_word,
    session_log,
)
from homework_tui.services.relax_player import Started
from homework_tui.ui.base import HomeworkScreen, saving
from homework_tui.ui.dialogs import EVERYWHERE, Choice, ChoiceDialog
from homework_tui.ui.relax.pacer import Pacer
from homework_tui.ui.relax.relax_rating import Rating, RatingDialog
from homework_tui.ui.widgets.footer import Footer

TICK = 0.05  # seconds between looks at the session clock
UNCOUNTED_KINDS = ("intro", "closing", "own")  # no seconds counted: not paced
GROUP_GET_READY = N_("Get ready")  # between a muscle group's phases, while the voice explains


# The phase words the model names (model/relaxation.PHASE_WORDS), shown in the interface's language.
PHASE_WORDS_SHOWN = (
    N_("Breathe in"),
    # Translators: the phase of a breath when the breath is held (a word on screen, short).
    N_("Hold"),
    N_("Breathe out"),
    N_("At your own pace"),
    N_("Tense"),
    N_("Release"),
    N_("Settle in"),
    N_("Coming back"),
    N_("A little more in"),
)


def time_left(seconds: float) -> str:
    """ "about 6 minutes left", gently rounded; never a countdown of seconds."""
    minutes = round(seconds / 60)
    if minutes >= 2:
        return ngettext("about {n} minute left", "about {n} minutes left", minutes).format(
            n=minutes
        )
    return _("about a minute left") if seconds >= 30 else _("nearly done")


def reduced_motion(setting: bool) -> bool:
    """Still pictures and no counting seconds: the person's setting, or Textual's own
    TEXTUAL_ANIMATIONS=none (the app sets Textual's animation level from its own setting, so the
    variable is read here)."""
    return setting or os.environ.get("TEXTUAL_ANIMATIONS", "").strip().lower() == "none"


def clock(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


# The names the engine gives its own parts (audio/breathing.py, audio/pmr.py), shown with `_()`;
# a session file's part names are shown as written.
PART_TITLES = (N_("Introduction"), N_("Closing"), N_("Rest"))


class RelaxSessionScreen(HomeworkScreen[RelaxationSession | None]):
    DEFAULT_CSS = """
    RelaxSessionScreen { align: center middle; }
    RelaxSessionScreen > Vertical { width: 100%; height: auto; max-width: 90; }
    RelaxSessionScreen Static { width: 100%; text-align: center; }
    RelaxSessionScreen #rx-title { text-style: bold; margin-bottom: 1; }
    RelaxSessionScreen #rx-phase { text-style: bold; width: 34; }
    RelaxSessionScreen Center { height: auto; }
    RelaxSessionScreen #rx-pacer { margin-bottom: 1; }
    RelaxSessionScreen #rx-progress { width: 20; }
    RelaxSessionScreen #rx-caption { height: 2; margin-top: 1; color: $text-muted; }
    RelaxSessionScreen #rx-notice { color: $text-muted; height: auto; margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        # One key, two names: the footer says what space will do now (check_action shows one).
        Binding("space", "pause", N_("Pause"), key_display="space"),
        Binding("space", "resume", N_("Resume"), key_display="space"),
        Binding("n", "next_part", N_("Next")),
        Binding("plus,equals_sign", "volume(0.1)", N_("Louder"), key_display="+"),
        Binding("minus", "volume(-0.1)", N_("Softer"), key_display="-"),
        Binding("escape", "stop", N_("Stop"), key_display="Esc"),
        *EVERYWHERE,
    ]

    def __init__(
        self,
        choice: RelaxChoice,
        *,
        before: int | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(name="relax-session")
        self.choice = choice
        self.before = before
        self.clock = clock  # the wall clock a silent session keeps time by; tests move one by hand
        self.started: Started | None = None
        self.timer: Timer | None = None
        self.shown: dict[str, Any] = {}
        self.phase_changes: list[tuple[float, str]] = []  # (session seconds, kind) as first shown
        self.ended = False
        self.logged: RelaxationSession | None = None
        self.gone = False
        self.listening = Listening()  # the time listened (logged), and the parts skipped

    # -- layout -------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.choice.shown_title), id="rx-title")
            with Center():
                yield Pacer(id="rx-pacer")
            with Center():
                yield Static(Text(_("Getting ready…")), id="rx-phase")
            yield Static(Text(""), id="rx-part")
            yield Static(Text(""), id="rx-caption")
            with Center():
                yield Static(Text(""), id="rx-progress")
            yield Static(Text(""), id="rx-notice")
        yield Footer()

    def on_mount(self) -> None:
        self.prepare_view()
        self.begin()

    def prepare_view(self) -> None:
        """What shows before the session starts (subclasses change this, not on_mount: Textual
        calls every class's on_mount, which would start the session twice)."""
        self.query_one(Pacer).display = not self.still

    @property
    def still(self) -> bool:
        """Reduced motion: no pacer, no seconds counted (see `reduced_motion`)."""
        return reduced_motion(self.homework.settings.reduced_motion)

    @work(thread=True, exclusive=True, group="relax-start", exit_on_error=False)
    def begin(self) -> None:
        from audio.errors import AudioError

        try:
            relax = self.homework.services.relax
            started = relax.start_session(self.choice, self.homework.settings, self.clock)
        except AudioError as error:
            self.app.call_from_thread(self._could_not_start, str(error))
            return
        except Exception as error:  # noqa: BLE001 - a calm message, never a traceback
            self.app.call_from_thread(self._could_not_start, f"{type(error).__name__}: {error}")
            return
        self.app.call_from_thread(self._now_playing, started)

    def _could_not_start(self, message: str) -> None:
        self._set("rx-phase", _("This session could not start."))
        self._set(
            "rx-notice",
            _("{problem}\nPress Esc to go back and choose again.").format(problem=message),
        )
        self.ended = True

    def _now_playing(self, started: Started) -> None:
        if self.gone:  # closed while it was starting
            started.player.stop()
            return
        self.started = started
        if started.notes:  # said once, here, and not repeated
            self._set("rx-notice", "\n".join(started.notes))
        self.timer = self.set_interval(TICK, self.follow)
        self.follow()
        self.refresh_bindings()

    # -- following the clock ------------------------------------------------------------------
    def _set(self, widget_id: str, value: str) -> None:
        """Update one line only when its words change (fewer bytes to the terminal)."""
        if self.shown.get(widget_id) != value:
            self.shown[widget_id] = value
            self.query_one(f"#{widget_id}", Static).update(Text(value))

    def follow(self) -> None:
        started = self.started
        if started is None:
            return
        player = started.player
        moment = player.now()
        self.listening.look(moment.seconds, self.clock())
        stage = moment.stage
        key = (stage.start, stage.kind) if stage else None
        if key != self.shown.get("stage"):
            self.shown["stage"] = key
            if stage is not None:
                self.phase_changes.append((moment.seconds, stage.kind))
                if self.homework.settings.bell_on_phase and stage.kind in BELL_KINDS:
                    self.app.bell()
        self.show_moment(moment, started)
        if moment.finished and not self.ended:
            self.ended = True
            if self.timer is not None:
                self.timer.stop()
            timeline = player.timeline
            self._finish(
                completed=player.error is None
                or (timeline.complete and moment.frame >= timeline.frames)
            )

    def elapsed_and_total(self, moment: Any, started: Started) -> tuple[float, float]:
        """Seconds practised so far and the practice's whole length (the length asked for)."""
        elapsed = max(0.0, moment.seconds - started.practice_start)
        return elapsed, started.total_seconds()

    def show_moment(self, moment: Any, started: Started) -> None:
        """The pacer, phase, part, caption and clock for one look at the session."""
        stage = moment.stage
        kind, label = (stage.kind, stage.label) if stage else (None, None)
        timeline = started.player.timeline
        still = self.still
        pacer = self.query_one(Pacer)
        paced = kind != "own"  # at the person's own pace: no shape to follow (its room kept)
        if pacer.visible != paced:
            pacer.visible = paced
        if paced and not still:
            seconds = (
                (stage.end - stage.start) / timeline.sample_rate if stage is not None else None
            )
            pacer.show(kind, label, moment.progress, seconds)
        english_word = phase_word(kind, label)
        word = _(english_word) if english_word else ""
        part = moment.part
        if moment.paused and not moment.finished:
            self._set("rx-phase", _("Paused. Press space to carry on."))
        elif stage is not None and word:
            left = math.ceil(max(0, stage.end - moment.frame) / timeline.sample_rate)
            counted = not still and kind not in UNCOUNTED_KINDS
            self._set("rx-phase", f"{word}  ·  {left}" if counted else word)
        elif stage is None and part is not None and part.kind == "group":
            self._set("rx-phase", _(GROUP_GET_READY))  # the voice says what to do next
        part_text = ""
        if part is not None and kind in ("tense", "release") and label:
            if kind == "tense":
                part_text = _("{group}: tense").format(group=label)
            else:
                part_text = _("{group}: let go").format(group=label)
        elif part is not None and part.title not in ("Practice",):
            part_text = _(part.title)  # a built-in part's name (PART_TITLES); a script's as written
        self._set("rx-part", part_text)
        spoken = timeline.last_speech(moment.frame)
        caption = spoken.text if spoken is not None and spoken.text else ""
        said = says_phase_word(caption, kind, label) or (
            bool(word) and caption.strip(" .").lower() == word.lower()
        )
        self._set("rx-caption", "" if said else caption)
        elapsed, total = self.elapsed_and_total(moment, started)
        if still:  # changes once a minute, not every second
            self._set("rx-progress", time_left(max(0.0, total - elapsed)).capitalize())
        else:
            self._set(
                "rx-progress",
                _("{elapsed} of {total}").format(elapsed=clock(elapsed), total=clock(total)),
            )

    # -- keys ---------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        running = self.started is not None and not self.ended
        if action in ("pause", "resume"):
            paused = running and self.started is not None and self.started.player.paused
            if action == "resume":
                return paused
            return None if not running else not paused
        if action in ("next_part", "volume") and not running:
            return None
        if action == "volume" and self.started is not None and not self.started.player.audible:
            return False  # playing silently: nothing to make louder (and room in the footer)
        return True

    def action_pause(self) -> None:
        if self.started is None or self.ended:
            return
        self.started.player.pause()
        self.follow()
        self.refresh_bindings()

    def action_resume(self) -> None:
        if self.started is None or self.ended:
            return
        self.started.player.resume()
        self.follow()
        self.refresh_bindings()

    def action_next_part(self) -> None:
        if self.started is not None and not self.ended:
            self.listening.skipped()
            self._skip()

    @work(thread=True, exclusive=True, group="relax-skip", exit_on_error=False)
    def _skip(self) -> None:
        if self.started is not None:
            self.started.player.skip()  # may wait a moment for the next part to be laid out

    def action_volume(self, change: float) -> None:
        if self.started is None or self.ended:
            return
        player = self.started.player
        player.volume = round(player.volume + change, 2)
        self.notify(_("Volume {percent}%").format(percent=round(player.volume * 100)), timeout=1.5)

    def action_stop(self) -> None:
        if self.started is None:
            self.dismiss(None)
            return
        if self.ended:
            return
        player = self.started.player
        was_paused = player.paused
        player.pause()

        def chosen(value: str | None) -> None:
            if value == "stop":
                self.ended = True
                if self.timer is not None:
                    self.timer.stop()
                player.stop()
                self._finish(completed=False)
            elif value == "discard":
                self.ended = True
                player.stop()
                self.dismiss(None)
            elif not was_paused:
                player.resume()
            self.refresh_bindings()

        self.app.push_screen(
            ChoiceDialog(
                _("Stop here?"),
                _("You can stop now and still log what you did, or let this one go."),
                [
                    Choice("k", _("Keep going"), "keep", primary=True),
                    Choice("s", _("Stop and rate"), "stop"),
                    Choice("d", _("Discard it"), "discard"),
                ],
                escape="keep",
            ),
            chosen,
        )

    # -- after --------------------------------------------------------------------------------
    def _finish(self, completed: bool) -> None:
        assert self.started is not None
        player = self.started.player
        self.listening.look(player.seconds, self.clock())
        actual = self.listening.seconds
        skipped = self.listening.skipped_parts
        if skipped:
            said = ngettext(
                "You skipped a part; {listened} listened. That still counts.",
                "You skipped {n} parts; {listened} listened. That still counts.",
                skipped,
            )
            self._set("rx-phase", said.format(n=skipped, listened=clock(actual)))
        else:
            self._set(
                "rx-phase", _("Well done.") if completed else _("Stopped. That still counts.")
            )
        scale = self.choice.scale

        def rated_after(after: Rating | None) -> None:
            rating = after or Rating(None)
            log = session_log(
                self.choice,
                before=self.before,
                after=rating.value,
                planned_seconds=self.started.planned_seconds if self.started else 0,
                actual_seconds=actual,
                completed=completed,
                audible=player.audible,
                note=rating.note,
                skipped_parts=skipped,
            )
            self.save(log)

        self.app.push_screen(
            RatingDialog(scale, after=True, heading=_("How do you feel now?")), rated_after
        )

    @work(thread=True, exclusive=True, group="relax-save", exit_on_error=False)
    def save(self, log: RelaxationSession) -> None:
        from homework_tui.store.errors import StoreError
        from homework_tui.ui.relax.relax_data import sessions_repo

        store = self.homework.store
        if store is None:
            self.app.call_from_thread(
                self.notify,
                _("Your data is not open, so this session was not logged."),
                severity="warning",
            )
            return
        try:
            with saving(self):
                sessions_repo(store).add(log)
        except StoreError as error:
            self.app.call_from_thread(self._not_saved, str(error))
            return
        self.app.call_from_thread(self._saved, log)

    def _not_saved(self, message: str) -> None:
        self.notify(
            _("This session could not be logged: {problem}").format(problem=message),
            severity="warning",
            timeout=8,
            markup=False,
        )
        self.dismiss(None)

    def _saved(self, log: RelaxationSession) -> None:
        self.logged = log
        self.notify(_("Session logged. Well done for taking this time."), timeout=4)
        self.dismiss(log)

    def on_unmount(self) -> None:
        self.gone = True
        if self.started is not None:
            self.started.player.stop()
