"""Where the Relax section keeps things: logged sessions, the last choice and the stage-suggestion
switch in the store; the person's own breathing patterns in `config_dir()/patterns.toml` (shared
with the audio engine); `relax_state` reads everything the Relax screen shows, with the session
list (`relax_catalog`). Call these from thread workers."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from homework_tui.model.progression import (
    Progress,
    ProgressionPrefs,
    Suggestion,
    pmr_records,
    progress,
    suggest,
)
from homework_tui.model.relaxation import RelaxationSession, RelaxChoice
from homework_tui.model.settings import Settings
from homework_tui.paths import config_dir
from homework_tui.services.relax_catalog import Catalog, catalog
from homework_tui.store.activities import RELAXATION_TABLE
from homework_tui.store.db import Store
from homework_tui.store.repos import Repository, Singleton

if TYPE_CHECKING:
    from homework_tui.services.relax_player import RelaxAudio

CHOICE_TABLE = "relax_choice"
PROGRESSION_TABLE = "relax_progression"


def sessions_repo(store: Store) -> Repository[RelaxationSession]:
    return Repository(store, RELAXATION_TABLE, RelaxationSession)


def choice_doc(store: Store) -> Singleton[RelaxChoice]:
    return Singleton(store, CHOICE_TABLE, RelaxChoice, RelaxChoice)


def progression_doc(store: Store) -> Singleton[ProgressionPrefs]:
    """Whether the person wants stage suggestions (its own document, apart from Settings)."""
    return Singleton(store, PROGRESSION_TABLE, ProgressionPrefs, ProgressionPrefs)


def stage_progress(
    sessions: list[RelaxationSession], prefs: ProgressionPrefs
) -> tuple[Progress | None, Suggestion | None]:
    """Where the person is in muscle relaxation, and the next stage when it is time (and wanted)."""
    records = pmr_records(sessions)
    return progress(records), suggest(records, enabled=prefs.suggest)


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


def save_pattern(
    name: str, inhale: str, hold_in: str, exhale: str, hold_out: str, replaces: str | None = None
) -> Any:
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
        path.write_text(
            "# Your breathing patterns, in seconds. homework-tui reads and writes this file.\n",  # i18n: not shown
            encoding="utf-8",
        )
    return True


@dataclass
class RelaxState:
    """Everything the Relax screen shows, read in one go from a thread worker."""

    choice: RelaxChoice
    custom: dict[str, Any]
    problem: str  # the person's patterns file could not be read ("" when fine)
    catalog: Catalog
    last: list[RelaxationSession]
    prefs: ProgressionPrefs
    progress: Progress | None
    suggestion: Suggestion | None
    voices: list[Any] = field(default_factory=list)


def fitted(listed: Catalog, settings: Settings, relax: RelaxAudio) -> Catalog:
    """The list with each session's lengths as the person's speech settings allow them (the
    list's own are estimated at the usual speech rate, in English)."""
    entries = [
        replace(e, fits=relax.lengths_that_fit(e.name, e.minutes, settings))
        if e.fits is not None and e.minutes is not None
        else e
        for e in listed.entries
    ]
    return Catalog(entries, listed.problems)


def relax_state(
    store: Store, settings: Settings, relax: RelaxAudio, voices: list[Any] | None = None
) -> RelaxState:
    """`voices`: the installed voices when already known (else they are asked for, unless
    `relax` says there is no speech)."""
    custom, problem = custom_patterns()
    sessions = sessions_repo(store).all()
    prefs = progression_doc(store).load()
    found, suggestion = stage_progress(sessions, prefs)
    voices = voices or relax.installed_voices()
    listed = fitted(catalog(custom, voices), settings, relax)
    return RelaxState(
        choice_doc(store).load(),
        custom,
        problem,
        listed,
        sessions[:1],
        prefs,
        found,
        suggestion,
        voices,
    )
