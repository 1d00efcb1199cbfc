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
from homework_tui.i18n import LANGUAGES, _, ngettext, use_language

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


def _argparse_in_language() -> None:
    """argparse's own words ("usage: ", "options", its error messages) in the interface's
    language. argparse looks up its module-level `_` and `ngettext` each time it shows a word, so
    pointing them at ours (which read the language chosen now) is enough; their msgids are marked
    in commands/argparse_text.py. The one place argparse is changed."""
    setattr(argparse, "_", _)  # noqa: B010 - argparse's own module global, on purpose
    setattr(argparse, "ngettext", ngettext)  # noqa: B010


def build_parser() -> argparse.ArgumentParser:
    _argparse_in_language()
    parser = _Parser(
        prog="homework-tui",
        description=_(
            "A calm, private, offline companion for your therapy homework. "
            "Run it with no command to open the app."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"homework-tui {__version__}",
        help=_("show program's version number and exit"),
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=_(
            "where your data lives (default: your user data folder; or set HOMEWORK_TUI_DATA_DIR)"
        ),
    )
    parser.add_argument(
        "--read-only",
        action="store_true",
        help=_("open without changing anything (for when another window has your data open)"),
    )
    parser.add_argument(
        "--language",
        metavar="CODE",
        choices=sorted(LANGUAGES),
        # Translators: {languages} is a list like "en (English), es (Español), …".
        help=_(
            "the language of the screens and messages: {languages} "
            "(default: your Settings, else the computer's language)"
        ).format(languages=", ".join(f"{code} ({name})" for code, name in LANGUAGES.items())),
    )
    parser.add_argument(
        "--plain",
        action="store_true",
        help=_(
            "plain lines only, for a screen reader, a braille display or a slow link "
            "(also on its own where TERM=dumb)"
        ),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"homework_tui.commands.{name}").register(sub)
    return parser


def wants_plain(args: argparse.Namespace) -> bool:
    """Plain mode when asked for, and on a terminal that cannot draw a screen (TERM=dumb)."""
    return bool(getattr(args, "plain", False)) or os.environ.get("TERM") == "dumb"


def _is_option(arg: str, option: str) -> bool:
    """`arg` names `option`, as argparse reads it: whole, or a long enough start ("--lang")."""
    return len(arg) > 3 and option.startswith(arg)


def language_asked(argv: Sequence[str]) -> str:
    """The `--language` given before the command, read before the parser is built (its help is
    written in that language); "" when none. A wrong code is refused by the parser itself. One
    after the command is the command's own (`export --language` is the report's language)."""
    values_follow = False
    for i, arg in enumerate(argv):
        if values_follow:
            values_follow = False
            continue
        if arg == "--" or not arg.startswith("-"):
            break  # the command (or the end of the options): its own options are its own
        name, equals, value = arg.partition("=")
        if _is_option(name, "--language"):
            if equals:
                return value
            return argv[i + 1] if i + 1 < len(argv) else ""
        values_follow = not equals and _is_option(name, "--data-dir")
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
        return fail(_(NO_PASSPHRASE))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
