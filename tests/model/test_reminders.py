"""The reminder rules: N times a week gives N different days starting on the first day; every
entry starts on a day its rule includes (RFC 5545: DTSTART should be an occurrence)."""

from __future__ import annotations

from datetime import date, time, timedelta

from hypothesis import given
from hypothesis import strategies as st

from homework_tui.model.activity import Kind
from homework_tui.model.plan import Assignment, Every, Frequency
from homework_tui.model.reminders import DAY_CODES, reminder_for, spread_days

DAYS = st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31))


@given(st.integers(1, 7), st.integers(0, 6))
def test_spread_gives_n_different_days_from_the_first(times: int, first: int) -> None:
    days = spread_days(times, first)
    assert len(days) == times and first in days


@given(
    DAYS,
    st.integers(0, 40),
    st.one_of(
        st.builds(lambda n: Frequency(every=Every.WEEK, times=n), st.integers(1, 21)),
        st.builds(
            lambda d: Frequency(every=Every.WEEKDAYS, weekdays=tuple(d)),
            st.sets(st.integers(0, 6), min_size=1),
        ),
        st.just(Frequency()),
    ),
)
def test_every_entry_starts_on_a_day_of_its_rule(
    start: date, later: int, frequency: Frequency
) -> None:
    assignment = Assignment(kind=Kind.JOURNAL, start=start, frequency=frequency)
    today = start + timedelta(days=later)
    reminder = reminder_for(assignment, time(19, 0), today)
    assert reminder is not None
    assert reminder.start.date() >= today and reminder.start.time() == time(19, 0)
    byday = reminder.rule.get("BYDAY")
    if byday is not None:
        assert isinstance(byday, list)
        assert DAY_CODES[reminder.start.weekday()] in byday
        assert reminder.start.date() - today < timedelta(days=7)
    else:
        assert reminder.rule == {"FREQ": "DAILY"} and reminder.start.date() == today
