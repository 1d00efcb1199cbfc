"""A timed exposure in plain mode: the model's ExposureTimer asks for SUDS as lines, each answer
stamped with the time since the start; "stop" asks one last rating and saves the practice."""

from __future__ import annotations

import time
from collections.abc import Callable

from homework_tui.i18n import _, ngettext, pgettext
from homework_tui.model.base import ValidationError, now, optional_rating, rating
from homework_tui.model.exposure.form import new_fields
from homework_tui.model.exposure.timer import ExposureTimer, TimerPhase, clock_text
from homework_tui.plain.exposure.ladders import choose_step
from homework_tui.plain.exposure.log import ask_after, ask_feared, save_exposure
from homework_tui.plain.fields import Form
from homework_tui.plain.io import LineIO
from homework_tui.plain.session import Session

STOP = "stop"  # i18n: not shown


def stop_word() -> str:
    # Translators: the word a person types to end a timed exposure (one word).
    return pgettext("typed word", "stop")


def _ask_rating(
    io: LineIO, prompt: str, *, optional: bool = False, stop: bool = False
) -> int | str | None:
    """A SUDS rating (the model's rule), None when skipped, or "stop"."""
    while True:
        answer = io.ask(prompt)
        word = answer.strip().casefold()
        if stop and word in (STOP, stop_word().casefold()):
            return STOP
        try:
            if optional:
                return optional_rating("suds", answer, _("A SUDS rating"))
            return rating("suds", answer, _("A SUDS rating"))
        except ValidationError as error:
            io.say(error.message)


def run_timer(io: LineIO, timer: ExposureTimer, clock: Callable[[], float]) -> None:
    """Ask the timer's ratings as lines until the person stops and gives the last one."""
    predicted = _ask_rating(
        io,
        _(
            "Before you begin: how high do you think your distress will go? "
            "Predicted SUDS, 0 to 100 (optional, Enter skips):"
        ),
        optional=True,
    )
    timer.predict(predicted if isinstance(predicted, int) else None)
    before = _ask_rating(
        io,
        _(
            "How strong is your distress now, before you start? SUDS, 0 to 100 (this starts "
            "the clock):"
        ),
    )
    assert isinstance(before, int)
    timer.start(clock(), before)
    minutes = timer.interval_minutes
    io.say(
        ngettext(
            "The clock has started. A rating is asked every {n} minute; give one whenever you "
            "like. Type “{stop}” when you end the exposure.",
            "The clock has started. A rating is asked every {n} minutes; give one whenever you "
            "like. Type “{stop}” when you end the exposure.",
            minutes,
        ).format(n=minutes, stop=stop_word())
    )
    while timer.phase is TimerPhase.RUNNING:
        elapsed = clock_text(timer.elapsed(clock()))
        asked = _("{elapsed} SUDS now, 0 to 100, or “{stop}”:")
        answer = _ask_rating(io, asked.format(elapsed=elapsed, stop=stop_word()), stop=True)
        if answer == STOP:
            timer.stop(clock())
            break
        assert isinstance(answer, int)
        reading = timer.rate(clock(), answer)
        wait = clock_text(timer.next_prompt_in(clock()))
        io.say(
            _("{at} SUDS {suds}. Next rating in {wait}.").format(
                at=clock_text(reading.minute * 60), suds=reading.suds, wait=wait
            )
        )
    last = _ask_rating(io, _("One last rating: your distress now, at the end. SUDS, 0 to 100:"))
    assert isinstance(last, int)
    timer.finish(last)
    before_, peak, end = timer.summary()
    io.say(
        _("Stopped at {at}. SUDS before {before}, peak {peak}, end {end}.").format(
            at=clock_text(timer.elapsed(clock())), before=before_, peak=peak, end=end
        )
    )


def timed_exposure(session: Session, clock: Callable[[], float] = time.monotonic) -> None:
    found = choose_step(session)
    if found is None:
        return
    book, ladder, step = found
    session.io.say(_("Timed exposure: {step}").format(step=step.description))
    timer = ExposureTimer(interval_minutes=book.settings.prompt_minutes)
    form = Form(session.io, values=new_fields(ladder.id, step.id))
    ask_feared(form, ahead=True)
    started_at = now()
    run_timer(session.io, timer, clock)
    form.values["date"] = started_at.date().isoformat()
    before, peak, end = timer.summary()
    form.values.update(
        start=started_at.strftime("%H:%M"),
        minutes=str(round(timer.elapsed(clock()) / 60)),
        predicted="" if timer.predicted is None else str(timer.predicted),
        readings=timer.readings_text(),
        before="" if before is None else str(before),
        peak="" if peak is None else str(peak),
        end="" if end is None else str(end),
    )
    ask_after(form)
    save_exposure(session, form, ladder)
