"""Where the Relax section keeps things: logged sessions and the last choice in the store, the
person's own breathing patterns in `config_dir()/patterns.toml` (shared with the audio engine).
Call these from thread workers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from homework_tui.model.relaxation import BREATHING_NAMES, PMR_NAMES, RelaxationSession, RelaxChoice
from homework_tui.paths import config_dir
from homework_tui.store.activities import RELAXATION_TABLE
from homework_tui.store.db import Store
from homework_tui.store.repos import Repository, Singleton

CHOICE_TABLE = "relax_choice"


def sessions_repo(store: Store) -> Repository[RelaxationSession]:
    return Repository(store, RELAXATION_TABLE, RelaxationSession)


def choice_doc(store: Store) -> Singleton[RelaxChoice]:
    return Singleton(store, CHOICE_TABLE, RelaxChoice, RelaxChoice)


def patterns_file() -> Path:
    return config_dir() / "patterns.toml"


def custom_patterns() -> tuple[dict[str, Any], str]:
    """The person's saved patterns by lower-case name, and a problem reading them ("" if none)."""
    from audio.breathing import load_custom_patterns
    from audio.errors import AudioError

    try:
        return load_custom_patterns(patterns_file()), ""
    except AudioError as error:
        return {}, str(error)


def save_pattern(name: str, inhale: str, hold_in: str, exhale: str, hold_out: str,
                 replaces: str | None = None) -> Any:
    """Check and save a pattern (raises audio.errors.ScriptError with a message for the person)."""
    from audio.breathing import custom_pattern, save_custom_pattern

    pattern = custom_pattern(name, inhale or "0", exhale or "0", hold_in or "0", hold_out or "0")
    if replaces and replaces.lower() != pattern.name.lower():
        delete_pattern(replaces)
    save_custom_pattern(patterns_file(), pattern)
    return pattern


def delete_pattern(name: str) -> bool:
    """Remove a saved pattern; False when there was none by that name."""
    from audio.breathing import save_custom_pattern

    patterns, _ = custom_patterns()
    if name.lower() not in patterns:
        return False
    del patterns[name.lower()]
    path = patterns_file()
    path.unlink(missing_ok=True)
    for pattern in patterns.values():
        save_custom_pattern(path, pattern)
    if not patterns:
        path.write_text("# Your breathing patterns, in seconds. homework-tui reads and writes this file.\n",
                        encoding="utf-8")
    return True


def session_names(custom: dict[str, Any]) -> list[tuple[str, str]]:
    """(name, description) of every session a person can choose, breathing first."""
    from audio.scripts import DESCRIPTIONS

    names = [(n, DESCRIPTIONS[n]) for n in BREATHING_NAMES]
    names += [(p.name, f"your pattern: {p.describe()}") for p in custom.values()]
    names += [(n, DESCRIPTIONS[n]) for n in PMR_NAMES]
    return names
