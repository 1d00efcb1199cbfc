"""Standard measures: the PHQ-9 (depression) and GAD-7 (anxiety) questionnaires.

Both are free to use (Pfizer, 2010). Each item is answered for the last two weeks, 0 "Not at all"
to 3 "Nearly every day"; the total is the sum, read against the published severity bands. The
wording here is the published wording; the LOINC codes are those of the published panels (PHQ-9
44249-1, total 44261-6; GAD-7 69737-5, total 70274-6), used by the FHIR export.

A `MeasureResult` is one time the person answered. Two on the same day are both kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from homework_tui.model.base import Entity, ValidationError, visible
from homework_tui.model.safety import needs_help_line


class Scale(StrEnum):
    PHQ9 = "phq9"
    GAD7 = "gad7"


ANSWERS: tuple[str, ...] = (
    "Not at all",
    "Several days",
    "More than half the days",
    "Nearly every day",
)
"""The four answers, scored 0 to 3."""

ANSWER_CODES: tuple[str, ...] = ("LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9")
"""LOINC answer codes of `ANSWERS`, in the same order."""


@dataclass(frozen=True)
class Band:
    """A published severity band: totals `low` to `high` inclusive."""

    low: int
    high: int
    name: str
    meaning: str

    def holds(self, total: int) -> bool:
        return self.low <= total <= self.high


@dataclass(frozen=True)
class Questionnaire:
    scale: Scale
    name: str  # "PHQ-9"
    about: str  # "depression"
    frame: str
    items: tuple[str, ...]
    item_codes: tuple[str, ...]  # LOINC, one per item
    panel_code: str
    total_code: str
    bands: tuple[Band, ...]

    @property
    def max_total(self) -> int:
        return 3 * len(self.items)

    def band(self, total: int) -> Band:
        for each in self.bands:
            if each.holds(total):
                return each
        raise ValueError(f"{self.name} totals go from 0 to {self.max_total}, not {total}")


PHQ9 = Questionnaire(
    scale=Scale.PHQ9,
    name="PHQ-9",
    about="depression",
    frame="Over the last 2 weeks, how often have you been bothered by any of the following "
    "problems?",
    items=(
        "Little interest or pleasure in doing things",
        "Feeling down, depressed, or hopeless",
        "Trouble falling or staying asleep, or sleeping too much",
        "Feeling tired or having little energy",
        "Poor appetite or overeating",
        "Feeling bad about yourself — or that you are a failure or have let yourself or your "
        "family down",
        "Trouble concentrating on things, such as reading the newspaper or watching television",
        "Moving or speaking so slowly that other people could have noticed? Or the opposite — "
        "being so fidgety or restless that you have been moving around a lot more than usual",
        "Thoughts that you would be better off dead or of hurting yourself in some way",
    ),
    item_codes=(
        "44250-9",
        "44255-8",
        "44259-0",
        "44254-1",
        "44251-7",
        "44258-2",
        "44252-5",
        "44253-3",
        "44260-8",
    ),
    panel_code="44249-1",
    total_code="44261-6",
    bands=(
        Band(0, 4, "minimal", "few or no signs of depression in the last two weeks"),
        Band(5, 9, "mild", "some signs of depression; worth keeping an eye on"),
        Band(10, 14, "moderate", "signs of depression worth talking over with your therapist"),
        Band(15, 19, "moderately severe", "many signs of depression: please talk it over soon"),
        Band(20, 27, "severe", "strong signs of depression: please talk it over soon"),
    ),
)

GAD7 = Questionnaire(
    scale=Scale.GAD7,
    name="GAD-7",
    about="anxiety",
    frame="Over the last 2 weeks, how often have you been bothered by the following problems?",
    items=(
        "Feeling nervous, anxious, or on edge",
        "Not being able to stop or control worrying",
        "Worrying too much about different things",
        "Trouble relaxing",
        "Being so restless that it is hard to sit still",
        "Becoming easily annoyed or irritable",
        "Feeling afraid, as if something awful might happen",
    ),
    item_codes=(
        "69725-0",
        "68509-9",
        "69733-4",
        "69734-2",
        "69735-9",
        "69689-8",
        "69736-7",
    ),
    panel_code="69737-5",
    total_code="70274-6",
    bands=(
        Band(0, 4, "minimal", "few or no signs of anxiety in the last two weeks"),
        Band(5, 9, "mild", "some signs of anxiety; worth keeping an eye on"),
        Band(10, 14, "moderate", "signs of anxiety worth talking over with your therapist"),
        Band(15, 21, "severe", "strong signs of anxiety: please talk it over soon"),
    ),
)

QUESTIONNAIRES: dict[Scale, Questionnaire] = {Scale.PHQ9: PHQ9, Scale.GAD7: GAD7}
SAFETY_ITEM = 8
"""PHQ-9 item 9 (index 8): any answer above 0 brings the Help now line."""


def questionnaire(scale: Scale | str) -> Questionnaire:
    return QUESTIONNAIRES[Scale(scale)]


def parse_scale(text: str) -> Scale | None:
    """“phq9”, “PHQ-9”, “gad7”, “GAD-7” → the scale; None for anything else."""
    said = "".join(ch for ch in text.casefold() if ch.isalnum())
    return {"phq9": Scale.PHQ9, "gad7": Scale.GAD7}.get(said)


def parse_answers(scale: Scale, text: str) -> tuple[int, ...]:
    """“2,2,2,1,1,2,1,1,0” (commas or spaces) → the answers, checked for count and range."""
    form = questionnaire(scale)
    parts = [p for p in re.split(r"[,\s]+", text.strip()) if p]
    if len(parts) != len(form.items):
        raise ValidationError(
            "answers",
            f"{form.name} has {len(form.items)} answers, each 0 to 3; {len(parts)} were given.",
        )
    return check_answers(scale, [parse_answer(p, number) for number, p in enumerate(parts, 1)])


def parse_answer(text: str, number: int) -> int:
    said = text.strip()
    if not re.fullmatch(r"[0-3]", said):
        raise ValidationError(
            "answers", f"Answer {number} is “{visible(said)}”; each answer is 0, 1, 2 or 3."
        )
    return int(said)


def check_answers(scale: Scale, answers: Sequence[object]) -> tuple[int, ...]:
    form = questionnaire(scale)
    if len(answers) != len(form.items):
        raise ValidationError(
            "answers",
            f"{form.name} has {len(form.items)} answers; {len(answers)} were given.",
        )
    out = []
    for number, value in enumerate(answers, 1):
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 3:
            raise ValidationError("answers", f"Answer {number} needs to be 0, 1, 2 or 3.")
        out.append(value)
    return tuple(out)


@dataclass(frozen=True, kw_only=True)
class MeasureResult(Entity):
    """One time a questionnaire was answered (`created_at` is when)."""

    scale: Scale
    answers: tuple[int, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "scale", Scale(self.scale))
        object.__setattr__(self, "answers", check_answers(self.scale, list(self.answers)))

    @property
    def form(self) -> Questionnaire:
        return questionnaire(self.scale)

    @property
    def total(self) -> int:
        return sum(self.answers)

    @property
    def band(self) -> Band:
        return self.form.band(self.total)

    @property
    def day(self) -> date:
        return self.created_at.date()

    @property
    def safety_item(self) -> int | None:
        """PHQ-9 item 9's answer; None for other questionnaires."""
        return self.answers[SAFETY_ITEM] if self.scale is Scale.PHQ9 else None

    @property
    def needs_help_line(self) -> bool:
        return needs_help_line(phq9_item9=self.safety_item)

    def summary(self) -> str:
        """“PHQ-9: 14 of 27, moderate”."""
        return f"{self.form.name}: {self.total} of {self.form.max_total}, {self.band.name}"


def baseline(results: Iterable[MeasureResult], plan_start: date | None) -> MeasureResult | None:
    """The result the change is counted from: the first taken on the day the plan started, else
    the last taken before it, else the first taken after (the first of all without a plan)."""
    ordered = sorted(results, key=lambda r: r.created_at)
    if not ordered:
        return None
    if plan_start is not None:
        on_the_day = [r for r in ordered if r.day == plan_start]
        before = [r for r in ordered if r.day < plan_start]
        if on_the_day or before:
            return on_the_day[0] if on_the_day else before[-1]
    return ordered[0]


def change_since(
    result: MeasureResult, results: Iterable[MeasureResult], plan_start: date | None
) -> int | None:
    """`result`'s total minus the baseline's (same scale); None when it is the baseline."""
    first = baseline((r for r in results if r.scale is result.scale), plan_start)
    if first is None or first.id == result.id:
        return None
    return result.total - first.total


def change_words(change: int | None) -> str:
    """“down 5”, “up 2”, “no change”, "" (nothing to compare with). Lower is better."""
    if change is None:
        return ""
    if change == 0:
        return "no change"
    return f"down {-change}" if change < 0 else f"up {change}"
