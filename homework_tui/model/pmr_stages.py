"""The stages of muscle relaxation, and the stage behind any name a plan or a log gives one.

Applied relaxation is learnt in stages (../shared/CLINICAL.md; Öst 1987): tense-and-release with
16 muscle groups, then 7, then 4, then release-only, then cue-controlled, then differential
(relaxed while sitting, then while moving), rapid (20-30 s many times a day, tied to an everyday
reminder) and application training (in the situations that make the person anxious). A session is logged by its key
(`pmr16`); a therapist writes “16 groups” or “16 muscle groups” in a plan; the app shows “Muscle
relaxation, 16 groups”. `stage_of(text)` finds the stage behind any of these, so a plan written in
words counts the sessions logged by key (and Today and the report agree). The stages and their
names are listed once, in `audio.pmr_sessions` (the lowest layer all their users may import).
"""

from __future__ import annotations

from audio.pmr_sessions import BY_KEY, KEYS, SESSIONS
from audio.pmr_sessions import PmrSession as PmrStage
from homework_tui.i18n import N_
from homework_tui.model.activity import normalise

__all__ = ["BY_KEY", "KEYS", "STAGES", "PmrStage", "stage_of"]

STAGES: tuple[PmrStage, ...] = SESSIONS  # listed once, in audio.pmr_sessions (see its docstring)
_BY_NAME: dict[str, PmrStage] = {normalise(name): stage for stage in STAGES for name in stage.names}


def stage_of(text: str) -> PmrStage | None:
    """The stage `text` names (“pmr16”, “16 groups”, “Sixteen muscle groups”, “cue-controlled”),
    or None when it names no stage."""
    return _BY_NAME.get(normalise(text))


# Every stage's names as the app shows them (title, short, in_sentence, invitation), listed here so
# they are in the catalogue; audio.pmr_sessions holds them in English (a test checks the two
# agree). Show them with `_()`: `_(stage.title)`, `_(TRY_NAMES[key])`.
SHOWN_NAMES: tuple[str, ...] = (
    # pmr16
    N_("Muscle relaxation, 16 groups"),
    N_("16 muscle groups"),
    N_("16-group relaxation"),
    N_("16 groups"),
    # pmr7
    N_("Muscle relaxation, 7 groups"),
    N_("7 muscle groups"),
    N_("7-group relaxation"),
    N_("7 groups"),
    # pmr4
    N_("Muscle relaxation, 4 groups"),
    N_("4 muscle groups"),
    N_("4-group relaxation"),
    N_("4 groups"),
    # release
    N_("Release-only relaxation"),
    N_("Release only"),
    N_("release-only relaxation"),
    N_("release-only relaxation (letting go without tensing first)"),
    # cue
    N_("Cue-controlled relaxation"),
    N_("Cue-controlled"),
    N_("cue-controlled relaxation"),
    N_("cue-controlled relaxation (relaxing on a word you choose)"),
    # differential
    N_("Differential relaxation"),
    N_("Differential"),
    N_("differential relaxation"),
    N_("differential relaxation (relaxed while sitting, then while moving)"),
    # rapid
    N_("Rapid relaxation"),
    N_("Rapid (about a minute)"),
    N_("rapid relaxation"),
    N_("rapid relaxation (20-30 seconds, many times a day)"),
    # application
    N_("Application training"),
    N_("Application training"),
    N_("application training"),
    N_("application training (relaxing in the situations that make you anxious)"),
)
