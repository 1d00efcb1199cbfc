"""When a step counts as mastered, where each rung stands, and what to practise next.

Two rules are in clinical use (CLINICAL.md), so the person (with their therapist) chooses:

* **half-drop** (the default): an exposure counts when distress at the end fell to half the peak
  or lower, or to 20 or lower;
* **expectancy**: an exposure counts when the peak was clearly lower than predicted (by at least
  10 points), or was 20 or lower — what was feared did not happen as expected.

A step is mastered once `repeats` exposures (default 3) count. The suggested next step is the
lowest rung not yet mastered.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from homework_tui.model.base import ValidationError, rating
from homework_tui.model.exposure import Exposure, Ladder, Step, clean_behaviours

LOW_ENOUGH = 20  # SUDS at or below this count under either rule
SURPRISE = 10  # predicted − peak needed for the expectancy rule
REPEATS_DEFAULT = 3
PROMPT_MINUTES_DEFAULT = 5


class MasteryKind(enum.Enum):
    HALF_DROP = "half-drop"
    EXPECTANCY = "expectancy"

    @property
    def label(self) -> str:
        return {
            MasteryKind.HALF_DROP: "Distress falls by half",
            MasteryKind.EXPECTANCY: "Less distress than expected",
        }[self]

    @property
    def explanation(self) -> str:
        if self is MasteryKind.HALF_DROP:
            return (
                f"An exposure counts when your distress at the end fell to half the peak or "
                f"lower, or to {LOW_ENOUGH} or lower."
            )
        return (
            f"An exposure counts when the peak was at least {SURPRISE} lower than you "
            f"predicted, or was {LOW_ENOUGH} or lower."
        )


@dataclass(frozen=True, kw_only=True)
class MasteryRule:
    kind: MasteryKind = MasteryKind.HALF_DROP
    repeats: int = REPEATS_DEFAULT

    def __post_init__(self) -> None:
        if not isinstance(self.kind, MasteryKind):
            object.__setattr__(self, "kind", MasteryKind(self.kind))
        object.__setattr__(
            self,
            "repeats",
            rating("repeats", self.repeats, "Exposures needed", low=1, high=20),
        )

    def counts(self, exposure: Exposure) -> bool:
        """Whether this exposure counts towards mastering its step."""
        if self.kind is MasteryKind.HALF_DROP:
            return exposure.end * 2 <= exposure.peak or exposure.end <= LOW_ENOUGH
        violation = exposure.expectancy_violation
        return (violation is not None and violation >= SURPRISE) or exposure.peak <= LOW_ENOUGH

    def describe(self) -> str:
        times = "once" if self.repeats == 1 else f"{self.repeats} times"
        return f"{self.kind.explanation} A step is mastered when that has happened {times}."


@dataclass(frozen=True, kw_only=True)
class ExposureSettings:
    """The exposure section's own settings (one document, `exposure_settings`)."""

    rule: MasteryRule = MasteryRule()
    prompt_minutes: int = PROMPT_MINUTES_DEFAULT  # the live timer asks for SUDS this often
    safety_behaviours: tuple[str, ...] = ()  # the list the person builds and picks from

    def __post_init__(self) -> None:
        object.__setattr__(
            self,
            "prompt_minutes",
            rating(
                "prompt_minutes", self.prompt_minutes, "Minutes between ratings", low=1, high=60
            ),
        )
        object.__setattr__(
            self, "safety_behaviours", clean_behaviours(tuple(self.safety_behaviours))
        )

    def with_behaviours(self, names: Iterable[str]) -> ExposureSettings:
        """These behaviours added to the list (new ones at the end)."""
        return ExposureSettings(
            rule=self.rule,
            prompt_minutes=self.prompt_minutes,
            safety_behaviours=(*self.safety_behaviours, *names),
        )


class StepState(enum.Enum):
    NOT_TRIED = "not tried"
    PRACTISING = "practising"
    MASTERED = "mastered"


@dataclass(frozen=True)
class StepProgress:
    step: Step
    tries: int  # exposures logged on the step
    counted: int  # of those, how many count under the rule
    state: StepState
    last_peak: int | None = None
    last_end: int | None = None

    @property
    def label(self) -> str:
        """“not tried”, “practising ×2”, “mastered ×4”: words, never colour alone."""
        if self.state is StepState.NOT_TRIED:
            return "not tried"
        return f"{self.state.value} ×{self.tries}"


def by_step(exposures: Iterable[Exposure]) -> dict[str, list[Exposure]]:
    """Exposures grouped by step id, each list oldest first."""
    groups: dict[str, list[Exposure]] = {}
    for exposure in sorted(exposures, key=lambda e: e.started_at):
        groups.setdefault(exposure.step_id, []).append(exposure)
    return groups


def step_progress(step: Step, exposures: list[Exposure], rule: MasteryRule) -> StepProgress:
    counted = sum(1 for e in exposures if rule.counts(e))
    if not exposures:
        state = StepState.NOT_TRIED
    elif counted >= rule.repeats:
        state = StepState.MASTERED
    else:
        state = StepState.PRACTISING
    last = exposures[-1] if exposures else None
    return StepProgress(
        step,
        len(exposures),
        counted,
        state,
        last.peak if last else None,
        last.end if last else None,
    )


def ladder_progress(
    ladder: Ladder, exposures: Iterable[Exposure], rule: MasteryRule
) -> list[StepProgress]:
    """Each of the ladder's steps, bottom rung first, with its state under `rule`."""
    groups = by_step(e for e in exposures if e.ladder_id == ladder.id)
    return [step_progress(s, groups.get(s.id, []), rule) for s in ladder.steps]


def next_step(progress: list[StepProgress]) -> Step | None:
    """The lowest rung not yet mastered; None when the whole ladder is."""
    for item in progress:
        if item.state is not StepState.MASTERED:
            return item.step
    return None


@dataclass(frozen=True)
class BetweenSessions:
    """How a step's distress changed across repeats (oldest to newest)."""

    repeats: int
    first_peak: int
    last_peak: int
    first_end: int
    last_end: int

    @property
    def peak_change(self) -> int:
        """Negative when the peak came down."""
        return self.last_peak - self.first_peak

    @property
    def end_change(self) -> int:
        return self.last_end - self.first_end


def between_sessions(exposures: Iterable[Exposure]) -> BetweenSessions | None:
    """Between-session habituation for one step's exposures; None with fewer than two."""
    ordered = sorted(exposures, key=lambda e: e.started_at)
    if len(ordered) < 2:
        return None
    first, last = ordered[0], ordered[-1]
    return BetweenSessions(len(ordered), first.peak, last.peak, first.end, last.end)


def mean_expectancy_violation(exposures: Iterable[Exposure]) -> float | None:
    """Average of predicted − peak over exposures with a prediction."""
    values = [e.expectancy_violation for e in exposures if e.expectancy_violation is not None]
    return sum(values) / len(values) if values else None


def check_rule_choice(value: str) -> MasteryKind:
    try:
        return MasteryKind(value)
    except ValueError:
        raise ValidationError("rule", "Please choose one of the two rules.") from None
