"""Speech through pyttsx3 (espeak-ng), made once and cached on disk.

`VoiceEngine` owns one worker process (`audio._voice_worker`, which owns the pyttsx3 engine) from
one long-lived thread; callers from any thread `submit()` lines and get futures. Only
`save_to_file` is used; nothing the engine prints reaches the terminal (see the worker's docstring).
Each line is cached, ready to mix (see `audio.clips`), as a WAV named by a hash of (engine, voice,
rate, volume, text), so a repeated session costs no synthesis and a warm start never starts the
worker at all.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import queue
import re
import tempfile
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from audio._proc import Worker as _Worker
from audio.errors import VoiceError

ENGINE_ID = "pyttsx3-2.99/espeak-ng"
CACHE_FORMAT = 3  # 2: prepared clips (trimmed, softened, levelled); 3: each checked for its rate
NATIVE_RATE = 22050  # what espeak-ng produces
DEFAULT_VOICE = "gmw/en-us"
DEFAULT_RATE = 120  # words per minute as espeak counts them (~130 real): unhurried, for eyes closed
RATE_RANGE = (80, 260)
START_TIMEOUT = 15.0
SAY_TIMEOUT = 30.0
VOICES_FILE = "voices.json"
INSTALL_HINT = (
    "install espeak-ng (Debian/Ubuntu: sudo apt install espeak-ng) or reinstall homework-tui"
)


def default_cache_dir() -> Path:
    """The platform cache folder for speech (the app passes its own; this is for headless use)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("homework-tui", appauthor=False)) / "speech"


@dataclass(frozen=True)
class VoiceSettings:
    """Which voice, how fast (words per minute) and how loud (0-1)."""

    voice: str = DEFAULT_VOICE
    rate: int = DEFAULT_RATE
    volume: float = 1.0

    def __post_init__(self) -> None:
        if not isinstance(self.voice, str) or not self.voice.strip():
            raise VoiceError("the voice name is empty; run `homework-tui voices` to see the voices")
        low, high = RATE_RANGE
        if (
            isinstance(self.rate, bool)
            or not isinstance(self.rate, int)
            or not low <= self.rate <= high
        ):
            raise VoiceError(f"speech rate should be {low} to {high} words a minute")
        if not 0.0 < float(self.volume) <= 1.0:
            raise VoiceError("speech volume should be above 0 and at most 1")
        object.__setattr__(self, "voice", self.voice.strip().lower())

    @property
    def language(self) -> str:
        """The voice's language as far as its name tells ("gmw/en-us+f3" → "en-us")."""
        base = self.voice.split("/")[-1].split("+")[0]
        return base if re.fullmatch(r"[a-z]{2,3}(-[a-z0-9]+)*", base) else "en"

    def cache_key(self, text: str) -> str:
        blob = json.dumps(
            [CACHE_FORMAT, ENGINE_ID, self.voice, self.rate, round(float(self.volume), 3), text]
        )
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class VoiceInfo:
    id: str
    name: str
    languages: tuple[str, ...]
    gender: str | None


@dataclass
class _Request:
    op: str
    future: Future[Any]
    text: str = ""
    settings: VoiceSettings | None = None
    path: Path | None = None


CLOSED = "the speech engine was closed"


