"""Behavioural experiments in plain mode: plan one, then later write up what happened."""

from __future__ import annotations

import re

from homework_tui.i18n import N_, _, ngettext
from homework_tui.model.experiment import (
    LINES,
    OUTCOME_FIELDS,
    PLAN_FIELDS,
    RATINGS,
    Experiment,
    awaiting_outcome,
    experiment_from_fields,
    form_fields,
)
from homework_tui.plain.fields import Field, Form, Kind
from homework_tui.plain.menu import Choice
from homework_tui.plain.records import Action, indented, list_recent, pick, run_section, save, when
from homework_tui.plain.session import Session
from homework_tui.store import Repository
from homework_tui.store.activities import EXPERIMENTS_TABLE

EMPTY = N_("No experiments yet. Choose “new” to plan one.")
NONE_WAITING = N_("No experiment is waiting for its outcome.")
RECENT = N_("Recent experiments, newest first:")
_RANGE = re.compile(r"\s*\(0-100\)$")
OPTIONAL = {"alternative", "alternative_rating", "alternative_after"}


def repo(session: Session) -> Repository[Experiment]:
    return Repository(session.store, EXPERIMENTS_TABLE, Experiment)


def question(name: str, label: str) -> Field:
    """The model's own wording for each field of the worksheet."""
    label = _RANGE.sub("", _(label)).replace(" (optional)", "").replace(" " + _("(optional)"), "")
    if name in RATINGS:
        return Field(name, label, Kind.RATING, optional=True)
    if name in LINES:
        return Field(name, label, optional=name != "belief")
    return Field(name, label, Kind.TEXT)


def describe(experiment: Experiment) -> str:
    lines = [_("Experiment planned {when}").format(when=when(experiment.created_at))]
    for name, label in (*PLAN_FIELDS, *OUTCOME_FIELDS):
        value = getattr(experiment, name)
        if value in ("", None):
            continue
        if name in RATINGS or name in LINES:
            shown = _RANGE.sub("", _(label))
            lines.append(_("{label}: {value}").format(label=shown, value=value))
        else:
            lines += [_("{label}:").format(label=_(label)), indented(str(value))]
    if experiment.done:
        change = experiment.belief_change
        if change is not None:
            lines.append(
                ngettext(
                    "Your belief changed by {change} point.",
                    "Your belief changed by {change} points.",
                    abs(change),
                ).format(change=f"{change:+d}")
            )
    else:
        lines.append(_("Waiting for its outcome: choose “outcome” once you have tried it."))
    return "\n".join(lines)


def new_experiment(session: Session) -> None:
    form = Form(session.io)
    for name, label in PLAN_FIELDS:
        form.ask(question(name, label))
    experiment = form.build(experiment_from_fields)
    if save(session, repo(session), experiment, _("Saved your experiment plan.")):
        session.io.say(describe(experiment))


def follow_up(session: Session) -> None:
    """Write up a planned experiment: what happened, what was learned, beliefs re-rated."""
    waiting = list(reversed(awaiting_outcome(repo(session).all())))
    chosen = pick(session, waiting, lambda e: e.belief, empty=_(NONE_WAITING), recent=_(RECENT))
    if chosen is None:
        return
    session.io.say(_("The belief you tested: “{belief}”").format(belief=chosen.belief))
    form = Form(session.io, values=form_fields(chosen))
    for name, label in OUTCOME_FIELDS:
        if name == "alternative_after" and not chosen.alternative:
            continue
        form.ask(question(name, label))
    done = form.build(lambda values: experiment_from_fields(values, base=chosen))
    if save(session, repo(session), done, _("Saved what happened in your experiment.")):
        session.io.say(describe(done))


def list_experiments(session: Session) -> None:
    found = repo(session).all()
    list_recent(session, found, lambda e: e.belief, empty=_(EMPTY), recent=_(RECENT))


def show_experiment(session: Session) -> None:
    found = repo(session).all()
    chosen = pick(session, found, lambda e: e.belief, empty=_(EMPTY), recent=_(RECENT))
    if chosen is not None:
        session.io.say(describe(chosen))


def actions() -> tuple[Action, ...]:
    return (
        Action(Choice("new", _("Plan a new experiment"), ("plan",)), new_experiment),
        Action(Choice("outcome", _("Write up what happened"), ("follow-up", "write")), follow_up),
        Action(Choice("list", _("List recent experiments"), ("recent",)), list_experiments),
        Action(Choice("show", _("Show an experiment"), ("read", "open")), show_experiment),
    )


def run(session: Session) -> None:
    run_section(session, _("Experiments"), actions())
