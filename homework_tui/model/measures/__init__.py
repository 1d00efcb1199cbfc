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

from homework_tui.i18n import N_, _, ngettext
from homework_tui.model.base import Entity, ValidationError, visible
from homework_tui.model.safety import needs_help_line


class Scale(StrEnum):
    PHQ9 = "phq9"
    GAD7 = "gad7"


# The four answers, scored 0 to 3, in the published English (the FHIR export's display);
# `answer_words()` gives them in the interface's language.
ANSWERS: tuple[str, ...] = (
    N_("Not at all"),
    N_("Several days"),
    N_("More than half the days"),
    N_("Nearly every day"),
)


def answer_words() -> tuple[str, ...]:
    """`ANSWERS` in the interface's language (the published translation)."""
    return tuple(_(answer) for answer in ANSWERS)


# LOINC answer codes of `ANSWERS`, in the same order.
ANSWER_CODES: tuple[str, ...] = ("LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9")


@dataclass(frozen=True)
class Band:
    """A published severity band: totals `low` to `high` inclusive. `severity` and `says` are
    the English (marked); `name` and `meaning` are in the interface's language."""

    low: int
    high: int
    severity: str
    says: str

    @property
    def name(self) -> str:
        """ "moderate" in the interface's language."""
        return _(self.severity)

    @property
    def meaning(self) -> str:
        return _(self.says)

    def holds(self, total: int) -> bool:
        return self.low <= total <= self.high


@dataclass(frozen=True)
class Questionnaire:
    """A questionnaire's published English wording (marked for the catalogue); `about`, `frame`
    and `items` give it in the interface's language (the published translations)."""

    scale: Scale
    name: str  # "PHQ-9"
    english_about: str  # "depression"
    english_frame: str
    english_items: tuple[str, ...]
    item_codes: tuple[str, ...]  # LOINC, one per item
    panel_code: str
    total_code: str
    bands: tuple[Band, ...]

    @property
    def about(self) -> str:
        return _(self.english_about)

    @property
    def frame(self) -> str:
        return _(self.english_frame)

    @property
    def items(self) -> tuple[str, ...]:
        return tuple(_(item) for item in self.english_items)

    @property
    def max_total(self) -> int:
        return 3 * len(self.english_items)

    def band(self, total: int) -> Band:
        for each in self.bands:
            if each.holds(total):
                return each
        raise ValueError(
            f"{self.name} totals go from 0 to {self.max_total}, not {total}"  # i18n: not shown
        )


PHQ9 = Questionnaire(
    scale=Scale.PHQ9,
    name="PHQ-9",
    english_about=N_("depression"),
    english_frame=N_(
        "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
    ),
    english_items=(
        N_("Little interest or pleasure in doing things"),
        N_("Feeling down, depressed, or hopeless"),
        N_("Trouble falling or staying asleep, or sleeping too much"),
        N_("Feeling tired or having little energy"),
        N_("Poor appetite or overeating"),
        N_(
            "Feeling bad about yourself — or that you are a failure or have let yourself or your "
            "family down"
        ),
        N_("Trouble concentrating on things, such as reading the newspaper or watching television"),
        N_(
            "Moving or speaking so slowly that other people could have noticed? Or the opposite — "
            "being so fidgety or restless that you have been moving around a lot more than usual"
        ),
        N_("Thoughts that you would be better off dead or of hurting yourself in some way"),
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
        Band(0, 4, N_("minimal"), N_("few or no signs of depression in the last two weeks")),
        Band(5, 9, N_("mild"), N_("some signs of depression; worth keeping an eye on")),
        Band(
            10, 14, N_("moderate"), N_("signs of depression worth talking over with your therapist")
        ),
        Band(
            15,
            19,
            N_("moderately severe"),
            N_("many signs of depression: please talk it over soon"),
        ),
        Band(20, 27, N_("severe"), N_("strong signs of depression: please talk it over soon")),
    ),
)

GAD7 = Questionnaire(
    scale=Scale.GAD7,
    name="GAD-7",
    english_about=N_("anxiety"),
    english_frame=N_(
        "Over the last 2 weeks, how often have you been bothered by the following problems?"
    ),
    english_items=(
        N_("Feeling nervous, anxious, or on edge"),
        N_("Not being able to stop or control worrying"),
        N_("Worrying too much about different things"),
        N_("Trouble relaxing"),
        N_("Being so restless that it is hard to sit still"),
        N_("Becoming easily annoyed or irritable"),
        N_("Feeling afraid, as if something awful might happen"),
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
        Band(0, 4, N_("minimal"), N_("few or no signs of anxiety in the last two weeks")),
        Band(5, 9, N_("mild"), N_("some signs of anxiety; worth keeping an eye on")),
        Band(10, 14, N_("moderate"), N_("signs of anxiety worth talking over with your therapist")),
        Band(15, 21, N_("severe"), N_("strong signs of anxiety: please talk it over soon")),
    ),
)

QUESTIONNAIRES: dict[Scale, Questionnaire] = {Scale.PHQ9: PHQ9, Scale.GAD7: GAD7}
SAFETY_ITEM = 8  # PHQ-9 item 9 (index 8): any answer above 0 brings the Help now line


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
    if len(parts) != len(form.english_items):
        raise ValidationError(
            "answers",
            ngettext(
                "{name} has {count} answers, each 0 to 3; {given} was given.",
                "{name} has {count} answers, each 0 to 3; {given} were given.",
                len(parts),
            ).format(name=form.name, count=len(form.english_items), given=len(parts)),
        )
    return check_answers(scale, [parse_answer(p, number) for number, p in enumerate(parts, 1)])


def parse_answer(text: str, number: int) -> int:
    said = text.strip()
    if not re.fullmatch(r"[0-3]", said):
        raise ValidationError(
            "answers",
            _("Answer {number} is “{typed}”; each answer is 0, 1, 2 or 3.").format(
                number=number, typed=visible(said)
            ),
        )
    return int(said)


def check_answers(scale: Scale, answers: Sequence[object]) -> tuple[int, ...]:
    form = questionnaire(scale)
    if len(answers) != len(form.english_items):
        raise ValidationError(
            "answers",
            ngettext(
                "{name} has {count} answers; {given} was given.",
                "{name} has {count} answers; {given} were given.",
                len(answers),
            ).format(name=form.name, count=len(form.english_items), given=len(answers)),
        )
    out = []
    for number, value in enumerate(answers, 1):
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 3:
            raise ValidationError(
                "answers", _("Answer {number} needs to be 0, 1, 2 or 3.").format(number=number)
            )
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
        return _("{name}: {total} of {most}, {severity}").format(
            name=self.form.name, total=self.total, most=self.form.max_total, severity=self.band.name
        )


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
        return _("no change")
    if change < 0:
        # Translators: a questionnaire's total went down by {change} points (lower is better).
        return _("down {change}").format(change=-change)
    # Translators: a questionnaire's total went up by {change} points.
    return _("up {change}").format(change=change)
