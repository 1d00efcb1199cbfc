"""`homework-tui today` on a terminal: bold and dim as before, but none with --plain or TERM=dumb."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.plain.driver import Plain


@pytest.mark.parametrize(
    ("args", "env", "escapes"),
    [
        (("today",), {}, True),
        (("--plain", "today"), {}, False),
        (("today",), {"TERM": "dumb"}, False),
    ],
)
def test_today_is_plain_when_asked(
    root: Path, args: tuple[str, ...], env: dict[str, str], escapes: bool
) -> None:
    plain = Plain(root, *args, **env)
    assert plain.finish() == 0
    assert "Today, " in plain.text()
    assert (b"\x1b" in plain.output) is escapes
