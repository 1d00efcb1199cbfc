"""Logging an exposure in plain mode: the full-screen form's fields one a line, built by the
model's `exposure_from_fields`; and the recent exposures."""

from __future__ import annotations

from homework_tui.model.base import ValidationError
from homework_tui.model.exposure import Exposure, Ladder
from homework_tui.model.exposure.expectancy import parse_happened
from homework_tui.model.exposure.form import YES, exposure_from_fields, new_fields
from homework_tui.model.exposure.mastery import judge
from homework_tui.plain.exposure.ladders import choose_step, exposures_repo, ladder_text, load
from homework_tui.plain.fields import Field, Form, Kind
from homework_tui.plain.records import indented, list_recent, save, when
from homework_tui.plain.session import Session

NO_EXPOSURES = "No exposures logged yet."
WHEN_FIELDS = (
    Field("date", "Date, like 2025-03-10", optional=True, empty="for today"),
    Field("start", "Start time, like 14:30", optional=True),
    Field("minutes", "How many minutes it lasted", optional=True),
)
# What the person fears will happen, asked before the ratings (the expectancy it tests): in the
# past tense when logging an exposure already done, ahead of it for the timer.
FEARED_FIELDS = (
    Field("feared_outcome", "What did you fear would happen", optional=True),
    Field("likelihood", "How likely did it seem", Kind.RATING, optional=True),
)
FEARED_AHEAD = (
    Field("feared_outcome", "What do you fear will happen", optional=True),
    Field("likelihood", "How likely does it seem", Kind.RATING, optional=True),
)
HAPPENED_FIELDS = (
    Field("outcome", "Did it happen? yes, partly or no", optional=True),
    Field("surprise", "How surprised were you", Kind.RATING, optional=True),
    Field("learned", "What did you learn", Kind.TEXT),
)
LOG_FIELDS = (
    Field("predicted", "Predicted SUDS", Kind.RATING, optional=True),
    Field("before", "SUDS before", Kind.RATING, optional=True),
    Field("peak", "Peak SUDS", Kind.RATING),
    Field("end", "SUDS at the end", Kind.RATING),
)


def ask_feared(form: Form, *, ahead: bool = False) -> None:
    for question in FEARED_AHEAD if ahead else FEARED_FIELDS:
        form.ask(question)


def ask_after(form: Form) -> None:
    """What happened to the feared outcome (when one was written), whether the person left early,
    safety behaviours and notes, as the full-screen form asks after the ratings."""
    if form.values.get("feared_outcome", "").strip():
        for question in HAPPENED_FIELDS:
            if question.name == "outcome":
                ask_happened(form, question)
            else:
                form.ask(question)
    left = form.ask(
        Field("left_early", "Did you leave earlier than you meant to? yes or no", optional=True)
    )
    form.values["left_early"] = YES if left.strip().casefold() in ("yes", "y") else ""
    form.ask(Field("safety", "Safety behaviours you used, separated by commas", optional=True))
    form.values["safety"] = "\n".join(form.values["safety"].split(","))
    form.ask(Field("notes", "Notes", Kind.TEXT))


def ask_happened(form: Form, question: Field) -> None:
    """Yes, partly or no (the model's words), asked again until it is one of them."""
    while True:
        answer = form.ask(question)
        try:
            parse_happened(answer)
            return
        except ValidationError as error:
            form.io.say(error.message)


def save_exposure(session: Session, form: Form, ladder: Ladder) -> None:
    exposure = form.build(lambda values: exposure_from_fields(values, ladder))
    if save(session, exposures_repo(session), exposure, "your exposure"):
        session.io.say(describe(exposure))
        show = load(session)
        verdict = judge(exposure, show.settings, show.planned.get(exposure.id))
        session.io.say(f"Towards mastering the step: {verdict.words}.")
        session.io.say(ladder_text(show, ladder))


def log_exposure(session: Session) -> None:
    found = choose_step(session)
    if found is None:
        return
    _, ladder, step = found
    form = Form(session.io, values=new_fields(ladder.id, step.id))
    for question in WHEN_FIELDS:
        form.ask(question)
    ask_feared(form)
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
    if exposure.feared_outcome:
        likely = "" if exposure.likelihood is None else f" (how likely: {exposure.likelihood})"
        lines.append(f"Feared: {exposure.feared_outcome}{likely}")
        if exposure.outcome is not None:
            surprise = "" if exposure.surprise is None else f", surprise {exposure.surprise}"
            lines.append(f"Did it happen: {exposure.outcome.label}{surprise}")
    if exposure.learned:
        lines += ["Learned:", indented(exposure.learned)]
    if exposure.left_early:
        lines.append("Left earlier than meant to")
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
