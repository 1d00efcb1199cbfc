"""`homework-tui relax NAME`: a name `homework-tui sessions` does not list, or a length the session
cannot be fitted to, is one clear line and exit status 2, before the app opens (starting a listed
session is tested in a real terminal: tests/e2e/test_breathe.py)."""

from __future__ import annotations

from collections.abc import Callable
from subprocess import CompletedProcess

import pytest

Cli = Callable[..., CompletedProcess[str]]


def one_line(result: CompletedProcess[str]) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_an_unknown_name_says_how_to_see_the_names(cli: Cli) -> None:
    result = cli("relax", "body-scna")
    assert result.returncode == 2
    line = one_line(result)
    assert "body-scna" in line and "`homework-tui sessions` lists the names" in line


def test_every_name_sessions_lists_is_known_to_relax(cli: Cli) -> None:
    """Each listed name gets past the name check: asked for 0.1 minutes, each is refused for its
    length (a ValidationError or the session's own lengths), never as an unknown name."""
    listed = cli("sessions")
    names = [
        line.split()[0]
        for line in listed.stdout.splitlines()
        if line.startswith("  ") and line.split()
    ]
    assert {"body-scan", "pmr16", "box", "grounding"} <= set(names)
    for name in names:
        result = cli("relax", name, "--minutes", "0.1")
        assert result.returncode == 2, (name, result.stderr)
        assert "no session called" not in one_line(result), name


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("relax", "pmr16", "--minutes", "3"), "pmr16 takes at least about"),
        (("relax", "body-scan", "--protocol", "pmr7"), "choose one session"),
        # Too short for the words and the fewest breaths: refused, not played longer than asked.
        (("breathe", "--minutes", "1"), "Box breathing needs at least 2 minutes"),
        (("breathe", "--pattern", "sigh", "--minutes", "1"), "Cyclic sigh needs at least 1.5"),
        (("relax", "cue", "--minutes", "2"), "Cue-controlled relaxation needs at least 3 minutes"),
    ],
)
def test_a_session_that_cannot_start_is_one_line(
    cli: Cli, args: tuple[str, ...], words: str
) -> None:
    result = cli(*args)
    assert result.returncode == 2
    assert words in one_line(result)
