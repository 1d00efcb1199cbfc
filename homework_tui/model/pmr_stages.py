"""The stages of muscle relaxation and every name each one goes by: the one place they are listed.

Applied relaxation is learnt in stages (../shared/CLINICAL.md; Öst 1987): tense-and-release with
16 muscle groups, then 7, then 4, then release-only, then cue-controlled, then differential
(relaxed while sitting, then while moving), rapid (20-30 s many times a day, tied to an everyday
reminder) and application training (in the situations that make the person anxious). A session is logged by its key
(`pmr16`); a therapist writes “16 groups” or “16 muscle groups” in a plan; the app shows “Muscle
relaxation, 16 groups”. `stage_of(text)` finds the stage behind any of these, so a plan written in
words counts the sessions logged by key (and Today and the report agree). Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass

from homework_tui.model.activity import normalise


@dataclass(frozen=True)
class PmrStage:
    """One stage: its key as logged, how it reads in each place, and the other names it has."""

    key: str  # as logged and as the audio engine names the session: "pmr16"
    title: str  # a log's title: "Muscle relaxation, 16 groups"
    short: str  # in the Relax list under "Muscle relaxation": "16 muscle groups"
    in_sentence: str  # "your last 5 sessions of 16-group relaxation"
    invitation: str  # "When you're ready, try 7 groups."
    aliases: tuple[str, ...]  # more ways a therapist or person writes it

    @property
    def names(self) -> tuple[str, ...]:
        """Every name this stage is known by (compared after `normalise`)."""
        return (self.key, self.title, self.short, self.in_sentence, self.invitation.split(" (")[0],
                *self.aliases)


def _groups(count: int, word: str) -> tuple[str, ...]:
    """The ways a number of muscle groups is written: “16 groups”, “sixteen muscle groups”, …"""
    forms = []
    for number in (str(count), word):
        forms += [f"{number} groups", f"{number} muscle groups", f"{number}-group",
                  f"{number}-group relaxation", f"{number} muscle group relaxation",
                  f"pmr {number}", f"pmr {number} groups", f"progressive muscle relaxation {number}",
                  f"progressive muscle relaxation, {number} groups",
                  f"progressive muscle relaxation, {number} muscle groups",
                  f"muscle relaxation {number} muscle groups"]
    return tuple(forms)


STAGES: tuple[PmrStage, ...] = (
    PmrStage("pmr16", "Muscle relaxation, 16 groups", "16 muscle groups", "16-group relaxation",
             "16 groups", _groups(16, "sixteen")),
    PmrStage("pmr7", "Muscle relaxation, 7 groups", "7 muscle groups", "7-group relaxation",
             "7 groups", _groups(7, "seven")),
    PmrStage("pmr4", "Muscle relaxation, 4 groups", "4 muscle groups", "4-group relaxation",
             "4 groups", _groups(4, "four")),
    PmrStage("release", "Release-only relaxation", "Release only", "release-only relaxation",
             "release-only relaxation (letting go without tensing first)",
             ("release", "release-only", "release only", "release-only pmr",
              "release-only muscle relaxation", "relaxation without tensing", "letting go")),
    PmrStage("cue", "Cue-controlled relaxation", "Cue-controlled", "cue-controlled relaxation",
             "cue-controlled relaxation (relaxing on a word you choose)",
             ("cue", "cue-controlled", "cue controlled", "cue-controlled pmr",
              "cue-controlled muscle relaxation", "cue word", "cue-word relaxation")),
    PmrStage("differential", "Differential relaxation", "Differential", "differential relaxation",
             "differential relaxation (relaxed while sitting, then while moving)",
             ("differential", "differential pmr", "differential muscle relaxation",
              "relaxing while moving", "relaxation while moving")),
    PmrStage("rapid", "Rapid relaxation", "Rapid (about a minute)", "rapid relaxation",
             "rapid relaxation (20-30 seconds, many times a day)",
             ("rapid", "rapid pmr", "rapid muscle relaxation", "quick relaxation", "20-second relaxation",
              "30-second relaxation")),
    PmrStage("application", "Application training", "Application training", "application training",
             "application training (relaxing in the situations that make you anxious)",
             ("application", "applied relaxation application", "application phase",
              "relaxation in anxious situations")),
)
KEYS: tuple[str, ...] = tuple(stage.key for stage in STAGES)
BY_KEY: dict[str, PmrStage] = {stage.key: stage for stage in STAGES}
_BY_NAME: dict[str, PmrStage] = {normalise(name): stage for stage in STAGES for name in stage.names}


def stage_of(text: str) -> PmrStage | None:
    """The stage `text` names (“pmr16”, “16 groups”, “Sixteen muscle groups”, “cue-controlled”),
    or None when it names no stage."""
    return _BY_NAME.get(normalise(text))
