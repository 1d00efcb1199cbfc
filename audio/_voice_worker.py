"""The speech worker: a small process that owns the pyttsx3 engine (`python -m audio._voice_worker`).

Why a process: pyttsx3 2.99's espeak driver prints ("Audio saved to …") and libespeak-ng may print
to stderr; file descriptors are shared by all threads, so silencing them inside the app would also
silence Textual. Here fds 1 and 2 go to /dev/null and the protocol uses a private copy of stdout.
One thread (this process's main thread) owns the engine, so "run loop already started" cannot happen.

Protocol, one JSON object per line. The worker first writes {"ready": true, "library": ..., "version":
...} (or {"ready": false, "error": ...}). Then for each request on stdin:
  {"op": "say", "id": n, "text", "voice", "rate", "volume", "out"} -> {"id": n, "ok": true, "voice"}
  {"op": "voices", "id": n} -> {"id": n, "ok": true, "voices": [{"id", "name", "languages", "gender"}]}
Failures reply {"id": n, "ok": false, "kind": "voice" | "engine", "error": "..."}. EOF ends it.

pyttsx3 2.99 workarounds (see `Speaker`): `_text_to_say` and `_save_file` are never cleared, so a
later runAndWait re-synthesises stale text into the old file; they are cleared before and after every
request and every request writes to a fresh path. runAndWait's endLoop calls espeak_Cancel whenever
espeak's own thread is still busy, which drops queued work: an utterance (an empty file, 5 in 200
when measured) or a rate/voice change (speech at the old rate); so every request first waits for
espeak to go idle, after setting properties too, and an empty file is retried. Cancel is never
called at all (see `Speaker.__init__`), and a line whose rate is not the one in effect after it
was made is made again. Its run loop sleeps 10 ms per utterance; a 1 ms sleep is enough (0 ms
stalls espeak's thread for up to 150 ms).
"""

from __future__ import annotations

import ctypes
import json
import os
import sys
import threading
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

from audio._proc import private_stdout, watch_parent

SYNTH_TIMEOUT = 30.0


def preload_espeak() -> str:
    """Make sure pyttsx3 finds a libespeak-ng. Returns "system" or "bundled".

    On Linux, when no system library loads (or HOMEWORK_TUI_ESPEAK=bundled), load espeakng-loader's
    copy first with its data path: pyttsx3's later dlopen("libespeak-ng.so.1") then finds the
    already-loaded library by its soname, so speech works without root."""
    mode = os.environ.get("HOMEWORK_TUI_ESPEAK", "auto")
    if not sys.platform.startswith("linux"):
        return "system"
    if mode != "bundled":
        try:
            ctypes.CDLL("libespeak-ng.so.1")
            return "system"
        except OSError:
            if mode == "system":
                raise
    import espeakng_loader

    os.environ.setdefault("ESPEAK_DATA_PATH", espeakng_loader.get_data_path())
    ctypes.CDLL(espeakng_loader.get_library_path(), mode=ctypes.RTLD_GLOBAL)
    return "bundled"


class _QuickTime:
    """Stands in for the `time` module inside pyttsx3's espeak driver (its run loop only sleeps)."""

    @staticmethod
    def sleep(_seconds: float) -> None:
        time.sleep(0.001)


