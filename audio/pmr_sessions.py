"""The muscle relaxation sessions and every name each one goes by: the one place they are listed.

Applied relaxation is learnt in stages (../shared/CLINICAL.md; Öst 1987): tense-and-release with
16 muscle groups, then 7, then 4, then release-only, then cue-controlled, then differential
(relaxed while sitting, then while moving), rapid (20-30 s many times a day, tied to an everyday
reminder) and application training (in the situations that make the person anxious). Each stage is
a built-in session named by its key (`pmr16`, the script audio/data/sessions/pmr16.txt), logged by
that key; a therapist writes “16 groups” or “16 muscle groups” in a plan; the app shows “Muscle
relaxation, 16 groups”.

It lives here, in the audio engine, because it is the lowest layer that every user of these names
may import: the engine (sessions, their default lengths, the muscle groups, the names a breathing
pattern may not take), and `homework_tui.model.pmr_stages` (finding the stage behind any name),
the app's Relax list, plan, report and command line through it. Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass

PMR16_GROUPS = (
    "hand",
    "biceps",
    "other_hand",
    "other_biceps",
    "forehead",
    "eyes",
    "jaw",
    "neck",
    "chest",
    "abdomen",
    "thigh",
    "calf",
    "foot",
    "other_thigh",
    "other_calf",
    "other_foot",
)
PMR7_GROUPS = ("arm", "other_arm", "face", "neck", "trunk", "leg", "other_leg")
FOUR_GROUPS = ("arms", "face_neck", "trunk", "legs")


@dataclass(frozen=True)
class PmrSession:
    """One stage: its key as logged and as the engine names the session, its usual length, its
    muscle groups, and how it reads in each place, with the other names it has."""

    key: str  # "pmr16"
    minutes: int  # the session's usual length (its script file says the same; a test checks)
    ladder: bool  # one of 16 → 7 → 4 → release-only → cue: each a shorter way to the same calm
    groups: tuple[str, ...]  # the muscle groups, in order, as the wording names them; () for none
    description: str  # as `homework-tui sessions` lists it ("" when its script file says it)
    title: str  # a log's title: "Muscle relaxation, 16 groups"
    short: str  # in the Relax list under "Muscle relaxation": "16 muscle groups"
    in_sentence: str  # "your last 5 sessions of 16-group relaxation"
    invitation: str  # "When you're ready, try 7 groups."
    aliases: tuple[str, ...]  # more ways a therapist or person writes it

    @property
    def names(self) -> tuple[str, ...]:
        """Every name this stage is known by (the app compares them after normalising)."""
        return (
            self.key,
            self.title,
            self.short,
            self.in_sentence,
            self.invitation.split(" (")[0],
            *self.aliases,
        )


def _groups(count: int, word: str) -> tuple[str, ...]:
    """The ways a number of muscle groups is written: “16 groups”, “sixteen muscle groups”, …"""
    forms = []
    for number in (str(count), word):
        forms += [
            f"{number} groups",
            f"{number} muscle groups",
            f"{number}-group",
            f"{number}-group relaxation",
            f"{number} muscle group relaxation",
            f"pmr {number}",
            f"pmr {number} groups",
            f"progressive muscle relaxation {number}",
            f"progressive muscle relaxation, {number} groups",
            f"progressive muscle relaxation, {number} muscle groups",
            f"muscle relaxation {number} muscle groups",
        ]
    return tuple(forms)


SESSIONS: tuple[PmrSession, ...] = (
    PmrSession(
        "pmr16",
        20,
        True,
        PMR16_GROUPS,
        "progressive muscle relaxation, 16 muscle groups",
        "Muscle relaxation, 16 groups",
        "16 muscle groups",
        "16-group relaxation",
        "16 groups",
        _groups(16, "sixteen"),
    ),
    PmrSession(
        "pmr7",
        12,
        True,
        PMR7_GROUPS,
        "progressive muscle relaxation, 7 groups",
        "Muscle relaxation, 7 groups",
        "7 muscle groups",
        "7-group relaxation",
        "7 groups",
        _groups(7, "seven"),
    ),
    PmrSession(
        "pmr4",
        8,
        True,
        FOUR_GROUPS,
        "progressive muscle relaxation, 4 groups",
        "Muscle relaxation, 4 groups",
        "4 muscle groups",
        "4-group relaxation",
        "4 groups",
        _groups(4, "four"),
    ),
    PmrSession(
        "release",
        6,
        True,
        FOUR_GROUPS,
        "release-only relaxation (no tensing)",
        "Release-only relaxation",
        "Release only",
        "release-only relaxation",
        "release-only relaxation (letting go without tensing first)",
        (
            "release",
            "release-only",
            "release only",
            "release-only pmr",
            "release-only muscle relaxation",
            "relaxation without tensing",
            "letting go",
        ),
    ),
    PmrSession(
        "cue",
        5,
        True,
        (),
        "cue-controlled relaxation: your cue word on each breath out, at your own pace",
        "Cue-controlled relaxation",
        "Cue-controlled",
        "cue-controlled relaxation",
        "cue-controlled relaxation (relaxing on a word you choose)",
        (
            "cue",
            "cue-controlled",
            "cue controlled",
            "cue-controlled pmr",
            "cue-controlled muscle relaxation",
            "cue word",
            "cue-word relaxation",
        ),
    ),
    PmrSession(
        "differential",
        6,
        False,
        (),
        "",
        "Differential relaxation",
        "Differential",
        "differential relaxation",
        "differential relaxation (relaxed while sitting, then while moving)",
        (
            "differential",
            "differential pmr",
            "differential muscle relaxation",
            "relaxing while moving",
            "relaxation while moving",
        ),
    ),
    PmrSession(
        "rapid",
        1,
        False,
        (),
        "",
        "Rapid relaxation",
        "Rapid (about a minute)",
        "rapid relaxation",
        "rapid relaxation (20-30 seconds, many times a day)",
        (
            "rapid",
            "rapid pmr",
            "rapid muscle relaxation",
            "quick relaxation",
            "20-second relaxation",
            "30-second relaxation",
        ),
    ),
    PmrSession(
        "application",
        5,
        False,
        (),
        "",
        "Application training",
        "Application training",
        "application training",
        "application training (relaxing in the situations that make you anxious)",
        (
            "application",
            "applied relaxation application",
            "application phase",
            "relaxation in anxious situations",
        ),
    ),
)
KEYS: tuple[str, ...] = tuple(session.key for session in SESSIONS)
BY_KEY: dict[str, PmrSession] = {session.key: session for session in SESSIONS}
