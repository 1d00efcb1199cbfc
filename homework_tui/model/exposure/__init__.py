"""Fear ladders and the exposures practised on them (see CLINICAL.md, "Exposure hierarchy").

A `Ladder` has a name, a goal and `Step`s rated in SUDS 0-100 (Subjective Units of Distress). Its
steps are always kept in SUDS order, bottom rung (lowest) first; steps with the same SUDS keep the
order the person gave them. A removed step goes to the ladder's own trash (`removed_steps`) and can
be brought back; exposures logged on it are never touched.

An `Exposure` is one practice of one step: when, the SUDS predicted, before, at the peak and at the
end, safety behaviours used, notes, and (for a timed exposure) the SUDS readings along the way;
and the expectancy it tested: the feared outcome, how likely it seemed, whether it happened, how
surprised the person was and what they learned (`expectancy.py`). Every one of those is optional,
so exposures stored before they existed load unchanged.

Whether a step is mastered, and whether an exposure counts, is decided in `mastery.py`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import datetime
from itertools import pairwise

from homework_tui.i18n import _, ngettext
from homework_tui.model.base import (
    Entity,
    ValidationError,
    clean_text,
    new_id,
    optional_rating,
    rating,
)
from homework_tui.model.exposure.expectancy import (
    Happened,
    clean_feared,
    clean_learned,
    parse_happened,
)

NAME_MAX = 80
STEP_MAX = 200
SAFETY_MAX = 80
# A ladder usually has 8-15 steps; a gap wider than this between neighbours feels like a leap.
FEW_STEPS = 8
BIG_JUMP = 20


def _line(value: str) -> str:
    return " ".join(clean_text(str(value), multiline=False).split())


@dataclass(frozen=True, kw_only=True)
class Step:
    """One rung: a feared situation and how distressing it feels (SUDS 0-100)."""

    id: str = field(default_factory=new_id)
    description: str
    suds: int

    def __post_init__(self) -> None:
        text = _line(self.description)
        if not text:
            raise ValidationError(
                "description",
                _("Please describe the step in a few words, like “say hello to a neighbour”."),
            )
        if len(text) > STEP_MAX:
            raise ValidationError(
                "description",
                _("Please keep a step under {count} characters.").format(count=STEP_MAX),
            )
        object.__setattr__(self, "description", text)
        object.__setattr__(self, "suds", rating("suds", self.suds, _("The step's SUDS")))


def _in_suds_order(steps: tuple[Step, ...]) -> tuple[Step, ...]:
    # sorted() is stable: equal SUDS keep the person's order.
    return tuple(sorted(steps, key=lambda s: s.suds))


@dataclass(frozen=True, kw_only=True)
class Ladder(Entity):
    """A fear ladder, e.g. "Social situations". `steps` go from the bottom rung up."""

    name: str
    goal: str = ""
    steps: tuple[Step, ...] = ()
    removed_steps: tuple[Step, ...] = ()

    def __post_init__(self) -> None:
        name = _line(self.name)
        if not name:
            raise ValidationError(
                "name", _("Please give the ladder a name, like “Social situations”.")
            )
        if len(name) > NAME_MAX:
            raise ValidationError(
                "name", _("Please keep the name under {count} characters.").format(count=NAME_MAX)
            )
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "goal", clean_text(self.goal).strip())
        steps = tuple(self.steps)
        ids = [s.id for s in steps] + [s.id for s in self.removed_steps]
        if len(set(ids)) != len(ids):
            raise ValueError("step ids must be unique within a ladder")  # i18n: not shown
        object.__setattr__(self, "steps", _in_suds_order(steps))
        object.__setattr__(self, "removed_steps", tuple(self.removed_steps))

    # -- reading ----------------------------------------------------------------------------

    def step(self, step_id: str) -> Step | None:
        for step in (*self.steps, *self.removed_steps):
            if step.id == step_id:
                return step
        return None

    def index(self, step_id: str) -> int:
        for position, step in enumerate(self.steps):
            if step.id == step_id:
                return position
        raise KeyError(step_id)

    def warnings(self) -> tuple[str, ...]:
        """Gentle notes about the ladder's shape; never a reason to refuse anything."""
        notes: list[str] = []
        count = len(self.steps)
        if 0 < count < FEW_STEPS:
            notes.append(
                ngettext(
                    "This ladder has {count} step. Ladders usually have {few} to 15, so each "
                    "climb feels manageable — you could add a few in between when you think of "
                    "them.",
                    "This ladder has {count} steps. Ladders usually have {few} to 15, so each "
                    "climb feels manageable — you could add a few in between when you think of "
                    "them.",
                    count,
                ).format(count=count, few=FEW_STEPS)
            )
        for lower, upper in pairwise(self.steps):
            gap = upper.suds - lower.suds
            if gap > BIG_JUMP:
                notes.append(
                    _(
                        "From “{lower}” ({lower_suds}) to “{upper}” ({upper_suds}) is a jump of "
                        "{gap}. A step in between could make that climb gentler."
                    ).format(
                        lower=lower.description,
                        lower_suds=lower.suds,
                        upper=upper.description,
                        upper_suds=upper.suds,
                        gap=gap,
                    )
                )
        return tuple(notes)

    # -- changing (each returns a new, validated ladder) ----------------------------------

    def with_step(self, description: str, suds: int | str) -> tuple[Ladder, Step]:
        step = Step(description=description, suds=suds)  # type: ignore[arg-type]
        return replace(self, steps=(*self.steps, step)), step

    def with_step_changed(self, step_id: str, description: str, suds: int | str) -> Ladder:
        old = self.steps[self.index(step_id)]
        new = Step(id=old.id, description=description, suds=suds)  # type: ignore[arg-type]
        if new.suds == old.suds:
            steps = tuple(new if s.id == step_id else s for s in self.steps)
        else:  # a changed rating places the step after the others of the same SUDS
            steps = (*(s for s in self.steps if s.id != step_id), new)
        return replace(self, steps=steps)

    def moved(self, step_id: str, direction: int) -> tuple[Ladder, int | None]:
        """Move a step one rung up (`direction` > 0) or down. Steps stay in SUDS order, so a
        step moved past a neighbour with another rating takes that neighbour's rating. Returns
        the new ladder and the step's new SUDS when it had to change (else None)."""
        position = self.index(step_id)
        other = position + (1 if direction > 0 else -1)
        if not 0 <= other < len(self.steps):
            return self, None
        steps = list(self.steps)
        step, neighbour = steps[position], steps[other]
        changed: int | None = None
        if neighbour.suds != step.suds:
            step = replace(step, suds=neighbour.suds)
            changed = neighbour.suds
        steps[position], steps[other] = neighbour, step
        return replace(self, steps=tuple(steps)), changed

    def without_step(self, step_id: str) -> Ladder:
        """Move a step to the ladder's trash."""
        step = self.steps[self.index(step_id)]
        return replace(
            self,
            steps=tuple(s for s in self.steps if s.id != step_id),
            removed_steps=(*self.removed_steps, step),
        )

    def with_step_restored(self, step_id: str) -> Ladder:
        found = [s for s in self.removed_steps if s.id == step_id]
        if not found:
            raise KeyError(step_id)
        return replace(
            self,
            steps=(*self.steps, found[0]),
            removed_steps=tuple(s for s in self.removed_steps if s.id != step_id),
        )


