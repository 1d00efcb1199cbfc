"""The `homework-tui` console script. No arguments opens the app; subcommands do what a person
would script. Each subcommand lives in `homework_tui/commands/` and imports what it needs only
when it runs, so `homework-tui` itself starts fast."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from homework_tui import __version__
from homework_tui.i18n import LANGUAGES, use_language

# Modules in homework_tui/commands/, each with `register(subparsers)`.
COMMAND_MODULES = [
    "doctor",
    "backup",
    "encryption",
    "audio_cmds",
    "plan_cmds",
    "today_cmd",
    "measure_cmd",
    "relax_cmds",
]


class _Parser(argparse.ArgumentParser):
    """argparse quotes some values with repr but echoes unrecognised arguments as they are: make
    any control character in its message visible. Subcommands' parsers are of this class too."""

    def error(self, message: str) -> NoReturn:
        from homework_tui.model.base import visible

        super().error(visible(message))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="homework-tui",
        description="A calm, private, offline companion for your therapy homework. "
        "Run it with no command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"homework-tui {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where your data lives (default: your user data folder; or set HOMEWORK_TUI_DATA_DIR)",
    )
    parser.add_argument(
        "--read-only",
        action="store_true",
        help="open without changing anything (for when another window has your data open)",
    )
    parser.add_argument(
        "--language",
        metavar="CODE",
        choices=sorted(LANGUAGES),
        help="the language of the screens and messages: "
        + ", ".join(f"{code} ({name})" for code, name in LANGUAGES.items())
        + " (default: your Settings, else the computer's language)",
    )
    parser.add_argument(
        "--plain",
        action="store_true",
        help="plain lines only, for a screen reader, a braille display or a slow link "
        "(also on its own where TERM=dumb)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"homework_tui.commands.{name}").register(sub)
    return parser


def wants_plain(args: argparse.Namespace) -> bool:
    """Plain mode when asked for, and on a terminal that cannot draw a screen (TERM=dumb)."""
    return bool(getattr(args, "plain", False)) or os.environ.get("TERM") == "dumb"


def language_asked(argv: Sequence[str]) -> str:
    """The `--language` given before the command, read before the parser is built (its help is
    written in that language); "" when none. A wrong code is refused by the parser itself."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--language" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--language="):
            return arg.partition("=")[2]
    return ""


def main(argv: Sequence[str] | None = None) -> int:
    from homework_tui.commands.common import NO_PASSPHRASE, NoPassphrase, fail

    arguments = list(sys.argv[1:] if argv is None else argv)
    use_language(language_asked(arguments))
    parser = build_parser()
    args = parser.parse_args(arguments)
    try:
        args.plain_mode = wants_plain(args)
        if args.command is None and args.plain_mode:
            from homework_tui.plain.main import run_plain

            return run_plain(args)
        if args.command is None:
            from homework_tui.app import run_app

            return run_app(args)
        return int(args.run(args) or 0)
    except NoPassphrase:
        return fail(NO_PASSPHRASE)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
