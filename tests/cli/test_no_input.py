"""Encrypted data and no passphrase to read (stdin at /dev/null, or closed): every command that
would ask ends in one plain line, never a traceback, and exits non-zero (`today` and `doctor`
exit 0 by design: a shell's start-up and a health check are never disturbed)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from homework_tui.store import Store

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "hunter2hunter2"

# (arguments, exit code expected); "{backup}" is replaced by a backup file's path.
COMMANDS: list[tuple[tuple[str, ...], int]] = [
    (("export",), 1),
    (("export", "--format", "json"), 1),
    (("export", "--format", "markdown"), 1),
    (("export", "--format", "csv", "--out", "{tmp}/csv"), 1),
    (("import", "{backup}"), 1),
    (("plan",), 1),
    (("plan", "show"), 1),
    (("plan", "import", str(ROOT / "examples" / "plan.toml")), 1),
    (("encrypt",), 1),
    (("decrypt",), 1),
    (("today",), 0),
    (("doctor",), 0),
]


@pytest.fixture(scope="module")
def encrypted_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("encrypted") / "data"
    with Store.open(folder) as store:
        store.set_passphrase(PASSPHRASE)
    return folder


def _contents(folder: Path) -> dict[str, bytes]:
    """The data files (the lock file names whichever process last held it)."""
    return {
        p.name: p.read_bytes()
        for p in folder.iterdir()
        if p.is_file() and not p.name.endswith(".lock")
    }


def _run(args: list[str], tmp: Path, stdin: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOMEWORK_TUI_")}
    env["HOMEWORK_TUI_CACHE_DIR"] = str(tmp / "cache")
    command = [sys.executable, "-m", "homework_tui", *args]
    if stdin == "closed":  # fd 0 not open at all: Python's sys.stdin is None
        command = ["sh", "-c", 'exec "$@" <&-', "sh", *command]
    return subprocess.run(
        command,
        check=False,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )


@pytest.mark.parametrize("stdin", ["devnull", "closed"])
@pytest.mark.parametrize(
    ("args", "code"), COMMANDS, ids=lambda c: " ".join(c) if isinstance(c, tuple) else str(c)
)
def test_encrypted_data_and_no_input_is_one_line(
    tmp_path: Path, encrypted_template: Path, args: tuple[str, ...], code: int, stdin: str
) -> None:
    data = tmp_path / "data"
    shutil.copytree(encrypted_template, data)
    before = _contents(data)
    backup = tmp_path / "backup.json"
    backup.write_text('{"format": "homework-tui backup", "schema_version": 1, "tables": {}}')
    argv = [a.replace("{backup}", str(backup)).replace("{tmp}", str(tmp_path)) for a in args]

    run = _run(["--data-dir", str(data), *argv], tmp_path, stdin)

    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode == code, (run.returncode, run.stdout, run.stderr)
    said = (run.stdout + run.stderr).strip().splitlines()
    if code:
        assert len(run.stderr.strip().splitlines()) == 1, run.stderr
        assert run.stderr.startswith("homework-tui: ") and "passphrase" in run.stderr, run.stderr
    else:
        assert any("passphrase" in line or "encrypted" in line for line in said), said
    assert _contents(data) == before, "nothing may change"
