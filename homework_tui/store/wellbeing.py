"""Behavioural activation and the mood, sleep and panic diaries: their tables, repositories and the
`Source`s that let Today, streaks, `homework-tui today`, the report and CSV count them."""

from __future__ import annotations

from datetime import date, datetime, time

from homework_tui.model.activation import ActivityEntry, PartOfDay
from homework_tui.model.activity import Activity, Kind, State
from homework_tui.model.diaries.clock import clock_text, minutes_text
from homework_tui.model.diaries.mood import MoodEntry
from homework_tui.model.diaries.panic import PanicAttack
from homework_tui.model.diaries.sleep import SleepEntry
from homework_tui.store.activity_source import Source
from homework_tui.store.db import Store
from homework_tui.store.repos import Repository

ACTIVATION_TABLE = "activation"
MOOD_DIARY_TABLE = "mood_diary"
SLEEP_DIARY_TABLE = "sleep_diary"
PANIC_DIARY_TABLE = "panic_diary"

# The clock time a done activity is placed at within its day (its part of the day).
PART_TIMES = {
    PartOfDay.MORNING: time(9),
    PartOfDay.AFTERNOON: time(14),
    PartOfDay.EVENING: time(19),
    PartOfDay.NIGHT: time(22, 30),
}


def activities(store: Store) -> Repository[ActivityEntry]:
    return Repository(store, ACTIVATION_TABLE, ActivityEntry)


def moods(store: Store) -> Repository[MoodEntry]:
    return Repository(store, MOOD_DIARY_TABLE, MoodEntry)


def sleeps(store: Store) -> Repository[SleepEntry]:
    return Repository(store, SLEEP_DIARY_TABLE, SleepEntry)


def panics(store: Store) -> Repository[PanicAttack]:
    return Repository(store, PANIC_DIARY_TABLE, PanicAttack)


