"""Exposure in plain mode: each ladder as numbered lines with SUDS and state (the model's
`ladder_progress` under the person's mastery rule), a new ladder, and logging a practice."""

from __future__ import annotations

from dataclasses import dataclass

from homework_tui.model.base import ValidationError
from homework_tui.model.exposure import Exposure, Ladder, Step
from homework_tui.model.exposure.form import exposure_from_fields, new_fields
from homework_tui.model.exposure.mastery import ExposureSettings, ladder_progress, next_step
from homework_tui.plain.fields import Field, Form, Kind
from homework_tui.plain.menu import Choice, choose
from homework_tui.plain.records import Action, indented, list_recent, run_section, save, when
from homework_tui.plain.session import Session
from homework_tui.store import Repository, Singleton
from homework_tui.store.activities import EXPOSURE_SETTINGS_TABLE, EXPOSURES_TABLE, LADDERS_TABLE

NO_LADDERS = "No fear ladder yet. Choose “ladder” to build one with your therapist's steps."
NO_EXPOSURES = "No exposures logged yet."
STEPS_MAX = 30


@dataclass(frozen=True)
class Book:
    """The ladders (first made first), every exposure and the person's settings, read at once."""

    ladders: list[Ladder]
    exposures: list[Exposure]
    settings: ExposureSettings


def ladders_repo(session: Session) -> Repository[Ladder]:
    return Repository(session.store, LADDERS_TABLE, Ladder)


def exposures_repo(session: Session) -> Repository[Exposure]:
    return Repository(session.store, EXPOSURES_TABLE, Exposure)


def load(session: Session) -> Book:
    settings = Singleton(
        session.store, EXPOSURE_SETTINGS_TABLE, ExposureSettings, ExposureSettings
    ).load()
    ladders = ladders_repo(session).all(key=lambda ladder: ladder.created_at, reverse=False)
    return Book(ladders, exposures_repo(session).all(), settings)


def ladder_text(book: Book, ladder: Ladder) -> str:
    """The ladder as numbered lines, bottom rung first: each step, its SUDS and its state."""
    progress = ladder_progress(ladder, book.exposures, book.settings.rule)
    coming = next_step(progress)
    lines = [f"Ladder: {ladder.name}"]
    if ladder.goal:
        lines.append(f"Goal: {ladder.goal}")
    for number, item in enumerate(progress, 1):
        step = item.step
        line = f"{number}. {step.description}, SUDS {step.suds}, {item.label}"
        if item.last_peak is not None:
            line += f", last peak {item.last_peak} and end {item.last_end}"
        lines.append(line + (", your next step" if coming is step else ""))
    if not progress:
        lines.append("No steps yet.")
    lines.append(f"Mastered means: {book.settings.rule.describe()}")
    return "\n".join(lines)


def show_ladders(session: Session) -> None:
    book = load(session)
    if not book.ladders:
        session.io.say(NO_LADDERS)
    for ladder in book.ladders:
        session.io.say(ladder_text(book, ladder))


def choose_step(session: Session) -> tuple[Book, Ladder, Step] | None:
    book = load(session)
    if not book.ladders:
        session.io.say(NO_LADDERS)
        return None
    ladder = book.ladders[0]
    if len(book.ladders) > 1:
        choices = [Choice(str(i), lad.name) for i, lad in enumerate(book.ladders)]
        ladder = book.ladders[int(choose(session.io, "Which ladder?", choices).key)]
    if not ladder.steps:
        session.io.say(f"“{ladder.name}” has no steps yet.")
        return None
    session.io.say(ladder_text(book, ladder))
    progress = ladder_progress(ladder, book.exposures, book.settings.rule)
    choices = [Choice(str(i), p.step.description) for i, p in enumerate(progress)]
    chosen = choose(session.io, "Which step?", choices, prompt="The step's number:")
    return book, ladder, ladder.steps[int(chosen.key)]


