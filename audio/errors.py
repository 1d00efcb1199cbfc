"""Errors the audio engine raises. Each carries a message meant for the person, not a traceback."""

from __future__ import annotations


def shown(value: object, limit: int = 40) -> str:
    """`value` as a message quotes it (its repr), cut to `limit` characters: a message stays one
    readable line however long the number or text a file held."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class AudioError(Exception):
    """Base class: something the person can act on (a bad name, a missing voice, no device)."""


class ScriptError(AudioError, ValueError):
    """A session name, custom breathing pattern, option or wording file is not usable."""


class ScriptFileError(ScriptError):
    """A session script file (or text) that cannot be used, with where: `path` and `line` (either
    may be None). `str()` reads "leaves.txt, line 7: pause needs a number of seconds, e.g. 'pause 5'"."""

    def __init__(
        self,
        message: str,
        path: str | None = None,
        line: int | None = None,
        source: str | None = None,
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.source = (
            source
            if source is not None
            else (path.replace("\\", "/").rsplit("/", 1)[-1] if path else None)
        )
        where = self.source or "script"
        if line is not None:
            where += f", line {line}"
        super().__init__(f"{where}: {message}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.message, self.path, self.line, self.source))


class VoiceError(AudioError):
    """Speech could not be made: no engine, an unknown voice, or the engine failed."""


class DeviceError(AudioError):
    """No audio output could be opened."""
