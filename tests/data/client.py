"""A client's two weeks of homework, made to cover every case a therapist must read right (issue 15).

Sam sees Dr Okafor for social anxiety and low mood. The plan was set on Mon 2 Nov 2026; the next
session is Mon 16 Nov. The data holds, on purpose:

1. muscle-relaxation homework written the way therapists write it ("16 groups", "cue-controlled")
   and sessions logged under the engine's names (pmr16, cue) — one run with skipped parts;
2. relaxation rated on the 0-10 anxiety scale as well as 0-100 tension;
3. evidence for and against (always in the report), journal writing and exposure notes (each
   only when asked);
4. a ladder with a mastered step and the next one, exposures with safety behaviours and an early
   exit, an experiment with an alternative belief re-rated, a relaxation note, a 1-minute session;
5. the notes for the next session ("what got in the way", "what I want to raise");
6. typed text that Markdown would change (`AT&amp;T`, lines of `---` and `===`, `[bold]`);
7. exposures with a feared outcome in words, its likelihood, whether it happened, the surprise and
   what was learned — and two old exposures from before those fields existed (stored as the old
   version stored them), judged by the half-drop rule;
8. an exposure that used a safety behaviour, one left early after 3 minutes at 80 → 75, and a
   10-second timed exposure: flagged, not counted;
9. a thought record with a mood named only at the re-rating and two alternative thoughts, one
   not yet rated;
10. a safety plan; 11. a "hopeless" mood rated 80 and a journal mood of 1 of 10;
12. a plan that turns Today's "try Relax" suggestion off (`suggest_relax = false`).

`build(folder)` writes it into a real store there (as the app would); `python -m tests.data.client
FOLDER` does the same by hand. tests/data/client-store/ holds the store it made, so the tests read
the files as stored, old records included.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from tinydb.table import Document

from homework_tui.model.activity import Kind
from homework_tui.model.bridge import SessionBridge
from homework_tui.model.distortions import check_keys
from homework_tui.model.experiment import Experiment
from homework_tui.model.journal import JournalEntry
from homework_tui.model.plan import Assignment, Every, Frequency, PlanInfo
from homework_tui.model.safety import CrisisContact, SafetyPlan
from homework_tui.model.thought_record import (
    AlternativeThought,
    AutomaticThought,
    Mood,
    ThoughtRecord,
)
from homework_tui.store import Repository, Singleton, Store
from homework_tui.store.activities import (
    EXPERIMENTS_TABLE,
    JOURNAL_TABLE,
    PLAN_TABLE,
    RELAXATION_TABLE,
    THOUGHT_RECORDS_TABLE,
)
from homework_tui.store.plan import plan_info

LONDON = ZoneInfo("Europe/London")
FIRST = date(2026, 11, 2)  # Monday: the session the plan was set in
LAST = date(2026, 11, 15)  # Sunday, the day before the next session
STORE = Path(__file__).resolve().parent / "client-store"
MARKDOWNISH = "Called AT&amp;T & the bank\n---\nit went fine\n===\n1. not a list"


def at(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, second, tzinfo=LONDON)


def stamp(day: int, hour: int, minute: int = 0) -> dict[str, datetime]:
    moment = at(day, hour, minute)
    return {"created_at": moment, "updated_at": moment}


def raw(ident: str, day: int, hour: int, minute: int = 0, **fields: object) -> Document:
    """A record as an older version stored it (only the fields it knew)."""
    moment = at(day, hour, minute).isoformat()
    doc = {"id": ident, "created_at": moment, "updated_at": moment, **fields}
    return Document(doc, doc_id=ident)


def build(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    store = Store.open(folder)
    try:
        fill(store)
    finally:
        store.close()


def fill(store: Store) -> None:
    plan(store)
    thought_records(store)
    experiments(store)
    relaxation(store)
    journal(store)
    Singleton(store, "bridge", SessionBridge, SessionBridge).save(
        SessionBridge(
            got_in_the_way="Work was busy on Wednesday & Thursday.\n---\nI skipped breathing.",
            to_raise="Whether to move up to phoning the dentist.",
            updated_at=at(15, 20),
        )
    )
    Singleton(store, "safety", SafetyPlan, SafetyPlan).save(
        SafetyPlan(
            warning_signs="Staying in bed past noon; not answering texts.",
            coping="Shower, then a walk round the block.",
            distractions="The library; my sister's kitchen.",
            helpers="Priya (work), my sister Ana.",
            safer_surroundings="Ask Ana to keep my spare tablets.",
            reasons_for_living="My niece; the allotment in spring.",
            contacts=(CrisisContact(name="Ana", number="07700 900123"),),
            crisis_line=CrisisContact(name="Samaritans", number="116 123"),
        )
    )
    exposures(store)


def plan(store: Store) -> None:
    repo = Repository(store, PLAN_TABLE, Assignment)
    week = Frequency(every=Every.WEEK, times=3)
    for assignment in (
        Assignment(id="p-pmr", kind=Kind.PMR, target="16 groups", start=FIRST, **stamp(2, 17)),
        Assignment(
            id="p-cue",
            kind=Kind.PMR,
            target="cue-controlled",
            start=FIRST,
            frequency=Frequency(every=Every.WEEK, times=2),
            **stamp(2, 17),
        ),
        Assignment(
            id="p-box", kind=Kind.BREATHING, target="box", minutes=5, start=FIRST, **stamp(2, 17)
        ),
        Assignment(
            id="p-tr", kind=Kind.THOUGHT_RECORD, start=FIRST, frequency=week, **stamp(2, 17)
        ),
        Assignment(
            id="p-ex",
            kind=Kind.EXPOSURE,
            target="Social situations",
            minutes=20,
            start=FIRST,
            frequency=Frequency(every=Every.WEEK, times=2),
            **stamp(2, 17),
        ),
        Assignment(
            id="p-exp",
            kind=Kind.EXPERIMENT,
            start=FIRST,
            frequency=Frequency(every=Every.ONCE, by=date(2026, 11, 13)),
            **stamp(2, 17),
        ),
        Assignment(id="p-j", kind=Kind.JOURNAL, start=FIRST, frequency=week, **stamp(2, 17)),
    ):
        repo.add(assignment)
    plan_info(store).save(
        PlanInfo(
            title="Social anxiety and low mood, weeks 5 and 6",
            therapist="Dr Amara Okafor",
            last_session=FIRST,
            next_session=date(2026, 11, 16),
            suggest_relax=False,
        )
    )


def thought_records(store: Store) -> None:
    repo = Repository(store, THOUGHT_RECORDS_TABLE, ThoughtRecord)
    repo.add(
        ThoughtRecord(
            id="tr-meeting",
            **stamp(3, 21, 10),
            situation="Team meeting; my idea was skipped over.",
            moods=(
                Mood(name="anxious", before=80, after=45),
                Mood(name="hopeless", before=80, after=40),
                Mood(name="relieved", after=40, added_later=True),
            ),
            thoughts=(
                AutomaticThought(text="They all think I'm incompetent", hot=True),
                AutomaticThought(text="I should never speak"),
            ),
            distortions=check_keys("distortions", ("mind-reading", "labeling")),
            evidence_for="Nobody replied to my idea.",
            evidence_against="Priya asked me about it afterwards.\nMy manager said thanks.",
            balanced_thought="Some people were busy; one person was interested.",
            balanced_belief=60,
            more_alternatives=(
                AlternativeThought(text="One meeting is not my whole career", belief=45),
                AlternativeThought(text="I can raise it again by email"),
            ),
        )
    )
    repo.add(
        ThoughtRecord(
            id="tr-bank",
            **stamp(6, 19),
            situation="Phoned the bank about a charge [bold]twice[/]",
            moods=(Mood(name="embarrassed", before=70, after=30),),
            thoughts=(AutomaticThought(text="They'll think I'm stupid", hot=True),),
            evidence_for=MARKDOWNISH,
            evidence_against="The clerk said it happens every day.",
            balanced_thought="Asking about a charge is ordinary.",
        )
    )


def experiments(store: Store) -> None:
    Repository(store, EXPERIMENTS_TABLE, Experiment).add(
        Experiment(
            id="exp-question",
            **stamp(4, 12),
            belief="If I ask a question in the meeting, people will laugh",
            belief_rating=80,
            alternative="People are mostly interested in what I ask",
            alternative_rating=20,
            alternative_after=65,
            what="Ask one question in Thursday's meeting",
            predictions="Someone laughs or looks away",
            outcome="Two people nodded; one answered.",
            learned="People mostly listen; nobody laughed.",
            belief_after=25,
            completed_at=at(5, 16),
        )
    )


def relaxation(store: Store) -> None:
    table = store.table(RELAXATION_TABLE)
    sessions = [
        raw(
            f"rx-pmr-{day}",
            day,
            21,
            kind="pmr",
            pattern="pmr16",
            title="Muscle relaxation, 16 groups",
            minutes=20.0,
            planned_seconds=1200.0,
            actual_seconds=1200.0,
            completed=True,
            tension_before=before,
            tension_after=after,
        )
        for day, before, after in ((2, 70, 35), (3, 65, 30), (4, 60, 30), (7, 55, 25), (9, 50, 20))
    ]
    sessions += [
        raw(
            "rx-pmr-skipped",
            10,
            21,
            kind="pmr",
            pattern="pmr16",
            title="Muscle relaxation, 16 groups",
            minutes=5.2,
            planned_seconds=1200.0,
            actual_seconds=312.0,
            completed=False,
            skipped_parts=12,
            tension_before=60,
            tension_after=45,
        ),
        raw(
            "rx-cue",
            11,
            7,
            kind="pmr",
            pattern="cue",
            title="Cue-controlled relaxation",
            minutes=5.0,
            planned_seconds=300.0,
            actual_seconds=300.0,
            completed=True,
            scale="anxiety",
            anxiety_before=7,
            anxiety_after=2,
            note="Counting helped",
        ),
        raw(
            "rx-box-short",
            12,
            8,
            kind="breathing",
            pattern="box",
            title="Box breathing",
            minutes=1.0,
            planned_seconds=300.0,
            actual_seconds=60.0,
            completed=False,
            scale="anxiety",
            anxiety_before=6,
            anxiety_after=5,
        ),
    ]
    for doc in sessions:
        table.insert(doc)


def journal(store: Store) -> None:
    repo = Repository(store, JOURNAL_TABLE, JournalEntry)
    repo.add(
        JournalEntry(
            id="j-low",
            **stamp(8, 22),
            title="A heavy Sunday",
            mood=1,
            text="Didn't get up until two. This is private: only for me.",
        )
    )
    repo.add(
        JournalEntry(
            id="j-better",
            **stamp(12, 21),
            title="Better after the walk",
            mood=6,
            tags=("walk",),
            text="The walk helped more than I expected.",
        )
    )


def exposures(store: Store) -> None:
    """Filled in with the feared-outcome fields (issue 15, points 7 and 8)."""


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else STORE)