def _n(value: int | float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _measures(**values: float | None) -> tuple[tuple[str, float], ...]:
    return tuple((k, float(v)) for k, v in values.items() if v is not None)


def _placed(created: datetime, day: date, at: time) -> datetime:
    """`created` when it falls on `day`, else `day` at `at` in `created`'s UTC offset."""
    if created.date() == day:
        return created
    return datetime.combine(day, at, tzinfo=created.tzinfo)


ACTIVITY_COLUMNS = (
    "Day",
    "Part of day",
    "Activity",
    "Life area or value",
    "Planned ahead",
    "Outcome",
    "Mastery (0-10)",
    "Pleasure (0-10)",
    "Mood (0-10)",
    "Note",
)


def read_activation(store: Store) -> list[Activity]:
    """Each activity sits on its own day, at its part of the day (so the report, CSV and grid
    agree on when it was): done, it counts as done; planned and not (yet) done, it is waiting,
    never done, and never "started" work to finish."""
    found = []
    for entry in activities(store).all(reverse=False):
        at = datetime.combine(entry.day, PART_TIMES[entry.part], tzinfo=entry.created_at.tzinfo)
        found.append(
            Activity(
                kind=Kind.ACTIVITY_SCHEDULING,
                ref_id=entry.id,
                at=at,
                title=entry.what,
                state=State.DONE if entry.done else State.WAITING,
                targets=(entry.what, entry.area),
                group=entry.area,
                facts=(
                    ("Day", entry.day.isoformat()),
                    ("Part of day", entry.part.label),
                    ("Activity", entry.what),
                    ("Life area or value", entry.area),
                    ("Planned ahead", "yes" if entry.planned_ahead else "no"),
                    ("Outcome", entry.outcome.label),
                    ("Mastery (0-10)", _n(entry.mastery)),
                    ("Pleasure (0-10)", _n(entry.pleasure)),
                    ("Mood (0-10)", _n(entry.mood)),
                    ("Note", entry.note),
                ),
                measures=_measures(mastery=entry.mastery, pleasure=entry.pleasure, mood=entry.mood),
                text=entry.note,
            )
        )
    return found


MOOD_COLUMNS = ("Day", "Mood (0-10)", "Note")


def read_mood_diary(store: Store) -> list[Activity]:
    return [
        Activity(
            kind=Kind.MOOD_DIARY,
            ref_id=entry.id,
            at=_placed(entry.created_at, entry.day, time(20)),
            title=f"Mood {entry.mood}/10",
            facts=(
                ("Day", entry.day.isoformat()),
                ("Mood (0-10)", _n(entry.mood)),
                ("Note", entry.note),
            ),
            measures=_measures(mood=entry.mood),
            text=entry.note,
        )
        for entry in moods(store).all(reverse=False)
    ]


SLEEP_COLUMNS = (
    "Night of",
    "To bed",
    "Tried to sleep",
    "Minutes to fall asleep",
    "Awakenings",
    "Minutes awake",
    "Final awakening",
    "Out of bed",
    "Quality (1-5)",
    "Time in bed",
    "Total sleep",
    "Sleep efficiency (%)",
    "Notes",
)


def read_sleep_diary(store: Store) -> list[Activity]:
    """Each night counts on the morning it ended (when the diary is written)."""
    found = []
    for entry in sleeps(store).all(reverse=False):
        found.append(
            Activity(
                kind=Kind.SLEEP_DIARY,
                ref_id=entry.id,
                at=_placed(entry.created_at, entry.woke_on, entry.out_of_bed),
                title=(
                    f"Night of {entry.night_of:%a %d %b}: {minutes_text(entry.total_sleep)} "
                    f"asleep, {entry.efficiency}%"
                ),
                facts=(
                    ("Night of", entry.night_of.isoformat()),
                    ("To bed", clock_text(entry.to_bed)),
                    ("Tried to sleep", clock_text(entry.tried_to_sleep)),
                    ("Minutes to fall asleep", _n(entry.minutes_to_fall_asleep)),
                    ("Awakenings", _n(entry.awakenings)),
                    ("Minutes awake", _n(entry.minutes_awake)),
                    ("Final awakening", clock_text(entry.final_awakening)),
                    ("Out of bed", clock_text(entry.out_of_bed)),
                    ("Quality (1-5)", entry.quality_text),
                    ("Time in bed", minutes_text(entry.time_in_bed)),
                    ("Total sleep", minutes_text(entry.total_sleep)),
                    ("Sleep efficiency (%)", _n(entry.efficiency)),
                    ("Notes", entry.notes),
                ),
                measures=_measures(
                    time_in_bed=entry.time_in_bed,
                    total_sleep=entry.total_sleep,
                    efficiency=entry.efficiency,
                    quality=entry.quality,
                ),
                text=entry.notes,
            )
        )
    return found


PANIC_COLUMNS = (
    "When",
    "Where",
    "Expected",
    "Peak anxiety (0-10)",
    "Symptoms",
    "Number of symptoms",
    "Thoughts",
    "What I did",
)


def read_panic_diary(store: Store) -> list[Activity]:
    return [
        Activity(
            kind=Kind.PANIC_DIARY,
            ref_id=attack.id,
            at=attack.at,
            title=f"Panic, peak {attack.peak}/10{', ' + attack.where if attack.where else ''}",
            facts=(
                ("When", f"{attack.at:%Y-%m-%d %H:%M}"),
                ("Where", attack.where),
                ("Expected", attack.cue.label),
                ("Peak anxiety (0-10)", _n(attack.peak)),
                ("Symptoms", attack.symptoms_text()),
                ("Number of symptoms", f"{len(attack.symptoms)} ({attack.attack_kind})"),
                ("Thoughts", attack.thoughts),
                ("What I did", attack.what_i_did),
            ),
            measures=_measures(peak=attack.peak, symptoms=len(attack.symptoms)),
            text=attack.thoughts,
        )
        for attack in panics(store).all(reverse=False)
    ]


WELLBEING_SOURCES: tuple[Source, ...] = (
    Source(
        "activity_scheduling",
        "Activity scheduling",
        (Kind.ACTIVITY_SCHEDULING,),
        ACTIVITY_COLUMNS,
        read_activation,
    ),
    Source("mood_diary", "Mood diary", (Kind.MOOD_DIARY,), MOOD_COLUMNS, read_mood_diary),
    Source("sleep_diary", "Sleep diary", (Kind.SLEEP_DIARY,), SLEEP_COLUMNS, read_sleep_diary),
    Source("panic_diary", "Panic diary", (Kind.PANIC_DIARY,), PANIC_COLUMNS, read_panic_diary),
)
