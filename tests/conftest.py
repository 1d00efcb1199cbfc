"""Fixtures shared by every test folder.

`data_dir` is a fresh, not yet created data folder in tmp_path. `app` is a factory for the real
app on that folder: `app()` or `app(read_only=True)` or `app(folder=other)`. Textual is imported
only when `app` is used, so model and store tests stay free of it.

Importing `tests.hypothesis_profiles` here registers and loads the hypothesis profile (ci, dev or
fuzz) before any test module is collected, so every folder runs under it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.hypothesis_profiles import PROFILE

if TYPE_CHECKING:
    from homework_tui.app import HomeworkApp


# The tests read English unless they ask for another language: the app and the console scripts
# they start take the language from the locale, and a developer's may not be English.
os.environ["LANGUAGE"] = "en"


@pytest.fixture(autouse=True)
def english_again() -> Iterator[None]:
    """Every test starts, and leaves the process, in English (one that ran `homework-tui
    --language de` in this process or switched languages must not change the next)."""
    from homework_tui.i18n import use_language

    use_language("en")
    yield
    use_language("en")


def pytest_report_header() -> str:
    return f"hypothesis profile: {PROFILE} (tests/hypothesis_profiles.py)"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def app(data_dir: Path) -> Callable[..., HomeworkApp]:
    def make(*, read_only: bool = False, folder: Path | None = None, **kwargs: Any) -> HomeworkApp:
        from homework_tui.app import HomeworkApp

        return HomeworkApp(folder or data_dir, read_only=read_only, **kwargs)

    return make
