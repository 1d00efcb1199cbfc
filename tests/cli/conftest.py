from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cli(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run `homework-tui` in a subprocess on a private data folder, as a person would."""
    data = tmp_path / "data"

    def run(
        *args: str, data_dir: Path | None = data, stdin: str = ""
    ) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("HOMEWORK_TUI_")}
        env["HOMEWORK_TUI_CACHE_DIR"] = str(tmp_path / "cache")
        prefix = ["--data-dir", str(data_dir)] if data_dir else []
        return subprocess.run(
            [sys.executable, "-m", "homework_tui", *prefix, *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            timeout=60,
            input=stdin,
        )

    run.data = data  # type: ignore[attr-defined]
    return run
