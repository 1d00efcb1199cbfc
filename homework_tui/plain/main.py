"""The plain mode's main menu: every section numbered and named; `quit` here leaves."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass

from homework_tui.i18n import N_, _
from homework_tui.plain.io import (
    InputEnded,
    Quit,
    console,
    help_now_words,
    help_word,
    quit_word,
)
from homework_tui.plain.menu import Choice, choose
from homework_tui.plain.session import Session, start

WELCOME = N_(
    "homework-tui, plain mode. Type a number or a name to choose; “{help}” at any question "
    "for help, “{quit}” to go back; “{quit}” here leaves."
)
HELP = N_(
    "The sections: Help now, your safety plan and crisis lines; Today, what is due; thought "
    "records; exposure, with ladders, logging and the timer; experiments; the journal; "
    "activities, planned, done and rated, with this week day by day and which went with better "
    "mood; diaries of mood, sleep and panic; measures, the PHQ-9 and GAD-7 questionnaires and "
    "your past results; your therapist's plan; and the report for your next session."
)
GOODBYE = N_("Goodbye. Everything you saved is kept on this computer.")


@dataclass(frozen=True)
class Section:
    choice: Choice
    run: Callable[[Session], None]


def sections() -> list[Section]:
    from homework_tui.plain import (
        activation,
        diaries,
        experiments,
        exposure,
        help_now,
        journal,
        measures,
        plan,
        report,
        thoughts,
        today,
    )

    return [
        Section(
            Choice(
                "help-now",
                _("Help now: your safety plan and crisis lines"),
                ("help now", help_now_words()),  # i18n: not shown
            ),
            help_now.run,
        ),
        Section(Choice("today", _("Today: what is due")), today.run),
        Section(Choice("thoughts", _("Thought records"), ("thought",)), thoughts.run),
        Section(Choice("exposure", _("Exposure: ladders, logging, the timer")), exposure.run),
        Section(Choice("experiments", _("Experiments"), ("experiment",)), experiments.run),
        Section(Choice("journal", _("Journal")), journal.run),
        Section(
            Choice("activities", _("Activities: plan, do, rate"), ("activity", "activation")),
            activation.run,
        ),
        Section(Choice("diaries", _("Diaries: mood, sleep, panic"), ("diary",)), diaries.run),
        Section(
            Choice("measures", _("Measures: PHQ-9 and GAD-7"), ("measure", "phq9", "gad7")),
            measures.run,
        ),
        Section(Choice("plan", _("Plan: what your therapist set")), plan.run),
        Section(Choice("report", _("Report for your next session")), report.run),
    ]


def main_menu(session: Session) -> None:
    from homework_tui.plain import help_now

    session.io.help_now = lambda: help_now.show(session)
    if session.read_only:
        session.io.say(_("Read-only: nothing you write here is saved."))
    menu = sections()
    while True:
        try:
            chosen = choose(
                session.io, "\n" + _("Main menu"), [s.choice for s in menu], help_text=_(HELP)
            )
        except Quit:
            return
        section = next(s for s in menu if s.choice is chosen)
        try:
            section.run(session)
        except Quit:
            continue


def run_plain(args: argparse.Namespace) -> int:
    """`homework-tui --plain` (and `homework-tui` where TERM=dumb)."""
    io = console()
    io.say(_(WELCOME).format(help=help_word(), quit=quit_word()))
    session = start(io, args)
    if session is None:
        return 1
    try:
        main_menu(session)
    except InputEnded:
        pass
    except KeyboardInterrupt:  # Ctrl+C: leave calmly, on a line of its own
        io.say("\n" + _("Stopped."))
    finally:
        session.store.close()
    io.say(_(GOODBYE))
    return 0
