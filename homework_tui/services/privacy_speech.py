"""Speech while the data is encrypted: the person's own words never reach the disk cache.

The speech cache (`paths.cache_dir()`) keeps one WAV per spoken line, named by a hash of the
line. The built-in wording is the same for everyone, so caching it tells nothing. A line with the
person's own words (a saved breathing pattern's name, their wording file, their session script)
would put those words on disk twice over: as a hash that can be guessed against, and as audio
that can be transcribed.

`PrivateVoiceEngine` is the speech engine the Relax screens use while the data is encrypted
(`RelaxAudio.cache_personal` is False then; the auto-lock sets it). `PrivateSpeech`, owned by the
App's `RelaxAudio`, makes it on first use and closes it when the App ends. A line found word for
word in homework-tui's packaged wording or session scripts goes to the disk cache as usual; every
other line, and the engine's raw output for every line, go to a private folder in memory
(/dev/shm when there is one, else the system's temporary folder), removed when the app closes.
The audio engine is used as it is: this only chooses where each line's file lives.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

RAM_FOLDERS = (Path("/dev/shm"),)
RAM_FREE_BYTES = 256 * 1024 * 1024  # use a RAM folder only with this much room


def _strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [text for value in node.values() for text in _strings(value)]
    if isinstance(node, list):
        return [text for value in node for text in _strings(value)]
    return []


def _script_lines(text: str) -> list[str]:
    """The `say` lines of a packaged session script (continuation lines are indented)."""
    lines: list[str] = []
    current: list[str] | None = None
    for raw in text.splitlines():
        if current is not None and raw[:1].isspace() and raw.strip():
            current.append(raw.strip())
            continue
        if current is not None:
            lines.append(" ".join(current))
            current = None
        if raw.startswith("say "):
            current = [raw[4:].strip()]
    if current is not None:
        lines.append(" ".join(current))
    return lines


@lru_cache(maxsize=1)
def builtin_lines() -> frozenset[str]:
    """Every line homework-tui itself ships, word for word (no filled-in fields)."""
    import audio

    return lines_in(Path(audio.__file__).resolve().parent / "data")


def lines_in(folder: Path) -> frozenset[str]:
    """Every spoken line in the wording (.toml) and script (.txt) files under `folder`; a file
    that cannot be read is passed over."""
    from audio.toml_input import TomlInputError, load_toml

    found: set[str] = set()
    for path in sorted(folder.rglob("*")):
        try:
            if path.suffix == ".toml":
                found.update(_strings(load_toml(path.read_text(encoding="utf-8"))))
            elif path.suffix == ".txt":
                found.update(_script_lines(path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, TomlInputError):
            continue
    return frozenset(text for text in found if "{" not in text)


def ram_folder() -> Path:
    """A private (0700) folder in memory when the system has one, removed at exit."""
    base: str | None = None
    for candidate in RAM_FOLDERS:
        try:
            if shutil.disk_usage(candidate).free >= RAM_FREE_BYTES and os.access(
                candidate, os.W_OK
            ):
                base = str(candidate)
                break
        except OSError:
            continue
    folder = Path(tempfile.mkdtemp(prefix="homework-tui-speech-", dir=base))
    atexit.register(shutil.rmtree, folder, True)
    return folder


class PrivateSpeech:
    """The one `PrivateVoiceEngine` of a `RelaxAudio` (made on first use, closed with it)."""

    def __init__(self) -> None:
        self._engine: Any = None
        self._lock = threading.Lock()

    def engine(self, disk_cache: Path) -> Any:
        """The private engine, made on first use with `disk_cache` for the built-in wording."""
        with self._lock:
            if self._engine is None:
                self._engine = _make_engine(disk_cache)
            return self._engine

    @property
    def made(self) -> Any:
        """The engine if one was made (None before first use and after `close`)."""
        with self._lock:
            return self._engine

    def close(self) -> None:
        """Close the private engine and its worker, if one was made (the next use makes
        another)."""
        with self._lock:
            engine, self._engine = self._engine, None
        if engine is not None:
            engine.close()


def _make_engine(disk_cache: Path) -> Any:
    from audio.voice import VoiceEngine, VoiceSettings

    class PrivateVoiceEngine(VoiceEngine):
        """A voice engine whose disk cache takes only homework-tui's own wording."""

        def __init__(self, disk_cache: Path) -> None:
            super().__init__(ram_folder())  # raw output and the person's own lines: memory
            self.disk_cache = disk_cache
            atexit.register(self.close)

        def cached_path(self, text: str, settings: VoiceSettings) -> Path:
            if text in builtin_lines():
                key = settings.cache_key(text)
                return self.disk_cache / key[:2] / f"{key}.wav"
            return super().cached_path(text, settings)

    return PrivateVoiceEngine(disk_cache)