class VoiceEngine:
    """One speech worker process, driven by one dedicated thread. Thread-safe to call."""

    def __init__(self, cache_dir: str | os.PathLike[str] | None = None) -> None:
        self.cache_dir = self._usable_cache(Path(cache_dir) if cache_dir else default_cache_dir())
        self._queue: queue.Queue[_Request | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()
        self._ids = itertools.count(1)
        self.info: dict[str, Any] | None = None
        self.failure: str | None = None  # set when the engine cannot start at all
        self._closed = False  # closed for good: its worker ends and never starts again
        self._voices: list[VoiceInfo] | None = None

    @staticmethod
    def _usable_cache(folder: Path) -> Path:
        try:
            (folder / "tmp").mkdir(parents=True, exist_ok=True)
            probe = folder / "tmp" / f".probe-{os.getpid()}"
            probe.write_bytes(b"")
            probe.unlink()
            return folder
        except OSError:
            fallback = Path(tempfile.mkdtemp(prefix="homework-tui-speech-"))
            (fallback / "tmp").mkdir()
            return fallback

    def cached_path(self, text: str, settings: VoiceSettings) -> Path:
        key = settings.cache_key(text)
        return self.cache_dir / key[:2] / f"{key}.wav"

    def start(self) -> None:
        """Start the thread and worker now (e.g. when a Relax screen opens); returns at once."""
        with self._start_lock:
            if self._closed:
                return
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="audio-voice", daemon=True)
                self._thread.start()

    def submit(self, text: str, settings: VoiceSettings) -> Future[Path]:
        """Make (or find) the speech for `text`; the future gives the cached WAV's path."""
        future: Future[Path] = Future()
        path = self.cached_path(text, settings)
        if path.exists():
            future.set_result(path)
            return future
        if self.failure or self._closed:
            future.set_exception(VoiceError(self.failure or CLOSED))
            return future
        self.start()
        self._queue.put(_Request("say", future, text, settings, path))
        return future

    def synthesize(self, text: str, settings: VoiceSettings, timeout: float | None = None) -> Path:
        return self.submit(text, settings).result(timeout)

    def voices(self, timeout: float = START_TIMEOUT) -> list[VoiceInfo]:
        """Every voice the engine offers (asked once, then kept in memory and in the cache
        folder, so a later start need not start the worker to know them)."""
        if self._voices is not None:
            return list(self._voices)
        stored = self.cache_dir / VOICES_FILE
        try:
            data = json.loads(stored.read_text(encoding="utf-8"))
            if data.get("engine") == ENGINE_ID:
                self._voices = [
                    VoiceInfo(v["id"], v["name"], tuple(v["languages"]), v["gender"])
                    for v in data["voices"]
                ]
                return list(self._voices)
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            pass  # a damaged or hand-edited cache: ask the engine again, and store its answer
        future: Future[list[dict[str, Any]]] = Future()
        if self.failure or self._closed:
            raise VoiceError(self.failure or CLOSED)
        self.start()
        self._queue.put(_Request("voices", future))
        raw = future.result(timeout)
        self._voices = [
            VoiceInfo(v["id"], v["name"], tuple(v["languages"]), v["gender"]) for v in raw
        ]
        try:
            tmp = stored.with_name(f".{VOICES_FILE}.{os.getpid()}")
            tmp.write_text(json.dumps({"engine": ENGINE_ID, "voices": raw}), encoding="utf-8")
            tmp.replace(stored)
        except OSError:
            pass
        return list(self._voices)

    def close(self) -> None:
        """End the worker, waiting for the word being made (up to 5 s); requests still queued
        fail with CLOSED. A closed engine stays closed."""
        with self._start_lock:
            self._closed = True
        thread = self._thread
        if thread is not None and thread.is_alive():
            self._queue.put(None)
            thread.join(timeout=5)

    # --- the engine thread -------------------------------------------------------------------
    def _spawn(self) -> _Worker:
        try:
            worker = _Worker("audio._voice_worker")
            hello = worker.read(START_TIMEOUT)
        except (OSError, TimeoutError, EOFError, ValueError) as exc:
            raise VoiceError(f"speech is unavailable ({exc}); {INSTALL_HINT}") from None
        if not hello.get("ready"):
            worker.close()
            raise VoiceError(f"speech is unavailable ({hello.get('error')}); {INSTALL_HINT}")
        self.info = hello
        return worker

    def _run(self) -> None:
        worker: _Worker | None = None
        try:
            try:
                worker = self._spawn()  # at once, so start() warms the engine up
            except VoiceError as exc:
                self.failure = str(exc)
            while True:
                request = self._queue.get()
                if request is None or self._closed:
                    if request is not None and not request.future.done():
                        request.future.set_exception(VoiceError(CLOSED))
                    return
                if request.future.set_running_or_notify_cancel() is False:
                    continue
                if worker is None and not self.failure:
                    try:
                        worker = self._spawn()
                    except VoiceError as exc:
                        self.failure = str(exc)
                if self.failure or worker is None:
                    request.future.set_exception(
                        VoiceError(self.failure or "speech is unavailable")
                    )
                    continue
                worker = self._serve(worker, request)
        finally:
            if worker is not None:
                worker.close()
            while not self._queue.empty():  # anyone still waiting hears why
                left = self._queue.get_nowait()
                if left is not None and not left.future.done():
                    left.future.set_exception(VoiceError(CLOSED))

    def _serve(self, worker: _Worker, request: _Request) -> _Worker | None:
        """Answer one request, restarting a crashed or stuck worker once."""
        for attempt in (1, 2):
            rid = next(self._ids)
            try:
                if request.op == "voices":
                    worker.send({"op": "voices", "id": rid})
                    answer = worker.read(START_TIMEOUT)
                    if answer.get("ok"):
                        request.future.set_result(answer["voices"])
                    else:
                        request.future.set_exception(
                            VoiceError(f"cannot list voices: {answer.get('error')}")
                        )
                    return worker
                assert request.settings is not None and request.path is not None
                s = request.settings
                tmp = self.cache_dir / "tmp" / f"{request.path.stem}.{os.getpid()}.{rid}.wav"
                answer = _say(worker, rid, request.text, s, tmp)
                if answer.get("ok"):
                    _at_pace(worker, rid, request.text, s, tmp)
            except (OSError, TimeoutError, EOFError, ValueError) as exc:
                worker.proc.kill()
                worker.close()
                if attempt == 2 or self._closed:
                    request.future.set_exception(VoiceError(f"the speech engine failed: {exc}"))
                    return None
                try:
                    worker = self._spawn()
                except VoiceError as err:
                    request.future.set_exception(err)
                    return None
                continue
            if answer.get("ok"):
                try:
                    _store_prepared(tmp, request.path)
                except (OSError, EOFError, ValueError) as exc:
                    request.future.set_exception(
                        VoiceError(f"the speech engine wrote no usable audio: {exc}")
                    )
                    return worker
                request.future.set_result(request.path)
            elif answer.get("kind") == "voice":
                request.future.set_exception(
                    VoiceError(
                        f"unknown voice '{request.settings.voice}'; run `homework-tui voices` to see the voices"
                    )
                )
            else:
                request.future.set_exception(
                    VoiceError(f"the speech engine failed: {answer.get('error')}")
                )
            return worker
        return worker


