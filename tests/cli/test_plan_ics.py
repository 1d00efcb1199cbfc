"""`homework-tui plan ics`: one repeating entry per homework with an alarm, parsed back with
icalendar (count and RRULE); the rules from each frequency at fixed dates; `today --brief`."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from homework_tui.model.activity import Kind
from homework_tui.model.base import ValidationError
from homework_tui.model.plan import Assignment, Every, Frequency
from homework_tui.model.reminders import parse_at, reminder_for, spread_days
from homework_tui.report.ics import plan_calendar
from homework_tui.store import Store
from homework_tui.store.plan import assignments_repo, check_off

MONDAY = date(2025, 3, 10)


def plan(start: date) -> list[Assignment]:
    return [
        Assignment(kind=Kind.JOURNAL, start=start),  # every day
        Assignment(
            kind=Kind.OTHER,
            title="Activity scheduling",
            start=start,
            frequency=Frequency(every=Every.WEEK, times=5),
        ),
        Assignment(
            kind=Kind.PHQ9,
            start=start,
            end=start + timedelta(days=27),
            frequency=Frequency(every=Every.WEEKDAYS, weekdays=(3,)),
        ),
        Assignment(
            kind=Kind.EXPERIMENT,
            start=start,
            frequency=Frequency(every=Every.ONCE, by=start + timedelta(days=4)),
        ),
        Assignment(kind=Kind.BREATHING, start=start - timedelta(days=30), end=start - timedelta(1)),
    ]


def test_spread_and_time() -> None:
    assert spread_days(3, 0) == (0, 2, 4)
    assert spread_days(5, 0) == (0, 1, 2, 4, 5)
    assert spread_days(2, 3) == (3, 6)
    assert parse_at("7:30") == time(7, 30)
    with pytest.raises(ValidationError, match="write it like 19:00"):
        parse_at("25:00")


def test_calendar_parses_back_with_one_entry_each_and_its_rule() -> None:
    data, count = plan_calendar(
        plan(MONDAY), at=time(19, 0), today=MONDAY, stamp=datetime(2025, 3, 9, 12, 0)
    )
    events = Calendar.from_ical(data).walk("VEVENT")
    assert count == len(events) == 4  # the ended breathing homework is left out
    rules = {str(e["summary"]): e.get("rrule") for e in events}
    assert rules["Journal"] == {"FREQ": ["DAILY"]}
    assert rules["Activity scheduling"] == {
        "FREQ": ["WEEKLY"],
        "BYDAY": ["MO", "TU", "WE", "FR", "SA"],
    }
    phq = rules["PHQ-9 (depression)"]
    assert phq["FREQ"] == ["WEEKLY"] and phq["BYDAY"] == ["TH"]
    assert phq["UNTIL"] == [datetime(2025, 4, 6, 23, 59, 59)]
    assert rules["Behavioural experiment"] is None
    starts = {str(e["summary"]): e.decoded("dtstart") for e in events}
    assert starts["PHQ-9 (depression)"] == datetime(2025, 3, 13, 19, 0)  # the first Thursday
    assert starts["Behavioural experiment"] == datetime(2025, 3, 14, 19, 0)
    for event in events:
        (alarm,) = event.walk("VALARM")
        assert alarm["action"] == "DISPLAY" and alarm.decoded("trigger") == timedelta(0)


def test_a_rule_starts_today_when_the_plan_started_before() -> None:
    journal = plan(MONDAY)[0]
    reminder = reminder_for(journal, time(8, 0), MONDAY + timedelta(days=9))
    assert reminder is not None and reminder.start == datetime(2025, 3, 19, 8, 0)


def _next_monday() -> date:
    today = date.today()
    return today + timedelta(days=7 - today.weekday())


def test_plan_ics_cli_writes_a_file_a_calendar_reads(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with Store.open(cli.data) as store:
        for assignment in plan(_next_monday())[:4]:
            assignments_repo(store).add(assignment)
    out = tmp_path / "homework.ics"
    run = cli("plan", "ics", "--out", str(out), "--at", "18:30")
    assert run.returncode == 0, run.stderr
    assert "Saved 4 reminders at 18:30" in run.stderr
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert len(events) == 4
    assert all(e.decoded("dtstart").time() == time(18, 30) for e in events)
    bad = cli("plan", "ics", "--out", str(out), "--at", "half six")
    assert bad.returncode == 2 and "“half six” is not a time of day" in bad.stderr


def test_plan_ics_with_no_plan_says_so(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    Store.open(cli.data).close()
    run = cli("plan", "ics", "--out", str(tmp_path / "x.ics"))
    assert run.returncode == 1 and "no current homework" in run.stderr
    assert not (tmp_path / "x.ics").exists()


def test_today_brief_is_one_line(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("today", "--brief").stdout == "homework: no plan yet\n"
    today = date.today()
    with Store.open(cli.data) as store:
        repo = assignments_repo(store)
        first = repo.add(Assignment(kind=Kind.OTHER, title="Walk", start=today))
        repo.add(Assignment(kind=Kind.OTHER, title="Call a friend", start=today))
        check_off(store, first, today)
    run = cli("today", "--brief")
    assert run.returncode == 0 and run.stdout == "homework: 1 of 2 done today\n"


def test_today_brief_never_asks_for_a_passphrase(cli) -> None:  # type: ignore[no-untyped-def]
    Store.open(cli.data).close()
    assert cli("encrypt", stdin="hunter2hunter2\nhunter2hunter2\n").returncode == 0
    run = cli("today", "--brief")
    assert run.returncode == 0 and run.stdout == "homework: protected with a passphrase\n"
