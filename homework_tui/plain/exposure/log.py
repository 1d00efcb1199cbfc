"""Logging an exposure in plain mode: the full-screen form's fields one a line, built by the
model's `exposure_from_fields`; and the recent exposures."""

from __future__ import annotations

from homework_tui.i18n import N_, _, ngettext
from homework_tui.model.base import ValidationError
from homework_tui.model.exposure import Exposure, Ladder
from homework_tui.model.exposure.expectancy import parse_happened
from homework_tui.model.exposure.form import YES, exposure_from_fields, new_fields
from homework_tui.model.exposure.mastery import judge
from homework_tui.plain.exposure.ladders import choose_step, exposures_repo, ladder_text, load
from homework_tui.plain.fields import Field, Form, Kind
from homework_tui.plain.io import is_yes
from homework_tui.plain.records import indented, list_recent, save, when
from homework_tui.plain.session import Session
from homework_tui.report.local import one_decimal

NO_EXPOSURES = N_("No exposures logged yet.")


def when_fields() -> tuple[Field, ...]:
    return (
        Field(
            "date",
            _("Date, like 2025-03-10"),
            optional=True,
            empty=_("(optional, Enter for today)"),
        ),
        Field("start", _("Start time, like 14:30"), optional=True),
        Field("minutes", _("How many minutes it lasted"), optional=True),
    )


# What the person fears will happen, asked before the ratings (the expectancy it tests): in the
# past tense when logging an exposure already done, ahead of it for the timer.
def feared_fields(*, ahead: bool) -> tuple[Field, ...]:
    if ahead:
        return (
            Field("feared_outcome", _("What do you fear will happen"), optional=True),
            Field("likelihood", _("How likely does it seem"), Kind.RATING, optional=True),
        )
    return (
        Field("feared_outcome", _("What did you fear would happen"), optional=True),
        Field("likelihood", _("How likely did it seem"), Kind.RATING, optional=True),
    )


def happened_fields() -> tuple[Field, ...]:
    return (
        Field("outcome", _("Did it happen? yes, partly or no"), optional=True),
        Field("surprise", _("How surprised were you"), Kind.RATING, optional=True),
        Field("learned", _("What did you learn"), Kind.TEXT),
    )


def log_fields() -> tuple[Field, ...]:
    return (
        Field("predicted", _("Predicted SUDS"), Kind.RATING, optional=True),
        Field("before", _("SUDS before"), Kind.RATING, optional=True),
        Field("peak", _("Peak SUDS"), Kind.RATING),
        Field("end", _("SUDS at the end"), Kind.RATING),
    )


def ask_feared(form: Form, *, ahead: bool = False) -> None:
    for question in feared_fields(ahead=ahead):
        form.ask(question)


def ask_after(form: Form) -> None:
    """What happened to the feared outcome (when one was written), whether the person left early,
    safety behaviours and notes, as the full-screen form asks after the ratings."""
    if form.values.get("feared_outcome", "").strip():
        for question in happened_fields():
            if question.name == "outcome":
                ask_happened(form, question)
            else:
                form.ask(question)
    left = form.ask(
        Field("left_early", _("Did you leave earlier than you meant to? yes or no"), optional=True)
    )
    form.values["left_early"] = YES if is_yes(left) else ""
    safety = _("Safety behaviours you used, separated by commas")
    form.ask(Field("safety", safety, optional=True))
    form.values["safety"] = "\n".join(form.values["safety"].split(","))
    form.ask(Field("notes", _("Notes"), Kind.TEXT))


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
    if save(session, exposures_repo(session), exposure, _("Saved your exposure.")):
        session.io.say(describe(exposure))
        show = load(session)
        verdict = judge(exposure, show.settings, show.planned.get(exposure.id))
        session.io.say(_("Towards mastering the step: {verdict}.").format(verdict=verdict.words))
        session.io.say(ladder_text(show, ladder))


def log_exposure(session: Session) -> None:
    found = choose_step(session)
    if found is None:
        return
    _book, ladder, step = found
    form = Form(session.io, values=new_fields(ladder.id, step.id))
    for question in when_fields():
        form.ask(question)
    ask_feared(form)
    for question in log_fields():
        form.ask(question)
    ask_after(form)
    save_exposure(session, form, ladder)


def describe(exposure: Exposure) -> str:
    lines = [
        _("Exposure of {when}: {step}").format(
            when=when(exposure.started_at), step=exposure.step_description
        )
    ]
    if exposure.minutes is not None:
        minutes = exposure.minutes
        lines.append(ngettext("{n} minute", "{n} minutes", minutes).format(n=minutes))
    ratings = [
        (_("predicted {suds}"), exposure.predicted),
        (_("before {suds}"), exposure.before),
        (_("peak {suds}"), exposure.peak),
        (_("end {suds}"), exposure.end),
    ]
    shown = ", ".join(name.format(suds=value) for name, value in ratings if value is not None)
    lines.append(_("SUDS {ratings}").format(ratings=shown))
    if exposure.readings:
        times = ", ".join(
            _("{minute} min: {suds}").format(minute=one_decimal(r.minute), suds=r.suds)
            for r in exposure.readings
        )
        lines.append(_("Timed ratings: {times}").format(times=times))
    if exposure.feared_outcome:
        if exposure.likelihood is None:
            feared = _("Feared: {feared}")
        else:
            feared = _("Feared: {feared} (how likely: {likelihood})")
        lines.append(feared.format(feared=exposure.feared_outcome, likelihood=exposure.likelihood))
        if exposure.outcome is not None:
            if exposure.surprise is None:
                happened = _("Did it happen: {outcome}")
            else:
                happened = _("Did it happen: {outcome}, surprise {surprise}")
            lines.append(
                happened.format(outcome=_(exposure.outcome.label), surprise=exposure.surprise)
            )
    if exposure.learned:
        lines += [_("Learned:"), indented(exposure.learned)]
    if exposure.left_early:
        lines.append(_("Left earlier than meant to"))
    if exposure.safety_behaviours:
        behaviours = ", ".join(exposure.safety_behaviours)
        lines.append(_("Safety behaviours: {behaviours}").format(behaviours=behaviours))
    if exposure.notes:
        lines += [_("Notes:"), indented(exposure.notes)]
    return "\n".join(lines)


def _heading(exposure: Exposure) -> str:
    return _("{step}, peak {peak}, end {end}").format(
        step=exposure.step_description, peak=exposure.peak, end=exposure.end
    )


def list_exposures(session: Session) -> None:
    list_recent(
        session,
        exposures_repo(session).all(),
        _heading,
        empty=_(NO_EXPOSURES),
        recent=_("Recent exposures, newest first:"),
    )
