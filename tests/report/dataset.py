"""A fixed week of homework (fixed ids and times) for the report's golden-file tests and the CLI.

Scenario 2's plan and what the person logged between Mon 10 and Sun 16 March 2025, in London.
Text with markup, commas, quotes and line breaks is included on purpose.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from homework_tui.model.activity import Kind
from homework_tui.model.distortions import check_keys
from homework_tui.model.experiment import Experiment
from homework_tui.model.exposure import Happened, Exposure, Ladder, Step
from homework_tui.model.exposure.mastery import ExposureSettings, MasteryRule
from homework_tui.model.journal import JournalEntry
from homework_tui.model.plan import Assignment, Checkoff, Every, Frequency, PlanInfo
from homework_tui.model.thought_record import AutomaticThought, Mood, ThoughtRecord
from homework_tui.store import Repository, Singleton, Store
from homework_tui.store.activities import (
    CHECKOFFS_TABLE,
    EXPERIMENTS_TABLE,
    EXPOSURE_SETTINGS_TABLE,
    EXPOSURES_TABLE,
    JOURNAL_TABLE,
    LADDERS_TABLE,
    PLAN_TABLE,
    RELAXATION_TABLE,
    THOUGHT_RECORDS_TABLE,
)
from homework_tui.store.plan import plan_info

LONDON = ZoneInfo("Europe/London")
FIRST = date(2025, 3, 10)
LAST = date(2025, 3, 16)
TRICKY = 'He said "fine, whatever" [bold]really[/bold] | *not* <ok>\nSecond line, with a comma 🙂'
# Text that Markdown would turn into something else: an entity, a rule, a heading underline, a list.
MARKDOWNISH = "AT&amp;T & Co said no\n---\nit stung\n===\n1. not a list\n# not a heading ##"


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2025, 3, day, hour, minute, tzinfo=LONDON)


def stamp(day: int, hour: int, minute: int = 0) -> dict[str, datetime]:
    moment = at(day, hour, minute)
    return {"created_at": moment, "updated_at": moment}


def relaxation_doc(ident: str, day: int, hour: int, **fields: object) -> dict[str, object]:
    moment = at(day, hour).isoformat()
    return {"id": ident, "created_at": moment, "updated_at": moment, **fields}


def fill(store: Store) -> None:
    """Write the whole week into `store`."""
    plan = Repository(store, PLAN_TABLE, Assignment)
    plan.add(
        Assignment(
            id="plan-breathing",
            kind=Kind.BREATHING,
            target="resonance",
            minutes=10,
            start=FIRST,
            note="Morning is best.",
            **stamp(10, 9),
        )
    )
    plan.add(
        Assignment(
            id="plan-thoughts",
            kind=Kind.THOUGHT_RECORD,
            start=FIRST,
            frequency=Frequency(every=Every.WEEK, times=3),
            **stamp(10, 9),
        )
    )
    plan.add(
        Assignment(
            id="plan-exposure",
            kind=Kind.EXPOSURE,
            target="Social situations",
            start=FIRST,
            minutes=20,
            frequency=Frequency(every=Every.WEEK, times=2),
            **stamp(10, 9),
        )
    )
    plan.add(
        Assignment(
            id="plan-walk",
            kind=Kind.OTHER,
            title="Walk, 20 minutes, outside",
            start=FIRST,
            frequency=Frequency(every=Every.WEEKDAYS, weekdays=(2, 5)),
            **stamp(10, 9),
        )
    )
    plan.add(
        Assignment(id="plan-pmr", kind=Kind.PMR, target="16 groups", start=FIRST, **stamp(10, 9))
    )
    plan_info(store).save(
        PlanInfo(
            title="Social anxiety, weeks 3 and 4",
            therapist="Dr Amara Okafor",
            last_session=FIRST,
            next_session=date(2025, 3, 24),
        )
    )
    Repository(store, CHECKOFFS_TABLE, Checkoff).add(
        Checkoff(
            id="tick-1",
            assignment_id="plan-walk",
            day=date(2025, 3, 12),
            note="Round the park",
            **stamp(12, 18),
        )
    )

    records = Repository(store, THOUGHT_RECORDS_TABLE, ThoughtRecord)
    records.add(
        ThoughtRecord(
            id="tr-1",
            **stamp(11, 21, 40),
            situation="Team meeting on Tuesday; my idea was skipped over.",
            moods=(
                Mood(name="anxious", before=80, after=45),
                Mood(name="ashamed", before=60, after=30),
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
        )
    )
    records.add(
        ThoughtRecord(
            id="tr-2",
            **stamp(13, 8, 5),
            situation=TRICKY,
            moods=(Mood(name="nervous", before=70, after=50),),
            thoughts=(AutomaticThought(text=TRICKY, hot=True),),
            evidence_for=MARKDOWNISH,
            evidence_against="y",
            balanced_thought="It was one chat.",
            balanced_belief=55,
        )
    )
    records.add(
        ThoughtRecord(
            id="tr-3",
            **stamp(15, 22),
            situation="Saturday, texting a friend",
            moods=(Mood(name="worried", before=50),),
        )
    )

    hello = Step(id="step-hello", description="Say hello to a neighbour", suds=25)
    shop = Step(id="step-shop", description="Ask a shop assistant for help", suds=35)
    meeting = Step(id="step-meeting", description="Speak up in a team meeting", suds=85)
    Repository(store, LADDERS_TABLE, Ladder).add(
        Ladder(
            id="ladder-social",
            name="Social situations",
            steps=(meeting, shop, hello),
            **stamp(10, 19),
        )
    )
    # Two exposures that count master a step (the person chose this with their therapist).
    Singleton(store, EXPOSURE_SETTINGS_TABLE, ExposureSettings, ExposureSettings).save(
        ExposureSettings(rule=MasteryRule(repeats=2))
    )
    exposures = Repository(store, EXPOSURES_TABLE, Exposure)
    exposures.add(
        Exposure(
            id="ex-1",
            ladder_id="ladder-social",
            step_id="step-hello",
            step_description="Say hello to a neighbour",
            started_at=at(11, 8),
            ended_at=at(11, 8, 15),
            predicted=50,
            before=30,
            peak=45,
            end=20,
            **stamp(11, 8, 20),
        )
    )
    exposures.add(
        Exposure(
            id="ex-2",
            ladder_id="ladder-social",
            step_id="step-shop",
            step_description="Ask a shop assistant for help",
            started_at=at(14, 17),
            ended_at=at(14, 17, 25),
            predicted=70,
            before=40,
            peak=60,
            end=25,
            safety_behaviours=("kept my phone out",),
            notes="Easier than I thought, she was kind.\n---\nAT&amp;T",
            **stamp(14, 17, 30),
        )
    )
    exposures.add(
        Exposure(
            id="ex-3",
            ladder_id="ladder-social",
            step_id="step-hello",
            step_description="Say hello to a neighbour",
            started_at=at(15, 10),
            predicted=40,
            peak=30,
            end=10,
            feared_outcome="They'll look away *again*",
            likelihood=70,
            outcome=Happened.NO,
            surprise=60,
            learned="She said hello back & asked about my day\n---",
            **stamp(15, 10, 10),
        )
    )

    experiments = Repository(store, EXPERIMENTS_TABLE, Experiment)
    experiments.add(
        Experiment(
            id="exp-1",
            **stamp(12, 12),
            belief="If I speak up, people will laugh",
            belief_rating=80,
            alternative="People are mostly interested in what I say",
            alternative_rating=20,
            alternative_after=60,
            what="Ask one question in Thursday's meeting",
            predictions="Someone laughs or looks away",
            outcome="Two people nodded; one answered.",
            learned="People mostly listen; nobody laughed.",
            belief_after=30,
            modified_belief="Speaking up is usually fine",
            completed_at=at(13, 16),
        )
    )
    experiments.add(
        Experiment(
            id="exp-2",
            **stamp(15, 20),
            belief="If I call to book, I'll get tongue-tied",
            belief_rating=70,
            what="Phone the dentist on Monday",
        )
    )

    relaxation = store.table(RELAXATION_TABLE)
    from tinydb.table import Document

    for doc in (
        relaxation_doc(
            "rx-1",
            10,
            7,
            kind="breathing",
            pattern="resonance",
            minutes=10,
            tension_before=70,
            tension_after=40,
            completed=True,
        ),
        relaxation_doc(
            "rx-2",
            11,
            7,
            kind="breathing",
            pattern="resonance",
            minutes=10,
            tension_before=60,
            tension_after=35,
            completed=True,
        ),
        relaxation_doc(
            "rx-3",
            13,
            21,
            kind="pmr",
            pattern="pmr16",
            minutes=22.5,
            tension_before=65,
            tension_after=30,
            completed=True,
        ),
        relaxation_doc(
            "rx-4",
            15,
            7,
            kind="breathing",
            pattern="resonance",
            minutes=4,
            tension_before=50,
            completed=False,
        ),
        relaxation_doc(
            "rx-5",
            16,
            8,
            kind="pmr",
            pattern="pmr16",
            minutes=20,
            scale="anxiety",
            anxiety_before=7,
            anxiety_after=2,
            completed=True,
            note="Counting helped",
        ),
    ):
        relaxation.insert(Document(doc, doc_id=str(doc["id"])))

    journal = Repository(store, JOURNAL_TABLE, JournalEntry)
    journal.add(
        JournalEntry(
            id="j-1",
            **stamp(12, 22),
            title="A better day",
            mood=6,
            tags=("work",),
            text="The meeting went okay.\nSlept well.",
        )
    )
    journal.add(JournalEntry(id="j-2", **stamp(16, 21), text=TRICKY, mood=4))
