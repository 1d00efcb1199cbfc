"""The sound sink: a small process that owns PortAudio and the audio callback.

`python -m audio._sink_worker FD FRAMES`, where FD is a shared memory block (`SharedRing`).

Why a process of its own: a Python audio callback must take the GIL. With a busy thread in the same
process (the UI) we measured callbacks waiting up to 23.6 ms for it, longer than a 512-frame JACK
period (23.2 ms), and 11 to 14 output underflows in 15 s. Here nothing else competes for this
process's GIL, and nothing PortAudio, ALSA or JACK prints can reach the terminal (fds 1 and 2 go
to /dev/null; the protocol uses a private copy of stdout).

The callback copies pre-mixed frames from the shared ring, scales them by a volume ramped across
the block, advances the frame counter and publishes the clock. It allocates no buffers, takes no
locks and does no I/O.

Protocol, JSON lines. First {"ready": true} or {"ready": false, "error"}. Then:
  {"op": "devices"} -> {"ok": true, "devices": [{"index", "name", "default_samplerate",
                        "max_output_channels"}], "default": index}
  {"op": "open", "device": null|int|str, "rate": int} -> {"ok": true, "rate", "channels",
      "latency", "device"} | {"ok": false, "kind": "rate", "device_rate"} | {"ok": false, "error"}
      The stream starts at once, held silent until the app clears HOLD.
  {"op": "close"} -> {"ok": true}, then the process exits (so does EOF).
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import TYPE_CHECKING

import numpy as np

from audio import shared_ring as sr
from audio._proc import private_stdout, watch_parent

if TYPE_CHECKING:
    from typing import Any

MAX_BLOCK = 16384


class Callback:
    """The real-time part. Everything it touches is allocated up front."""

    def __init__(self, ring: sr.SharedRing, latency: float) -> None:
        self.ring = ring
        self.ints, self.floats, self.data = ring.ints, ring.floats, ring.data
        self.latency = latency
        self.index = np.arange(MAX_BLOCK, dtype=np.float32)
        self.gain = np.zeros(MAX_BLOCK, dtype=np.float32)

    def __call__(self, outdata: np.ndarray, frames: int, when: Any, status: Any) -> None:
        began, cpu = time.perf_counter(), time.thread_time()
        self._play(outdata, frames, when, status)
        took, used = time.perf_counter() - began, time.thread_time() - cpu
        floats = self.floats  # for the benchmarks: wall time (with any preemption) and our CPU time
        if took > floats[sr.CALLBACK_MAX]:
            floats[sr.CALLBACK_MAX] = took
        if used > floats[sr.CALLBACK_CPU_MAX]:
            floats[sr.CALLBACK_CPU_MAX] = used

    def _play(self, outdata: np.ndarray, frames: int, when: Any, status: Any) -> None:
        ints, floats = self.ints, self.floats
        ints[sr.BLOCKS] += 1
        if status.output_underflow:
            ints[sr.UNDERFLOWS] += 1
        target = 0.0 if ints[sr.HOLD] else float(floats[sr.VOLUME])
        start = float(floats[sr.GAIN_NOW])
        if start == 0.0 and target == 0.0:
            outdata.fill(0.0)
            return
        out = outdata[:, 0]
        read = int(ints[sr.READ])
        avail = int(ints[sr.WRITTEN]) - read
        n = frames if avail >= frames else max(0, avail)
        end = int(ints[sr.END])
        if n < frames and (end < 0 or read + n < end):
            ints[sr.STARVED] += 1
        data, i = self.data, read & self.ring.mask
        first = min(n, len(data) - i)
        out[:first] = data[i : i + first]
        out[first:n] = data[: n - first]
        out[n:] = 0.0
        if start != target and 0 < n <= MAX_BLOCK:
            gain = self.gain[:n]
            np.multiply(self.index[:n], (target - start) / n, out=gain)
            gain += start
            out[:n] *= gain
        elif target != 1.0:
            out[:n] *= target
        if outdata.shape[1] > 1:
            outdata[:, 1] = out
        floats[sr.GAIN_NOW] = target
        now = time.monotonic()
        dac = when.outputBufferDacTime - when.currentTime
        self.ring.write_anchor(read, now + (dac if 0.0 < dac < 1.0 else self.latency))
        ints[sr.READ] = read + n
        if n and floats[sr.FIRST_SOUND] == 0.0:
            floats[sr.FIRST_SOUND] = now


def _outputs(sd: Any) -> list[dict[str, Any]]:
    return [
        {
            "index": i,
            "name": str(d["name"]),
            "default_samplerate": float(d["default_samplerate"]),
            "max_output_channels": int(d["max_output_channels"]),
        }
        for i, d in enumerate(sd.query_devices())
        if d["max_output_channels"] > 0
    ]


def _default_output(sd: Any) -> int:
    device = sd.default.device  # an (input, output) pair
    try:
        return int(device[1])
    except (TypeError, IndexError):
        return int(device)


def _choose(sd: Any, wanted: int | str | None) -> dict[str, Any]:
    outputs = _outputs(sd)
    if wanted is not None and str(wanted).strip():
        key = str(wanted).strip()
        for d in outputs:
            if (key.isdigit() and d["index"] == int(key)) or key.lower() in d["name"].lower():
                return d
        names = ", ".join(f"{d['index']}: {d['name']}" for d in outputs) or "none"
        raise LookupError(f"no audio output device matches '{wanted}' (devices: {names})")
    if not outputs:
        raise LookupError("no audio output device found (no sound card, or none this user may use)")
    default = _default_output(sd)
    return next((d for d in outputs if d["index"] == default), outputs[0])


def _open(sd: Any, ring: sr.SharedRing, req: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
    info = _choose(sd, req.get("device"))
    rate = int(req["rate"])
    channels = 1
    try:
        sd.check_output_settings(device=info["index"], samplerate=rate, channels=1, dtype="float32")
    except Exception:  # noqa: BLE001 - try stereo at this rate, else ask for the device's rate
        channels = min(2, info["max_output_channels"])
        try:
            sd.check_output_settings(
                device=info["index"], samplerate=rate, channels=channels, dtype="float32"
            )
        except Exception:  # noqa: BLE001 - PortAudio refused stereo too: ask for the device's rate
            return None, {
                "ok": False,
                "kind": "rate",
                "device_rate": int(info["default_samplerate"]),
            }
    callback = Callback(ring, 0.0)
    stream = sd.OutputStream(
        samplerate=rate,
        device=info["index"],
        channels=channels,
        dtype="float32",
        latency="high",
        callback=callback,
    )
    callback.latency = float(stream.latency)
    stream.start()
    return stream, {
        "ok": True,
        "rate": int(stream.samplerate),
        "channels": channels,
        "latency": float(stream.latency),
        "device": info["name"],
    }


def _raise_priority() -> None:
    """Ask to be scheduled ahead of ordinary work (threads made later inherit it). Allowed for
    root or with a raised RLIMIT_NICE (audio groups often have one); otherwise nothing changes."""
    for step in (10, 5):
        try:
            os.setpriority(os.PRIO_PROCESS, 0, -step)
            return
        except (OSError, AttributeError):
            continue


def main() -> int:
    watch_parent()
    proto = private_stdout()

    def reply(obj: dict[str, Any]) -> None:
        proto.write(json.dumps(obj) + "\n")
        proto.flush()

    ring = sr.SharedRing(int(sys.argv[1]), int(sys.argv[2]))
    _raise_priority()
    try:
        import sounddevice as sd
    except (OSError, ImportError) as exc:
        reply(
            {
                "ready": False,
                "error": f"PortAudio is not available ({exc}); install it "
                "(Debian/Ubuntu: sudo apt install libportaudio2)",
            }
        )
        return 1
    reply({"ready": True, "pid": os.getpid()})
    stream = None
    for raw in sys.stdin:
        try:
            req = json.loads(raw)
        except json.JSONDecodeError:
            continue
        op = req.get("op")
        try:
            if op == "devices":
                reply({"ok": True, "devices": _outputs(sd), "default": _default_output(sd)})
            elif op == "open":
                if stream is not None:
                    stream.close()
                    stream = None
                stream, answer = _open(sd, ring, req)
                reply(answer)
            elif op == "close":
                break
        except LookupError as exc:
            reply({"ok": False, "kind": "device", "error": str(exc)})
        except Exception as exc:  # noqa: BLE001 - PortAudio errors, reported to the app
            reply({"ok": False, "kind": "device", "error": f"cannot open the audio device: {exc}"})
    if stream is not None:
        try:
            stream.stop()
            stream.close()
        except Exception:  # noqa: BLE001 - closing anyway: a stream that fails to stop is gone too
            pass
    reply({"ok": True, "closed": True})
    return 0


if __name__ == "__main__":
    sys.exit(main())
