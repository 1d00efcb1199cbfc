"""`SoundPlayer`: a session through PortAudio, played by the sound sink process.

The app mixes ahead into a shared ring (a feeder thread, about two seconds ahead, while later parts
of the session are still being laid out). The sink's audio callback only copies those pre-mixed
frames, ramps the volume across a block and advances the frame counter (see `audio._sink_worker`:
it lives in its own process so a busy UI thread cannot delay it). Pause, resume and volume are
flags in shared memory the callback reads at its next block; skips are done by the feeder while the
callback is held silent, so only one side ever moves the read position.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, Any

import numpy as np

from audio import shared_ring as sr
from audio.clock import PlayerBase
from audio.errors import DeviceError
from audio.session import Session
from audio.sink import Sink, list_output_devices

if TYPE_CHECKING:
    from audio.workers import AudioWorkers

AHEAD_SECONDS = 2.0  # how far ahead of the callback the ring is kept filled
CHUNK = 2048  # frames mixed at a time by the feeder
HOLD_TIMEOUT = 0.5  # longest wait for the callback to fade out


def output_devices() -> list[dict[str, Any]]:
    """Every device that can play sound (DeviceError when PortAudio is missing)."""
    return list_output_devices()


class SoundPlayer(PlayerBase):
    """Plays a session through the sound sink. Make it with `open_player`."""

    audible = True

    def __init__(
        self, session: Session, device: int | str | None = None, workers: AudioWorkers | None = None
    ) -> None:
        # the sink `workers` prewarmed when it suits, else a new one
        sink = workers.take_sink(device, session.sample_rate) if workers is not None else Sink()
        try:
            opened = (
                sink.opened
                if sink.opened and sink.request == (device, session.sample_rate)
                else sink.open(device, session.sample_rate)
            )
            if not opened.get("ok"):  # the device wants another rate: lay the session out at it
                session = session.with_sample_rate(int(opened["device_rate"]))
                opened = sink.open(device, session.sample_rate)
                if not opened.get("ok"):
                    raise DeviceError(f"the audio device cannot play at {session.sample_rate} Hz")
        except BaseException:
            sink.close()
            raise
        super().__init__(session)
        self.sink: Sink = sink
        self.ring = sink.ring
        self.device_name = str(opened["device"])
        self.stream_rate = int(opened["rate"])
        self.latency = float(opened["latency"])
        self._ints, self._floats = self.ring.ints, self.ring.floats
        self._ints[sr.READ] = self._ints[sr.WRITTEN] = 0
        self._ints[sr.END] = -1
        self._written = 0
        self._floor = 0
        self._last = 0
        self._scratch = np.zeros(CHUNK, dtype=np.float32)
        self._skip_wanted = False
        self._stopping = False
        self._feeder: threading.Thread | None = None
        self._lock = threading.Lock()  # app threads only (the callback is in the sink process)
        self._closed = False
        self.error: BaseException | None = None

    # --- facts from shared memory -------------------------------------------------------------
    @property
    def first_sound_at(self) -> float | None:
        """Monotonic time the callback handed over the first session frame."""
        value = float(self._floats[sr.FIRST_SOUND])
        return value or None

    def _sync_stats(self) -> None:
        if self._closed:
            return
        ints = self._ints
        self.stats.underflows = int(ints[sr.UNDERFLOWS])
        self.stats.starved = int(ints[sr.STARVED])
        self.stats.blocks = int(ints[sr.BLOCKS])
        self.stats.callback_max_ms = float(self._floats[sr.CALLBACK_MAX]) * 1000
        self.stats.callback_cpu_max_ms = float(self._floats[sr.CALLBACK_CPU_MAX]) * 1000

    @property
    def _gain_now(self) -> float:
        return float(self._floats[sr.GAIN_NOW])

    @property
    def position(self) -> int:
        """The session frame being heard now: the callback's count, interpolated between blocks
        from when PortAudio says each block reaches the speaker. Never goes back, except on skip.
        Once the session has ended (or was stopped) it stays where the sound stopped."""
        with self._lock:
            if self._closed:
                return self._last
            return self._position()

    def _position(self) -> int:
        self._sync_stats()
        read = int(self._ints[sr.READ])
        anchor = self.ring.read_anchor()
        if anchor is None or anchor[0] < self._floor:
            return max(self._floor, self._last if self._last >= self._floor else self._floor)
        frame, heard_at = anchor
        estimate = frame + int((time.monotonic() - heard_at) * self.sample_rate)
        self._last = max(self._floor, self._last, min(read, estimate))
        return self._last

    # --- the feeder thread ---------------------------------------------------------------------
    def _fill(self, limit_ahead: int) -> bool:
        """Mix one chunk into the ring if there is room and layout; False if nothing to do."""
        timeline = self.session.timeline
        if timeline.complete:
            self._ints[sr.END] = timeline.frames
        end = int(self._ints[sr.END])
        w, read = self._written, int(self._ints[sr.READ])
        room = min(limit_ahead - (w - read), self.ring.frames - (w - read))
        if room <= 0 or (end >= 0 and w >= end):
            return False
        laid = timeline.frames
        if w >= laid:
            self.session.wait_for(w + 1, timeout=0.05)
            return False
        n = min(CHUNK, room, laid - w)
        self.ring.put(w, self.session.render(w, n, self._scratch))
        self._written = w + n
        self._ints[sr.WRITTEN] = self._written
        return True

    def _feed(self) -> None:
        ahead = int(AHEAD_SECONDS * self.sample_rate)
        try:
            while not self._stopping and not self._closed:
                if self._skip_wanted:
                    self._skip_wanted = False
                    if not self._do_skip():
                        return
                    continue
                if self.session.error is not None and self.error is None:
                    self.error = self.session.error  # speech failed mid-way: end where layout ended
                    self._ints[sr.END] = self.session.timeline.frames
                end = int(self._ints[sr.END])
                if end >= 0 and int(self._ints[sr.READ]) >= end:
                    time.sleep(self.latency + 0.05)  # let the last frames be heard
                    self._close()
                    return
                if not self.sink.alive:
                    self.error = DeviceError("the sound output stopped")
                    self._close()
                    return
                if not self._fill(ahead):
                    time.sleep(0.01)
        except Exception as exc:  # noqa: BLE001 - reported through .error; the session ends
            self.error = exc
            self._close()

    def _wait_silent(self) -> None:
        deadline = time.monotonic() + HOLD_TIMEOUT
        while self._gain_now != 0.0 and time.monotonic() < deadline and self.sink.alive:
            time.sleep(0.002)

    def _do_skip(self) -> bool:
        """Fade out, move to the next part, fade in. False when that ended the session."""
        target = self._skip_target()
        self._ints[sr.HOLD] = 1
        self._wait_silent()
        if target is None:
            self._close()
            return False
        self._floor = target
        self._ints[sr.READ] = target
        self._written = target
        self._ints[sr.WRITTEN] = target
        self._fill(CHUNK)
        self._ints[sr.HOLD] = 1 if self._paused else 0
        return True

    def _close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._position()  # the clock's last reading, and the final counters
            self._closed = True
        self.sink.close()
        self._finished.set()

    # --- control -----------------------------------------------------------------------------
    def start(self) -> None:
        while self._written < CHUNK and self._fill(CHUNK):
            pass
        self._floats[sr.VOLUME] = self._volume
        if not self._paused:
            # Release the hold first: a block seen in between fades in from 0 (harmless); the other
            # order could let one block see "held at full volume" and fade the first frames out.
            self._ints[sr.HOLD] = 0
            self._floats[sr.GAIN_NOW] = self._volume  # the first line starts from silence itself
        self.session.start_background()  # after the first block is out: it competes for the GIL
        self._feeder = threading.Thread(target=self._feed, name="audio-feeder", daemon=True)
        self._feeder.start()

    def _volume_changed(self) -> None:
        self._floats[sr.VOLUME] = self._volume

    def pause(self) -> None:
        self._paused = True
        self._ints[sr.HOLD] = 1

    def resume(self) -> None:
        self._paused = False
        self._ints[sr.HOLD] = 0

    def skip(self) -> None:
        """Fade out and go to the start of the next part (the last part: end the session)."""
        self._skip_wanted = True

    def stop(self) -> None:
        """Fade out and end the session."""
        if self._closed:
            return
        self._stopping = True
        self._ints[sr.HOLD] = 1
        self._wait_silent()
        if self._feeder is not None and self._feeder is not threading.current_thread():
            self._feeder.join(timeout=2)
        self._close()
