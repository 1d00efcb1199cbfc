"""The player interface both players share, and `SilentPlayer`, which keeps time on the wall clock.

`position` / `seconds` is the session clock, `now()` says what is happening at it, and `pause`,
`resume`, `skip` (to the next part), `stop` and `volume` control it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from audio.session import Session
from audio.timeline import Event, PartSpan, Timeline


@dataclass(frozen=True)
class Moment:
    """What the session is doing at one instant, for a pacer and captions."""

    frame: int
    seconds: float
    stage: Event | None  # intro, closing, inhale, hold, exhale, tense or release
    speech: Event | None  # the line being spoken, if any
    part: PartSpan | None
    progress: float  # through the stage, 0..1
    paused: bool
    finished: bool


@dataclass
class PlayerStats:
    underflows: int = 0  # PortAudio reported an output underflow
    starved: int = 0  # the ring ran dry (the feeder fell behind)
    blocks: int = 0
    callback_max_ms: float = 0.0  # the longest one block took in the audio callback (wall time)
    callback_cpu_max_ms: float = 0.0  # ... in CPU time: its own cost, without any preemption


class PlayerBase:
    """What both players share: the session, state flags and `now()`."""

    audible = False
    reason = ""
    error: BaseException | None = None  # why sound stopped early, if it did

    def __init__(self, session: Session) -> None:
        self.session = session
        self.sample_rate = session.sample_rate
        self.stats = PlayerStats()
        self._paused = False
        self._finished = threading.Event()
        self._volume = 1.0

    @property
    def timeline(self) -> Timeline:
        return self.session.timeline

    @property
    def position(self) -> int:  # pragma: no cover - overridden
        raise NotImplementedError

    @property
    def seconds(self) -> float:
        return self.position / self.sample_rate

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def finished(self) -> bool:
        return self._finished.is_set()

    @property
    def volume(self) -> float:
        return self._volume

    @volume.setter
    def volume(self, value: float) -> None:
        self._volume = float(min(1.0, max(0.0, value)))
        self._volume_changed()

    def _volume_changed(self) -> None:
        """A player with sound applies the new volume here (ramped, so it never clicks)."""

    # The controls every player gives (SilentPlayer, SoundPlayer), declared here so a caller
    # holding a PlayerBase is type-checked.
    def pause(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def resume(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def skip(self) -> None:  # pragma: no cover - overridden
        """Jump to the start of the next part."""
        raise NotImplementedError

    def stop(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the session ends (or `timeout`); True if it ended."""
        return self._finished.wait(timeout)

    def now(self) -> Moment:
        frame = self.position
        timeline = self.session.timeline
        stage = timeline.stage_at(frame)
        return Moment(
            frame,
            frame / self.sample_rate,
            stage,
            timeline.speech_at(frame),
            timeline.part_at(frame),
            stage.progress(frame) if stage else 0.0,
            self._paused,
            self.finished,
        )

    def _skip_target(self) -> int | None:
        """Where the next part starts (waiting for it to be laid out); None at the last part."""
        frame = self.position
        while True:
            timeline = self.session.timeline
            target = timeline.next_part_start(frame)
            part = timeline.part_at(frame)
            if target is not None or timeline.complete or part is None:
                return target
            if not self.session.wait_for(part.end + 1, timeout=5):
                return None


Clock = Callable[[], float]  # seconds on a steady clock, as `time.monotonic` gives them


class SilentPlayer(PlayerBase):
    """Keeps session time on the wall clock, without sound (no PortAudio, no device, or sound off).

    `clock` is the wall clock it follows (`time.monotonic`); tests give one they move by hand."""

    def __init__(
        self, session: Session, reason: str = "sound is off", clock: Clock = time.monotonic
    ) -> None:
        super().__init__(session)
        self.reason = reason
        self.clock = clock
        self._base_frame = 0
        self._since: float | None = None
        self._lock = threading.Lock()
        self._watch: threading.Thread | None = None

    def start(self) -> None:
        self.session.start_background()
        with self._lock:
            self._since = self.clock()
        self._watch = threading.Thread(target=self._watch_end, name="audio-silent", daemon=True)
        self._watch.start()

    def _raw(self) -> int:
        if self._since is None or self._paused:
            return self._base_frame
        return self._base_frame + int((self.clock() - self._since) * self.sample_rate)

    @property
    def position(self) -> int:
        with self._lock:
            frame = self._raw()
            timeline = self.session.timeline
            if frame > timeline.frames:  # stall at what is laid out (it will not end early)
                frame = timeline.frames
                self._base_frame, self._since = frame, self.clock()
            return frame

    def _watch_end(self) -> None:
        while not self._finished.is_set():
            timeline = self.session.timeline
            if timeline.complete and self.position >= timeline.frames:
                self._finished.set()
            time.sleep(0.02)

    def pause(self) -> None:
        with self._lock:
            if not self._paused:
                self._base_frame = self._raw()
                self._paused = True

    def resume(self) -> None:
        with self._lock:
            if self._paused:
                self._since = self.clock()
                self._paused = False

    def skip(self) -> None:
        target = self._skip_target()
        if target is None:
            self.stop()
            return
        with self._lock:
            self._base_frame, self._since = target, self.clock()

    def stop(self) -> None:
        with self._lock:
            self._base_frame = self._raw()
            self._paused = True
        self._finished.set()
