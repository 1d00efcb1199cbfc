"""The words a session speaks, from a TOML file the person can edit.

The packaged `audio/data/wording.toml` holds the defaults (English). A person's own file overrides
any part of it: tables merge key by key, lists and strings are replaced whole. A folder may hold one
file per language (`wording.de.toml`); the language follows the chosen voice.
"""

from __future__ import annotations

import math
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from pathlib import Path
from typing import Any

from audio.errors import ScriptError, shown
from audio.plan import seconds
from audio.toml_input import TomlInputError, load_toml

DATA = Path(__file__).resolve().parent / "data"
PACKAGED = DATA / "wording.toml"
FIELDS = frozenset({"pattern", "name", "bpm", "side", "other", "area", "seconds", "phase", "cue"})
MAX_PAUSE = 60


def _read_toml(path: Path, label: str) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ScriptError(f"cannot read wording file {label}: {exc}") from None
    try:
        return load_toml(text)
    except TomlInputError as exc:
        raise ScriptError(f"wording file {label} is not valid TOML: {exc}") from None


def _merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


@lru_cache(maxsize=1024)
def _field_names(text: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


@dataclass(frozen=True)
class Wording:
    """Merged wording with typed getters that explain what is wrong and where."""

    data: Mapping[str, Any]
    sources: tuple[str, ...] = ("built-in wording",)
    notes: tuple[str, ...] = field(default=())
    language: str = "en"  # the voice language it was loaded for ("en-us", "de")
    # False when nothing was written for this language: the English words are underneath, so
    # sessions mark breaths and muscle steps with tones instead of speaking English cue words.
    in_language: bool = True

    def _where(self, path: tuple[str, ...]) -> str:
        return f"{'.'.join(path)} (in {' + '.join(self.sources)})"

    def get(self, *path: str, default: Any = ...) -> Any:
        node: Any = self.data
        for key in path:
            if not isinstance(node, Mapping) or key not in node:
                if default is not ...:
                    return default
                raise ScriptError(f"wording is missing {self._where(path)}")
            node = node[key]
        return node

    def _format(self, path: tuple[str, ...], text: str, fields: Mapping[str, object]) -> str:
        try:
            names = _field_names(text)
        except ValueError as exc:
            raise ScriptError(f"wording {self._where(path)}: {exc} in {text!r}") from None
        unknown = sorted(n for n in names if n not in FIELDS)
        if unknown:
            raise ScriptError(
                f"wording {self._where(path)} uses {{{unknown[0]}}}, which is not one of "
                + ", ".join(f"{{{f}}}" for f in sorted(FIELDS))
            )
        missing = sorted(n for n in names if n not in fields)
        if missing:
            raise ScriptError(f"wording {self._where(path)} cannot use {{{missing[0]}}} here")
        return " ".join(text.format(**fields).split())

    def text(
        self, *path: str, fields: Mapping[str, object] | None = None, default: Any = ...
    ) -> str:
        value = self.get(*path, default=default)
        if not isinstance(value, str) or not value.strip():
            raise ScriptError(f"wording {self._where(path)} should be a line of text")
        return self._format(path, value, fields or {})

    def texts(self, *path: str, fields: Mapping[str, object] | None = None) -> list[str]:
        """A non-empty list of lines (no pauses allowed)."""
        items = self.script(*path, fields=fields)
        lines = [item for item in items if isinstance(item, str)]
        if not lines or len(lines) != len(items):
            raise ScriptError(f"wording {self._where(path)} should be a list of lines of text")
        return lines

    def script(
        self, *path: str, fields: Mapping[str, object] | None = None
    ) -> list[str | Fraction]:
        """A list of lines and pauses (numbers, in seconds)."""
        value = self.get(*path)
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value:
            raise ScriptError(f"wording {self._where(path)} should be a list of lines and pauses")
        out: list[str | Fraction] = []
        for item in value:
            if isinstance(item, bool) or not isinstance(item, (str, int, float)):
                raise ScriptError(
                    f"wording {self._where(path)} has {shown(item)}: use text or a number"
                )
            if isinstance(item, float) and not math.isfinite(item):
                raise ScriptError(
                    f"wording {self._where(path)} has a pause of {item}; use a "
                    f"number of seconds from 0 to {MAX_PAUSE}"
                )
            if isinstance(item, str):
                if item.strip():
                    out.append(self._format(path, item, fields or {}))
                continue
            pause = seconds(item)
            if not 0 <= pause <= MAX_PAUSE:
                raise ScriptError(
                    f"wording {self._where(path)} has a pause of {shown(item)} s; use 0 to "
                    f"{MAX_PAUSE}"
                )
            out.append(pause)
        return out


@lru_cache(maxsize=1)
def _packaged() -> dict[str, Any]:
    """The built-in wording, parsed once (merging never changes it)."""
    return _read_toml(PACKAGED, "built-in wording")


@lru_cache(maxsize=16)
def _packaged_language(base: str) -> dict[str, Any] | None:
    """The built-in wording for a language other than English (`wording.es.toml`), or None."""
    path = DATA / f"wording.{base}.toml"
    if base == "en" or not path.is_file():
        return None
    return _read_toml(path, f"built-in wording ({path.name})")


def packaged_languages() -> tuple[str, ...]:
    """The languages with built-in wording: "en" and every `wording.<lang>.toml` shipped."""
    return ("en", *sorted(p.name.split(".")[1] for p in DATA.glob("wording.*.toml")))


def has_wording(language: str, folder: Path | None = None) -> bool:
    """Whether sessions in `language` ("es", "pt-br") have words of their own: built in, or a
    `wording.<lang>.toml` the person wrote in `folder`."""
    lang = (language or "en").lower()
    base = lang.split("-")[0]
    if base in packaged_languages():
        return True
    return folder is not None and any(
        (Path(folder) / f"wording.{n}.toml").is_file() for n in (lang, base)
    )


@lru_cache(maxsize=1)
def packaged_paths() -> tuple[str, ...]:
    """Dotted paths of every line or list of lines in the built-in wording (what a script's
    `wording PATH` step may name), e.g. "pmr.intro", "breathing.box.intro"."""
    found: list[str] = []

    def walk(node: Mapping[str, Any], prefix: str) -> None:
        for key, value in node.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            if isinstance(value, Mapping):
                walk(value, path)
            elif isinstance(value, (str, list)):
                found.append(path)

    walk(
        {key: value for key, value in _packaged().items() if key != "numbers"}, ""
    )  # not spoken alone
    return tuple(found)


def default_wording_text() -> str:
    """The packaged wording file, for a person to copy and edit."""
    return PACKAGED.read_text(encoding="utf-8")


def load_wording(
    language: str = "en",
    *,
    file: Path | None = None,
    folder: Path | None = None,
) -> Wording:
    """Defaults (English, then the built-in wording of the language if there is one), then the
    person's wording: `file` if given (it must exist), else from `folder` the first of
    `wording.<lang>.toml`, `wording.<base lang>.toml`, `wording.toml` (English only) that exists.
    `language` is a voice language such as "en-gb" or "de"."""
    data = _packaged()
    sources = ["built-in wording"]
    notes: list[str] = []
    lang = (language or "en").lower()
    base = lang.split("-")[0]
    own = _packaged_language(base)
    if own is not None:
        data = _merge(data, own)
        sources = [f"built-in wording.{base}.toml"]
    chosen: Path | None = None
    if file is not None:
        if not Path(file).is_file():
            raise ScriptError(f"wording file {file} does not exist")
        chosen = Path(file)
    elif folder is not None:
        names = [f"wording.{lang}.toml", f"wording.{base}.toml"]
        if base == "en":
            names.append("wording.toml")
        chosen = next((Path(folder) / n for n in names if (Path(folder) / n).is_file()), None)
    if chosen is not None:
        user = _read_toml(chosen, str(chosen))
        data = _merge(data, user)
        sources.append(str(chosen))
    elif base != "en" and own is None:
        notes.append(
            f"no wording for language '{base}' yet: tones mark each breath and muscle step, and "
            f"the other lines are the English wording; add wording.{base}.toml to your config "
            "folder to change that"
        )
    in_language = base == "en" or own is not None or chosen is not None
    return Wording(data, tuple(sources), tuple(notes), lang, in_language)
