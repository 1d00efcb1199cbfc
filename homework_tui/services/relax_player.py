"""Starting a relaxation session on the audio engine, off the event loop (call from a thread).

`RelaxAudio` is the service the App owns (its `Services` make it on first use and close it when
the App unmounts); the Relax screens reach it as `self.homework.services.relax`.
`start_session(choice, settings)` builds the session from what the person chose and opens a
player: sound when there is a device, else the engine's SilentPlayer on the wall clock. It
returns the player and the things worth telling the person once (no sound device, no voice).
`close()` ends every speech and sound helper process the service started.

Tests and benchmarks steer it with `sound` (False: never open a device) and `no_speech` (a reason
string: behave as if no speech engine could start). `cache_personal` is False while the data is
encrypted (the auto-lock sets it): the person's own words are then spoken through the service's
`PrivateSpeech`, which never caches them on disk.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Protocol

from audio.workers import AudioWorkers
from homework_tui.i18n import N_, _
from homework_tui.model.relaxation import RelaxChoice
from homework_tui.model.settings import Settings
from homework_tui.paths import cache_dir, config_dir
from homework_tui.services.privacy_speech import PrivateSpeech
from homework_tui.services.relax_catalog import (
    installed_voices,
    script_language,
    voice_for_interface,
    voice_to_ask_for,
)

if TYPE_CHECKING:
    from audio.clock import Moment
    from audio.timeline import Timeline

SOUND_ENV = "HOMEWORK_TUI_SOUND"  # "off": never open a sound device (silent, with captions)
VOICE_OFF = N_("the voice is turned off")  # shown as `_(VOICE_OFF)`
NO_DEVICE_RECHECK = 30.0  # seconds before a missing device is looked for again


def sound_from_environment() -> bool:
    """False when HOMEWORK_TUI_SOUND says "off" (or 0, no): never open a sound device."""
    return os.environ.get(SOUND_ENV, "").lower() not in ("off", "0", "no")


class SessionPlayer(Protocol):
    """What the Relax screens use of a playing session: the engine's SoundPlayer and
    SilentPlayer both are one (mypy checks it where `start_session` makes them)."""

    audible: bool  # False: silent, and `reason` says why
    reason: str
    error: BaseException | None  # why sound stopped early, if it did

    @property
    def timeline(self) -> Timeline: ...

    @property
    def seconds(self) -> float: ...

    @property
    def paused(self) -> bool: ...

    @property
    def finished(self) -> bool: ...

    @property
    def volume(self) -> float: ...

    @volume.setter
    def volume(self, value: float) -> None: ...

    def now(self) -> Moment: ...

    def pause(self) -> None: ...

    def resume(self) -> None: ...

    def skip(self) -> None: ...

    def stop(self) -> None: ...


@dataclass
class Started:
    player: SessionPlayer
    notes: list[str]  # said once, calmly, on the session screen
    planned_seconds: float
    practice_start: float  # seconds into the session where the practice begins
    asked_seconds: float | None = None  # the length asked for, which the session is fitted to

    def total_seconds(self) -> float:
        """The practice's whole length as shown ("of 5:00"): the length asked for when the
        session is fitted to one, else as laid out once complete, else as planned."""
        if self.asked_seconds is not None:
            return max(0.0, self.asked_seconds - self.practice_start)
        timeline = self.player.timeline
        if timeline.complete:
            return max(0.0, timeline.seconds - self.practice_start)
        return self.planned_seconds


# Why there is no sound, as the audio engine says it (audio/ speaks English only): the reasons a
# person meets most, marked so they are shown in the interface's language; others as they are.
SOUND_REASONS = (
    N_("no audio output device found (no sound card, or none this user may use)"),
    N_("no speech engine was found"),
)


def captions_wording() -> dict[str, Any]:
    """With no voice to speak (turned off, or no speech engine), the engine's wording would be
    English: the interface's language's own wording file instead, so the captions are in it."""
    from audio.wording import DATA
    from homework_tui.i18n import PSEUDO, current_language

    language = current_language()
    path = DATA / f"wording.{language}.toml"
    if language in ("en", PSEUDO) or not path.is_file():
        return {}
    return {"wording_file": path}


ENGINE_STILL_WORKS = " (captions and timing still work)"  # i18n: not shown (the engine's words)


def _reason(text: str) -> str:
    """One of SOUND_REASONS in the interface's language, however the engine capitalised it."""
    low = text[:1].lower() + text[1:]
    shown = _(low)
    if shown == low:
        return text[:1].upper() + text[1:]
    return shown[:1].upper() + shown[1:]


