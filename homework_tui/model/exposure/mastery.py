"""When an exposure counts, when a step counts as mastered, where each rung stands, and what to
practise next. The one source of these rules for the app, the line mode and the report.

Two rules are in clinical use (CLINICAL.md), so the person (with their therapist) chooses:

* **half-drop** (the default): an exposure counts when distress at the end fell to half the peak
  or lower, or to 20 or lower;
* **expectancy** (inhibitory learning, Craske et al. 2014): an exposure counts when what the person
  feared did not happen, or happened only partly and surprised them (50 or more): far less bad than
  expected. An exposure with no feared outcome written (older ones) is judged by the half-drop
  rule instead, and says so.

Whatever the rule, an exposure does not count (each a setting, on by default) when it used a
safety behaviour, when it was left early (the person says so, or it was shorter than the minutes
the plan asked for), or when it is known to be shorter than a minimum length (5 minutes).
`judge` gives each exposure a `Judgement`: whether it counts and why not, in plain words.

A step is mastered when at least `repeats` (default 3) of its most recent `repeats + 2`
exposures count, so mastery can lapse: a step once mastered is then "practising again". The
suggested next step is the lowest rung not mastered now.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from homework_tui.i18n import N_, _, ngettext
from homework_tui.model.base import ValidationError, rating
from homework_tui.model.exposure import Exposure, Ladder, Step, clean_behaviours
from homework_tui.model.exposure.expectancy import Happened

LOW_ENOUGH = 20  # SUDS at or below this at the end count under the half-drop rule
FAR_LESS_BAD = 50  # surprise needed when the feared outcome partly happened
REPEATS_DEFAULT = 3
WINDOW_EXTRA = 2  # mastery looks at the most recent repeats + this many exposures
PROMPT_MINUTES_DEFAULT = 5
MINIMUM_MINUTES_DEFAULT = 5
MINIMUM_MINUTES_MAX = 120
# Marked only: show it with `_(judgement.note)`.
NO_FEARED_OUTCOME = N_("judged by the half-drop rule: no feared outcome written")


class MasteryKind(enum.Enum):
    HALF_DROP = "half-drop"
    EXPECTANCY = "expectancy"

    @property
    def label(self) -> str:
        if self is MasteryKind.HALF_DROP:
            return _("Distress falls by half")
        return _("What you feared didn't happen")

    @property
    def explanation(self) -> str:
        if self is MasteryKind.HALF_DROP:
            return _(
                "An exposure counts when your distress at the end fell to half the peak or "
                "lower, or to {low} or lower."
            ).format(low=LOW_ENOUGH)
        return _(
            "An exposure counts when what you feared would happen didn't happen, or happened "
            "only partly and was far less bad than you expected (surprise {surprise} or more). "
            "One without a feared outcome written is judged by distress falling by half."
        ).format(surprise=FAR_LESS_BAD)


def _half_drop(exposure: Exposure) -> str | None:
    """None when distress fell by half (or low enough), else why not."""
    if exposure.end * 2 <= exposure.peak or exposure.end <= LOW_ENOUGH:
        return None
    # Translators: why an exposure does not count (after "not counted: ").
    return _("distress didn't fall by half")


def _expectancy(exposure: Exposure) -> str | None:
    """None when the feared outcome didn't happen or was far less bad than expected."""
    outcome = exposure.outcome
    if outcome is Happened.NO:
        return None
    if outcome is None:
        return _("not yet written whether what you feared happened")
    if outcome is Happened.YES:
        return _("what you feared happened")
    if exposure.surprise is not None and exposure.surprise >= FAR_LESS_BAD:
        return None
    return _("what you feared partly happened, and it wasn't far less bad than expected")


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
            rating("repeats", self.repeats, _("Exposures needed"), low=1, high=20),
        )

    @property
    def window(self) -> int:
        """How many of a step's most recent exposures mastery looks at."""
        return self.repeats + WINDOW_EXTRA

    def missed(self, exposure: Exposure) -> tuple[str | None, bool]:
        """Why the rule itself is not met (None when it is), and whether the half-drop rule
        stood in for the expectancy rule (no feared outcome written)."""
        if self.kind is MasteryKind.HALF_DROP:
            return _half_drop(exposure), False
        if not exposure.feared_outcome:
            return _half_drop(exposure), True
        return _expectancy(exposure), False

    def counts(self, exposure: Exposure) -> bool:
        """Whether the rule alone is met (before the settings' exclusions; see `judge`)."""
        return self.missed(exposure)[0] is None

    def describe(self) -> str:
        if self.repeats == 1:
            mastered = _(
                "A step is mastered when that has happened once in its last {window} exposures."
            ).format(window=self.window)
        else:
            mastered = ngettext(
                "A step is mastered when that has happened {count} time in its last {window} "
                "exposures.",
                "A step is mastered when that has happened {count} times in its last {window} "
                "exposures.",
                self.repeats,
            ).format(count=self.repeats, window=self.window)
        return f"{self.kind.explanation} {mastered}"