@dataclass(frozen=True, kw_only=True)
class SudsReading:
    """One rating during a timed exposure, `minute` minutes after it started."""

    minute: float
    suds: int

    def __post_init__(self) -> None:
        object.__setattr__(self, "suds", rating("suds", self.suds, _("A SUDS rating")))
        minute = float(self.minute)
        if not minute >= 0:  # also refuses NaN
            raise ValidationError("readings", _("A rating's time cannot be before the start."))
        if math.isinf(minute):  # JSON cannot hold it: the exposure would not load again
            raise ValidationError("readings", _("A rating's time needs to be a number of minutes."))
        object.__setattr__(self, "minute", minute)


def clean_behaviours(values: tuple[str, ...]) -> tuple[str, ...]:
    """Each behaviour on one line, trimmed, once (first spelling wins), empty ones dropped."""
    seen: set[str] = set()
    result: list[str] = []
    for value in values:
        text = _line(value)
        if not text or text.casefold() in seen:
            continue
        if len(text) > SAFETY_MAX:
            raise ValidationError(
                "safety",
                _("Please keep each safety behaviour under {count} characters.").format(
                    count=SAFETY_MAX
                ),
            )
        seen.add(text.casefold())
        result.append(text)
    return tuple(result)


def _hm(moment: datetime) -> str:
    return moment.strftime("%H:%M")


