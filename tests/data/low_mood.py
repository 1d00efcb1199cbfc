"""Scenario 6, "Low mood, weeks 1-2" (../shared/SCENARIOS.md): the first week, Mon 12 to Sun 18
January 2026. The therapist's plan file sets activity scheduling five times a week and a mood and a
sleep diary every day, and a PHQ-9 each week. Each evening the client plans small
activities for the next day and ticks most of them off with mastery, pleasure and mood; writes the
sleep diary at breakfast (the scenario's night: to bed 23:40, asleep after 40 minutes, awake twice,
up at 7:10) and the day's mood at night. One panic attack on the bus, Thursday. The PHQ-9 the plan
asks once a week: 14 (moderate) on the Monday the plan started, 11 on Sunday.

`build(folder)` writes it into a real store (as the app would); `python -m tests.data.low_mood
FOLDER` does the same by hand (the README's capture of the week grid comes from it).
"""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from homework_tui.model.activation import ActivityEntry, Outcome, PartOfDay
from homework_tui.model.diaries.mood import MoodEntry
from homework_tui.model.diaries.panic import Cue, PanicAttack, Symptom
from homework_tui.model.diaries.sleep import SleepEntry
from homework_tui.model.measures import MeasureResult, Scale
from homework_tui.model.plan_toml import parse_plan
from homework_tui.store import Store
from homework_tui.store.measures import save_result
from homework_tui.store.plan import import_plan
from homework_tui.store.wellbeing import activities, moods, panics, sleeps

MONDAY = date(2026, 1, 12)
SUNDAY_EVENING = datetime(2026, 1, 18, 19, 30, tzinfo=UTC)  # when the week is looked at
PLAN = """\
[plan]
therapist = "Dr Okafor"
next_session = 2026-01-19

[[homework]]
kind = "activity scheduling"
times_a_week = 5
note = "Small, specific, planned the evening before."

[[homework]]
kind = "mood diary"
daily = true

[[homework]]
kind = "sleep diary"
daily = true

[[homework]]
kind = "PHQ-9"
times_a_week = 1
"""
PHQ9 = ((0, (2, 2, 2, 2, 1, 2, 1, 2, 0)), (6, (2, 2, 1, 2, 1, 1, 1, 1, 0)))  # 14, then 11

M, A, E = PartOfDay.MORNING, PartOfDay.AFTERNOON, PartOfDay.EVENING
DONE, NOT, PLANNED = Outcome.DONE, Outcome.NOT_DONE, Outcome.PLANNED
HEALTH, HOME, PEOPLE, FUN, WORK = (
    "Health and body",
    "Home and daily tasks",
    "Relationships",
    "Fun and interests",
    "Work or study",
)
# (day offset, part, what, area, outcome, mastery, pleasure, mood); planned the evening before.
ACTIVITIES: tuple[
    tuple[int, PartOfDay, str, str, Outcome, int | None, int | None, int | None], ...
] = (
    (0, M, "Walk round the park", HEALTH, DONE, 5, 6, 5),
    (0, E, "Call Sam", PEOPLE, NOT, None, None, None),
    (1, M, "Shower and dress by 9", HOME, DONE, 6, 3, 4),
    (1, E, "Read 10 pages", FUN, DONE, 4, 6, 5),
    (2, M, "Walk round the park", HEALTH, DONE, 6, 7, 6),
    (2, A, "Reply to two emails", WORK, NOT, None, None, None),
    (3, M, "Walk round the park", HEALTH, DONE, 6, 7, 7),
    (3, E, "Cook a proper meal", HOME, DONE, 7, 6, 6),
    (4, A, "Coffee with Jo", PEOPLE, DONE, 5, 8, 7),
    (5, M, "Walk round the park", HEALTH, DONE, 6, 7, 7),
    (5, E, "Play the guitar", FUN, NOT, None, None, None),
    (6, A, "Visit Mum", PEOPLE, DONE, 5, 7, 7),
    (6, E, "Plan next week", HOME, PLANNED, None, None, None),
)
MOODS = (3, 4, 5, 6, 6, 5, 6)
# night_of offset from Sun 11: (to bed, tried, minutes to sleep, awakenings, minutes awake, woke, up, quality)
NIGHTS = (
    ("23:40", "23:40", 40, 2, 30, "7:00", "7:10", 3),
    ("23:50", "00:05", 50, 3, 45, "6:40", "7:20", 2),
    ("23:30", "23:35", 35, 2, 25, "7:00", "7:10", 3),
    ("23:15", "23:20", 30, 1, 15, "6:55", "7:05", 3),
    ("23:00", "23:10", 25, 1, 10, "6:50", "7:00", 4),
    ("23:20", "23:25", 20, 1, 10, "7:30", "7:45", 4),
    ("23:40", "23:45", 30, 2, 20, "8:00", "8:15", 3),
)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=UTC)


def build(folder: Path) -> None:
    with Store.open(folder) as store:
        import_plan(store, parse_plan(PLAN, today=MONDAY), today=MONDAY)
        for offset, part, what, area, outcome, mastery, pleasure, mood in ACTIVITIES:
            day = MONDAY + timedelta(days=offset)
            activities(store).add(
                ActivityEntry(
                    what=what,
                    day=day,
                    part=part,
                    area=area,
                    outcome=outcome,
                    mastery=mastery,
                    pleasure=pleasure,
                    mood=mood,
                    created_at=at(day - timedelta(days=1), 20, offset),
                    updated_at=at(day, 21),
                )
            )
        activities(store).add(
            ActivityEntry(
                what="Tidied my desk",
                day=MONDAY + timedelta(days=4),
                part=E,
                area=HOME,
                planned_ahead=False,
                outcome=DONE,
                mastery=6,
                pleasure=4,
                mood=6,
                created_at=at(MONDAY + timedelta(days=4), 20),
            )
        )
        for offset, mood in enumerate(MOODS):
            day = MONDAY + timedelta(days=offset)
            moods(store).add(MoodEntry(day=day, mood=mood, created_at=at(day, 21, 30)))
        for offset, (bed, tried, sol, woke_times, waso, woke, up, quality) in enumerate(NIGHTS):
            night = MONDAY - timedelta(days=1) + timedelta(days=offset)
            sleeps(store).add(
                SleepEntry(
                    night_of=night,
                    to_bed=bed,  # type: ignore[arg-type]
                    tried_to_sleep=tried,  # type: ignore[arg-type]
                    minutes_to_fall_asleep=sol,
                    awakenings=woke_times,
                    minutes_awake=waso,
                    final_awakening=woke,  # type: ignore[arg-type]
                    out_of_bed=up,  # type: ignore[arg-type]
                    quality=quality,
                    zone="Europe/London",
                    created_at=at(night + timedelta(days=1), 8, 30),
                )
            )
        for offset, answers in PHQ9:
            when = at(MONDAY + timedelta(days=offset), 19)
            save_result(store, MeasureResult(scale=Scale.PHQ9, answers=answers, created_at=when))
        panics(store).add(
            PanicAttack(
                at=at(MONDAY + timedelta(days=3), 8, 15),
                where="On the bus to work",
                cue=Cue.OUT_OF_THE_BLUE,
                peak=8,
                symptoms=(Symptom.PALPITATIONS, Symptom.BREATHLESS, Symptom.DIZZY, Symptom.DYING),
                thoughts="I'm having a heart attack",
                what_i_did="Got off a stop early and sat down; it passed in about 10 minutes.",
                created_at=at(MONDAY + timedelta(days=3), 9),
            )
        )


if __name__ == "__main__":
    build(Path(sys.argv[1]))
