"""Fear ladders in plain mode: each ladder as numbered lines with SUDS and state (the model's
`ladder_progress` under the person's mastery rule), choosing a step, and building a new ladder."""

from __future__ import annotations

from dataclasses import dataclass

from homework_tui.i18n import N_, _
from homework_tui.model.base import ValidationError
from homework_tui.model.exposure import Exposure, Ladder, Step
from homework_tui.model.exposure.mastery import ExposureSettings, ladder_progress, next_step
from homework_tui.plain.fields import Field, Form
from homework_tui.plain.menu import Choice, choose
from homework_tui.plain.records import save
from homework_tui.plain.session import Session
from homework_tui.store import Repository, Singleton
from homework_tui.store.activities import EXPOSURE_SETTINGS_TABLE, EXPOSURES_TABLE, LADDERS_TABLE
from homework_tui.store.exposure_activities import exposure_planned_minutes

NO_LADDERS = N_("No fear ladder yet. Choose “ladder” to build one with your therapist's steps.")
STEPS_MAX = 30


@dataclass(frozen=True)
class Book:
    """The ladders (first made first), every exposure and the person's settings, read at once."""

    ladders: list[Ladder]
    exposures: list[Exposure]
    settings: ExposureSettings
    planned: dict[str, int]  # the plan's minutes, by exposure id (to tell an early exit)


def ladders_repo(session: Session) -> Repository[Ladder]:
    return Repository(session.store, LADDERS_TABLE, Ladder)


def exposures_repo(session: Session) -> Repository[Exposure]:
    return Repository(session.store, EXPOSURES_TABLE, Exposure)


def load(session: Session) -> Book:
    settings = Singleton(
        session.store, EXPOSURE_SETTINGS_TABLE, ExposureSettings, ExposureSettings
    ).load()
    ladders = ladders_repo(session).all(key=lambda ladder: ladder.created_at, reverse=False)
    planned = exposure_planned_minutes(session.store)
    return Book(ladders, exposures_repo(session).all(), settings, planned)


def ladder_text(book: Book, ladder: Ladder) -> str:
    """The ladder as numbered lines, bottom rung first: each step, its SUDS and its state."""
    progress = ladder_progress(ladder, book.exposures, book.settings, book.planned)
    coming = next_step(progress)
    lines = [_("Ladder: {name}").format(name=ladder.name)]
    if ladder.goal:
        lines.append(_("Goal: {goal}").format(goal=ladder.goal))
    for number, item in enumerate(progress, 1):
        step = item.step
        fields = {
            "step": step.description,
            "suds": step.suds,
            "state": _(item.label),
            "peak": item.last_peak,
            "end": item.last_end,
        }
        if item.last_peak is not None:
            line = _("{step}, SUDS {suds}, {state}, last peak {peak} and end {end}")
        else:
            line = _("{step}, SUDS {suds}, {state}")
        if coming is step:
            line = _("{step}, your next step").format(step=line)
        lines.append(f"{number}. {line.format(**fields)}")
    if not progress:
        lines.append(_("No steps yet."))
    lines.append(_("Mastered means: {rule}").format(rule=book.settings.rule.describe()))
    exclusions = book.settings.describe_exclusions()
    if exclusions:
        lines.append(exclusions)
    return "\n".join(lines)


def show_ladders(session: Session) -> None:
    book = load(session)
    if not book.ladders:
        session.io.say(_(NO_LADDERS))
    for ladder in book.ladders:
        session.io.say(ladder_text(book, ladder))


def choose_step(session: Session) -> tuple[Book, Ladder, Step] | None:
    book = load(session)
    if not book.ladders:
        session.io.say(_(NO_LADDERS))
        return None
    ladder = book.ladders[0]
    if len(book.ladders) > 1:
        choices = [Choice(str(i), lad.name) for i, lad in enumerate(book.ladders)]
        ladder = book.ladders[int(choose(session.io, _("Which ladder?"), choices).key)]
    if not ladder.steps:
        session.io.say(_("“{name}” has no steps yet.").format(name=ladder.name))
        return None
    session.io.say(ladder_text(book, ladder))
    progress = ladder_progress(ladder, book.exposures, book.settings, book.planned)
    choices = [Choice(str(i), p.step.description) for i, p in enumerate(progress)]
    chosen = choose(session.io, _("Which step?"), choices, prompt=_("The step's number:"))
    return book, ladder, ladder.steps[int(chosen.key)]


def new_ladder(session: Session) -> None:
    io = session.io
    form = Form(io)
    form.ask(Field("name", _("The ladder's name, like “Social situations”")))
    form.ask(Field("goal", _("Its goal"), optional=True))
    ladder = form.build(lambda v: Ladder(name=v["name"], goal=v["goal"]))
    io.say(_("Now its steps, one at a time, in any order: they are kept in order of SUDS."))
    steps: list[Step] = []
    while len(steps) < STEPS_MAX:
        description = io.ask(
            _("Step {n} in a few words (Enter when there are no more):").format(n=len(steps) + 1)
        )
        if not description.strip():
            break
        while True:
            suds = io.ask(_("How distressing it feels, SUDS, 0 to 100:"))
            try:
                steps.append(Step(description=description, suds=suds))  # type: ignore[arg-type]
                break
            except ValidationError as error:
                io.say(error.message)
                if error.field == "description":
                    break
    ladder = Ladder(name=ladder.name, goal=ladder.goal, steps=tuple(steps))
    saved = _("Saved the ladder “{name}”.").format(name=ladder.name)
    if save(session, ladders_repo(session), ladder, saved):
        io.say(ladder_text(Book([ladder], [], load(session).settings, {}), ladder))
        for warning in ladder.warnings():
            io.say(warning)
