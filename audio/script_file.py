"""Session scripts as files: the built-in ones and the person's own, listed and loaded.

Built-in scripts live in `audio/data/sessions/*.txt`; a person's in `<config>/sessions/*.txt`
(a file with a built-in's name replaces it). The format is in `audio/data/sessions/FORMAT.md`.

    scripts, problems = list_scripts(config_dir)   # never raises for a bad file
    script = load_script(path)                      # ScriptFileError with the line
    script = parse_script(text, "leaves.txt")
    text = script.to_text(); plan = script_plan(script, minutes=6)  # audio.script_plan
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from audio.errors import ScriptError, ScriptFileError
from audio.pmr_sessions import KEYS as PMR_KEYS
from audio.script_model import (
    ANY_LANGUAGE,
    BreatheStep,
    PauseStep,
    ReleaseStep,
    RestStep,
    SayStep,
    Script,
    ScriptPart,
    ScriptStep,
    TenseStep,
    ToneStep,
    WordingStep,
)
from audio.script_parse import BUILTIN_DIR, MAX_CHARS, SUFFIX, parse_script

SESSIONS_FOLDER = "sessions"  # inside the config folder
ORDER = (
    "box",
    "478",
    "resonance",
    "sigh",
    *PMR_KEYS,
    "body-scan",
    "body-scan-20",
    "grounding",
    "mindful-breathing",
    "leaves",
)  # the built-ins, listed so

__all__ = [
    "BUILTIN_DIR",
    "BreatheStep",
    "PauseStep",
    "ReleaseStep",
    "RestStep",
    "SayStep",
    "Script",
    "ScriptError",
    "ScriptFileError",
    "ScriptInfo",
    "ScriptPart",
    "ScriptStep",
    "TenseStep",
    "ToneStep",
    "WordingStep",
    "builtin_names",
    "find_script",
    "list_scripts",
    "load_script",
    "parse_script",
    "script_name",
]


@dataclass(frozen=True)
class ScriptInfo:
    """One script in the session list."""

    name: str  # what build_session() and `homework-tui render` accept: the file's stem, lower-case
    title: str
    kind: str  # "breathing" | "relaxation" | "mindfulness"
    language: str  # "en", "es", …, or "any" (words from the wording file, in the voice's language)
    minutes: float | None  # the default length (None: as long as it is written)
    description: str
    path: Path | None  # None for a built-in
    builtin: bool
    overrides_builtin: bool  # the person's file has a built-in's name and replaces it
    # The minutes it can be fitted to (to the half minute, estimated from its words), for a script
    # with stretchy pauses; None for the others.
    shortest_minutes: float | None = None
    longest_minutes: float | None = None


def script_name(path: Path) -> str:
    """The name a script file is chosen by: its stem, lower-case, spaces tidied."""
    return " ".join(path.stem.lower().split())


def load_script(path: Path | str) -> Script:
    """Read and parse a script file. ScriptFileError (file, line, what to do) if it is unusable."""
    path = Path(path)
    shown = path.name
    try:
        size = path.stat().st_size
        if size > MAX_CHARS * 4:
            raise ScriptFileError(
                f"the file is {size // 1000} KB; a script can be at most {MAX_CHARS // 1000} KB",
                str(path),
                None,
                shown,
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise ScriptFileError("there is no such file", str(path), None, shown) from None
    except IsADirectoryError:
        raise ScriptFileError(
            "this is a folder, not a script file", str(path), None, shown
        ) from None
    except OSError as exc:
        raise ScriptFileError(
            f"cannot read it ({exc.strerror or exc})", str(path), None, shown
        ) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ScriptFileError(
            f"this is not UTF-8 text (byte 0x{data[exc.start]:02x}); save the "
            "file as UTF-8 in your editor",
            str(path),
            line,
            shown,
        ) from None
    return parse_script(text, shown, path=str(path))


# --- listing, with a cache by (path, mtime, size) so the list is cheap to ask for again ----------
_cache: dict[Path, tuple[tuple[int, int], Script | ScriptFileError]] = {}
_cache_lock = threading.Lock()


def _load_cached(path: Path) -> Script | ScriptFileError:
    try:
        stat = path.stat()
        key = (stat.st_mtime_ns, stat.st_size)
    except OSError as exc:
        return ScriptFileError(
            f"cannot read it ({exc.strerror or exc})", str(path), None, path.name
        )
    with _cache_lock:
        hit = _cache.get(path)
        if hit is not None and hit[0] == key:
            return hit[1]
    try:
        result: Script | ScriptFileError = _length_checked(load_script(path), path)
    except ScriptFileError as exc:
        result = exc
    except ScriptError as exc:  # e.g. a breathing pattern check
        result = ScriptFileError(str(exc), str(path), None, path.name)
    with _cache_lock:
        _cache[path] = (key, result)
    return result


def _length_checked(script: Script, path: Path) -> Script:
    """The script, or a ScriptFileError on its `minutes:` line when it cannot be laid out at its
    own length (it would otherwise only fail when started)."""
    if script.minutes is None:
        return script
    from audio.script_plan import script_plan

    try:
        script_plan(script, name=script_name(path))
    except ScriptFileError:
        raise
    except ScriptError as exc:
        line = next(
            (
                n
                for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if text.strip().lower().startswith("minutes")
            ),
            None,
        )
        raise ScriptFileError(
            f"{exc} (change 'minutes', or the stretchy pauses)", str(path), line
        ) from None
    return script


def _files(folder: Path) -> list[Path]:
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return []
    return [
        p
        for p in entries
        if p.suffix.lower() == SUFFIX and not p.name.startswith(".") and p.is_file()
    ]


def builtin_names() -> list[str]:
    return [script_name(p) for p in _files(BUILTIN_DIR)]


@lru_cache(maxsize=256)
def _title_and_range(script: Script) -> tuple[str, tuple[float, float] | None]:
    from audio.script_compiler import script_title
    from audio.script_plan import minutes_range

    try:
        title = script_title(script)
    except ScriptError:
        title = script.title
    return title, minutes_range(script)


def _info(name: str, script: Script, path: Path | None, overrides: bool) -> ScriptInfo:
    title, fits = _title_and_range(script)
    return ScriptInfo(
        name,
        title,
        script.kind,
        script.language,
        None if script.minutes is None else float(script.minutes),
        script.description,
        path,
        path is None,
        overrides,
        *(fits if fits is not None else (None, None)),
    )


def user_folder(config_dir: str | os.PathLike[str] | None) -> Path | None:
    return Path(config_dir) / SESSIONS_FOLDER if config_dir else None


def list_scripts(config_dir: Path | str | None) -> tuple[list[ScriptInfo], list[ScriptFileError]]:
    """Built-in scripts, then the person's (from `config_dir/sessions/*.txt`; one with a
    built-in's name takes its place in the list). Files that cannot be used are in the second
    list, each with its line; nothing here raises for a bad file."""
    found: dict[str, ScriptInfo] = {}
    problems: list[ScriptFileError] = []
    rank = {name: i for i, name in enumerate(ORDER)}
    for path in sorted(
        _files(BUILTIN_DIR), key=lambda p: (rank.get(script_name(p), len(rank)), p.name)
    ):
        result = _load_cached(path)
        if isinstance(result, ScriptFileError):
            problems.append(result)
        else:
            found[script_name(path)] = _info(script_name(path), result, None, False)
    builtin = set(found)
    folder = user_folder(config_dir)
    for path in _files(folder) if folder is not None else []:
        result = _load_cached(path)
        if isinstance(result, ScriptFileError):
            problems.append(result)
            continue
        name = script_name(path)
        found[name] = _info(name, result, path, name in builtin)
    return list(found.values()), problems


def find_script(
    name_or_path: str | os.PathLike[str], config_dir: str | os.PathLike[str] | None = None
) -> tuple[str, Script] | None:
    """(name, script) for a script name (the person's first, then built-in) or a path to a
    script file; None when it names neither (e.g. a custom breathing pattern). A file that is
    named but unusable raises its ScriptFileError."""
    text = os.fspath(name_or_path)
    as_path = Path(text).expanduser()
    looks_like_path = os.sep in text or "/" in text or text.lower().endswith(SUFFIX)
    if looks_like_path:
        if as_path.is_file() or as_path.suffix.lower() == SUFFIX or as_path.exists():
            return script_name(as_path), load_script(as_path)
    name = " ".join(text.lower().split())
    folder = user_folder(config_dir)
    candidates = ([folder / f"{name}{SUFFIX}"] if folder is not None else []) + [
        BUILTIN_DIR / f"{name}{SUFFIX}"
    ]
    if folder is not None and not candidates[0].is_file():
        # a file named with other capitals ("Leaves.txt") answers to "leaves" too
        for path in _files(folder):
            if script_name(path) == name:
                candidates[0] = path
                break
    for path in candidates:
        if path.is_file():
            result = _load_cached(path)
            if isinstance(result, ScriptFileError):
                raise result
            return name, result
    return None


def is_any_language(script: Script) -> bool:
    return script.language == ANY_LANGUAGE