def engine_note(note: str) -> str:
    """A note from the audio engine (which speaks English) as the session screen shows it: in the
    interface's language where it is one we know, first letter capitalised."""
    if note.endswith(ENGINE_STILL_WORKS):
        reason = _reason(note.removesuffix(ENGINE_STILL_WORKS))
        return _("{reason} (captions and timing still work)").format(reason=reason)
    return _reason(note)


def silent_note(reason: str, *, bell: bool, phases: bool = True) -> str:
    """What the session screen says once when there is no sound: why, and the bell (for a
    session with phases to ring at: breathing and muscle relaxation)."""
    reason = _(reason) if reason else reason
    if not phases:
        return _("Playing silently, with captions: {reason}.").format(reason=reason)
    if bell:
        return _(
            "Playing silently, with captions and the terminal bell at each phase: {reason}."
        ).format(reason=reason)
    return _(
        "Playing silently, with captions: {reason}. The terminal bell can ring at each "
        "phase: press g in the Relax list, or find Bell in Ctrl+P."
    ).format(reason=reason)


class RelaxAudio:
    """The relax engine of one App: sessions, the speech and sound helpers, their closing."""

    def __init__(
        self,
        *,
        sound: bool | None = None,
        no_speech: str | None = None,
        voices: Callable[[], list[Any]] | None = None,
        cache_personal: bool = True,
    ) -> None:
        self.sound = sound_from_environment() if sound is None else sound
        self.no_speech = no_speech  # a reason: behave as if no speech engine could start
        self._voices = voices  # lists the installed voices instead of the engine (tests)
        self.cache_personal = cache_personal  # False while the data is encrypted
        self.private_speech = PrivateSpeech()
        self.workers = AudioWorkers()  # the speech engine and the spare sound sink, closed with us
        self._no_device: tuple[float, str | None] | None = None  # (when looked, why no sound)
        self._no_device_lock = threading.Lock()

    # -- building and starting -------------------------------------------------------------------

    def _silent_engine(self, reason: str) -> Any:
        """A speech engine that never speaks: the session keeps time from estimated lengths."""
        from audio.voice import VoiceEngine

        engine = VoiceEngine(cache_dir())
        engine.failure = reason
        return engine

    def _options(self, choice: RelaxChoice, settings: Settings) -> dict[str, Any]:
        """What the engine is given for `choice` (apart from the speech engine itself)."""
        from audio.pmr import PmrOptions

        # The person's cue word (cue-controlled relaxation); the language's own when none.
        options: dict[str, Any] = {"pmr": PmrOptions(cue_word=settings.cue_word or None)}
        if choice.session.lower() == "resonance":
            options["breaths_per_minute"] = Fraction(str(choice.breaths_per_minute))
            options["ratio"] = choice.ratio
        voice: str | None = voice_for_interface(settings.voice) or None
        if voice is not None:  # a script in another language than the person's voice: one for it
            voice = voice_to_ask_for(script_language(choice.session), voice)
        if not choice.voice or self.no_speech is not None:
            voice = None
            options.update(captions_wording())
        return {
            "minutes": None if choice.own_length else choice.minutes,
            "voice": voice,
            "rate": settings.speech_rate,
            "tones": choice.with_tones,
            "spoken_cues": choice.voice,
            "config_dir": config_dir(),
            **options,
        }

    def check(self, choice: RelaxChoice, settings: Settings) -> None:
        """Raises audio.errors.AudioError, with a message, when `choice` cannot start (a length
        it cannot be fitted to, a broken file): the same check as starting, without the voice, so
        it takes milliseconds and can come before the person is asked how they feel."""
        from audio.session_setup import session_plan

        session_plan(choice.session, **self._options(choice, settings))

    def lengths_that_fit(
        self, session: str, usual: float, settings: Settings
    ) -> tuple[float, float] | None:
        """The shortest and longest minutes (half minutes) `session` can be given with the
        person's speech settings: exactly the lengths `check` lets start (the voice on, other
        choices as usual). Some 15 quick checks: call from a thread."""
        from audio.errors import AudioError
        from audio.script_plan import lengths_that_fit as search

        def fits(minutes: float) -> bool:
            try:
                self.check(RelaxChoice(session=session, minutes=minutes), settings)
            except AudioError:
                return False
            return True

        return search(fits, usual)

    def installed_voices(self) -> list[Any]:
        """The speech voices installed here ([] when there is no speech engine, or when
        `no_speech` says to behave so and no list was given). Takes a moment the first time:
        call from a thread."""
        if self._voices is not None:
            return self._voices()
        return [] if self.no_speech is not None else installed_voices(self.workers)

    def build(self, choice: RelaxChoice, settings: Settings) -> Any:
        """The audio Session for `choice` (raises audio.errors.AudioError with a message)."""
        from audio.session_setup import build_session

        engine = None
        if not choice.voice:
            engine = self._silent_engine(_(VOICE_OFF))
        elif self.no_speech is not None:
            engine = self._silent_engine(self.no_speech)
        elif not self.cache_personal:
            engine = self.private_speech.engine(cache_dir())
        return build_session(
            choice.session,
            cache_dir=cache_dir(),
            engine=engine,
            workers=self.workers,
            **self._options(choice, settings),
        )

    def start_session(
        self, choice: RelaxChoice, settings: Settings, clock: Callable[[], float] = time.monotonic
    ) -> Started:
        """Build and start playing. Blocks for up to a few seconds (speech, the sound device).
        `clock`: the wall clock a silent session keeps time by (tests move one by hand)."""
        from audio.player import open_player

        session = self.build(choice, settings)
        player: SessionPlayer = open_player(
            session, prefer_device=self.sound, workers=self.workers, clock=clock
        )
        notes: list[str] = []
        if not player.audible:
            notes.append(
                silent_note(
                    player.reason, bell=settings.bell_on_phase, phases=choice.kind != "mindfulness"
                )
            )
        for note in session.notes:
            if VOICE_OFF in note:
                continue
            notes.append(engine_note(note))
        practice_start = 0.0
        if not choice.with_intro:
            player.skip()  # straight to the practice
            # A sound player skips on its own thread, after a fade: wait for the practice to
            # begin, or the intro would be counted as practised (progress, planned and actual
            # seconds).
            deadline = time.monotonic() + 5
            while (
                (part := player.now().part) is not None
                and part.index == 0
                and not player.finished
                and time.monotonic() < deadline
            ):
                time.sleep(0.01)
            practice_start = player.seconds
        timeline = player.timeline
        planned = timeline.seconds if timeline.complete else session.estimated_seconds
        asked = None if session.plan.target is None else float(session.plan.target)
        return Started(
            player, notes, max(0.0, float(planned) - practice_start), practice_start, asked
        )

    # -- the sound device ------------------------------------------------------------------------

    def no_sound_reason(self) -> str | None:
        """Why a session would play silently (no output device found, sound turned off), or
        None when there is a device. Starts a short-lived sound process: call from a thread. A
        device once found is remembered; a missing one is looked for again after a while."""
        if not self.sound:
            return _("sound is turned off")
        now = time.monotonic()
        with self._no_device_lock:
            known = self._no_device
        if known is not None and (known[1] is None or now - known[0] < NO_DEVICE_RECHECK):
            return known[1]
        from audio.errors import DeviceError
        from audio.sink import list_output_devices

        try:
            reason = None if list_output_devices() else _("no sound output device was found")
        except DeviceError as error:
            reason = str(error)
        with self._no_device_lock:
            self._no_device = (now, reason)
        return reason

    # -- the helpers' lifetime -------------------------------------------------------------------

    def prewarm(self) -> None:
        """Start the speech worker (and a sound sink) in the background when the Relax screen
        opens."""
        self.workers.prewarm(cache_dir(), sound=self.sound)

    def close(self) -> None:
        """End every speech and sound helper process this service started (the App calls it
        when it unmounts: an App that ends in a process that goes on leaves none behind)."""
        self.private_speech.close()
        self.workers.close()
