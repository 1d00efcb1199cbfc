"""The plan's reminders as an iCalendar file (RFC 5545, with the icalendar library): one
repeating VEVENT per homework with a VALARM at its time, so a phone's calendar reminds the person
without the app running or any network."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event, vRecur

from homework_tui import __version__
from homework_tui.i18n import _
from homework_tui.model.plan import Assignment
from homework_tui.model.reminders import reminder_for


def plan_calendar(
    assignments: Iterable[Assignment], *, at: time, today: date, stamp: datetime
) -> tuple[bytes, int]:
    """The calendar file's bytes and how many entries it holds."""
    calendar = Calendar()
    calendar.add("prodid", f"-//homework-tui//homework-tui {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Therapy homework"))
    count = 0
    for assignment in assignments:
        reminder = reminder_for(assignment, at, today)
        if reminder is None:
            continue
        event = Event()
        event.add("uid", reminder.uid)
        event.add("dtstamp", stamp)
        event.add("summary", reminder.summary)
        event.add("description", reminder.description)
        event.add("dtstart", reminder.start)
        event.add("duration", timedelta(minutes=assignment.minutes or 15))
        if reminder.rule:
            event.add("rrule", vRecur(reminder.rule))
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Homework: {reminder.summary}")
        alarm.add("trigger", timedelta(0))
        event.add_component(alarm)
        calendar.add_component(event)
        count += 1
    return calendar.to_ical(), count
