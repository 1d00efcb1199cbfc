"""Insights: counts per kind, mood, SUDS and relaxation trends over a week or a month."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from homework_tui.model.activity import Activity, Kind, State
from homework_tui.model.insights import MONTH_DAYS, WEEK_DAYS, insights, period_ending

LONDON = ZoneInfo("Europe/London")
TODAY = date(2025, 3, 31)


def act(
    kind: Kind, days_ago: int, state: State = State.DONE, group: str = "", **measures: float
) -> Activity:
    day = TODAY - timedelta(days=days_ago)
    return Activity(
        kind=kind,
        ref_id=f"{kind}{days_ago}{group}",
        state=state,
        group=group,
        at=datetime(day.year, day.month, day.day, 20, tzinfo=LONDON),
        measures=tuple(measures.items()),
    )


DATA = [
    act(Kind.THOUGHT_RECORD, 1, mood_before=80, mood_after=45),
    act(Kind.THOUGHT_RECORD, 3, mood_before=70, mood_after=50),
    act(Kind.THOUGHT_RECORD, 4, State.STARTED),
    act(Kind.BREATHING, 0, tension_before=70, tension_after=40, minutes=10),
    act(Kind.BREATHING, 2, tension_before=60, tension_after=40, minutes=5),
    act(Kind.EXPOSURE, 6, group="Say hello to a neighbour", peak=60, end=30),
    act(Kind.EXPOSURE, 2, group="Say hello to a neighbour", peak=45, end=20),
    act(Kind.EXPERIMENT, 5, State.WAITING, belief_before=80),
    act(Kind.JOURNAL, 1, mood=4),
    act(Kind.JOURNAL, 0, mood=6),
    act(Kind.BREATHING, 20, tension_before=50, tension_after=45, minutes=10),
]


def test_a_week_in_numbers_and_words() -> None:
    week = insights(DATA, *period_ending(TODAY, WEEK_DAYS))
    assert dict(week.counts) == {
        Kind.THOUGHT_RECORD: 2,
        Kind.BREATHING: 2,
        Kind.EXPOSURE: 2,
        Kind.JOURNAL: 2,
    }
    assert week.per_day == (1, 1, 1, 1, 2, 2, 2)
    assert week.days_practised == 7
    assert week.mood is not None and (week.mood.before, week.mood.after) == (75, 47.5)
    assert week.relaxation is not None and week.relaxation.drop == 25
    assert week.relaxation_minutes == 15
    assert week.belief is None  # the experiment is still waiting for its outcome
    assert [t.peaks for t in week.steps] == [(60, 45)]
    text = "\n".join(week.sentences())
    assert "You practised on 7 of 7 days: 2 thought records" in text
    assert "moods went from 75 to 48 on average (28 points lower, 2 records)" in text
    assert (
        "Relaxation: tension from 65 to 40 (of 100) on average (25 points lower, 2 sessions); "
        "15 minutes in all."
    ) in text
    assert "Say hello to a neighbour: practised 2 times; peak SUDS 60 → 45 (down 15)." in text
    assert "Journal mood (0-10): 4 → 6." in text


def test_anxiety_ratings_show_on_their_own_scale() -> None:
    rated = [*DATA, act(Kind.PMR, 5, anxiety_before=7, anxiety_after=2, minutes=20)]
    week = insights(rated, *period_ending(TODAY, WEEK_DAYS))
    assert week.relaxation_anxiety is not None and week.relaxation_anxiety.drop == 5
    assert week.relaxation is not None and week.relaxation.count == 2  # never mixed in
    text = "\n".join(week.sentences())
    assert (
        "Relaxation: tension from 65 to 40 (of 100) on average (25 points lower, 2 sessions); "
        "anxiety from 7 to 2 (of 10) on average (5 points lower, 1 session); "
        "35 minutes in all."
    ) in text


def test_a_month_takes_in_more_and_compares_kindly() -> None:
    month = insights(DATA, *period_ending(TODAY, MONTH_DAYS))
    assert month.first == date(2025, 3, 2) and len(month.per_day) == 30
    assert dict(month.counts)[Kind.BREATHING] == 3
    week = insights(DATA, *period_ending(TODAY - timedelta(days=7), WEEK_DAYS))
    assert week.total == 0
    assert week.sentences() == [
        "Nothing logged in these days yet. Whenever you do some homework, it shows up here."
    ]
    later = insights([*DATA, act(Kind.PMR, 8)], *period_ending(TODAY, WEEK_DAYS))
    assert later.previous_total == 1
    assert "That is more than the 7 days before (1)." in later.sentences()