class Speaker:
    """The pyttsx3 engine, driven only through save_to_file + runAndWait."""

    def __init__(self) -> None:
        import pyttsx3
        from pyttsx3.drivers import _espeak
        from pyttsx3.drivers import espeak as espeak_driver

        espeak_driver.time = _QuickTime
        self._espeak = _espeak
        self.version = (_espeak.Info(None) or b"?").decode("utf-8", "replace")
        self.engine = pyttsx3.init("espeak")
        self.driver = self.engine.proxy._driver
        self.done = threading.Event()
        self.errors: list[str] = []
        self.engine.connect("finished-utterance", lambda **_: self.done.set())
        self.engine.connect("error", lambda **kw: self.errors.append(str(kw.get("exception"))))
        self.current: dict[str, Any] = {}
        self.retries = 0  # empty or off-rate outputs retried (reported for diagnostics)
        # pyttsx3's endLoop (run at the start of every runAndWait) calls stop(), which calls
        # espeak_Cancel whenever espeak's thread is busy, and that thread still counts as idle
        # while commands wait in its queue. Cancel drops the queued commands (a new rate, a new
        # voice) and puts back the parameters of the previous utterance: the line is then made at
        # the old rate (in a fresh worker, pyttsx3's own 200 words a minute), and `current`
        # believes otherwise for every later line. Nothing here ever interrupts a line, so
        # nothing cancels.
        self.driver.stop = lambda: None
        self._get_parameter = _espeak.dll.espeak_GetParameter  # pyttsx3's binding drops `current`
        self._get_parameter.argtypes = [ctypes.c_int, ctypes.c_int]
        self._get_parameter.restype = ctypes.c_int

    def _rate_in_effect(self) -> int:
        """The rate espeak uses now (its current value, not its default)."""
        return int(self._get_parameter(self._espeak.RATE, 1))

    def _clear_stale(self) -> None:
        self.driver._text_to_say = None
        self.driver._save_file = None

    def _set(self, name: str, value: Any) -> None:
        if self.current.get(name) != value:
            self.engine.setProperty(name, value)
            self.current[name] = value

    def _wait_idle(self, timeout: float = 2.0) -> None:
        """Wait for espeak's own thread to go idle. If it is still busy when runAndWait starts,
        pyttsx3's endLoop calls espeak_Cancel, which can cut off the *next* utterance (an empty
        file)."""
        deadline = time.monotonic() + timeout
        while self._espeak.IsPlaying() and time.monotonic() < deadline:
            time.sleep(0.0005)

    def say(self, text: str, voice: str, rate: int, volume: float, out: str) -> str:
        for attempt in range(3):
            voice_id = self._say_once(text, voice, rate, volume, out)
            at_rate = self._rate_in_effect() == int(rate)  # what this line was made at
            if at_rate and os.path.exists(out) and os.path.getsize(out) > 44:
                return voice_id
            if not at_rate:
                self.current.clear()  # set every property again
            self.retries += 1
            time.sleep(0.01 * (attempt + 1))
        raise RuntimeError("the speech engine could not make this line at the rate asked")

    def _say_once(self, text: str, voice: str, rate: int, volume: float, out: str) -> str:
        self._wait_idle()
        self._clear_stale()
        self.errors.clear()
        self._set("voice", voice)
        self._set("rate", int(rate))
        self._set("volume", float(volume))
        if self.errors:  # once the engine has run, a bad voice is reported right away
            self.current.pop("voice", None)
            raise LookupError(self.errors[0])
        # espeak queues parameter changes on its own thread; runAndWait's endLoop would Cancel that
        # queue (and the new rate or voice with it) if it were still busy.
        self._wait_idle()
        self.done.clear()
        self.engine.save_to_file(text, out)
        self.engine.runAndWait()
        finished = self.done.wait(SYNTH_TIMEOUT)
        self._clear_stale()
        if self.errors and "voice" in self.errors[0].lower():
            self.current.pop("voice", None)
            raise LookupError(self.errors[0])
        if self.errors:
            raise RuntimeError(self.errors[0])
        if not finished:
            raise RuntimeError("the speech engine did not finish")
        return str(self.engine.getProperty("voice"))

    def voices(self) -> list[dict[str, Any]]:
        return [
            {"id": v.id, "name": v.name, "languages": list(v.languages or []), "gender": v.gender}
            for v in self.engine.getProperty("voices")
        ]


def main() -> int:
    watch_parent()
    proto = private_stdout()

    def reply(obj: dict[str, Any]) -> None:
        proto.write(json.dumps(obj) + "\n")
        proto.flush()

    try:
        library = preload_espeak()
        speaker = Speaker()
    except Exception as exc:  # noqa: BLE001 - reported to the app, which explains it
        reply({"ready": False, "error": f"{type(exc).__name__}: {exc}"})
        return 1
    reply({"ready": True, "library": library, "version": speaker.version, "pid": os.getpid()})
    for raw in sys.stdin:
        try:
            req = json.loads(raw)
        except json.JSONDecodeError:
            continue
        rid = req.get("id")
        try:
            if req.get("op") == "voices":
                reply({"id": rid, "ok": True, "voices": speaker.voices()})
            else:
                if req.get("fresh"):  # making a line again: set every property again
                    speaker.current.clear()
                voice = speaker.say(
                    req["text"], req["voice"], req["rate"], req["volume"], req["out"]
                )
                reply({"id": rid, "ok": True, "voice": voice, "retries": speaker.retries})
        except LookupError as exc:
            reply({"id": rid, "ok": False, "kind": "voice", "error": str(exc)})
        except Exception as exc:  # noqa: BLE001 - an engine failure, reported to the app
            reply(
                {"id": rid, "ok": False, "kind": "engine", "error": f"{type(exc).__name__}: {exc}"}
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
