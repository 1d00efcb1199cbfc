"""The plan's rules: recurrence, what counts as done, Today's groups, and streaks by calendar day."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from homework_tui.model.activity import Activity, Kind, State, parse_kind
from homework_tui.model.base import ValidationError
from homework_tui.model.due import Status, progress_on, streak_of, today_view
from homework_tui.model.plan import (
    Assignment,
    Every,
    Frequency,
    expected_between,
    parse_weekday,
    week_start,
)
from homework_tui.store.codec import from_doc, to_doc

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
MON = date(2025, 3, 10)  # a Monday


def logged(
    kind: Kind,
    day: date,
    *,
    hour: int = 19,
    tz: ZoneInfo = LONDON,
    target: str = "",
    state: State = State.DONE,
) -> Activity:
    at = datetime(day.year, day.month, day.day, hour, 30, tzinfo=tz)
    return Activity(
        kind=kind,
        ref_id=f"{kind}-{day}-{hour}",
        at=at,
        state=state,
        targets=(target,) if target else (),
    )


def daily(kind: Kind = Kind.BREATHING, **kw: object) -> Assignment:
    return Assignment(kind=kind, start=kw.pop("start", MON), **kw)  # type: ignore[arg-type]


# -- recurrence -----------------------------------------------------------------------------------


def test_a_daily_assignment_is_due_each_day_until_done() -> None:
    plan = daily()
    assert progress_on(plan, [], MON).status is Status.TODAY
    done = [logged(Kind.BREATHING, MON)]
    assert progress_on(plan, done, MON).status is Status.DONE
    assert progress_on(plan, done, MON + timedelta(days=1)).status is Status.TODAY


def test_n_times_a_week_counts_monday_to_sunday_and_resets() -> None:
    plan = Assignment(
        kind=Kind.THOUGHT_RECORD, frequency=Frequency(every=Every.WEEK, times=3), start=MON
    )
    week = [logged(Kind.THOUGHT_RECORD, MON), logged(Kind.THOUGHT_RECORD, MON + timedelta(2))]
    wed = progress_on(plan, week, MON + timedelta(days=2))
    assert (wed.status, wed.done, wed.needed) == (Status.WEEK, 2, 3)
    assert "2 of 3 this week, 1 more to go" in wed.line()
    # Sunday with one still to do: it is for today (gently).
    assert progress_on(plan, week, MON + timedelta(days=6)).status is Status.TODAY
    week.append(logged(Kind.THOUGHT_RECORD, MON + timedelta(days=4)))
    assert progress_on(plan, week, MON + timedelta(days=4)).status is Status.DONE
    next_monday = progress_on(plan, week, MON + timedelta(days=7))
    assert (next_monday.status, next_monday.done) == (Status.WEEK, 0)


def test_a_week_that_starts_midweek_asks_only_for_what_fits() -> None:
    plan = Assignment(
        kind=Kind.EXPOSURE,
        frequency=Frequency(every=Every.WEEK, times=5),
        start=MON + timedelta(days=5),
    )  # Saturday
    sat = progress_on(plan, [], MON + timedelta(days=5))
    assert sat.needed == 2 and sat.status is Status.TODAY


def test_given_weekdays_rest_on_the_other_days() -> None:
    plan = Assignment(
        kind=Kind.JOURNAL, start=MON, frequency=Frequency(every=Every.WEEKDAYS, weekdays=(3, 0, 3))
    )
    assert plan.frequency.weekdays == (0, 3)
    assert plan.frequency.describe() == "on Mondays and Thursdays"
    assert progress_on(plan, [], MON).status is Status.TODAY
    assert progress_on(plan, [], MON + timedelta(days=1)).status is Status.REST
    extra = [logged(Kind.JOURNAL, MON + timedelta(days=1))]
    assert progress_on(plan, extra, MON + timedelta(days=1)).status is Status.DONE


def test_once_by_a_date_stays_open_gently_after_its_date() -> None:
    by = MON + timedelta(days=3)
    plan = Assignment(kind=Kind.EXPERIMENT, start=MON, frequency=Frequency(every=Every.ONCE, by=by))
    assert progress_on(plan, [], MON).status is Status.WEEK
    assert progress_on(plan, [], by).status is Status.TODAY
    late = progress_on(plan, [], by + timedelta(days=2))
    assert late.status is Status.OPEN
    assert "whenever you are ready" in late.line() and "late" not in late.line().lower()
    done = [logged(Kind.EXPERIMENT, by + timedelta(days=2))]
    assert progress_on(plan, done, by + timedelta(days=2)).status is Status.DONE
    # Done in an earlier week: it leaves Today.
    assert progress_on(plan, done, by + timedelta(days=14)).status is Status.REST


def test_start_and_end_dates_bound_the_assignment() -> None:
    plan = daily(start=MON, end=MON + timedelta(days=2))
    view = today_view([plan], [], MON + timedelta(days=3))
    assert view.empty and view.has_plan
    assert not today_view([plan], [], MON - timedelta(days=1)).to_do
    before_start = [logged(Kind.BREATHING, MON - timedelta(days=1))]
    assert not plan.counts(before_start[0])


def test_expected_counts_for_the_report() -> None:
    week = (MON, MON + timedelta(days=6))
    assert expected_between(daily(), *week) == 7
    assert (
        expected_between(
            Assignment(
                kind=Kind.THOUGHT_RECORD, start=MON, frequency=Frequency(every=Every.WEEK, times=3)
            ),
            MON,
            MON + timedelta(days=13),
        )
        == 6
    )
    assert (
        expected_between(
            Assignment(
                kind=Kind.JOURNAL,
                start=MON,
                frequency=Frequency(every=Every.WEEKDAYS, weekdays=(0, 3)),
            ),
            *week,
        )
        == 2
    )
    assert expected_between(daily(start=MON + timedelta(days=5)), *week) == 2
    assert (
        expected_between(daily(end=MON - timedelta(days=1), start=MON - timedelta(3)), *week) == 0
    )


# -- what counts as done --------------------------------------------------------------------------


def test_matching_is_by_kind_target_and_finished_work() -> None:
    resonance = daily(target="Resonance")
    assert resonance.counts(logged(Kind.BREATHING, MON, target="resonance"))
    assert not resonance.counts(logged(Kind.BREATHING, MON, target="box"))
    assert not resonance.counts(logged(Kind.PMR, MON, target="resonance"))
    assert daily(target="4-7-8").counts(logged(Kind.BREATHING, MON, target="4 7 8"))
    any_breathing = daily()
    assert any_breathing.counts(logged(Kind.BREATHING, MON, target="box"))
    records = daily(Kind.THOUGHT_RECORD)
    assert not records.counts(logged(Kind.THOUGHT_RECORD, MON, state=State.STARTED))
    ladder = daily(Kind.EXPOSURE, target="Social situations")
    step = Activity(
        kind=Kind.EXPOSURE,
        ref_id="x",
        at=datetime(2025, 3, 10, 9, tzinfo=LONDON),
        targets=("ladder-id", "Social situations", "step-id", "Say hello"),
    )
    assert ladder.counts(step)
    assert daily(Kind.EXPOSURE, target="say hello").counts(step)


def test_a_check_off_counts_only_for_its_own_assignment() -> None:
    walk = Assignment(kind=Kind.OTHER, title="Walk for 20 minutes", start=MON)
    other = Assignment(kind=Kind.OTHER, title="Call a friend", start=MON)
    ticked = Activity(
        kind=Kind.OTHER,
        ref_id="c",
        assignment_id=walk.id,
        at=datetime(2025, 3, 10, 12, tzinfo=LONDON),
    )
    assert walk.counts(ticked) and not other.counts(ticked)
    assert not walk.counts(logged(Kind.OTHER, MON))


def test_editing_an_assignment_keeps_what_was_done() -> None:
    plan = daily(Kind.THOUGHT_RECORD)
    work = [logged(Kind.THOUGHT_RECORD, MON)]
    edited = Assignment(
        id=plan.id,
        kind=plan.kind,
        start=plan.start,
        note="Now with a note",
        frequency=Frequency(every=Every.WEEK, times=2),
    )
    assert progress_on(edited, work, MON).done == 1


def test_today_view_groups_and_words() -> None:
    breathing = daily(target="resonance", minutes=10)
    records = Assignment(
        kind=Kind.THOUGHT_RECORD, start=MON, frequency=Frequency(every=Every.WEEK, times=3)
    )
    waiting = Activity(
        kind=Kind.EXPERIMENT,
        ref_id="e",
        title="Speak up in the meeting",
        at=datetime(2025, 3, 9, 10, tzinfo=LONDON),
        state=State.WAITING,
    )
    view = today_view(
        [breathing, records], [logged(Kind.BREATHING, MON, target="resonance"), waiting], MON
    )
    assert [p.assignment for p in view.done] == [breathing]
    assert [p.assignment for p in view.this_week] == [records]
    assert view.waiting == (waiting,)
    lines = view.lines()
    assert "This week: Thought record: 0 of 3 this week, 3 more to go" in lines
    assert "Done: Resonance breathing, 10 minutes: done today" in lines
    assert "Waiting for an outcome: Speak up in the meeting" in lines
    words = " ".join([*lines, view.summary(), view.streak.line()]).lower()
    for harsh in ("missed", "failed", "late", "overdue", "behind", "should"):
        assert harsh not in words


# -- streaks --------------------------------------------------------------------------------------


def test_streak_runs_across_month_and_year_ends() -> None:
    days = [date(2024, 12, 30), date(2024, 12, 31), date(2025, 1, 1)]
    assert streak_of(days, date(2025, 1, 1)).current == 3
    leap = [date(2024, 2, 28), date(2024, 2, 29), date(2024, 3, 1)]
    assert streak_of(leap, date(2024, 3, 1)).current == 3
    gap = [date(2025, 2, 27), date(2025, 3, 1)]  # 28 February missing
    assert streak_of(gap, date(2025, 3, 1)).current == 1


def test_streak_stays_alive_until_the_day_ends() -> None:
    days = [MON - timedelta(days=2), MON - timedelta(days=1)]
    streak = streak_of(days, MON)
    assert (streak.current, streak.today) == (2, False)
    assert "keeps it going" in streak.line()
    broken = streak_of(days, MON + timedelta(days=1))
    assert (broken.current, broken.best) == (0, 2)
    assert "new run" in broken.line()


def test_streak_across_daylight_saving_changes_counts_dates_not_hours() -> None:
    # London springs forward on 30 March 2025 (a 23-hour day) and falls back on 26 October.
    spring = [
        logged(Kind.BREATHING, date(2025, 3, 29), hour=23),
        logged(Kind.BREATHING, date(2025, 3, 30), hour=0),
        logged(Kind.BREATHING, date(2025, 3, 31), hour=23),
    ]
    assert [a.day for a in spring] == [date(2025, 3, 29), date(2025, 3, 30), date(2025, 3, 31)]
    assert streak_of((a.day for a in spring), date(2025, 3, 31)).current == 3
    # Two entries 25 hours apart on the autumn change are still on consecutive days.
    first = datetime(2025, 10, 25, 23, 30, tzinfo=LONDON)
    second = first.astimezone(timezone.utc) + timedelta(hours=25)
    second_local = second.astimezone(LONDON)
    assert second_local.date() == date(2025, 10, 26)
    acts = [
        Activity(kind=Kind.JOURNAL, ref_id="a", at=first),
        Activity(kind=Kind.JOURNAL, ref_id="b", at=second_local),
    ]
    assert streak_of((a.day for a in acts), date(2025, 10, 26)).current == 2


def test_the_day_is_the_local_date_in_the_stored_offset() -> None:
    # 23:30 in New York is already the next day in UTC; it still counts for the New York day.
    late = logged(Kind.THOUGHT_RECORD, date(2025, 3, 9), hour=23, tz=NEW_YORK)
    assert late.at.astimezone(timezone.utc).date() == date(2025, 3, 10)
    assert late.day == date(2025, 3, 9)
    # ... and survives the trip through the store's ISO 8601 text.
    again = datetime.fromisoformat(late.at.isoformat())
    assert again.date() == date(2025, 3, 9)


@pytest.mark.parametrize("tz", ["America/New_York", "Europe/London", "Asia/Kolkata"])
def test_records_made_now_fall_on_the_local_calendar_day(tz: str) -> None:
    """In a process whose clock is in `tz`, a record's day is that zone's date, not UTC's."""
    code = (
        "from datetime import datetime, timedelta;"
        "from homework_tui.model.thought_record import ThoughtRecord;"
        "from homework_tui.model.activity import day_of;"
        "from homework_tui.store.codec import to_doc, from_doc;"
        "r = from_doc(ThoughtRecord, to_doc(ThoughtRecord(situation='x')));"
        "local = datetime.now().date();"
        "print(day_of(r.created_at) == local, r.created_at.utcoffset() == "
        "datetime.now().astimezone().utcoffset())"
    )
    env = {**os.environ, "TZ": tz}
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=30
    )
    assert run.stdout.split() == ["True", "True"], run.stderr


