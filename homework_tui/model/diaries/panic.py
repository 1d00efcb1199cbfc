"""Panic diary (after Craske & Barlow, *Mastery of Your Anxiety and Panic*): when and where, expected
or out of the blue, the peak anxiety 0-10, the symptoms felt (the 13 DSM-5 panic symptoms), the
thoughts, and what the person did. Four or more symptoms make a full attack; fewer, a
limited-symptom attack."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from homework_tui.i18n import N_, _
from homework_tui.model.base import Entity, ValidationError, clean_text, rating

WHERE_MAX = 200
FULL_ATTACK = 4


class Cue(StrEnum):
    EXPECTED = "expected"
    OUT_OF_THE_BLUE = "out_of_the_blue"

    @property
    def label(self) -> str:
        # Translators: a panic attack that came in a situation the person expected it in.
        return _("Expected") if self is Cue.EXPECTED else _("Out of the blue")


class Symptom(StrEnum):
    PALPITATIONS = "palpitations"
    SWEATING = "sweating"
    TREMBLING = "trembling"
    BREATHLESS = "breathless"
    CHOKING = "choking"
    CHEST_PAIN = "chest_pain"
    NAUSEA = "nausea"
    DIZZY = "dizzy"
    CHILLS_OR_HEAT = "chills_or_heat"
    NUMBNESS = "numbness"
    UNREAL = "unreal"
    LOSING_CONTROL = "losing_control"
    DYING = "dying"

    @property
    def label(self) -> str:
        return _(_SYMPTOM_LABELS[self])


_SYMPTOM_LABELS: dict[Symptom, str] = {
    Symptom.PALPITATIONS: N_("Pounding or racing heart"),
    Symptom.SWEATING: N_("Sweating"),
    Symptom.TREMBLING: N_("Trembling or shaking"),
    Symptom.BREATHLESS: N_("Short of breath or smothering"),
    Symptom.CHOKING: N_("Feeling of choking"),
    Symptom.CHEST_PAIN: N_("Chest pain or discomfort"),
    Symptom.NAUSEA: N_("Nausea or stomach upset"),
    Symptom.DIZZY: N_("Dizzy, unsteady, light-headed or faint"),
    Symptom.CHILLS_OR_HEAT: N_("Chills or hot flushes"),
    Symptom.NUMBNESS: N_("Numbness or tingling"),
    Symptom.UNREAL: N_("Things or yourself feeling unreal"),
    Symptom.LOSING_CONTROL: N_("Fear of losing control or going crazy"),
    Symptom.DYING: N_("Fear of dying"),
}


@dataclass(frozen=True, kw_only=True)
class PanicAttack(Entity):
    at: datetime
    where: str = ""
    cue: Cue = Cue.OUT_OF_THE_BLUE
    peak: int = 0  # anxiety at its worst, 0-10
    symptoms: tuple[Symptom, ...] = ()
    thoughts: str = ""
    what_i_did: str = ""

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        if self.at.tzinfo is None:
            raise ValidationError("at", "The time needs its UTC offset.")  # i18n: not shown
        where = " ".join(clean_text(self.where, multiline=False).split())
        if len(where) > WHERE_MAX:
            raise ValidationError(
                "where",
                _("Please keep “where” under {count} characters.").format(count=WHERE_MAX),
            )
        set_(self, "where", where)
        set_(self, "cue", Cue(self.cue))
        set_(self, "peak", rating("peak", self.peak, _("Peak anxiety"), low=0, high=10))
        chosen = {Symptom(s) for s in self.symptoms}
        set_(self, "symptoms", tuple(s for s in Symptom if s in chosen))
        set_(self, "thoughts", clean_text(self.thoughts).strip("\n"))
        set_(self, "what_i_did", clean_text(self.what_i_did).strip("\n"))

    @property
    def full_attack(self) -> bool:
        return len(self.symptoms) >= FULL_ATTACK

    @property
    def attack_kind(self) -> str:
        return _("full attack") if self.full_attack else _("limited-symptom attack")

    def symptoms_text(self) -> str:
        return ", ".join(symptom.label for symptom in self.symptoms)