@dataclass(frozen=True)
class Judgement:
    """Whether one exposure counts towards mastering its step, and why not in plain words."""

    counts: bool
    reasons: tuple[str, ...] = ()  # why it does not count; empty when it counts
    note: str = ""  # how it was judged, when that needs saying (NO_FEARED_OUTCOME)

    @property
    def words(self) -> str:
        """“counted” or “not counted: used a safety behaviour (held my phone); left early”."""
        if self.counts:
            return _("counted")
        # Translators: {reasons} is a list of reasons joined by "; ".
        return _("not counted: {reasons}").format(reasons="; ".join(self.reasons))


@dataclass(frozen=True, kw_only=True)
class ExposureSettings:
    """The exposure section's own settings (one document, `exposure_settings`)."""

    rule: MasteryRule = MasteryRule()
    prompt_minutes: int = PROMPT_MINUTES_DEFAULT  # the live timer asks for SUDS this often
    safety_behaviours: tuple[str, ...] = ()  # the list the person builds and picks from
    exclude_safety_behaviours: bool = True  # an exposure with a safety behaviour doesn't count
    exclude_early_exits: bool = True  # nor one left early
    minimum_minutes: int = MINIMUM_MINUTES_DEFAULT  # nor one known to be shorter (0: no minimum)

    def __post_init__(self) -> None:
        object.__setattr__(
            self,
            "prompt_minutes",
            rating(
                "prompt_minutes", self.prompt_minutes, _("Minutes between ratings"), low=1, high=60
            ),
        )
        object.__setattr__(
            self, "safety_behaviours", clean_behaviours(tuple(self.safety_behaviours))
        )
        object.__setattr__(
            self,
            "minimum_minutes",
            rating(
                "minimum_minutes",
                self.minimum_minutes,
                _("The shortest exposure that counts"),
                low=0,
                high=MINIMUM_MINUTES_MAX,
            ),
        )
        object.__setattr__(self, "exclude_safety_behaviours", bool(self.exclude_safety_behaviours))
        object.__setattr__(self, "exclude_early_exits", bool(self.exclude_early_exits))

    def with_behaviours(self, names: Iterable[str]) -> ExposureSettings:
        """These behaviours added to the list (new ones at the end)."""
        return replace(self, safety_behaviours=(*self.safety_behaviours, *names))

    def describe_exclusions(self) -> str:
        """The settings' exclusions in words (for the report and the options dialog)."""
        safety, early, minimum = (
            self.exclude_safety_behaviours,
            self.exclude_early_exits,
            self.minimum_minutes,
        )
        if not (safety or early or minimum):
            return _("Every exposure is judged by the rule alone.")
        if safety and early and minimum:
            text = ngettext(
                "An exposure that used a safety behaviour, was left early or lasted less than "
                "{minutes} minute does not count.",
                "An exposure that used a safety behaviour, was left early or lasted less than "
                "{minutes} minutes does not count.",
                minimum,
            )
        elif safety and early:
            text = _("An exposure that used a safety behaviour or was left early does not count.")
        elif safety and minimum:
            text = ngettext(
                "An exposure that used a safety behaviour or lasted less than {minutes} minute "
                "does not count.",
                "An exposure that used a safety behaviour or lasted less than {minutes} minutes "
                "does not count.",
                minimum,
            )
        elif early and minimum:
            text = ngettext(
                "An exposure that was left early or lasted less than {minutes} minute does not "
                "count.",
                "An exposure that was left early or lasted less than {minutes} minutes does not "
                "count.",
                minimum,
            )
        elif safety:
            text = _("An exposure that used a safety behaviour does not count.")
        elif early:
            text = _("An exposure that was left early does not count.")
        else:
            text = ngettext(
                "An exposure that lasted less than {minutes} minute does not count.",
                "An exposure that lasted less than {minutes} minutes does not count.",
                minimum,
            )
        return text.format(minutes=minimum)


