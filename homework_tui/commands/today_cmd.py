"""`homework-tui today`: today's homework in plain text, one line each, for a shell's start-up.

Screen-reader friendly: each line starts with what it is ("To do today:", "Done:") and uses no
symbols; colour only on a terminal (and never with NO_COLOR). It always exits 0, so a shell
start-up file is never disturbed, and opens the data read-only, so it works while the app is open.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace

from homework_tui.i18n import _

BOLD, DIM, RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    today = sub.add_parser(
        "today",
        help=_("print today's homework in plain text (for your shell's start-up)"),
        description=_(
            "Print what is due today, what is done, and your streak, one line each. "
            "Add `homework-tui today` to your shell's start-up file to see it in each new "
            "terminal."
        ),
    )
    today.add_argument(
        "--brief",
        action="store_true",
        help=_("one short line, for a shell prompt (e.g. “homework: 2 of 4 done today”)"),
    )
    today.set_defaults(run=run_today)


def _colour(stream: object, plain: bool = False) -> bool:
    """Bold and dim on a terminal that draws them: never with NO_COLOR, --plain or TERM=dumb."""
    if plain or "NO_COLOR" in os.environ or os.environ.get("TERM") == "dumb":
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def lines_for_today(args: argparse.Namespace) -> list[str]:
    return _today(args)[0]


def _today(args: argparse.Namespace) -> tuple[list[str], set[str]]:
    """Today's lines, and those of the homework done (drawn dim on a terminal)."""
    from datetime import date

    from homework_tui.commands.common import data_folder
    from homework_tui.model.due import today_view
    from homework_tui.model.plan import short_date
    from homework_tui.store import Store
    from homework_tui.store.activities import gather
    from homework_tui.store.plan import assignments

    # Read-only, and never a passphrase prompt: a shell's start-up must not stop to ask.
    with Store.open(data_folder(args), read_only=True) as store:
        plan = assignments(store)
        done = gather(store)
    day = date.today()
    view = today_view(plan, done, day)
    if getattr(args, "brief", False):
        return [view.brief()], set()
    out = [_("Today, {day}. {summary}").format(day=short_date(day), summary=view.summary())]
    out += view.lines()
    out.append(view.streak.line())
    nothing: tuple[()] = ()
    only_done = replace(
        view,
        to_do=nothing,
        this_week=nothing,
        still_open=nothing,
        waiting=nothing,
        started=nothing,
        has_plan=True,  # no "done today" count: the lines of the homework done only
    )
    return out, set(only_done.lines())


def run_today(args: argparse.Namespace) -> int:
    from homework_tui.store import StoreError
    from homework_tui.store.crypto import PassphraseNeeded

    try:
        lines, done = _today(args)
    except PassphraseNeeded:
        if args.brief:
            # Translators: a shell prompt's short line, like "homework: 2 of 4 done today".
            print(_("homework: protected with a passphrase"))
            return 0
        print(_("Your homework is protected with a passphrase; open homework-tui to see today's."))
        return 0
    except StoreError as error:
        print(f"homework-tui: {error}", file=sys.stderr)
        return 0
    colour = _colour(sys.stdout, bool(getattr(args, "plain_mode", False)))
    for number, line in enumerate(lines):
        if colour and number == 0:
            line = f"{BOLD}{line}{RESET}"
        elif colour and line in done:
            line = f"{DIM}{line}{RESET}"
        print(line)
    return 0
