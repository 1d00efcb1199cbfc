"""Help now, Today, thought records and experiments in plain mode, through the real console script
in a pty, each record read back through the store."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from homework_tui.model.experiment import Experiment
from homework_tui.model.journal import JournalEntry
from homework_tui.model.plan import Assignment, Kind
from homework_tui.model.safety import EMERGENCY, CrisisContact, SafetyPlan
from homework_tui.model.thought_record import AutomaticThought, Mood, ThoughtRecord
from homework_tui.store import Repository, Singleton, Store
from homework_tui.store.activities import (
    EXPERIMENTS_TABLE,
    JOURNAL_TABLE,
    PLAN_TABLE,
    THOUGHT_RECORDS_TABLE,
)
from homework_tui.store.crypto import KdfParams
from tests.plain.conftest import saved
from tests.plain.driver import HOSTILE, Plain

MENU = "Choose a number or a name:"


def test_help_now_reads_the_plan_first_and_takes_a_person(root: Path) -> None:
    with Store.open(root / "data") as store:
        plan = SafetyPlan(
            warning_signs="Not sleeping " + HOSTILE["emoji"],
            reasons_for_living=HOSTILE["hebrew"],
            crisis_line=CrisisContact(name="Samaritans", number="116 123"),
        )
        Singleton(store, "safety", SafetyPlan, SafetyPlan).save(plan)
    plain = Plain(root)
    plain.answer(MENU, "help now")
    plain.expect("1. Warning signs")
    plain.expect("Not sleeping " + HOSTILE["emoji"])
    plain.expect("5. Professionals and crisis lines")
    plain.expect("Crisis line: Samaritans, 116 123")
    plain.expect(HOSTILE["hebrew"])
    plain.answer(MENU, "person")
    plain.answer("Name:", HOSTILE["markup"])
    plain.answer("Number:", "")
    plain.answer("A note", "")
    plain.expect("Please write something for “Number”.")  # the model's message, asked again
    plain.answer("Number:", "+44 20 7946 0000")
    plain.expect("Saved " + HOSTILE["markup"])
    plain.answer(MENU, "quit")
    # "help now" works at any question, here in the middle of a journal entry.
    plain.answer(MENU, "journal")
    plain.answer(MENU, "new")
    plain.answer("Title", "help now")
    plain.expect(EMERGENCY[:40])
    plain.expect("Title")
    plain.line("quit")
    plain.answer(MENU, "quit")
    plain.answer(MENU, "quit")
    assert plain.finish() == 0
    with Store.open(root / "data", read_only=True) as store:
        kept = Singleton(store, "safety", SafetyPlan, SafetyPlan).load()
    assert [c.name for c in kept.contacts] == [HOSTILE["markup"]]


def test_today_lists_what_is_due_from_the_plan(root: Path) -> None:
    with Store.open(root / "data") as store:
        Repository(store, PLAN_TABLE, Assignment).add(
            Assignment(kind=Kind.JOURNAL, minutes=10, start=date(2020, 1, 6))
        )
        Repository(store, EXPERIMENTS_TABLE, Experiment).add(Experiment(belief="They'll laugh"))
    plain = Plain(root)
    plain.answer(MENU, "today")
    plain.expect("To do today: ")
    plain.expect("10 minutes")
    plain.expect("Waiting for its outcome: the experiment “They'll laugh”.")
    plain.answer(MENU, "quit")
    assert plain.finish() == 0


def test_a_thought_record_repeats_the_hot_thought_before_the_evidence(root: Path) -> None:
    plain = Plain(root)
    plain.answer(MENU, "3")
    plain.answer(MENU, "new")
    plain.expect("full stop")
    plain.line(HOSTILE["arabic"])
    plain.line(".")
    plain.answer("Mood 1", "anxious")
    plain.answer("How strong “anxious” is, 0 to 100", "101")
    plain.expect("The “anxious” rating is 101; it goes from 0 to 100.")
    plain.answer("How strong “anxious” is, 0 to 100", "80")
    plain.answer("Mood 2", "")
    plain.answer("Automatic thought 1", "They think I'm boring")
    plain.answer("Automatic thought 2", HOSTILE["markup"])
    plain.answer("Automatic thought 3", "")
    plain.answer("The hot thought:", "1")
    plain.answer("Their numbers", "5 99")
    plain.expect("Please give numbers from 1 to ")
    plain.answer("Their numbers", "5")
    for column in ("Evidence for", "Evidence against"):
        plain.expect("Your hot thought: “They think I'm boring”")
        plain.expect(column)
        plain.line(f"{column} {HOSTILE['emoji']}")
        plain.line(".")
    plain.answer("full stop", "Some people enjoyed talking to me.")
    plain.line(".")
    plain.answer("How much you believe the balanced thought, 0 to 100", "60")
    plain.answer("How strong “anxious” is now, 0 to 100", "40")
    plain.expect("Saved your thought record.")
    plain.expect("Complete.")
    plain.answer(MENU, "quit")
    plain.answer(MENU, "quit")
    assert plain.finish() == 0
    [record] = saved(root, THOUGHT_RECORDS_TABLE, ThoughtRecord)
    assert record.situation == HOSTILE["arabic"]
    assert record.hot_thought == "They think I'm boring"
    assert [t.text for t in record.thoughts] == ["They think I'm boring", HOSTILE["markup"]]
    assert record.evidence_for == "Evidence for " + HOSTILE["emoji"]
    assert record.mood_summary() == "anxious 80→40"
    assert record.balanced_belief == 60 and record.complete
    assert len(record.distortions) == 1


def test_an_unfinished_thought_record_is_finished_later(root: Path) -> None:
    unfinished = ThoughtRecord(
        situation="The team meeting",
        moods=(Mood(name="anxious", before=70),),
        thoughts=(AutomaticThought(text=HOSTILE["hebrew"], hot=True),),
        evidence_for="They looked away",
    )
    with Store.open(root / "data") as store:
        Repository(store, THOUGHT_RECORDS_TABLE, ThoughtRecord).add(unfinished)
    plain = Plain(root)
    plain.answer(MENU, "thoughts")
    plain.answer(MENU, "finish")
    plain.answer("Which one?", "1")
    plain.expect("Still to fill in: Evidence against the hot thought")
    plain.expect(
        f"Your hot thought: “{HOSTILE['hebrew']}”"
    )  # before the one evidence question left
    plain.expect("Evidence against the hot thought")
    plain.line("One person smiled")
    plain.line(".")
    plain.answer("full stop", "Some liked it.")
    plain.line(".")
    plain.answer("How much you believe the balanced thought, 0 to 100", "55")
    plain.answer("How strong “anxious” is now, 0 to 100", "30")
    plain.expect("Saved your thought record.")
    plain.expect("Complete.")
    plain.answer(MENU, "quit")
    plain.answer(MENU, "quit")
    assert plain.finish() == 0
    [record] = saved(root, THOUGHT_RECORDS_TABLE, ThoughtRecord)
    assert record.id == unfinished.id and record.complete
    assert record.evidence_for == "They looked away"
    assert record.evidence_against == "One person smiled"
    assert record.mood_summary() == "anxious 70→30"


def test_an_experiment_is_planned_then_followed_up(root: Path) -> None:
    plain = Plain(root)
    plain.answer(MENU, "experiments")
    plain.answer(MENU, "new")
    plain.answer("The belief I want to test:", HOSTILE["hebrew"])
    plain.answer("How much I believe it, 0 to 100", "70")
    plain.answer("An alternative belief", "")
    plain.answer("How much I believe the alternative, 0 to 100", "30")
    plain.expect("The experiment: what I will do")
    plain.line("Say one thing in the meeting")
    plain.line(".")
    plain.answer("When (optional", "Monday")
    plain.answer("Where (optional", "At work")
    for label in ("What I predict", "What might get in the way", "How I could handle that"):
        plain.expect(label)
        plain.line(".")
    # The model's rule, with its message, asks the rating again: an empty line clears it.
    plain.expect("please write the alternative too")
    plain.answer("How much I believe the alternative, 0 to 100", "")
    plain.expect("Saved your experiment plan.")
    plain.expect("Waiting for its outcome")
    plain.answer(MENU, "outcome")
    plain.answer("Which one?", "1")
    plain.expect(f"The belief you tested: “{HOSTILE['hebrew']}”")
    plain.expect("What actually happened")
    plain.line("Nobody laughed " + HOSTILE["emoji"])
    plain.line(".")
    plain.expect("What I learned")
    plain.line(".")
    plain.answer("How much I believe the original belief now, 0 to 100", "20")
    plain.expect("A modified belief")
    plain.line(".")
    plain.expect("Saved what happened in your experiment.")
    plain.expect("Your belief changed by -50 points.")
    plain.answer(MENU, "quit")
    plain.answer(MENU, "quit")
    assert plain.finish() == 0
    [experiment] = saved(root, EXPERIMENTS_TABLE, Experiment)
    assert experiment.belief == HOSTILE["hebrew"] and experiment.done
    assert experiment.outcome == "Nobody laughed " + HOSTILE["emoji"]
    assert (experiment.belief_rating, experiment.belief_after) == (70, 20)
    assert experiment.alternative_rating is None
    assert (experiment.when, experiment.where) == ("Monday", "At work")


def test_an_encrypted_store_asks_its_passphrase(root: Path) -> None:
    with Store.open(root / "data") as store:
        store.set_passphrase("correct horse", KdfParams(salt=b"p" * 16, n=2**10))
    plain = Plain(root)
    plain.expect("protected with a passphrase")
    plain.answer("Passphrase:", "wrong")
    plain.expect("That passphrase does not open your data.")
    plain.answer("Passphrase:", "correct horse")
    plain.answer(MENU, "quit")
    assert plain.finish() == 0


def test_data_open_in_another_window_is_read_only_with_a_clear_line(root: Path) -> None:
    with Store.open(root / "data"):  # the other window
        plain = Plain(root)
        plain.expect("open in another homework-tui window")
        plain.expect("Read-only: nothing you write here is saved.")
        for typed in ("journal", "new", "Title", "words", ".", "", ""):
            plain.line(typed)
        plain.expect("Your data is open read-only here, so nothing was saved.")
        plain.answer(MENU, "quit")
        plain.answer(MENU, "quit")
        assert plain.finish() == 0
    assert saved(root, JOURNAL_TABLE, JournalEntry) == []


def test_term_dumb_starts_the_plain_mode_on_its_own(root: Path) -> None:
    plain = Plain(root, "--data-dir", str(root / "data"), TERM="dumb")
    plain.answer(MENU, "quit")
    assert plain.finish() == 0
    assert b"\x1b" not in plain.output
    assert "Main menu" in plain.text()


def test_the_safety_plan_is_written_step_by_step(root: Path) -> None:
    plain = Plain(root)
    plain.answer(MENU, "1")
    plain.expect("Your safety plan is not written yet.")
    plain.answer(MENU, "write")
    plain.expect("1. Warning signs")
    plain.line("Not sleeping")
    plain.line(HOSTILE["arabic"])
    plain.line(".")
    for _ in range(4):  # coping, distractions, helpers, safer surroundings: left as they are
        plain.expect("full stop")
        plain.line(".")
    plain.expect("7. My reasons for living")
    plain.line(HOSTILE["emoji"])
    plain.line(".")
    plain.expect("Saved your safety plan.")
    plain.expect("In danger right now?")
    plain.answer(MENU, "quit")
    plain.answer(MENU, "quit")
    assert plain.finish() == 0
    with Store.open(root / "data", read_only=True) as store:
        kept = Singleton(store, "safety", SafetyPlan, SafetyPlan).load()
    assert kept.warning_signs == f"Not sleeping\n{HOSTILE['arabic']}"
    assert kept.reasons_for_living == HOSTILE["emoji"]
    assert kept.coping == ""
