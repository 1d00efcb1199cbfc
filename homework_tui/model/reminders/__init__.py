"""Reminders for the plan in any calendar: each homework as a repeating entry at a time the
person picks. This module holds the rules (which days, how often, from when until when) as plain
values; `report/ics.py` writes them with the icalendar library.

Every day → DAILY; N times a week → WEEKLY on N days spread through the week from the day it
starts (3 → Mon, Wed, Fri when it starts on a Monday); given weekdays → WEEKLY on those; more than
7 a week → DAILY; once → one entry on the day it is for, no repeat.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from homework_tui.i18n import _
from homework_tui.model.base import ValidationError, visible
from homework_tui.model.plan import Assignment, Every

DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DEFAULT_AT = time(19, 0)


def parse_at(text: str) -> time:
    """“19:00”, “7:30” → a time of day; anything else: one clear line."""
    said = text.strip()
    match = re.fullmatch(r"([01]?\d|2[0-3])[:.]([0-5]\d)", said)
    if match is None:
        raise ValidationError(
            "at",
            _("“{typed}” is not a time of day; write it like 19:00 or 7:30.").format(
                typed=visible(said)
            ),
        )
    return time(int(match.group(1)), int(match.group(2)))


def spread_days(times: int, first: int) -> tuple[int, ...]:
    """`times` weekdays (0 Monday) spread evenly through the week, starting on `first`."""
    return tuple(sorted({(first + (i * 7) // times) % 7 for i in range(times)}))


@dataclass(frozen=True)
class Reminder:
    """One calendar entry: `rule` holds the RRULE parts (empty for a one-off)."""

    uid: str
    summary: str
    description: str
    start: datetime  # floating local time: the person's own clock wherever they are
    rule: dict[str, object]


def _first_on(start: date, days: tuple[int, ...]) -> date:
    for offset in range(7):
        day = start + timedelta(days=offset)
        if day.weekday() in days:
            return day
    return start


def reminder_for(assignment: Assignment, at: time, today: date) -> Reminder | None:
    """The entry for one homework, from today or its start (whichever is later); None when it
    has ended or a one-off's day has passed."""
    if assignment.ended_before(today):
        return None
    frequency = assignment.frequency
    first = max(assignment.start, today)
    rule: dict[str, object] = {}
    if frequency.every is Every.ONCE:
        assert frequency.by is not None
        if frequency.by < today:
            return None
        first = frequency.by
    elif frequency.every is Every.DAY or (frequency.every is Every.WEEK and frequency.times >= 7):
        rule = {"FREQ": "DAILY"}
    else:
        if frequency.every is Every.WEEKDAYS:
            days = tuple(frequency.weekdays)
        else:
            days = spread_days(frequency.times, first.weekday())
        first = _first_on(first, days)
        rule = {"FREQ": "WEEKLY", "BYDAY": [DAY_CODES[d] for d in days]}
    if rule and assignment.end is not None:
        rule["UNTIL"] = datetime.combine(assignment.end, time(23, 59, 59))
    words = [assignment.describe()]
    if assignment.note:
        words.append(assignment.note)
    return Reminder(
        uid=f"{assignment.id}@homework-tui",
        summary=assignment.name,
        description="\n".join(words),
        start=datetime.combine(first, at),
        rule=rule,
    )
