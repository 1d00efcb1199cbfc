"""Measures, Activities and Diaries in plain mode, through the real console script in a pty: hostile
text (markup, a ZWJ emoji, Hebrew, an escape sequence) kept exactly and read back from the store, a
refused value re-asked with the model's own message. The week by day is checked in process on a
fixed date."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

import time_machine

from homework_tui.model.activation import ActivityEntry, Outcome, PartOfDay
from homework_tui.model.diaries.mood import MoodEntry
from homework_tui.model.diaries.panic import Cue, PanicAttack, Symptom
from homework_tui.model.diaries.sleep import SleepEntry
from homework_tui.model.measures import MeasureResult, Scale
from homework_tui.model.safety import CrisisContact, SafetyPlan
from homework_tui.plain.activation import show_week
from homework_tui.plain.io import LineIO
from homework_tui.plain.session import Session
from homework_tui.store import Singleton, Store
from homework_tui.store.measures import MEASURES_TABLE
from homework_tui.store.wellbeing import (
    ACTIVATION_TABLE,
    MOOD_DIARY_TABLE,
    PANIC_DIARY_TABLE,
    SLEEP_DIARY_TABLE,
    activities,
)
from tests.plain.conftest import saved
from tests.plain.driver import ESCAPED_KEPT, ESCAPED_TYPED, HOSTILE, Plain

MENU = "Choose a number or a name:"
MIXED = f"{HOSTILE['markup']} {HOSTILE['emoji']} {HOSTILE['hebrew']}"


def test_measures_asks_each_item_re_asks_a_refusal_and_shows_the_help_line(root: Path) -> None:
    with Store.open(root / "data") as store:
        plan = SafetyPlan(crisis_line=CrisisContact(name=HOSTILE["hebrew"], number="116 123"))
        Singleton(store, "safety", SafetyPlan, SafetyPlan).save(plan)
    plain = Plain(root)
    plain.answer(MENU, "measures")
    plain.answer(MENU, "phq9")
    plain.expect("Answer each with a number: 0 not at all")
    plain.answer("1 of 9. Little interest or pleasure in doing things:", "4")
    plain.expect("Answer 1 is “4”; each answer is 0, 1, 2 or 3.")  # the model's own message
    plain.answer("1 of 9.", "2")
    for number, answer in zip(range(2, 10), "22112111", strict=True):
        plain.answer(f"{number} of 9.", answer)
    plain.expect("PHQ-9 total: 13 of 27, moderate")
    plain.expect("Saved your PHQ-9.")
    plain.expect("If you're thinking of harming yourself")  # item 9 above 0
    plain.expect(f"Crisis line: {HOSTILE['hebrew']}, 116 123")
    plain.answer(MENU, "gad7")
    for number in range(1, 8):
        plain.answer(f"{number} of 7.", "0")
    plain.expect("GAD-7 total: 0 of 21, minimal")
    plain.answer(MENU, "phq9")
    for number in range(1, 10):
        plain.answer(f"{number} of 9.", "1")
    plain.expect("Change since your first: down 4 (lower is better).")
    plain.answer(MENU, "list")
    plain.expect("PHQ-9: 9 of 27, mild; down 4")
    plain.expect("GAD-7: 0 of 21, minimal")
    plain.expect("PHQ-9: 13 of 27, moderate")
    plain.answer(MENU, "phq9")
    plain.answer("1 of 9.", "quit")  # leaving half-way stores nothing
    plain.expect("Nothing was saved.")
    plain.answer(MENU, "quit")
    plain.answer(MENU, "quit")
    assert plain.finish() == 0
    kept = saved(root, MEASURES_TABLE, MeasureResult)
    assert sorted((r.scale, r.answers) for r in kept) == sorted(
        [
            (Scale.PHQ9, (2, 2, 2, 1, 1, 2, 1, 1, 1)),
            (Scale.GAD7, (0,) * 7),
            (Scale.PHQ9, (1,) * 9),
        ]
    )
    assert b"\x1b" not in plain.output


def test_activities_plan_log_and_mark_keep_hostile_text(root: Path) -> None:
    plain = Plain(root)
    plain.answer(MENU, "activities")
    plain.answer(MENU, "plan")
    plain.answer("What, in a few words:", MIXED)
    plain.answer("Day, year-month-day", "2026-03-02")
    plain.answer("Part of the day:", "lunchtime")
    plain.expect("Part of the day is one of: morning, afternoon, evening, night.")
    plain.answer("Part of the day:", "morning")
    plain.answer("Life area or value", ESCAPED_TYPED)
    plain.expect("”, planned.")  # the line wraps at 80: the whole text is read from the store
    plain.expect("Mon 2 Mar morning: [bold]x[/]")
    plain.expect(f"(planned, to come, for {ESCAPED_KEPT})")
    plain.answer(MENU, "log")
    plain.answer("What, in a few words:", HOSTILE["arabic"])
    plain.answer("Day, year-month-day", "2026-03-03")
    plain.answer("Part of the day:", "evening")
    plain.answer("Life area or value", "")
    plain.answer("Mastery", "11")
    plain.expect("Mastery is 11; it goes from 0 to 10.")
    plain.answer("Mastery", "6")
    plain.answer("Pleasure", "7")
    plain.answer("Mood at the time", "8")
    plain.expect("7, mood 8)")
    plain.answer(MENU, "mark")
    plain.expect("1. Mon 2 Mar morning:")
    plain.answer("Which one?", "1")
    plain.answer("Did you do it?", "maybe")
    plain.expect("Please write one of: planned / done / not done.")
    plain.answer("Did you do it?", "done")
    plain.answer("Mastery", "5")
    plain.answer("Pleasure", "")
    plain.answer("Mood at the time", "4")
    plain.expect("as done. Well done for doing it.")
    plain.answer(MENU, "pattern")
    plain.expect(f"- {HOSTILE['arabic']}: mood 8 of 10, 2 above your average, 1 time")
    plain.expect("A pattern, not a proof")
    plain.answer(MENU, "quit")
    plain.answer(MENU, "quit")
    assert plain.finish() == 0
    kept = {e.what: e for e in saved(root, ACTIVATION_TABLE, ActivityEntry)}
    assert set(kept) == {MIXED, HOSTILE["arabic"]}
    planned = kept[MIXED]
    assert (planned.day, planned.part, planned.area) == (
        date(2026, 3, 2),
        PartOfDay.MORNING,
        ESCAPED_KEPT,
    )
    assert (planned.planned_ahead, planned.outcome, planned.mastery, planned.pleasure) == (
        True,
        Outcome.DONE,
        5,
        None,
    )
    assert planned.mood == 4
    logged = kept[HOSTILE["arabic"]]
    assert (logged.planned_ahead, logged.done, logged.ratings_text()) == (
        False,
        True,
        "mastery 6, pleasure 7, mood 8",
    )
    assert b"\x1b" not in plain.output


def test_the_week_is_a_list_by_day_in_plain_lines(tmp_path: Path) -> None:
    with Store.open(tmp_path / "data") as store:
        repo = activities(store)
        repo.add(ActivityEntry(what="walk", day=date(2026, 3, 2), part=PartOfDay.MORNING))
        repo.add(
            ActivityEntry(
                what="call Sam",
                day=date(2026, 3, 4),
                part=PartOfDay.EVENING,
                outcome=Outcome.DONE,
                mastery=6,
                pleasure=7,
            )
        )
        out = io.StringIO()
        with time_machine.travel(datetime(2026, 3, 4, 12, 0), tick=False):
            show_week(Session(LineIO(io.StringIO(), out), store))
    lines = out.getvalue().split("\n")
    assert lines[:9] == [
        "This week, from Monday 2 March:",
        "Mon 2 Mar morning: walk (planned, to come)",
        "Tue 3 Mar: nothing yet",
        "Wed 4 Mar evening: call Sam (planned, done, mastery 6, pleasure 7)",
        "Thu 5 Mar: nothing yet",
        "Fri 6 Mar: nothing yet",
        "Sat 7 Mar: nothing yet",
        "Sun 8 Mar: nothing yet",
        "1 of 2 planned activities done.",
    ]
    assert all(len(line) <= 80 and line.isprintable() for line in lines)


def test_diaries_mood_sleep_and_panic(root: Path) -> None:
    plain = Plain(root, TZ="UTC")
    plain.answer(MENU, "diaries")
    plain.answer(MENU, "mood")
    plain.answer("Day, year-month-day", "2026-13-01")
    plain.expect("Please write the date as year-month-day, like 2024-05-03, or “today”.")
    plain.answer("Day, year-month-day", "2026-03-02")
    plain.answer("Mood, 0 lowest and 10 best, 0 to 10:", "12")
    plain.expect("Mood is 12; it goes from 0 to 10.")
    plain.answer("Mood, 0 lowest and 10 best, 0 to 10:", "6")
    plain.answer("full stop", MIXED)
    plain.line(ESCAPED_TYPED)
    plain.line(".")
    plain.expect("Saved your mood diary entry.")
    plain.answer(MENU, "sleep")
    plain.answer("Night of", "2026-03-01")
    plain.answer("Went to bed at, a time like 23:40:", "23:40")
    plain.answer("Tried to sleep at", "midnight")
    plain.expect("Tried to sleep at: “midnight” is not a time I can read")
    plain.answer("Tried to sleep at", "0:00")
    plain.answer("Minutes to fall asleep", "20")
    plain.answer("Times you woke", "1")
    plain.answer("Minutes awake", "30")
    plain.answer("Woke for the last time", "6:40")
    plain.answer("Got out of bed at", "7:10")
    plain.answer("Sleep quality", "4")
    plain.answer("stop):", HOSTILE["emoji"])
    plain.line(".")
    plain.expect("Saved your sleep diary entry.")
    plain.expect("Time in bed: 7 h 30 min, from going to bed at 23:40 to getting up at 07:10.")
    plain.expect("Total sleep: 5 h 50 min")
    plain.expect("Sleep efficiency: 78%")
    plain.answer(MENU, "panic")
    plain.answer("Day, year-month-day", "2026-03-03")
    plain.answer("Time it started", "15:30")
    plain.answer("Where were you", HOSTILE["hebrew"])
    plain.answer("Expected or out of the blue:", "sometimes")
    plain.expect("Please write “expected” or “out of the blue”.")
    plain.answer("Expected or out of the blue:", "out of the blue")
    plain.answer("Anxiety at its worst", "8")
    plain.expect("13. Fear of dying")
    plain.answer("Their numbers", "1 3 14")
    plain.expect("Please give numbers from 1 to 13")
    plain.answer("Their numbers", "1 3 13")
    plain.answer("What went through your mind", HOSTILE["markup"])
    plain.line(".")
    plain.answer("What you did", ".")
    plain.expect("Saved your panic diary entry.")
    plain.expect("3 symptoms, a limited-symptom attack")
    plain.answer(MENU, "list")
    plain.expect("Mood diary, newest first:")
    plain.expect("1. Mon 02 Mar 2026: mood 6 of 10")
    plain.expect("Sleep diary, newest first:")
    plain.expect("Panic diary, newest first:")
    plain.answer(MENU, "quit")
    plain.answer(MENU, "quit")
    assert plain.finish() == 0
    (mood,) = saved(root, MOOD_DIARY_TABLE, MoodEntry)
    assert (mood.day, mood.mood, mood.note) == (date(2026, 3, 2), 6, f"{MIXED}\n{ESCAPED_KEPT}")
    (sleep,) = saved(root, SLEEP_DIARY_TABLE, SleepEntry)
    assert (sleep.total_sleep, sleep.time_in_bed, sleep.efficiency, sleep.notes) == (
        350,
        450,
        78,
        HOSTILE["emoji"],
    )
    (attack,) = saved(root, PANIC_DIARY_TABLE, PanicAttack)
    assert attack.where == HOSTILE["hebrew"]
    assert attack.cue is Cue.OUT_OF_THE_BLUE
    assert attack.symptoms == (Symptom.PALPITATIONS, Symptom.TREMBLING, Symptom.DYING)
    assert attack.thoughts == HOSTILE["markup"]
    assert (attack.at.date(), attack.at.hour, attack.at.minute) == (date(2026, 3, 3), 15, 30)
    assert b"\x1b" not in plain.output
