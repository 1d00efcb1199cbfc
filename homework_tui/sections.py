"""The sections of the app, in the order they are offered on Today and in the command palette.

Each names the key that opens it from anywhere and gives two plain sentences on what it is for. The
screen that shows each one is in `homework_tui.ui.section_screens` (imported only when first
opened, so start-up stays fast).
"""

from __future__ import annotations

from dataclasses import dataclass

from homework_tui.i18n import N_


@dataclass(frozen=True)
class Section:
    key: str  # stable id, used in settings and the command palette
    title: str  # in English, marked: shown as `_(section.title)`
    hotkey: str
    purpose: str  # what this kind of homework is for, in plain words: shown as `_(purpose)`


# Relax's purpose in two parts: Today leaves out the second when the plan says `suggest_relax =
# false` (for exposure work, where reaching for relaxation when tense can be a safety behaviour).
# Each is one whole message (shown as `_(RELAX_WHAT)`); Relax's full purpose is another.
RELAX_WHAT = N_("Guided breathing and muscle relaxation, spoken aloud so you can close your eyes.")
RELAX_WHEN_TENSE = N_("A good place to start if you feel tense right now.")

SECTIONS: tuple[Section, ...] = (
    Section(
        "thoughts",
        N_("Thought records"),
        "t",
        N_(
            "Catch a thought that upset you, look at the evidence, and find a more balanced view. "
            "Good after a hard moment, while it is still fresh."
        ),
    ),
    Section(
        "exposure",
        N_("Exposure"),
        "x",
        N_(
            "Face feared situations one small step at a time, on a ladder you build. "
            "Each time you stay with it, the fear learns it can shrink."
        ),
    ),
    Section(
        "experiments",
        N_("Experiments"),
        "e",
        N_(
            "Test a worried prediction against what really happens. "
            "You write the belief, try it out, and see what you learn."
        ),
    ),
    Section(
        "journal",
        N_("Journal"),
        "j",
        N_("Write freely and note your mood. Over time, patterns and triggers show up."),
    ),
    Section(
        "activation",
        N_("Activities"),
        "a",
        N_(
            "Plan small things for the coming days that matter to you, then tick them off. "
            "Doing comes before feeling better, and the week shows what lifts your mood."
        ),
    ),
    Section(
        "diaries",
        N_("Diaries"),
        "y",
        N_(
            "A line a day on your mood and last night's sleep, and a note of any panic attack. "
            "Patterns show up in the charts."
        ),
    ),
    Section(
        "relax",
        N_("Relax"),
        "r",
        N_(
            N_(
                "Guided breathing and muscle relaxation, spoken aloud so you can close your eyes. "
                "A good place to start if you feel tense right now."
            )
        ),
    ),
    Section(
        "measures",
        N_("Measures"),
        "m",
        N_(
            "Answer the PHQ-9 (depression) or GAD-7 (anxiety) questionnaire about the last two weeks. "
            "Your scores over time show what is changing."
        ),
    ),
    Section(
        "plan",
        N_("Plan"),
        "p",
        N_(
            "What your therapist asked you to practise, and how often. "
            "Today shows what is due from here."
        ),
    ),
)


def by_key(key: str) -> Section:
    for section in SECTIONS:
        if section.key == key:
            return section
    raise KeyError(key)
