"""A kind-neutral record of "homework done": what the plan, Today, insights and the report read.

Each kind of homework is logged in its own table with its own model (thought records, exposures,
relaxation sessions …). `store/activities.py` turns each of those records into an `Activity`, so
matching against the plan, streaks, insights and the report never need to know every model.

An activity's day is the local calendar date on which it was logged: the date part of its
timestamp in the UTC offset it was stored with (the person's wall clock at the time).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class Kind(StrEnum):
    """The kinds of homework a therapist can set (and a person can log)."""

    THOUGHT_RECORD = "thought_record"
    EXPOSURE = "exposure"
    EXPERIMENT = "experiment"
    JOURNAL = "journal"
    BREATHING = "breathing"
    PMR = "pmr"
    MINDFULNESS = "mindfulness"
    # -- standard measures (issue 16) --
    PHQ9 = "phq9"
    GAD7 = "gad7"
    # -- behavioural activation and diaries (issue 16) --
    ACTIVITY_SCHEDULING = "activity_scheduling"
    MOOD_DIARY = "mood_diary"
    SLEEP_DIARY = "sleep_diary"
    PANIC_DIARY = "panic_diary"
    # --
    OTHER = "other"

    @property
    def label(self) -> str:
        return _LABELS[self][0]

    @property
    def plural(self) -> str:
        return _LABELS[self][1]

    @property
    def singular(self) -> str:
        """As counted: “1 breathing session”, “1 thought record”."""
        return _SINGULAR.get(self, self.label.lower())

    # Shadows str.count on purpose: `Activity.THOUGHT.count(2)` reads as the phrase it makes.
    def count(self, n: int) -> str:  # type: ignore[override]
        return f"{n} {self.singular if n == 1 else self.plural}"

    @property
    def section(self) -> str | None:
        """The app section where this kind is done (a key of `homework_tui.sections`)."""
        return _SECTIONS.get(self)


_LABELS: dict[Kind, tuple[str, str]] = {
    Kind.THOUGHT_RECORD: ("Thought record", "thought records"),
    Kind.EXPOSURE: ("Exposure", "exposures"),
    Kind.EXPERIMENT: ("Behavioural experiment", "behavioural experiments"),
    Kind.JOURNAL: ("Journal", "journal entries"),
    Kind.BREATHING: ("Breathing", "breathing sessions"),
    Kind.PMR: ("Muscle relaxation", "muscle relaxation sessions"),
    Kind.MINDFULNESS: ("Mindfulness", "mindfulness sessions"),
    Kind.PHQ9: ("PHQ-9 (depression)", "PHQ-9 questionnaires"),
    Kind.GAD7: ("GAD-7 (anxiety)", "GAD-7 questionnaires"),
    # -- behavioural activation and diaries (issue 16) --
    Kind.ACTIVITY_SCHEDULING: ("Activity scheduling", "activities"),
    Kind.MOOD_DIARY: ("Mood diary", "mood diary entries"),
    Kind.SLEEP_DIARY: ("Sleep diary", "sleep diary entries"),
    Kind.PANIC_DIARY: ("Panic diary", "panic diary entries"),
    # --
    Kind.OTHER: ("Other homework", "other homework"),
}

_SINGULAR: dict[Kind, str] = {
    Kind.THOUGHT_RECORD: "thought record",
    Kind.EXPOSURE: "exposure",
    Kind.EXPERIMENT: "behavioural experiment",
    Kind.JOURNAL: "journal entry",
    Kind.BREATHING: "breathing session",
    Kind.PMR: "muscle relaxation session",
    Kind.MINDFULNESS: "mindfulness session",
    Kind.PHQ9: "PHQ-9 questionnaire",
    Kind.GAD7: "GAD-7 questionnaire",
    # -- behavioural activation and diaries (issue 16) --
    Kind.ACTIVITY_SCHEDULING: "activity",
    Kind.MOOD_DIARY: "mood diary entry",
    Kind.SLEEP_DIARY: "sleep diary entry",
    Kind.PANIC_DIARY: "panic diary entry",
    # --
}

_SECTIONS: dict[Kind, str] = {
    Kind.THOUGHT_RECORD: "thoughts",
    Kind.EXPOSURE: "exposure",
    Kind.EXPERIMENT: "experiments",
    Kind.JOURNAL: "journal",
    Kind.BREATHING: "relax",
    Kind.PMR: "relax",
    Kind.MINDFULNESS: "relax",
    Kind.PHQ9: "measures",
    Kind.GAD7: "measures",
    # -- behavioural activation and diaries (issue 16) --
    Kind.ACTIVITY_SCHEDULING: "activation",
    Kind.MOOD_DIARY: "diaries",
    Kind.SLEEP_DIARY: "diaries",
    Kind.PANIC_DIARY: "diaries",
    # --
}

# Words a therapist might write for each kind (compared after `normalise`).
_ALIASES: dict[str, Kind] = {
    "thoughtrecord": Kind.THOUGHT_RECORD,
    "thoughtrecords": Kind.THOUGHT_RECORD,
    "thought": Kind.THOUGHT_RECORD,
    "tr": Kind.THOUGHT_RECORD,
    "exposure": Kind.EXPOSURE,
    "exposures": Kind.EXPOSURE,
    "experiment": Kind.EXPERIMENT,
    "behaviouralexperiment": Kind.EXPERIMENT,
    "behavioralexperiment": Kind.EXPERIMENT,
    "experiments": Kind.EXPERIMENT,
    "journal": Kind.JOURNAL,
    "diary": Kind.JOURNAL,
    "breathing": Kind.BREATHING,
    "breath": Kind.BREATHING,
    "pmr": Kind.PMR,
    "musclerelaxation": Kind.PMR,
    "progressivemusclerelaxation": Kind.PMR,
    "mindfulness": Kind.MINDFULNESS,
    "meditation": Kind.MINDFULNESS,
    "phq9": Kind.PHQ9,
    "gad7": Kind.GAD7,
    # -- behavioural activation and diaries (issue 16) --
    "activityscheduling": Kind.ACTIVITY_SCHEDULING,
    "activitymonitoring": Kind.ACTIVITY_SCHEDULING,
    "behaviouralactivation": Kind.ACTIVITY_SCHEDULING,
    "behavioralactivation": Kind.ACTIVITY_SCHEDULING,
    "ba": Kind.ACTIVITY_SCHEDULING,
    "activities": Kind.ACTIVITY_SCHEDULING,
    "mooddiary": Kind.MOOD_DIARY,
    "mood": Kind.MOOD_DIARY,
    "sleepdiary": Kind.SLEEP_DIARY,
    "sleep": Kind.SLEEP_DIARY,
    "panicdiary": Kind.PANIC_DIARY,
    "panic": Kind.PANIC_DIARY,
    # --
    "other": Kind.OTHER,
    "free": Kind.OTHER,
    "freetext": Kind.OTHER,
    "custom": Kind.OTHER,
}

KIND_WORDS: tuple[str, ...] = (
    "thought record",
    "exposure",
    "experiment",
    "journal",
    "breathing",
    "pmr",
    "mindfulness",
    "phq9",
    "gad7",
    # -- behavioural activation and diaries (issue 16) --
    "activity scheduling",
    "mood diary",
    "sleep diary",
    "panic diary",
    # --
    "other",
)


def normalise(text: str) -> str:
    """Letters and digits only, case-folded: “4-7-8” → “478”, “Team Meeting!” → “teammeeting”."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def parse_kind(text: str) -> Kind | None:
    """The kind a person or therapist meant (“Thought record”, “thought_record”, “PMR”)."""
    return _ALIASES.get(normalise(text))


