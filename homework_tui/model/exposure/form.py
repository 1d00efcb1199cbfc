"""The exposure log form as flat text fields (what a draft keeps), and back to an `Exposure`.

Fields: ladder, step (ids), date (2024-05-03, “today”, “yesterday”), start and end_time (18:30,
6:30pm, 1830), minutes (instead of an end time), feared_outcome, likelihood (0-100), predicted,
before, peak, end (SUDS), outcome (yes / partly / no), surprise (0-100), learned, left_early ("yes"
or empty), safety (the chosen safety behaviours, one a line), notes, readings (a timed exposure's
ratings). Today's exposure given only its minutes ended now: it started that many minutes ago.
`exposure_from_fields` raises `ValidationError` whose `field` names the form field to fix.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from homework_tui.i18n import _, pgettext
from homework_tui.model.base import ValidationError, now, rating, read_clock
from homework_tui.model.exposure import Exposure, Ladder
from homework_tui.model.exposure.timer import readings_from_text, readings_to_text

YEARS = (1900, 2999)
YES = "yes"  # a ticked switch in the flat fields
FIELD_OF_MODEL = {"end_time": "end_time", "safety_behaviours": "safety"}


def parse_day(text: str, *, today: date | None = None) -> date:
    value = text.strip().casefold()
    base = today or now().date()
    # Translators: a date typed by the person (as in: write the date … or “today”).
    if value in ("", "today", pgettext("typed date", "today").casefold()):
        return base
    # Translators: a date typed by the person.
    if value in ("yesterday", pgettext("typed date", "yesterday").casefold()):
        return base - timedelta(days=1)
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise ValidationError(
            "date", _("Please write the date as year-month-day, like 2024-05-03, or “today”.")
        ) from None
    if not YEARS[0] <= day.year <= YEARS[1]:  # beyond what a clock time can be added to
        raise ValidationError(
            "date",
            _("{year} looks like a typing slip; please check the year.").format(year=day.year),
        )
    return day


def parse_clock(text: str, field_name: str, label: str) -> time:
    found = read_clock(text)
    if found is None:
        raise ValidationError(
            field_name, _("Please write the {label} like 18:30 or 6:30pm.").format(label=label)
        )
    return found


def _local(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock).astimezone()


def form_fields(exposure: Exposure) -> dict[str, str]:
    def text(value: int | None) -> str:
        return "" if value is None else str(value)

    fields = {
        "ladder": exposure.ladder_id,
        "step": exposure.step_id,
        "date": exposure.started_at.date().isoformat(),
        "start": exposure.started_at.strftime("%H:%M"),
        "end_time": exposure.ended_at.strftime("%H:%M") if exposure.ended_at else "",
        "minutes": text(exposure.minutes),
        "feared_outcome": exposure.feared_outcome,
        "likelihood": text(exposure.likelihood),
        "predicted": text(exposure.predicted),
        "before": text(exposure.before),
        "peak": str(exposure.peak),
        "end": str(exposure.end),
        "outcome": exposure.outcome.value if exposure.outcome else "",
        "surprise": text(exposure.surprise),
        "learned": exposure.learned,
        "left_early": YES if exposure.left_early else "",
        "safety": "\n".join(exposure.safety_behaviours),
        "notes": exposure.notes,
        "readings": readings_to_text(exposure.readings),
    }
    return fields


def new_fields(ladder_id: str, step_id: str, *, moment: datetime | None = None) -> dict[str, str]:
    """A blank form for a step: today's date, everything else empty."""
    when = moment or now()
    return {
        "ladder": ladder_id,
        "step": step_id,
        "date": when.date().isoformat(),
        "start": "",
        "end_time": "",
        "minutes": "",
        "feared_outcome": "",
        "likelihood": "",
        "predicted": "",
        "before": "",
        "peak": "",
        "end": "",
        "outcome": "",
        "surprise": "",
        "learned": "",
        "left_early": "",
        "safety": "",
        "notes": "",
        "readings": "",
    }


def exposure_from_fields(
    fields: dict[str, str],
    ladder: Ladder,
    *,
    base: Exposure | None = None,
    today: date | None = None,
) -> Exposure:
    step = ladder.step(fields.get("step", ""))
    if step is None:
        raise ValidationError("step", _("That step is no longer on the ladder."))
    day = parse_day(fields.get("date", ""), today=today)
    start_text = fields.get("start", "").strip()
    end_text = fields.get("end_time", "").strip()
    minutes_text = fields.get("minutes", "").strip()
    if start_text:
        started = _local(day, parse_clock(start_text, "start", _("start time")))
    elif base is not None:
        started = base.started_at
    elif day != (today or now().date()):
        started = _local(day, time(12, 0))
    elif minutes_text and not end_text:  # "min 15" today: it ended now, it began 15 minutes ago
        given = rating("minutes", minutes_text, _("Minutes"), low=0, high=24 * 60)
        started = now().replace(second=0, microsecond=0) - timedelta(minutes=given)
    else:
        started = now().replace(second=0, microsecond=0)
    ended: datetime | None = None
    if end_text:
        ended = _local(started.date(), parse_clock(end_text, "end_time", _("end time")))
        if minutes_text:
            given = rating("minutes", minutes_text, _("Minutes"), low=0, high=24 * 60)
            span = round((ended - started).total_seconds() / 60)
            if span >= 0 and given != span:
                raise ValidationError(
                    "minutes",
                    _(
                        "From {start} to {end} is {span} minutes, but the minutes say {given}. "
                        "Please fix one of them (or clear the minutes)."
                    ).format(
                        start=f"{started:%H:%M}", end=f"{ended:%H:%M}", span=span, given=given
                    ),
                )
    elif minutes_text:
        given = rating("minutes", minutes_text, _("Minutes"), low=0, high=24 * 60)
        ended = started + timedelta(minutes=given)
    values: dict[str, object] = dict(
        ladder_id=ladder.id,
        step_id=step.id,
        step_description=step.description,
        started_at=started,
        ended_at=ended,
        feared_outcome=fields.get("feared_outcome", ""),
        likelihood=fields.get("likelihood", ""),
        outcome=fields.get("outcome", ""),
        surprise=fields.get("surprise", ""),
        learned=fields.get("learned", ""),
        left_early=fields.get("left_early", "").strip().casefold() == YES,
        predicted=fields.get("predicted", ""),
        before=fields.get("before", ""),
        peak=fields.get("peak", ""),
        end=fields.get("end", ""),
        safety_behaviours=tuple(fields.get("safety", "").split("\n")),
        notes=fields.get("notes", ""),
        readings=readings_from_text(fields.get("readings", "")),
    )
    if base is not None:
        values.update(id=base.id, created_at=base.created_at, updated_at=base.updated_at)
    try:
        return Exposure(**values)  # type: ignore[arg-type]
    except ValidationError as error:
        raise ValidationError(FIELD_OF_MODEL.get(error.field, error.field), error.message) from None
