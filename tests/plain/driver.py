"""Drives the real `homework-tui` console script in plain mode through a pty, as a screen reader's
terminal would: every byte it writes is kept, to check for escape bytes and long lines."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect

SCRIPT = Path(sys.executable).with_name("homework-tui")
TIMEOUT = 20

HOSTILE = {
    "markup": "[bold]x[/] [red]not red[/red]",
    "emoji": "pair programming 👩‍💻 and 👨‍👩‍👧",
    "hebrew": "שלום, היום היה קשה",
    "arabic": "مرحبا، كان اليوم صعبا",
}
# Typed with an escape sequence in it; the model's clean_text keeps "red then plain".
ESCAPED_TYPED = "\x1b[31mred\x1b[0m then plain"
ESCAPED_KEPT = "red then plain"


def plain_env(root: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOMEWORK_TUI_")}
    env.update(
        HOMEWORK_TUI_DATA_DIR=str(root / "data"),
        HOMEWORK_TUI_CONFIG_DIR=str(root / "config"),
        HOMEWORK_TUI_CACHE_DIR=str(root / "cache"),
        LANG="C.UTF-8",
        TERM="xterm-256color",
    )
    env.update(extra)
    return env


class Plain:
    """One run of `homework-tui --plain` (or of `args`) in an 80-column pty."""

    def __init__(self, root: Path, *args: str, echo: bool = False, **env: str) -> None:
        self.output = bytearray()
        self.child = pexpect.spawn(
            str(SCRIPT),
            list(args or ("--plain",)),
            env=plain_env(root, **env),
            dimensions=(24, 80),
            timeout=TIMEOUT,
            echo=echo,  # off: only what homework-tui itself writes is read
        )
        self.child.logfile_read = self  # type: ignore[assignment]

    # pexpect's logfile protocol: every byte the program wrote
    def write(self, data: bytes) -> None:
        self.output += data

    def flush(self) -> None:
        pass

    def expect(self, text: str, timeout: float = TIMEOUT) -> None:
        """Wait until `text` (literal) has been written."""
        self.child.expect_exact(text.encode(), timeout=timeout)

    def line(self, text: str = "") -> None:
        self.child.sendline(text.encode())

    def answer(self, prompt: str, text: str = "") -> None:
        self.expect(prompt)
        self.line(text)

    def finish(self) -> int:
        self.child.expect(pexpect.EOF)
        self.child.close()
        return int(self.child.exitstatus or 0)

    def text(self) -> str:
        return self.output.decode("utf-8", "replace")
