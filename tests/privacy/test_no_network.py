"""Nothing leaves the machine: the app and every CLI command run with a guard that refuses and
records any internet socket or name lookup."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from homework_tui.cli import build_parser

GUARD = Path(__file__).with_name("netguard.py")
ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "examples" / "plan.toml"


def _guarded(
    tmp_path: Path, *args: str, stdin: str = "", stderr: list[str] | None = None
) -> tuple[int, str]:
    report = tmp_path / "network.txt"
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "HOMEWORK_TUI_CACHE_DIR": str(tmp_path / "c"),
        "HOMEWORK_TUI_CONFIG_DIR": str(tmp_path / "cfg"),
    }
    run = subprocess.run(
        [sys.executable, str(GUARD), str(report), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        input=stdin,
    )
    if stderr is not None:
        stderr.append(run.stderr[-3000:])
    return run.returncode, report.read_text() if report.exists() else ""


def _commands() -> list[list[str]]:
    """One representative call of every subcommand the parser knows."""
    calls = {
        "doctor": ["doctor"],
        "export": ["export", "--out", "{tmp}/backup.json"],
        "import": ["import", "{tmp}/backup.json"],
        "encrypt": ["encrypt"],
        "decrypt": ["decrypt"],
        "plan": ["plan", "import", str(PLAN)],
        "today": ["today"],
        "render": ["render", "box", "--minutes", "2", "--out", "{tmp}/box.wav"],
        "voices": ["voices"],
    }
    parser = build_parser()
    known = next(a for a in parser._actions if a.dest == "command").choices  # type: ignore
    missing = set(known) - set(calls)
    return [calls[name] for name in known if name in calls] + [[name, "--help"] for name in missing]


@pytest.mark.timeout(600)
def test_no_cli_command_opens_a_network_socket(tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    for call in _commands():
        argv = [a.replace("{tmp}", str(tmp_path)) for a in call]
        stdin = "a passphrase\na passphrase\n" if argv[0] in ("encrypt", "decrypt") else ""
        if argv[0] in ("import",):
            _guarded(tmp_path, "cli", "--data-dir", data, "export", "--out", argv[1])
        if argv[0] == "decrypt":
            stdin = "a passphrase\n"
        code, used = _guarded(tmp_path, "cli", "--data-dir", data, *argv, stdin=stdin)
        assert used == "", f"`homework-tui {' '.join(argv)}` used the network: {used}"
        assert code in (0, 1), f"`homework-tui {' '.join(argv)}` exited {code}"


@pytest.mark.timeout(300)
def test_the_app_opens_no_network_socket(tmp_path: Path) -> None:
    errors: list[str] = []
    code, used = _guarded(tmp_path, "app", str(tmp_path / "data"), stderr=errors)
    assert used == ""
    assert code == 0, errors[0]


def test_the_guard_itself_catches_a_connection(tmp_path: Path) -> None:
    code, used = _guarded(tmp_path, "selftest")
    assert code == 0 and "socket" in used