def _say(
    worker: _Worker, rid: int, text: str, settings: VoiceSettings, out: Path, *, fresh: bool = False
) -> dict[str, Any]:
    """Ask the worker for one line (`fresh`: with every property set again)."""
    worker.send(
        {
            "op": "say",
            "id": rid,
            "text": text,
            "voice": settings.voice,
            "rate": settings.rate,
            "volume": settings.volume,
            "out": str(out),
            **({"fresh": True} if fresh else {}),
        }
    )
    return worker.read(SAY_TIMEOUT)


def _at_pace(worker: _Worker, rid: int, text: str, settings: VoiceSettings, raw: Path) -> None:
    """Check the line just made (`raw`) against the length its letters and rate predict
    (`audio.pace`); when it is off, make it again once, with every property set again, and keep
    in `raw` whichever of the two is nearer the prediction."""
    from audio.pace import nearer_pace, on_pace

    first = _voiced_seconds(raw)
    if first is None or on_pace(first, text, settings.rate):
        return
    again = raw.with_name(f"{raw.stem}.again.wav")
    try:
        answer = _say(worker, rid, text, settings, again, fresh=True)
        second = _voiced_seconds(again) if answer.get("ok") else None
        if second is not None and nearer_pace(first, second, text, settings.rate) == 1:
            again.replace(raw)
    finally:
        again.unlink(missing_ok=True)


def _voiced_seconds(raw: Path) -> float | None:
    """The length of the engine's WAV once trimmed as it will be kept (None if unreadable)."""
    from audio.clips import trim_bounds
    from audio.wav import read_wav

    try:
        rate, samples = read_wav(raw)
    except (OSError, EOFError, ValueError):
        return None
    start, end = trim_bounds(samples, rate)
    return (end - start) / rate


def _store_prepared(raw_path: Path, final: Path) -> None:
    """Trim, soften, level and fade the engine's raw WAV (see audio.clips) and keep that in the
    cache, so a warm start only reads a file."""
    from audio.clips import prepare_speech
    from audio.wav import read_wav, write_wav

    rate, raw = read_wav(raw_path)
    clip = prepare_speech(raw, rate, rate).astype("float32") / 32767.0
    final.parent.mkdir(parents=True, exist_ok=True)
    write_wav(final, rate, len(clip), lambda start, count: clip[start : start + count])
    raw_path.unlink(missing_ok=True)


class EngineSource(Protocol):
    """Where speech engines come from: `audio.workers.AudioWorkers`, one per program."""

    def engine(self, cache_dir: str | os.PathLike[str] | None = None) -> VoiceEngine: ...


def list_voices(
    cache_dir: str | os.PathLike[str] | None = None, workers: EngineSource | None = None
) -> list[VoiceInfo]:
    """The installed voices, asked of `workers`' engine (kept for later), else of an engine
    made for this question and closed after it."""
    if workers is not None:
        return workers.engine(cache_dir).voices()
    engine = VoiceEngine(cache_dir)
    try:
        return engine.voices()
    finally:
        engine.close()


def _base(language: str) -> str:
    return language.lower().replace("_", "-").split("-")[0]


def voices_for_language(language: str | None, voices: Sequence[VoiceInfo]) -> list[VoiceInfo]:
    """The voices that speak `language` ("es", "en-gb", "pt-br"), best first: an exact match
    (en-gb for en-gb), then the language's other variants (en-us for en-gb; any English for en).
    The default voice leads among equals. `None`, "" or "any" (a script whose words come from
    the wording file) keep every voice. The app's voice list and `homework-tui voices
    --language` both filter with this."""
    wanted = (language or "").lower().replace("_", "-")
    if not wanted or wanted == "any":
        return list(voices)
    base = _base(wanted)
    ranked: list[tuple[int, int, str, VoiceInfo]] = []
    for voice in voices:
        langs = [lang.lower().replace("_", "-") for lang in voice.languages]
        if wanted in langs:
            rank = 0
        elif any(lang.startswith(wanted + "-") for lang in langs):
            rank = 1
        elif any(_base(lang) == base for lang in langs):
            rank = 2
        else:
            continue
        ranked.append((rank, 0 if voice.id == DEFAULT_VOICE else 1, voice.id, voice))
    return [v for *_, v in sorted(ranked, key=lambda r: r[:3])]


def voice_for_language(language: str, engine: VoiceEngine) -> str | None:
    """The voice to read a script in `language` when the person chose none: the default voice
    for English, else the best installed match; None when no installed voice speaks it."""
    if language in ("any", "") or (_base(language) == "en" and language in ("en", "en-us")):
        return DEFAULT_VOICE
    found = voices_for_language(language, engine.voices())
    return found[0].id if found else None
