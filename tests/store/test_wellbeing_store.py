"""Activities and diaries on a real TinyDB file: stored, read back after reopening, and counted by
the plan, Today and the streak like every other kind of homework."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from homework_tui.model.activation import ActivityEntry, Outcome, PartOfDay
from homework_tui.model.activity import Kind, State
from homework_tui.model.diaries.mood import MoodEntry
from homework_tui.model.diaries.panic import Cue, PanicAttack, Symptom
from homework_tui.model.diaries.sleep import SleepEntry
from homework_tui.model.due import today_view
from homework_tui.model.plan import Assignment, Every, Frequency
from homework_tui.store import Store
from homework_tui.store.activities import SOURCES, gather
from homework_tui.store.wellbeing import activities, moods, panics, sleeps

UK = timezone(timedelta(hours=0))
MON = date(2026, 1, 12)


def stamp(day: date, hour: int = 8) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UK)


def fill(store: Store) -> None:
    activities(store).add(
        ActivityEntry(
            what="Walk round the park",
            day=MON,
            part=PartOfDay.MORNING,
            area="Health and body",
            outcome=Outcome.DONE,
            mastery=6,
            pleasure=7,
            mood=6,
            created_at=stamp(MON - timedelta(days=1), 20),
        )
    )
    activities(store).add(
        ActivityEntry(
            what="Call Sam",
            day=MON,
            part=PartOfDay.EVENING,
            created_at=stamp(MON - timedelta(days=1), 20),
        )
    )
    moods(store).add(MoodEntry(day=MON, mood=4, note="Flat", created_at=stamp(MON, 21)))
    sleeps(store).add(
        SleepEntry(
            night_of=MON - timedelta(days=1),
            to_bed="23:40",
            tried_to_sleep="23:40",
            minutes_to_fall_asleep=40,
            awakenings=2,
            minutes_awake=30,
            final_awakening="7:00",
            out_of_bed="7:10",
            quality=3,
            zone="Europe/London",
            created_at=stamp(MON, 8),
        )
    )
    panics(store).add(
        PanicAttack(
            at=stamp(MON, 15),
            where="Bus",
            cue=Cue.OUT_OF_THE_BLUE,
            peak=8,
            symptoms=(Symptom.PALPITATIONS, Symptom.DIZZY, Symptom.SWEATING, Symptom.DYING),
            thoughts="[red]heart attack[/red]",
            created_at=stamp(MON, 16),
        )
    )


def test_each_kind_survives_reopening_and_is_gathered(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        fill(store)
    with Store.open(tmp_path) as store:
        assert [e.what for e in activities(store).all(reverse=False)] == [
            "Walk round the park",
            "Call Sam",
        ]
        assert sleeps(store).all()[0].efficiency == 82
        assert panics(store).all()[0].thoughts == "[red]heart attack[/red]"
        found = gather(store)
    by_kind = {kind: [a for a in found if a.kind is kind] for kind in Kind}
    walk, call = by_kind[Kind.ACTIVITY_SCHEDULING]  # each on its day and part of the day
    assert (walk.state, walk.day, walk.fact("Mastery (0-10)")) == (State.DONE, MON, "6")
    assert (call.state, call.day, call.at.hour) == (State.WAITING, MON, 19)  # planned, not done
    assert by_kind[Kind.MOOD_DIARY][0].measure("mood") == 4
    sleep = by_kind[Kind.SLEEP_DIARY][0]
    assert sleep.day == MON
    assert sleep.fact("Total sleep") == "6 h 10 min" and sleep.fact("Sleep efficiency (%)") == "82"
    assert by_kind[Kind.PANIC_DIARY][0].fact("Number of symptoms") == "4 (full attack)"
    assert {"activity_scheduling", "mood_diary", "sleep_diary", "panic_diary"} <= {
        s.name for s in SOURCES
    }


def test_the_plan_today_and_the_streak_count_them(tmp_path: Path) -> None:
    plan = [
        Assignment(
            kind=Kind.ACTIVITY_SCHEDULING, frequency=Frequency(every=Every.WEEK, times=5), start=MON
        ),
        Assignment(kind=Kind.MOOD_DIARY, frequency=Frequency(every=Every.DAY), start=MON),
        Assignment(kind=Kind.SLEEP_DIARY, frequency=Frequency(every=Every.DAY), start=MON),
        Assignment(
            kind=Kind.PANIC_DIARY, frequency=Frequency(every=Every.WEEK, times=1), start=MON
        ),
    ]
    with Store.open(tmp_path) as store:
        fill(store)
        found = gather(store)
    view = today_view(plan, found, MON)
    assert sorted(p.assignment.kind for p in view.done) == sorted(
        [Kind.MOOD_DIARY, Kind.SLEEP_DIARY, Kind.PANIC_DIARY]
    )
    activity = next(p for p in view.this_week if p.assignment.kind is Kind.ACTIVITY_SCHEDULING)
    assert activity.done == 1
    assert view.streak.current == 1
    assert not view.started  # a planned activity is not "started" work to finish
