"""Today in plain mode: what is due, what is done and the streak, from the same model as the
full-screen Today (`model.due.today_view`), and experiments waiting for their outcome."""

from __future__ import annotations

from datetime import date

from homework_tui.i18n import _
from homework_tui.model.due import today_view
from homework_tui.model.experiment import Experiment, awaiting_outcome
from homework_tui.model.plan import short_date
from homework_tui.plain.session import Session
from homework_tui.store import Repository
from homework_tui.store.activities import EXPERIMENTS_TABLE, gather
from homework_tui.store.plan import assignments


def today_lines(session: Session, day: date) -> list[str]:
    view = today_view(assignments(session.store), gather(session.store), day)
    heading = _("Today, {day}. {summary}").format(day=short_date(day), summary=view.summary())
    lines = [heading, *view.lines(), view.streak.line()]
    waiting = awaiting_outcome(Repository(session.store, EXPERIMENTS_TABLE, Experiment).all())
    for experiment in waiting:
        lines.append(
            _("Waiting for its outcome: the experiment “{belief}”.").format(
                belief=experiment.belief
            )
        )
    return lines


def run(session: Session) -> None:
    session.io.say("\n".join(today_lines(session, date.today())))
