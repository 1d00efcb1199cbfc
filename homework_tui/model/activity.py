"""A kind-neutral record of "homework done": what the plan, Today, insights and the report read.

Each kind of homework is logged in its own table with its own model (thought records, exposures,
relaxation sessions …). `store/activities.py` turns each of those records into an `Activity`, so
matching against the plan, streaks, insights and the report never need to know every model.

An activity's day is the local calendar date on which it was logged: the date part of its
timestamp in the UTC offset it was stored with (the person's wall clock at the time).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from homework_tui.i18n import N_, _, ngettext


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
        """The kind's name, in the interface's language ("Thought record")."""
        return _(_LABELS[self][0])

    @property
    def english_label(self) -> str:
        """The kind's name in English, as stored and as plan files and logs write it."""
        return _LABELS[self][0]

    @property
    def plural(self) -> str:
        return _(_LABELS[self][1])

    @property
    def singular(self) -> str:
        """As counted: “1 breathing session”, “1 thought record”."""
        return _(_SINGULAR[self]) if self in _SINGULAR else self.label.lower()

    # Shadows str.count on purpose: `Activity.THOUGHT.count(2)` reads as the phrase it makes.
    def count(self, n: int) -> str:  # type: ignore[override]
        """“1 thought record”, “3 thought records”, by the language's plural rule."""
        return _COUNTS[self](n).format(n=n)

    @property
    def section(self) -> str | None:
        """The app section where this kind is done (a key of `homework_tui.sections`)."""
        return _SECTIONS.get(self)


_LABELS: dict[Kind, tuple[str, str]] = {
    Kind.THOUGHT_RECORD: (N_("Thought record"), N_("thought records")),
    Kind.EXPOSURE: (N_("Exposure"), N_("exposures")),
    Kind.EXPERIMENT: (N_("Behavioural experiment"), N_("behavioural experiments")),
    Kind.JOURNAL: (N_("Journal"), N_("journal entries")),
    Kind.BREATHING: (N_("Breathing"), N_("breathing sessions")),
    Kind.PMR: (N_("Muscle relaxation"), N_("muscle relaxation sessions")),
    Kind.MINDFULNESS: (N_("Mindfulness"), N_("mindfulness sessions")),
    Kind.PHQ9: (N_("PHQ-9 (depression)"), N_("PHQ-9 questionnaires")),
    Kind.GAD7: (N_("GAD-7 (anxiety)"), N_("GAD-7 questionnaires")),
    # -- behavioural activation and diaries (issue 16) --
    Kind.ACTIVITY_SCHEDULING: (N_("Activity scheduling"), N_("activities")),
    Kind.MOOD_DIARY: (N_("Mood diary"), N_("mood diary entries")),
    Kind.SLEEP_DIARY: (N_("Sleep diary"), N_("sleep diary entries")),
    Kind.PANIC_DIARY: (N_("Panic diary"), N_("panic diary entries")),
    # --
    Kind.OTHER: (N_("Other homework"), N_("other homework")),
}

_SINGULAR: dict[Kind, str] = {
    Kind.THOUGHT_RECORD: N_("thought record"),
    Kind.EXPOSURE: N_("exposure"),
    Kind.EXPERIMENT: N_("behavioural experiment"),
    Kind.JOURNAL: N_("journal entry"),
    Kind.BREATHING: N_("breathing session"),
    Kind.PMR: N_("muscle relaxation session"),
    Kind.MINDFULNESS: N_("mindfulness session"),
    Kind.PHQ9: N_("PHQ-9 questionnaire"),
    Kind.GAD7: N_("GAD-7 questionnaire"),
    # -- behavioural activation and diaries (issue 16) --
    Kind.ACTIVITY_SCHEDULING: N_("activity"),
    Kind.MOOD_DIARY: N_("mood diary entry"),
    Kind.SLEEP_DIARY: N_("sleep diary entry"),
    Kind.PANIC_DIARY: N_("panic diary entry"),
    # --
}

_COUNTS: dict[Kind, Callable[[int], str]] = {
    Kind.THOUGHT_RECORD: lambda n: ngettext("{n} thought record", "{n} thought records", n),
    Kind.EXPOSURE: lambda n: ngettext("{n} exposure", "{n} exposures", n),
    Kind.EXPERIMENT: lambda n: ngettext(
        "{n} behavioural experiment", "{n} behavioural experiments", n
    ),
    Kind.JOURNAL: lambda n: ngettext("{n} journal entry", "{n} journal entries", n),
    Kind.BREATHING: lambda n: ngettext("{n} breathing session", "{n} breathing sessions", n),
    Kind.PMR: lambda n: ngettext(
        "{n} muscle relaxation session", "{n} muscle relaxation sessions", n
    ),
    Kind.MINDFULNESS: lambda n: ngettext("{n} mindfulness session", "{n} mindfulness sessions", n),
    Kind.PHQ9: lambda n: ngettext("{n} PHQ-9 questionnaire", "{n} PHQ-9 questionnaires", n),
    Kind.GAD7: lambda n: ngettext("{n} GAD-7 questionnaire", "{n} GAD-7 questionnaires", n),
    # -- behavioural activation and diaries (issue 16) --
    Kind.ACTIVITY_SCHEDULING: lambda n: ngettext("{n} activity", "{n} activities", n),
    Kind.MOOD_DIARY: lambda n: ngettext("{n} mood diary entry", "{n} mood diary entries", n),
    Kind.SLEEP_DIARY: lambda n: ngettext("{n} sleep diary entry", "{n} sleep diary entries", n),
    Kind.PANIC_DIARY: lambda n: ngettext("{n} panic diary entry", "{n} panic diary entries", n),
    # --
    Kind.OTHER: lambda n: ngettext("{n} other homework", "{n} other homework", n),
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

# The kinds as a plan file writes them (English words the parser reads, never translated).
KIND_WORDS: tuple[str, ...] = (
    "thought record",  # i18n: not shown (a plan file's kind)
    "exposure",
    "experiment",
    "journal",
    "breathing",
    "pmr",
    "mindfulness",
    "phq9",
    "gad7",
    # -- behavioural activation and diaries (issue 16) --
    "activity scheduling",  # i18n: not shown (a plan file's kind)
    "mood diary",  # i18n: not shown (a plan file's kind)
    "sleep diary",  # i18n: not shown (a plan file's kind)
    "panic diary",  # i18n: not shown (a plan file's kind)
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
