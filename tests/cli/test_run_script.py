"""`scripts/run` hands its arguments to the app, never to the set-up (issue 13, point 16): bash's
`source` passes the caller's "$@" to the sourced `_venv.sh`, which once read `--version` or
`doctor` as the name of an extra to install. Run against this checkout's existing .venv."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from homework_tui import __version__

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".venv"

pytestmark = pytest.mark.skipif(
    not (VENV / "bin" / "python").exists(),
    reason="needs the project's .venv (made by scripts/test)",
)


def _stamps() -> dict[str, float]:
    return {p.name: p.stat().st_mtime for p in VENV.glob(".installed*")}


def _run_script(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOMEWORK_TUI_")}
    env["HOMEWORK_TUI_DATA_DIR"] = str(data)
    env["HOMEWORK_TUI_CACHE_DIR"] = str(data.parent / "cache")
    return subprocess.run(
        ["bash", str(ROOT / "scripts" / "run"), *args],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize("args", [("--version",), ("doctor",), ("plan", "show")])
def test_run_passes_its_arguments_to_the_app(tmp_path: Path, args: tuple[str, ...]) -> None:
    before = _stamps()
    run = _run_script(*args, data=tmp_path / "data")
    assert "Traceback" not in run.stderr and "pip" not in run.stderr, run.stderr
    assert run.returncode == 0, run.stderr
    if args == ("--version",):
        assert run.stdout.strip() == f"homework-tui {__version__}"
    elif args == ("doctor",):
        assert "Data:" in run.stdout
    else:
        assert "Your plan is empty" in run.stdout
    # The set-up read no argument as an extra: no new install stamp, none re-made.
    after = _stamps()
    assert not [name for name in after if name not in before], after
    assert all(after[name] == stamp for name, stamp in before.items() if name in after)
