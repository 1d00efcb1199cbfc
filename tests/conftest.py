"""Fixtures shared by every test folder.

`data_dir` is a fresh, not yet created data folder in tmp_path. `app` is a factory for the real
app on that folder: `app()` or `app(read_only=True)` or `app(folder=other)`. Textual is imported
only when `app` is used, so model and store tests stay free of it.

Importing `tests.hypothesis_profiles` here registers and loads the hypothesis profile (ci, dev or
fuzz) before any test module is collected, so every folder runs under it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.hypothesis_profiles import PROFILE

if TYPE_CHECKING:
    from homework_tui.app import HomeworkApp


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