class State(StrEnum):
    DONE = "done"
    STARTED = "started"  # e.g. a thought record with columns still empty
    WAITING = "waiting"  # a behavioural experiment waiting for its outcome


@dataclass(frozen=True, kw_only=True)
class Activity:
    """One piece of homework the person logged.

    `targets` are the names and ids this activity can be matched by (a ladder's name and id, a
    step's, a breathing pattern's); `group` is what the report groups by (an exposure's step);
    `facts` are labelled details in the kind's column order (what the report and CSV show);
    `measures` are the numbers insights draw trends from; `text` is long writing shown only when
    asked. A check-off (“I did this”) carries `assignment_id` and counts for that assignment only.
    """

    kind: Kind
    ref_id: str
    at: datetime
    title: str = ""
    state: State = State.DONE
    targets: tuple[str, ...] = ()
    group: str = ""
    facts: tuple[tuple[str, str], ...] = ()
    measures: tuple[tuple[str, float], ...] = ()
    text: str = ""
    assignment_id: str | None = None

    @property
    def day(self) -> date:
        return day_of(self.at)

    @property
    def done(self) -> bool:
        return self.state is State.DONE

    def fact(self, name: str, default: str = "") -> str:
        for key, value in self.facts:
            if key == name:
                return value
        return default

    def measure(self, name: str) -> float | None:
        for key, value in self.measures:
            if key == name:
                return value
        return None

    def matches_target(self, target: str) -> bool:
        wanted = normalise(target)
        return not wanted or any(normalise(t) == wanted for t in self.targets)


def day_of(moment: datetime) -> date:
    """The calendar day a timestamp falls on, in the offset it carries (naive: as written)."""
    return moment.date()


def days_with_homework(activities: Iterable[Activity]) -> set[date]:
    """Every day on which something was logged — finished, started or planned: any effort counts
    toward a streak."""
    return {a.day for a in activities}
