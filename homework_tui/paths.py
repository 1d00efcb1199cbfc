"""Where homework-tui keeps things: one module, so every part agrees.

Data (the person's notes) defaults to the platform's user data folder; `--data-dir` or
`HOMEWORK_TUI_DATA_DIR` moves it. Config and cache follow the same pattern.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "homework-tui"
DATA_ENV = "HOMEWORK_TUI_DATA_DIR"
CONFIG_ENV = "HOMEWORK_TUI_CONFIG_DIR"
CACHE_ENV = "HOMEWORK_TUI_CACHE_DIR"


def _platform_dir(kind: str) -> Path:
    import platformdirs

    getter = {
        "data": platformdirs.user_data_dir,
        "config": platformdirs.user_config_dir,
        "cache": platformdirs.user_cache_dir,
    }[kind]
    return Path(getter(APP_NAME, appauthor=False))


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder holding the database, its journal, backups and drafts."""
    chosen = override or os.environ.get(DATA_ENV)
    return Path(chosen).expanduser().resolve() if chosen else _platform_dir("data")


def config_dir() -> Path:
    """The folder for files a person edits by hand (wording, session scripts)."""
    chosen = os.environ.get(CONFIG_ENV)
    return Path(chosen).expanduser() if chosen else _platform_dir("config")


def cache_dir() -> Path:
    """The folder for things that can be rebuilt (synthesised speech)."""
    chosen = os.environ.get(CACHE_ENV)
    return Path(chosen).expanduser() if chosen else _platform_dir("cache")


def database_file(folder: Path) -> Path:
    return folder / "homework.json"
