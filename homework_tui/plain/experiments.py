"""Behavioural experiments in plain mode: plan one, then later write up what happened."""

from __future__ import annotations

import re

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

EMPTY = "No experiments yet. Choose “new” to plan one."
NONE_WAITING = "No experiment is waiting for its outcome."
_RANGE = re.compile(r"\s*\(0-100\)$")
OPTIONAL = {"alternative", "alternative_rating", "alternative_after"}


def repo(session: Session) -> Repository[Experiment]:
    return Repository(session.store, EXPERIMENTS_TABLE, Experiment)


def question(name: str, label: str) -> Field:
    """The model's own wording for each field of the worksheet."""
    label = _RANGE.sub("", label).replace(" (optional)", "")
    if name in RATINGS:
        return Field(name, label, Kind.RATING, optional=True)
    if name in LINES:
        return Field(name, label, optional=name != "belief")
    return Field(name, label, Kind.TEXT)


def describe(experiment: Experiment) -> str:
    lines = [f"Experiment planned {when(experiment.created_at)}"]
    for name, label in (*PLAN_FIELDS, *OUTCOME_FIELDS):
        value = getattr(experiment, name)
        if value in ("", None):
            continue
        if name in RATINGS or name in LINES:
            lines.append(f"{_RANGE.sub('', label)}: {value}")
        else:
            lines += [f"{label}:", indented(str(value))]
    if experiment.done:
        change = experiment.belief_change
        if change is not None:
            lines.append(f"Your belief changed by {change:+d} points.")
    else:
        lines.append("Waiting for its outcome: choose “outcome” once you have tried it.")
    return "\n".join(lines)


def new_experiment(session: Session) -> None:
    form = Form(session.io)
    for name, label in PLAN_FIELDS:
        form.ask(question(name, label))
    experiment = form.build(experiment_from_fields)
    if save(session, repo(session), experiment, "your experiment plan"):
        session.io.say(describe(experiment))


def follow_up(session: Session) -> None:
    """Write up a planned experiment: what happened, what was learned, beliefs re-rated."""
    waiting = list(reversed(awaiting_outcome(repo(session).all())))
    chosen = pick(session, waiting, lambda e: e.belief, empty=NONE_WAITING, what="experiments")
    if chosen is None:
        return
    session.io.say(f"The belief you tested: “{chosen.belief}”")
    form = Form(session.io, values=form_fields(chosen))
    for name, label in OUTCOME_FIELDS:
        if name == "alternative_after" and not chosen.alternative:
            continue
        form.ask(question(name, label))
    done = form.build(lambda values: experiment_from_fields(values, base=chosen))
    if save(session, repo(session), done, "what happened in your experiment"):
        session.io.say(describe(done))


def list_experiments(session: Session) -> None:
    list_recent(session, repo(session).all(), lambda e: e.belief, empty=EMPTY, what="experiments")


def show_experiment(session: Session) -> None:
    chosen = pick(session, repo(session).all(), lambda e: e.belief, empty=EMPTY, what="experiments")
    if chosen is not None:
        session.io.say(describe(chosen))


ACTIONS = (
    Action(Choice("new", "Plan a new experiment", ("plan",)), new_experiment),
    Action(Choice("outcome", "Write up what happened", ("follow-up", "write")), follow_up),
    Action(Choice("list", "List recent experiments", ("recent",)), list_experiments),
    Action(Choice("show", "Show an experiment", ("read", "open")), show_experiment),
)


def run(session: Session) -> None:
    run_section(session, "Experiments", ACTIONS)
