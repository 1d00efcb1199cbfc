"""The helper processes one program shares, in one object it owns: a speech engine per cache
folder, and a sound sink opened ahead of time for the next player.

The app's relax service makes one `AudioWorkers`, passes it to `build_session(workers=…)`,
`open_player(workers=…)` and `list_voices(workers=…)`, and calls `close()` when it ends; a
command-line run does the same for its one session. Nothing here is kept at module level: two
programs (or two apps in one test run) never share a worker by accident.
"""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from audio.sink import Sink
    from audio.voice import VoiceEngine

START_WAIT = 20.0  # seconds close() waits for a prewarm to finish starting its workers


class AudioWorkers:
    """Speech engines and a spare sound sink, made on first use and ended by `close()`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._engines: dict[Path | None, VoiceEngine] = {}
        self._spare: Sink | None = None
        self._prewarming: list[threading.Thread] = []

    # -- speech ----------------------------------------------------------------------------------

    def engine(self, cache_dir: str | os.PathLike[str] | None = None) -> VoiceEngine:
        """The one speech engine for `cache_dir` (made on first use; its worker starts when
        first asked to speak)."""
        from audio.voice import VoiceEngine

        key = Path(cache_dir) if cache_dir else None
        with self._lock:
            engine = self._engines.get(key)
            if engine is None:
                engine = self._engines[key] = VoiceEngine(cache_dir)
            return engine

    # -- sound -----------------------------------------------------------------------------------

    def prewarm_sink(self, device: int | str | None = None, rate: int = 22050) -> None:
        """Start a sink with `device` open at `rate` and held silent, for the next player.
        Quiet on failure (the player will report it)."""
        from audio.errors import DeviceError
        from audio.sink import Sink

        try:
            sink = Sink()
            if not sink.open(device, rate).get("ok"):
                sink.close()
                return
        except DeviceError:
            return
        with self._lock:
            old, self._spare = self._spare, sink
        if old is not None:
            old.close()

    def take_sink(self, device: int | str | None, rate: int) -> Sink:
        """The prewarmed sink if it matches, else a new one (device not yet opened)."""
        from audio.sink import Sink

        with self._lock:
            spare, self._spare = self._spare, None
        if spare is not None:
            if spare.alive and spare.request == (device, rate):
                return spare
            spare.close()
        return Sink()

    # -- lifetime --------------------------------------------------------------------------------

    def prewarm(
        self,
        cache_dir: str | os.PathLike[str] | None = None,
        *,
        sound: bool = True,
        device: int | str | None = None,
        sample_rate: int = 22050,
    ) -> None:
        """Start the speech worker and (with `sound`) a sound sink with the device open and held
        silent, in the background, so a session chosen a moment later starts at once. Safe to
        call more than once; never raises."""

        def warm() -> None:
            try:
                self.engine(cache_dir).start()
                import audio.session_setup  # noqa: F401  (numpy, the mixer and the planners)

                if sound:
                    self.prewarm_sink(device, sample_rate)
            except Exception:  # noqa: BLE001 - prewarming is only an optimisation
                pass

        thread = threading.Thread(target=warm, name="audio-prewarm", daemon=True)
        with self._lock:
            self._prewarming = [*(t for t in self._prewarming if t.is_alive()), thread]
        thread.start()

    def close(self, timeout: float = 2.0) -> None:
        """End the helper processes: the speech engines, the spare sink, and (the safety net)
        any worker of this process still open, such as a player never stopped. What it closed
        starts again when used. Never raises."""
        import sys

        with self._lock:
            starting, self._prewarming = self._prewarming, []
        for thread in starting:  # a worker still starting would be left out below
            thread.join(timeout=START_WAIT)
        with self._lock:
            engines, self._engines = list(self._engines.values()), {}
            spare, self._spare = self._spare, None
        for engine in engines:
            with contextlib.suppress(Exception):  # the safety net below still ends them
                engine.close()
        if spare is not None:
            with contextlib.suppress(Exception):
                spare.close()
        proc = sys.modules.get("audio._proc")
        if proc is not None:  # else no worker was ever started
            proc.close_all_workers(timeout)