@dataclass(frozen=True, kw_only=True)
class Exposure(Entity):
    """One practice of one step. `peak` and `end` are needed; the rest is optional."""

    ladder_id: str
    step_id: str
    step_description: str = ""  # the step's words when practised (kept if the step changes)
    started_at: datetime
    ended_at: datetime | None = None
    predicted: int | None = None
    before: int | None = None
    peak: int
    end: int
    safety_behaviours: tuple[str, ...] = ()
    notes: str = ""
    readings: tuple[SudsReading, ...] = ()
    feared_outcome: str = ""  # what they fear will happen, in one or two lines
    likelihood: int | None = None  # how likely it seemed before, 0-100
    outcome: Happened | None = None  # did it happen
    surprise: int | None = None  # how surprised they were, 0-100
    learned: str = ""
    left_early: bool = False  # they say they left before they meant to

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "feared_outcome", clean_feared(self.feared_outcome))
        set_(self, "likelihood", optional_rating("likelihood", self.likelihood, _("How likely")))
        set_(self, "outcome", parse_happened(self.outcome))
        set_(self, "surprise", optional_rating("surprise", self.surprise, _("How surprised")))
        set_(self, "learned", clean_learned(self.learned))
        set_(self, "left_early", bool(self.left_early))
        set_(self, "step_description", _line(self.step_description))
        set_(self, "predicted", optional_rating("predicted", self.predicted, _("Predicted SUDS")))
        set_(self, "before", optional_rating("before", self.before, _("SUDS before")))
        if self.peak is None or (isinstance(self.peak, str) and not self.peak.strip()):
            raise ValidationError(
                "peak", _("Please rate the peak: the highest your distress got (0-100).")
            )
        set_(self, "peak", rating("peak", self.peak, _("Peak SUDS")))
        if self.end is None or (isinstance(self.end, str) and not self.end.strip()):
            raise ValidationError("end", _("Please rate your distress at the end (0-100)."))
        set_(self, "end", rating("end", self.end, _("SUDS at the end")))
        if self.before is not None and self.peak < self.before:
            raise ValidationError(
                "peak",
                _(
                    "The peak is the highest your distress got, so it can't be lower than before "
                    "you started ({before}). Please correct the peak or the rating before."
                ).format(before=self.before),
            )
        if self.peak < self.end:
            raise ValidationError(
                "peak",
                _(
                    "The peak is the highest your distress got, so it can't be lower than at the "
                    "end ({end}). Please correct the peak or the rating at the end."
                ).format(end=self.end),
            )
        if self.ended_at is not None and self.ended_at < self.started_at:
            raise ValidationError(
                "end_time",
                _(
                    "The end time ({end}) is before the start time ({start}). Please check the "
                    "two times — if it went past midnight, clear the end time and give the "
                    "minutes instead."
                ).format(end=_hm(self.ended_at), start=_hm(self.started_at)),
            )
        set_(self, "safety_behaviours", clean_behaviours(tuple(self.safety_behaviours)))
        set_(self, "notes", clean_text(self.notes).strip())
        readings = tuple(self.readings)
        if any(b.minute < a.minute for a, b in pairwise(readings)):
            raise ValidationError("readings", _("The timed ratings are out of order."))
        set_(self, "readings", readings)

    @property
    def minutes(self) -> int | None:
        if self.ended_at is None:
            return None
        return round((self.ended_at - self.started_at).total_seconds() / 60)

    @property
    def within_drop(self) -> int:
        """Within-session habituation: how far distress fell from the peak to the end."""
        return self.peak - self.end

    @property
    def within_drop_share(self) -> float:
        """The same as a share of the peak (0.5 = fell by half); 0 when the peak was 0."""
        return self.within_drop / self.peak if self.peak else 0.0

    @property
    def within_drop_percent(self) -> int | None:
        """The within-session drop as a whole percentage of the peak; None when the peak was 0
        (nothing to fall from)."""
        return round(self.within_drop_share * 100) if self.peak else None

    def ended_early(self, planned_minutes: int | None) -> bool:
        """Whether it was left before the time planned for it (`planned_minutes`, from the
        therapist's plan). False when no time was planned or the length is not known."""
        minutes = self.minutes
        return planned_minutes is not None and minutes is not None and minutes < planned_minutes

    @property
    def length_minutes(self) -> float | None:
        """How long it lasted: a timed exposure's last rating, else end − start; None when not
        known."""
        if self.readings:
            return self.readings[-1].minute
        if self.ended_at is None:
            return None
        return (self.ended_at - self.started_at).total_seconds() / 60

    @property
    def expectancy_violation(self) -> int | None:
        """Predicted − peak: how much less distressing it was than expected (negative when it
        was worse than expected). None without a prediction. A distress figure only: whether
        the feared outcome happened is `outcome`."""
        return None if self.predicted is None else self.predicted - self.peak

    @property
    def timed(self) -> bool:
        return bool(self.readings)