def judge(
    exposure: Exposure, settings: ExposureSettings, planned_minutes: int | None = None
) -> Judgement:
    """Whether `exposure` counts towards mastering its step under `settings`, and every reason it
    does not. `planned_minutes` is the time the therapist's plan asked for, when known."""
    reasons: list[str] = []
    if settings.exclude_safety_behaviours and exposure.safety_behaviours:
        used = ", ".join(exposure.safety_behaviours)
        reasons.append(_("used a safety behaviour ({behaviours})").format(behaviours=used))
    if settings.exclude_early_exits:
        if exposure.left_early:
            reasons.append(_("left early"))
        elif exposure.ended_early(planned_minutes):
            planned = planned_minutes or 0
            reasons.append(
                ngettext(
                    "left early (planned {minutes} minute)",
                    "left early (planned {minutes} minutes)",
                    planned,
                ).format(minutes=planned)
            )
    length = exposure.length_minutes
    if settings.minimum_minutes and length is not None and length < settings.minimum_minutes:
        reasons.append(
            ngettext(
                "shorter than {minutes} minute",
                "shorter than {minutes} minutes",
                settings.minimum_minutes,
            ).format(minutes=settings.minimum_minutes)
        )
    missed, fell_back = settings.rule.missed(exposure)
    if missed is not None:
        reasons.append(missed)
    return Judgement(not reasons, tuple(reasons), NO_FEARED_OUTCOME if fell_back else "")


class StepState(enum.Enum):
    NOT_TRIED = "not tried"  # i18n: not shown (a key: its words are `label`)
    PRACTISING = "practising"
    MASTERED = "mastered"

    @property
    def label(self) -> str:
        """The state in words, in the interface's language."""
        if self is StepState.NOT_TRIED:
            return _("not tried")
        if self is StepState.PRACTISING:
            return _("practising")
        return _("mastered")


@dataclass(frozen=True)
class StepProgress:
    step: Step
    tries: int  # exposures logged on the step
    counted: int  # of the most recent `window`, how many count
    state: StepState
    last_peak: int | None = None
    last_end: int | None = None
    was_mastered: bool = False  # mastered at some earlier time, not now (mastery lapsed)
    window: int = REPEATS_DEFAULT + WINDOW_EXTRA  # how many recent exposures were looked at
    judgements: tuple[Judgement, ...] = ()  # one per exposure, oldest first

    @property
    def practising_again(self) -> bool:
        return self.state is StepState.PRACTISING and self.was_mastered

    @property
    def label(self) -> str:
        """“not tried”, “practising ×2”, “mastered ×4”, “practising again ×6 (was mastered)”:
        words, never colour alone."""
        if self.state is StepState.NOT_TRIED:
            return _("not tried")
        if self.practising_again:
            return _("practising again ×{tries} (was mastered)").format(tries=self.tries)
        if self.state is StepState.MASTERED:
            return _("mastered ×{tries}").format(tries=self.tries)
        return _("practising ×{tries}").format(tries=self.tries)


def by_step(exposures: Iterable[Exposure]) -> dict[str, list[Exposure]]:
    """Exposures grouped by step id, each list oldest first."""
    groups: dict[str, list[Exposure]] = {}
    for exposure in sorted(exposures, key=lambda e: e.started_at):
        groups.setdefault(exposure.step_id, []).append(exposure)
    return groups


def mastered_after(flags: list[bool], repeats: int) -> list[bool]:
    """For each exposure (oldest first, `flags` = whether each counts): whether the step was
    mastered once it was logged — `repeats` of the most recent `repeats + 2` counting."""
    window = repeats + WINDOW_EXTRA
    return [sum(flags[max(0, i + 1 - window) : i + 1]) >= repeats for i in range(len(flags))]


def step_progress(
    step: Step,
    exposures: list[Exposure],
    settings: ExposureSettings,
    planned: Mapping[str, int] | None = None,
) -> StepProgress:
    """One step's state from its exposures (oldest first). `planned` gives the plan's minutes
    for an exposure, by its id, where the plan asked for a time."""
    rule = settings.rule
    judgements = tuple(judge(e, settings, (planned or {}).get(e.id)) for e in exposures)
    flags = [j.counts for j in judgements]
    history = mastered_after(flags, rule.repeats)
    counted = sum(flags[-rule.window :]) if flags else 0
    if not exposures:
        state = StepState.NOT_TRIED
    elif history[-1]:
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
        was_mastered=state is StepState.PRACTISING and any(history),
        window=rule.window,
        judgements=judgements,
    )


def ladder_progress(
    ladder: Ladder,
    exposures: Iterable[Exposure],
    settings: ExposureSettings,
    planned: Mapping[str, int] | None = None,
) -> list[StepProgress]:
    """Each of the ladder's steps, bottom rung first, with its state under `settings`."""
    groups = by_step(e for e in exposures if e.ladder_id == ladder.id)
    return [step_progress(s, groups.get(s.id, []), settings, planned) for s in ladder.steps]


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
        raise ValidationError("rule", _("Please choose one of the two rules.")) from None
