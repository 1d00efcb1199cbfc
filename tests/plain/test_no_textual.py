"""TERM=dumb starts the plain mode without importing Textual at all (it could only draw escape
sequences there)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.plain.driver import plain_env

PROGRAM = """
import sys
from homework_tui.cli import main
code = main([])
print("textual imported:", any(name.split(".")[0] == "textual" for name in sys.modules))
sys.exit(code)
"""


def test_term_dumb_never_imports_textual(root: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM],
        input="help\nquit\n",
        capture_output=True,
        text=True,
        env=plain_env(root, TERM="dumb"),
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Main menu" in done.stdout
    assert "Type “help” at any question for help" in done.stdout
    assert "textual imported: False" in done.stdout
    assert "\x1b" not in done.stdout + done.stderr
