"""Exposure in plain mode: the ladders, a timed exposure, logging one done, the recent ones, and
a new ladder."""

from __future__ import annotations

from homework_tui.i18n import _
from homework_tui.plain.exposure.ladders import new_ladder, show_ladders
from homework_tui.plain.exposure.log import list_exposures, log_exposure
from homework_tui.plain.exposure.timer import timed_exposure
from homework_tui.plain.menu import Choice
from homework_tui.plain.records import Action, run_section
from homework_tui.plain.session import Session


def actions() -> tuple[Action, ...]:
    return (
        Action(Choice("ladders", _("Show your ladders"), ("show",)), show_ladders),
        Action(Choice("timer", _("Start a timed exposure"), ("start",)), timed_exposure),
        Action(Choice("log", _("Log an exposure you did"), ("record",)), log_exposure),
        Action(Choice("list", _("List recent exposures"), ("recent",)), list_exposures),
        Action(Choice("ladder", _("Build a new ladder"), ("new",)), new_ladder),
    )


def run(session: Session) -> None:
    run_section(session, _("Exposure"), actions())
