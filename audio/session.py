"""A session: a plan, its speech, and the timeline that grows as the speech is made.

`audio.session_setup.build_session` makes one from what a person chose and lays out the first
line, so playback can start within milliseconds. The rest is laid out step by step, either all at
once (`resolve_all`, for rendering to WAV) or by a background thread ahead of playback
(`start_background`). The first part's lines are requested from the speech engine at once, the
rest (in order) as soon as layout goes on, so the engine works ahead of the layout and the first
line is never queued behind the others.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from audio import mix
from audio.clips import change_rate
from audio.errors import AudioError
from audio.plan import Plan, Silence, estimate_speech_seconds
from audio.synth import tone_frames
from audio.timeline import Timeline, TimelineBuilder
from audio.voice import VoiceEngine, VoiceSettings
from audio.wav import read_wav, write_wav

Progress = Callable[[str, float], None]


class Speech:
    """Speech for one session: lines → int16 clips at the session rate, made by the engine.

    With `engine=None` there is no voice: lengths are estimated from the words (so captions and
    the pacer still keep time) and nothing is heard."""

    def __init__(
        self, sample_rate: int, settings: VoiceSettings, engine: VoiceEngine | None
    ) -> None:
        self.sample_rate = sample_rate
        self.settings = settings
        self.engine = engine
        self._futures: dict[str, Future[Path]] = {}
        self._clips: dict[str, np.ndarray] = {}

    @property
    def audible(self) -> bool:
        return self.engine is not None

    def request(self, texts: list[str]) -> None:
        """Ask for lines ahead of need, in the order they will be needed."""
        if self.engine is None:
            return
        for text in texts:
            if text not in self._futures:
                self._futures[text] = self.engine.submit(text, self.settings)

    def clip(self, text: str, timeout: float | None = None) -> np.ndarray | None:
        """The clip for `text` (waits for the engine if it is still making it)."""
        found = self._clips.get(text)
        if found is not None or self.engine is None:
            return found
        self.request([text])
        path = self._futures[text].result(timeout)
        rate, clip = read_wav(path)  # prepared when cached (audio.voice)
        if rate != self.sample_rate:
            clip = change_rate(clip, rate, self.sample_rate)
        clip.setflags(write=False)
        self._clips[text] = clip
        return clip

    def known_frames(self, text: str) -> int | None:
        """The line's length if the voice has made it already (an estimate with no voice); None
        if it is still being made. Never waits."""
        if self.engine is None or text in self._clips:
            return self.frames(text)
        future = self._futures.get(text)
        if future is None or not future.done() or future.exception() is not None:
            return None
        return self.frames(text)

    def cached(self, text: str) -> np.ndarray | None:
        """The clip if it is already made, without waiting (for the mixer)."""
        return self._clips.get(text)

    def wait_frames(self, text: str, timeout: float | None) -> int | None:
        """The line's length, waiting up to `timeout` seconds for the voice (None: no limit);
        None if it is not made by then."""
        if self.engine is None or text in self._clips:
            return self.frames(text)
        self.request([text])
        future = self._futures[text]
        try:
            future.result(timeout)
        except TimeoutError:
            return None
        except Exception:  # noqa: BLE001 - frames() raises it where layout can report it
            return None
        return self.frames(text)

    def frames(self, text: str) -> int:
        if self.engine is None:
            return round(estimate_speech_seconds(text, self.settings.rate) * self.sample_rate)
        clip = self.clip(text)
        return 0 if clip is None else len(clip)


@dataclass
class Session:
    """A plan being laid out on the sample clock. Thread-safe: one layout thread, many readers."""

    plan: Plan
    speech: Speech
    sample_rate: int
    notes: list[str] = field(default_factory=list)
    _builder: TimelineBuilder = field(init=False, repr=False)
    _timeline: Timeline = field(init=False, repr=False)
    _steps: Iterator[None] = field(init=False, repr=False)
    _lock: threading.Lock = field(init=False, repr=False, default_factory=threading.Lock)
    _changed: threading.Condition = field(init=False, repr=False)
    _thread: threading.Thread | None = field(init=False, repr=False, default=None)
    error: BaseException | None = field(init=False, default=None)
    _patient: bool = field(init=False, repr=False, default=True)  # stretchy pauses may wait

    def __post_init__(self) -> None:
        self._builder = TimelineBuilder(self.sample_rate, len(self.plan.parts))
        self._timeline = self._builder.snapshot()
        self._steps = self._layout()
        self._changed = threading.Condition()
        self.notes = [*self.plan.notes, *self.notes]
        if self.plan.parts:  # the first part now; the rest when layout goes on (fast first sound)
            self.speech.request(self.plan.parts[0].texts())

    # --- facts -------------------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self.plan.session

    @property
    def title(self) -> str:
        return self.plan.title

    @property
    def kind(self) -> str:
        """ "breathing", "relaxation" or "mindfulness"."""
        return self.plan.kind

    @property
    def language(self) -> str:
        """The language the words are in ("en", "es", …; for the built-in breathing and PMR
        sessions, the voice's language, e.g. "en-us")."""
        return self.plan.language

    @property
    def captions_only(self) -> bool:
        """True when no words will be heard (no installed voice speaks the script's language, or
        no speech engine): captions still appear for as long as each line would take, and
        `notes` says why in plain words."""
        return not self.speech.audible

    @property
    def timeline(self) -> Timeline:
        """The timeline laid out so far (complete once `timeline.complete`)."""
        return self._timeline

    @property
    def estimated_seconds(self) -> float:
        from audio.plan import estimate_seconds

        if self.plan.target is not None:  # stretchy pauses make it last this long
            return float(self.plan.target)
        return float(estimate_seconds(self.plan.parts, self.speech.settings.rate))

    # --- layout ------------------------------------------------------------------------------
    def _tone(self, name: str) -> int:
        return tone_frames(name, self.sample_rate)

    def _layout(self) -> Iterator[None]:
        builder = self._builder
        fitter = None
        if self.plan.target is not None:
            from audio.fitting import StretchFitter

            fitter = StretchFitter(
                self.plan,
                self.sample_rate,
                self.speech.settings.rate,
                self.speech.known_frames,
                self.speech.wait_frames,
                self._tone,
            )
        for pi, part in enumerate(self.plan.parts):
            builder.begin_part(part)
            for si, step in enumerate(part.steps):
                if fitter is not None and isinstance(step, Silence) and step.stretch:
                    step = Silence(fitter.fit(pi, si, builder.clock, self._patient))
                builder.add_step(step, self.speech.frames, self._tone)
                yield
            builder.end_part()
            yield

    def _advance(self) -> bool:
        """Lay out one more step. False when everything is laid out."""
        with self._lock:
            try:
                next(self._steps)
                more = True
            except StopIteration:
                more = False
            self._timeline = self._builder.snapshot()
            for note in self._builder.notes:
                if note not in self.notes:
                    self.notes.append(note)
        with self._changed:
            self._changed.notify_all()
        return more

    def resolve_first(self) -> None:
        """Lay out up to the first sound, so playback can start (without waiting for later lines)."""
        self._patient = False
        try:
            while self._timeline.frames == 0 and not self._timeline.complete:
                if not self._advance():
                    break
        finally:
            self._patient = True

    def resolve_all(self, progress: Progress | None = None) -> Timeline:
        """Lay out everything now (making any speech still missing)."""
        self.speech.request(self.plan.texts())
        total = sum(len(p.steps) + 1 for p in self.plan.parts)
        done = 0
        while self._advance():
            done += 1
            if progress is not None:
                progress("speech", min(1.0, done / total))
        return self._timeline

    def start_background(self) -> None:
        """Lay out the rest on a background thread (the player waits for what it needs)."""
        if self._thread is not None or self._timeline.complete:
            return

        def run() -> None:
            try:
                self.speech.request(self.plan.texts())
                while self._advance():
                    pass
            except BaseException as exc:  # noqa: BLE001 - the player reports it
                self.error = exc
                with self._changed:
                    self._changed.notify_all()

        self._thread = threading.Thread(target=run, name="audio-layout", daemon=True)
        self._thread.start()

    def wait_for(self, frames: int, timeout: float | None = None) -> bool:
        """Wait until `frames` frames are laid out (or all of it). False on timeout or error."""
        with self._changed:
            return (
                self._changed.wait_for(
                    lambda: (
                        self._timeline.frames >= frames
                        or self._timeline.complete
                        or self.error is not None
                    ),
                    timeout,
                )
                and self.error is None
            )

    # --- sound -------------------------------------------------------------------------------
    def render(self, start: int, count: int, out: np.ndarray | None = None) -> np.ndarray:
        """Frames [start, start+count) of the session as float32 (laid out parts only)."""
        return mix.render(self._timeline, self.speech.cached, start, count, out)

    def with_sample_rate(self, rate: int) -> Session:
        """The same plan and voice at another sample rate (for a device that needs it)."""
        if rate == self.sample_rate:
            return self
        speech = Speech(rate, self.speech.settings, self.speech.engine)
        twin = Session(self.plan, speech, rate, list(self.notes))
        twin.resolve_first()
        return twin

    def write_wav(self, path: str | os.PathLike[str], progress: Progress | None = None) -> Timeline:
        """Lay out everything and write the whole session as 16-bit mono WAV."""
        timeline = self.resolve_all(progress)
        write_wav(
            path,
            self.sample_rate,
            timeline.frames,
            lambda s, n: self.render(s, n),
            progress=None if progress is None else (lambda d, t: progress("audio", d / t)),
        )
        return timeline


__all__ = ["AudioError", "Session", "Speech"]