def new_ladder(session: Session) -> None:
    io = session.io
    form = Form(io)
    form.ask(Field("name", "The ladder's name, like “Social situations”"))
    form.ask(Field("goal", "Its goal", optional=True))
    ladder = form.build(lambda v: Ladder(name=v["name"], goal=v["goal"]))
    io.say("Now its steps, one at a time, in any order: they are kept in order of SUDS.")
    steps: list[Step] = []
    while len(steps) < STEPS_MAX:
        description = io.ask(
            f"Step {len(steps) + 1} in a few words (Enter when there are no more):"
        )
        if not description.strip():
            break
        while True:
            suds = io.ask("How distressing it feels, SUDS, 0 to 100:")
            try:
                steps.append(Step(description=description, suds=suds))  # type: ignore[arg-type]
                break
            except ValidationError as error:
                io.say(error.message)
                if error.field == "description":
                    break
    ladder = Ladder(name=ladder.name, goal=ladder.goal, steps=tuple(steps))
    if save(session, ladders_repo(session), ladder, f"the ladder “{ladder.name}”"):
        io.say(ladder_text(Book([ladder], [], load(session).settings), ladder))
        for warning in ladder.warnings():
            io.say(warning)


LOG_FIELDS = (
    Field("date", "Date, like 2025-03-10", optional=True, empty="for today"),
    Field("start", "Start time, like 14:30", optional=True),
    Field("minutes", "How many minutes it lasted", optional=True),
    Field("predicted", "Predicted SUDS", Kind.RATING, optional=True),
    Field("before", "SUDS before", Kind.RATING, optional=True),
    Field("peak", "Peak SUDS", Kind.RATING),
    Field("end", "SUDS at the end", Kind.RATING),
)


def ask_after(form: Form) -> None:
    """Safety behaviours and notes, as the full-screen form asks after the ratings."""
    form.ask(Field("safety", "Safety behaviours you used, separated by commas", optional=True))
    form.values["safety"] = "\n".join(form.values["safety"].split(","))
    form.ask(Field("notes", "Notes", Kind.TEXT))


def save_exposure(session: Session, form: Form, ladder: Ladder) -> None:
    exposure = form.build(lambda values: exposure_from_fields(values, ladder))
    if save(session, exposures_repo(session), exposure, "your exposure"):
        session.io.say(describe(exposure))
        show = load(session)
        session.io.say(ladder_text(show, ladder))


def log_exposure(session: Session) -> None:
    found = choose_step(session)
    if found is None:
        return
    _, ladder, step = found
    form = Form(session.io, values=new_fields(ladder.id, step.id))
    for question in LOG_FIELDS:
        form.ask(question)
    ask_after(form)
    save_exposure(session, form, ladder)


def describe(exposure: Exposure) -> str:
    lines = [f"Exposure of {when(exposure.started_at)}: {exposure.step_description}"]
    if exposure.minutes is not None:
        lines.append(f"{exposure.minutes} minutes")
    ratings = [("predicted", exposure.predicted), ("before", exposure.before)]
    ratings += [("peak", exposure.peak), ("end", exposure.end)]
    lines.append(
        "SUDS " + ", ".join(f"{name} {value}" for name, value in ratings if value is not None)
    )
    if exposure.readings:
        times = ", ".join(f"{r.minute:.1f} min: {r.suds}" for r in exposure.readings)
        lines.append(f"Timed ratings: {times}")
    if exposure.safety_behaviours:
        lines.append(f"Safety behaviours: {', '.join(exposure.safety_behaviours)}")
    if exposure.notes:
        lines += ["Notes:", indented(exposure.notes)]
    return "\n".join(lines)


def list_exposures(session: Session) -> None:
    list_recent(
        session,
        exposures_repo(session).all(),
        lambda e: f"{e.step_description}, peak {e.peak}, end {e.end}",
        empty=NO_EXPOSURES,
        what="exposures",
    )


def _timer(session: Session) -> None:
    from homework_tui.plain.exposure_timer import timed_exposure

    timed_exposure(session)


ACTIONS = (
    Action(Choice("ladders", "Show your ladders", ("show",)), show_ladders),
    Action(Choice("timer", "Start a timed exposure", ("start",)), _timer),
    Action(Choice("log", "Log an exposure you did", ("record",)), log_exposure),
    Action(Choice("list", "List recent exposures", ("recent",)), list_exposures),
    Action(Choice("ladder", "Build a new ladder", ("new",)), new_ladder),
)


def run(session: Session) -> None:
    run_section(session, "Exposure", ACTIONS)
