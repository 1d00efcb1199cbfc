"""Starting a relaxation session on the audio engine, off the event loop (call from a thread).

`start_session(choice, settings)` builds the session from what the person chose and opens a
player: sound when there is a device, else the engine's SilentPlayer on the wall clock. It returns
the player and the things worth telling the person once (no sound device, no voice).

Tests and benchmarks steer it with `SOUND` (False: never open a device) and `NO_SPEECH` (a reason
string: behave as if no speech engine could start).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from homework_tui.model.relaxation import RelaxChoice
from homework_tui.model.settings import Settings
from homework_tui.paths import cache_dir, config_dir

if TYPE_CHECKING:
    from audio.clock import PlayerBase

SOUND_ENV = "HOMEWORK_TUI_SOUND"  # "off": never open a sound device (silent, with captions)
SOUND: bool = os.environ.get(SOUND_ENV, "").lower() not in ("off", "0", "no")
NO_SPEECH: str | None = None
# False while the data is encrypted (the app sets it): the person's own words are then spoken
# through `privacy_speech.private_engine()`, which never caches them on disk.
CACHE_PERSONAL: bool = True
VOICE_OFF = "the voice is turned off"


@dataclass
class Started:
    player: PlayerBase
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


def _silent_engine(reason: str) -> Any:
    """A speech engine that never speaks: the session keeps time from estimated lengths."""
    from audio.voice import VoiceEngine

    engine = VoiceEngine(cache_dir())
    engine.failure = reason
    return engine


def _options(choice: RelaxChoice, settings: Settings) -> dict[str, Any]:
    """What the engine is given for `choice` (apart from the speech engine itself)."""
    options: dict[str, Any] = {}
    if choice.session.lower() == "resonance":
        options["breaths_per_minute"] = Fraction(str(choice.breaths_per_minute))
        options["ratio"] = choice.ratio
    voice: str | None = settings.voice or None
    if voice is not None:  # a script in another language than the person's voice: a voice for it
        from homework_tui.services.relax_catalog import script_language, voice_to_ask_for

        voice = voice_to_ask_for(script_language(choice.session), voice)
    if not choice.voice or NO_SPEECH is not None:
        voice = None
    return {"minutes": None if choice.own_length else choice.minutes, "voice": voice,
            "rate": settings.speech_rate, "tones": choice.with_tones, "spoken_cues": choice.voice,
            "config_dir": config_dir(), **options}


def check(choice: RelaxChoice, settings: Settings) -> None:
    """Raises audio.errors.AudioError, with a message, when `choice` cannot start (a length it
    cannot be fitted to, a broken file): the same check as starting, without the voice, so it
    takes milliseconds and can come before the person is asked how they feel."""
    from audio.session import session_plan

    session_plan(choice.session, **_options(choice, settings))


def lengths_that_fit(session: str, usual: float, settings: Settings) -> tuple[float, float] | None:
    """The shortest and longest minutes (half minutes) `session` can be given with the person's
    speech settings: exactly the lengths `check` lets start (the voice on, other choices as
    usual). Some 15 quick checks: call from a thread."""
    from audio.errors import AudioError
    from audio.script_plan import lengths_that_fit as search

    def fits(minutes: float) -> bool:
        try:
            check(RelaxChoice(session=session, minutes=minutes), settings)
        except AudioError:
            return False
        return True

    return search(fits, usual)


def build(choice: RelaxChoice, settings: Settings) -> Any:
    """The audio Session for `choice` (raises audio.errors.AudioError with a message)."""
    from audio.session import build_session

    engine = None
    if not choice.voice:
        engine = _silent_engine(VOICE_OFF)
    elif NO_SPEECH is not None:
        engine = _silent_engine(NO_SPEECH)
    elif not CACHE_PERSONAL:
        from homework_tui.services.privacy_speech import private_engine

        engine = private_engine()
    return build_session(choice.session, cache_dir=cache_dir(), engine=engine,
                         **_options(choice, settings))


def start_session(choice: RelaxChoice, settings: Settings,
                  clock: Callable[[], float] = time.monotonic) -> Started:
    """Build and start playing. Blocks for up to a few seconds (speech, the sound device).
    `clock`: the wall clock a silent session keeps time by (tests move one by hand)."""
    from audio.player import open_player

    session = build(choice, settings)
    player = open_player(session, prefer_device=SOUND, clock=clock)
    notes: list[str] = []
    if not player.audible:
        notes.append(silent_note(player.reason, bell=settings.bell_on_phase,
                                 phases=choice.kind != "mindfulness"))
    for note in session.notes:
        if VOICE_OFF in note:
            continue
        notes.append(note[:1].upper() + note[1:])
    practice_start = 0.0
    if not choice.with_intro:
        player.skip()  # straight to the practice
        # A sound player skips on its own thread, after a fade: wait for the practice to begin, or
        # the intro would be counted as practised (progress, planned and actual seconds).
        deadline = time.monotonic() + 5
        while (part := player.now().part) is not None and part.index == 0 and not player.finished \
                and time.monotonic() < deadline:
            time.sleep(0.01)
        practice_start = player.seconds
    timeline = player.timeline
    planned = timeline.seconds if timeline.complete else session.estimated_seconds
    asked = None if session.plan.target is None else float(session.plan.target)
    return Started(player, notes, max(0.0, float(planned) - practice_start), practice_start, asked)


def silent_note(reason: str, *, bell: bool, phases: bool = True) -> str:
    """What the session screen says once when there is no sound: why, and the bell (for a
    session with phases to ring at: breathing and muscle relaxation)."""
    if not phases:
        return f"Playing silently, with captions: {reason}."
    if bell:
        return f"Playing silently, with captions and the terminal bell at each phase: {reason}."
    return (f"Playing silently, with captions: {reason}. The terminal bell can ring at each "
            "phase: press g in the Relax list, or find Bell in Ctrl+P.")


NO_DEVICE_RECHECK = 30.0  # seconds before a missing device is looked for again
_no_device: tuple[float, str | None] | None = None  # (when looked, why there is no sound)


def no_sound_reason() -> str | None:
    """Why a session would play silently (no output device found, sound turned off), or None
    when there is a device. Starts a short-lived sound process: call from a thread. A device
    once found is remembered; a missing one is looked for again after a while."""
    global _no_device
    if not SOUND:
        return "sound is turned off"
    now = time.monotonic()
    if _no_device is not None and (_no_device[1] is None or now - _no_device[0] < NO_DEVICE_RECHECK):
        return _no_device[1]
    from audio.errors import DeviceError
    from audio.sink import list_output_devices

    try:
        reason = None if list_output_devices() else "no sound output device was found"
    except DeviceError as error:
        reason = str(error)
    _no_device = (now, reason)
    return reason


def prewarm() -> None:
    """Start the speech worker (and a sound sink) in the background when the Relax screen opens."""
    try:
        from audio import prewarm as audio_prewarm  # type: ignore[attr-defined]
    except ImportError:  # an install that sees `audio` as a namespace package: do it by hand
        import threading

        def warm() -> None:
            try:
                from audio.voice import shared_engine

                shared_engine(cache_dir()).start()
            except Exception:  # noqa: BLE001 - only an optimisation
                pass

        threading.Thread(target=warm, name="relax-prewarm", daemon=True).start()
        return
    audio_prewarm(cache_dir(), sound=SOUND)


def close_audio() -> None:
    """End every speech and sound helper process this app started (the app calls it when it
    unmounts: an App that ends in a process that goes on leaves none behind)."""
    import sys

    if "audio" not in sys.modules:
        return  # nothing of the audio engine was used
    from homework_tui.services.privacy_speech import close_private_engine

    close_private_engine()
    import audio

    close = getattr(audio, "close_workers", None)  # a namespace-package install has none
    if close is not None:
        close()
