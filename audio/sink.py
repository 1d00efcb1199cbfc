"""The app's side of the sound sink process (`audio._sink_worker`): start it, open a device, close.

`AudioWorkers.prewarm_sink()` (audio.workers) starts one ahead of time with the default device
open and held silent, so a session chosen a moment later is heard within one audio block.
"""

from __future__ import annotations

from typing import Any

from audio._proc import Worker
from audio.errors import DeviceError
from audio.shared_ring import SharedRing

RING_FRAMES = 1 << 18  # 5.9 s at 44.1 kHz, 11.9 s at 22.05 kHz
START_TIMEOUT = 20.0
OPEN_TIMEOUT = 15.0


class Sink:
    """One sink process and the shared ring it plays from."""

    def __init__(self) -> None:
        self.ring = SharedRing.create(RING_FRAMES)
        try:
            self.worker = Worker(
                "audio._sink_worker", str(self.ring.fd), str(RING_FRAMES), pass_fds=(self.ring.fd,)
            )
            hello = self.worker.read(START_TIMEOUT)
        except (OSError, TimeoutError, EOFError, ValueError) as exc:
            self.ring.close()
            raise DeviceError(f"the sound output could not start ({exc})") from None
        if not hello.get("ready"):
            self.worker.close()
            raise DeviceError(str(hello.get("error") or "the sound output could not start"))
        self.opened: dict[str, Any] | None = None
        self.request: tuple[Any, int] | None = None

    def _ask(self, obj: dict[str, Any], timeout: float) -> dict[str, Any]:
        try:
            self.worker.send(obj)
            return self.worker.read(timeout)
        except (OSError, TimeoutError, EOFError, ValueError) as exc:
            raise DeviceError(f"the sound output stopped ({exc})") from None

    def devices(self) -> list[dict[str, Any]]:
        answer = self._ask({"op": "devices"}, OPEN_TIMEOUT)
        return [dict(d, default=d["index"] == answer.get("default")) for d in answer["devices"]]

    def open(self, device: int | str | None, rate: int) -> dict[str, Any]:
        """Open the device at `rate`, held silent. Returns what was opened, or
        {"kind": "rate", "device_rate": …} when the device needs another rate."""
        answer = self._ask({"op": "open", "device": device, "rate": rate}, OPEN_TIMEOUT)
        if answer.get("ok"):
            self.opened = answer
            self.request = (device, rate)
            return answer
        if answer.get("kind") == "rate":
            return answer
        raise DeviceError(str(answer.get("error") or "cannot open the audio device"))

    @property
    def alive(self) -> bool:
        return self.worker.proc.poll() is None

    def close(self) -> None:
        try:
            self.worker.send({"op": "close"})
        except (OSError, ValueError):
            pass  # gone already, or closed by close_all_workers
        self.worker.close(timeout=3)
        self.ring.close()


def list_output_devices() -> list[dict[str, Any]]:
    """Every device that can play sound: index, name, default_samplerate, max_output_channels,
    default. DeviceError when PortAudio is missing."""
    sink = Sink()
    try:
        return sink.devices()
    finally:
        sink.close()
