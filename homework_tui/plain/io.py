"""LineIO: lines in, lines out. Input is kept as typed (only the line ending is removed; the model
cleans it). Output is cleaned to plain text (no escape sequence, no control character), wrapped
at 80 characters, and flushed at once so a prompt is there before its answer is read."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from typing import TextIO

from homework_tui.i18n import _, pgettext
from homework_tui.model.base import clean_text

WIDTH = 80

QUIT, HELP, HELP_NOW = "quit", "help", "help now"  # i18n: not shown


def quit_word() -> str:
    # Translators: the word a person types at any question to go back one step (one word).
    return pgettext("typed word", "quit")


def help_word() -> str:
    # Translators: the word a person types at any question for help (one word).
    return pgettext("typed word", "help")


def help_now_words() -> str:
    # Translators: the words a person types at any question for the safety plan and crisis lines.
    return pgettext("typed word", "help now")


def is_yes(answer: str) -> bool:
    """Whether `answer` means yes: the English “yes” or “y”, or one of the language's own."""
    # Translators: every answer that means "yes", separated by spaces: the word and its first
    # letter, with and without accents (Spanish: "sí si s"). English "yes" and "y" work as well.
    words = {"yes", "y", *_("yes y").casefold().split()}  # i18n: not shown
    return " ".join(answer.split()).casefold().rstrip(".!") in words


def _words(english: str, translated: str) -> set[str]:
    """The English word and the language's own, as typed answers are compared."""
    return {english, " ".join(translated.split()).casefold()}


def general_help() -> str:
    return _(
        "Type a number or a name to choose. Type “{help}” at any question for help, and “{quit}” "
        "to go back one step; “{quit}” at the main menu leaves homework-tui. Type “{help_now}” "
        "at any question for your safety plan and crisis lines. To write the word “{quit}” or "
        "“{help}” itself as your answer, add a full stop: “{quit}.”"
    ).format(help=help_word(), quit=quit_word(), help_now=help_now_words())


class Quit(Exception):
    """The person typed `quit`: leave what they are in, one level up."""


class InputEnded(Exception):
    """The input ended (Ctrl+D, a closed pipe): leave quietly."""


_LIST_ITEM = re.compile(r"(\d+\.|-) ")


def _hanging(line: str) -> int:
    """How far a numbered or dashed item's continuation lines are indented: under its text."""
    found = _LIST_ITEM.match(line)
    return len(found.group()) if found else 0


def plain_lines(text: str, width: int = WIDTH) -> list[str]:
    """`text` as lines of at most `width` characters, with every escape sequence and control
    character removed; a line's leading spaces indent its continuation lines too."""
    out: list[str] = []
    for line in clean_text(text).replace("\t", "    ").split("\n"):
        stripped = line.lstrip(" ")
        if not stripped.strip():
            out.append("")
            continue
        lead = " " * min(len(line) - len(stripped), width // 2)
        out += textwrap.wrap(
            stripped,
            width=width,
            initial_indent=lead,
            subsequent_indent=lead + " " * _hanging(stripped),
            break_on_hyphens=False,
        )
    return out


class LineIO:
    """The one door to the terminal in plain mode."""

    def __init__(self, stdin: TextIO, stdout: TextIO, width: int = WIDTH) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self.width = width
        # Shown when the person types "help now" at any question (set once the data is open).
        self.help_now: Callable[[], None] | None = None

    def _write(self, text: str) -> None:
        self.stdout.write(text)
        self.stdout.flush()

    def say(self, text: str = "") -> None:
        """Write `text` as plain lines (an empty string writes an empty line)."""
        self._write("".join(f"{line}\n" for line in plain_lines(text, self.width)))

    def ask(self, prompt: str, *, help_text: str = "", help_now: bool = True) -> str:
        """Ask for one line. `help` writes `help_text` and asks again, `help now` shows the safety
        plan (unless `help_now` is False: a menu offering it itself), `quit` raises Quit;
        anything else is returned as typed (without its line ending)."""
        while True:
            lines = plain_lines(prompt, self.width - 10) or [""]
            if len(lines) > 1:
                self.say("\n".join(lines[:-1]))
            self._write(f"{lines[-1]} " if lines[-1] else "")
            try:
                line = self.stdin.readline()
            except (OSError, ValueError) as error:
                raise InputEnded from error
            if not line:
                self._write("\n")
                raise InputEnded
            answer = line.rstrip("\n").removesuffix("\r")
            word = " ".join(answer.split()).casefold()
            if word in _words(QUIT, quit_word()):
                raise Quit
            if word in _words(HELP, help_word()):
                self.say(help_text or general_help())
                if help_text:
                    self.say(general_help())
                continue
            if (
                word in _words(HELP_NOW, help_now_words())
                and help_now
                and self.help_now is not None
            ):
                self.help_now()
                continue
            return answer

    def bell(self) -> None:
        """The terminal bell (BEL, a single byte: no escape sequence)."""
        self._write("\a")


def console() -> LineIO:
    """A LineIO over this process's stdin and stdout; bytes that are not UTF-8 read and write as
    replacement characters, never as a traceback."""
    import sys

    for stream in (sys.stdin, sys.stdout):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    return LineIO(sys.stdin, sys.stdout)
