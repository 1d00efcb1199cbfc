"""The first `scripts/run` says what it is doing while it sets up, and later starts say nothing.

The first start once printed one line and then nothing for about 37 s while pip worked quietly,
which looks like a hang. `scripts/_venv.sh` now says in plain words that it is setting up and how
long that takes, lets pip's own lines show, and says when it is ready. Run for real on a copy of
the set-up script beside a tiny project with no dependencies (the real one takes about a minute),
so the messages are checked as a person sees them, without the wait.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    sys.version_info < (3, 11) or shutil.which("python3") is None,
    reason="needs python3 3.11+ on PATH, as scripts/run does",
)

TINY_PYPROJECT = """\
[build-system]
requires = ["setuptools>=68"]
build-backend = "setuptools.build_meta"

[project]
name = "tiny-first-run"
version = "0.1.0"
requires-python = ">=3.11"

[project.optional-dependencies]
test = []

[tool.setuptools]
py-modules = ["tiny_first_run"]
"""

# What a start runs: the set-up, then (here) a stand-in for the app.
START = """\
set -euo pipefail
source "$(dirname "$0")/_venv.sh"
ensure_venv "${EXTRAS:-}"
echo "app started"
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "clone"
    (root / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "_venv.sh", root / "scripts" / "_venv.sh")
    (root / "scripts" / "start").write_text(START, encoding="utf-8")
    (root / "pyproject.toml").write_text(TINY_PYPROJECT, encoding="utf-8")
    (root / "tiny_first_run.py").write_text("", encoding="utf-8")
    return root


def start(root: Path, extras: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["EXTRAS"] = extras
    return subprocess.run(
        ["bash", str(root / "scripts" / "start")],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def test_the_first_start_says_what_it_does_and_later_ones_are_quiet(project: Path) -> None:
    first = start(project)
    assert first.returncode == 0, first.stderr
    said = first.stderr
    assert said.startswith("Setting up homework-tui for the first time (about a minute)"), said
    assert "Later starts skip this." in said
    assert "Successfully installed tiny-first-run" in said  # pip's own lines show
    assert said.rstrip().splitlines()[-1].startswith("Ready: set up in ")
    assert first.stdout == "app started\n"  # the set-up writes nothing to the app's stdout

    again = start(project)
    assert again.returncode == 0, again.stderr
    assert again.stderr == ""
    assert again.stdout == "app started\n"

    # The test tools added to an existing set-up: said as such, once.
    tools = start(project, extras="test")
    assert tools.returncode == 0, tools.stderr
    assert tools.stderr.startswith("Adding the test tools to "), tools.stderr
    assert start(project, extras="test").stderr == ""


def test_a_failed_install_says_so_and_starts_nothing(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        TINY_PYPROJECT.replace('version = "0.1.0"', 'version = "not a version"'), encoding="utf-8"
    )
    run = start(project)
    assert run.returncode == 1
    assert "app started" not in run.stdout
    assert "Setting up did not finish (pip's message is above); nothing was started." in run.stderr
    assert "Traceback" not in run.stderr.split("Setting up did not finish")[-1]
    # Nothing is marked installed, so the next start tries again.
    assert not list((project / ".venv").glob(".installed*"))