@given(
    st.sets(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)), max_size=40),
    st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
)
def test_streak_properties(days: set[date], today: date) -> None:
    streak = streak_of(days, today)
    assert 0 <= streak.current <= streak.best
    assert streak.current <= len(days)
    start = today if today in days else today - timedelta(days=1)
    for n in range(streak.current):
        assert start - timedelta(days=n) in days
    assert start - timedelta(days=streak.current) not in days


# -- validation and storage -----------------------------------------------------------------------


def test_assignments_explain_what_is_wrong() -> None:
    with pytest.raises(ValidationError) as caught:
        Frequency(every=Every.WEEK, times=-2)
    assert caught.value.field == "times" and "-2" in caught.value.message
    with pytest.raises(ValidationError):
        Frequency(every=Every.WEEKDAYS)
    with pytest.raises(ValidationError):
        Frequency(every=Every.ONCE)
    with pytest.raises(ValidationError) as caught:
        Assignment(kind=Kind.OTHER, start=MON)
    assert caught.value.field == "title"
    with pytest.raises(ValidationError) as caught:
        daily(end=MON - timedelta(days=1))
    assert "before the first" in caught.value.message


def test_assignments_round_trip_through_the_store_codec() -> None:
    plan = Assignment(
        kind=Kind.JOURNAL,
        start=MON,
        note="Short is fine.\n[bold]kept[/]",
        frequency=Frequency(every=Every.WEEKDAYS, weekdays=(1, 4)),
        minutes=5,
    )
    assert from_doc(Assignment, to_doc(plan)) == plan
    assert to_doc(plan)["kind"] == "journal"


def test_words_for_kinds_and_weekdays() -> None:
    assert parse_kind("Thought record") is Kind.THOUGHT_RECORD
    assert parse_kind("thought_record") is Kind.THOUGHT_RECORD
    assert parse_kind("Progressive muscle relaxation") is Kind.PMR
    assert parse_kind("free text") is Kind.OTHER
    assert parse_kind("yoga") is None
    assert [parse_weekday(w) for w in ("Mon", "tuesday", "Thursdays", "su", "x", "t")] == [
        0,
        1,
        3,
        6,
        None,
        None,
    ]
    assert week_start(date(2025, 3, 16)) == MON
