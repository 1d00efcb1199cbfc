"""Behavioural activation and the mood, sleep and panic diaries: their tables, repositories and the
`Source`s that let Today, streaks, `homework-tui today`, the report and CSV count them."""

from __future__ import annotations

from datetime import date, datetime, time

from homework_tui.i18n import N_, _
from homework_tui.model.activation import ActivityEntry, PartOfDay
from homework_tui.model.activity import Activity, Kind, State
from homework_tui.model.diaries.clock import clock_text, minutes_text
from homework_tui.model.diaries.mood import MoodEntry
from homework_tui.model.diaries.panic import PanicAttack
from homework_tui.model.diaries.sleep import SleepEntry
from homework_tui.store.activity_source import Source, day_in_short
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
    N_("Day"),
    N_("Part of day"),
    N_("Activity"),
    N_("Life area or value"),
    N_("Planned ahead"),
    N_("Outcome"),
    N_("Mastery (0-10)"),
    N_("Pleasure (0-10)"),
    N_("Mood (0-10)"),
    N_("Note"),
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
                    (N_("Day"), entry.day.isoformat()),
                    (N_("Part of day"), entry.part.label),
                    (N_("Activity"), entry.what),
                    (N_("Life area or value"), entry.area),
                    (N_("Planned ahead"), N_("yes") if entry.planned_ahead else N_("no")),
                    (N_("Outcome"), entry.outcome.label),
                    (N_("Mastery (0-10)"), _n(entry.mastery)),
                    (N_("Pleasure (0-10)"), _n(entry.pleasure)),
                    (N_("Mood (0-10)"), _n(entry.mood)),
                    (N_("Note"), entry.note),
                ),
                measures=_measures(mastery=entry.mastery, pleasure=entry.pleasure, mood=entry.mood),
                text=entry.note,
            )
        )
    return found


MOOD_COLUMNS = (N_("Day"), N_("Mood (0-10)"), N_("Note"))


def read_mood_diary(store: Store) -> list[Activity]:
    return [
        Activity(
            kind=Kind.MOOD_DIARY,
            ref_id=entry.id,
            at=_placed(entry.created_at, entry.day, time(20)),
            title=_("Mood {mood}/10").format(mood=entry.mood),
            facts=(
                (N_("Day"), entry.day.isoformat()),
                (N_("Mood (0-10)"), _n(entry.mood)),
                (N_("Note"), entry.note),
            ),
            measures=_measures(mood=entry.mood),
            text=entry.note,
        )
        for entry in moods(store).all(reverse=False)
    ]


SLEEP_COLUMNS = (
    N_("Night of"),
    N_("To bed"),
    N_("Tried to sleep"),
    N_("Minutes to fall asleep"),
    N_("Awakenings"),
    N_("Minutes awake"),
    N_("Final awakening"),
    N_("Out of bed"),
    N_("Quality (1-5)"),
    N_("Time in bed"),
    N_("Total sleep"),
    N_("Sleep efficiency (%)"),
    N_("Notes"),
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
                title=_("Night of {night}: {sleep} asleep, {efficiency}%").format(
                    night=day_in_short(entry.night_of),
                    sleep=minutes_text(entry.total_sleep),
                    efficiency=entry.efficiency,
                ),
                facts=(
                    (N_("Night of"), entry.night_of.isoformat()),
                    (N_("To bed"), clock_text(entry.to_bed)),
                    (N_("Tried to sleep"), clock_text(entry.tried_to_sleep)),
                    (N_("Minutes to fall asleep"), _n(entry.minutes_to_fall_asleep)),
                    (N_("Awakenings"), _n(entry.awakenings)),
                    (N_("Minutes awake"), _n(entry.minutes_awake)),
                    (N_("Final awakening"), clock_text(entry.final_awakening)),
                    (N_("Out of bed"), clock_text(entry.out_of_bed)),
                    (N_("Quality (1-5)"), entry.quality_text),
                    (N_("Time in bed"), minutes_text(entry.time_in_bed)),
                    (N_("Total sleep"), minutes_text(entry.total_sleep)),
                    (N_("Sleep efficiency (%)"), _n(entry.efficiency)),
                    (N_("Notes"), entry.notes),
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
    N_("When"),
    N_("Where"),
    N_("Expected"),
    N_("Peak anxiety (0-10)"),
    N_("Symptoms"),
    N_("Number of symptoms"),
    N_("Thoughts"),
    N_("What I did"),
)


def read_panic_diary(store: Store) -> list[Activity]:
    return [
        Activity(
            kind=Kind.PANIC_DIARY,
            ref_id=attack.id,
            at=attack.at,
            title=(
                _("Panic, peak {peak}/10, {where}").format(peak=attack.peak, where=attack.where)
                if attack.where
                else _("Panic, peak {peak}/10").format(peak=attack.peak)
            ),
            facts=(
                (N_("When"), f"{attack.at:%Y-%m-%d %H:%M}"),
                (N_("Where"), attack.where),
                (N_("Expected"), attack.cue.label),
                (N_("Peak anxiety (0-10)"), _n(attack.peak)),
                (N_("Symptoms"), attack.symptoms_text()),
                (N_("Number of symptoms"), f"{len(attack.symptoms)} ({attack.attack_kind})"),
                (N_("Thoughts"), attack.thoughts),
                (N_("What I did"), attack.what_i_did),
            ),
            measures=_measures(peak=attack.peak, symptoms=len(attack.symptoms)),
            text=attack.thoughts,
        )
        for attack in panics(store).all(reverse=False)
    ]


WELLBEING_SOURCES: tuple[Source, ...] = (
    Source(
        "activity_scheduling",
        N_("Activity scheduling"),
        (Kind.ACTIVITY_SCHEDULING,),
        ACTIVITY_COLUMNS,
        read_activation,
    ),
    Source("mood_diary", N_("Mood diary"), (Kind.MOOD_DIARY,), MOOD_COLUMNS, read_mood_diary),
    Source("sleep_diary", N_("Sleep diary"), (Kind.SLEEP_DIARY,), SLEEP_COLUMNS, read_sleep_diary),
    Source("panic_diary", N_("Panic diary"), (Kind.PANIC_DIARY,), PANIC_COLUMNS, read_panic_diary),
)
