"""When to move on to the next stage of muscle relaxation. Standard library only.

Applied relaxation is learnt in stages (Öst 1987, `pmr_stages`): tense-and-release with 16 muscle
groups, then 7, then 4, then release-only (no tensing), cue-controlled (relaxing on a word),
differential (relaxed while sitting, then moving), rapid (20-30 s, many times a day) and
application training (in the situations that make the person anxious). A person is ready for the
next stage when they reliably reach low tension at the current one.

The rule (`ProgressionRule`, parameters in brackets): the current stage is the most advanced stage
the person has completed a session of. The next stage is suggested when both hold:
- calm: their last [5] completed, rated sessions at that stage all ended at a tension of [30] or less
  out of 100;
- time: they have practised that stage (completed sessions, rated or not) on at least [5] different
  calendar days, the first and the last at least [6] days apart - about a week at the stage, as
  Öst (1987) gives each stage a week or two. Five calm sessions in one morning are not a week's
  practice; two sessions a day on five days of a week are.
A calendar day is the date of the logged time, in the time zone it was logged with. Sessions stopped
early do not count either way, nor do sessions without a rating after. Sessions rated on the
anxiety scale (0-10) count ×10 (anxiety 3 of 10 is read as 30 of 100), the same way the history
chart draws them: both ask how settled the person feels at the end. Application training is the
last stage: nothing is suggested after it.

`suggest(records, rule)` gives a `Suggestion` or None; `progress(records, rule)` also tells how far
along the current stage is. `ProgressionPrefs` is the person's switch (stored on its own).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from homework_tui.i18n import _, decimal, ngettext
from homework_tui.model.base import ValidationError
from homework_tui.model.pmr_stages import BY_KEY, KEYS, stage_of
from homework_tui.model.relaxation import RelaxationSession

STAGES: tuple[str, ...] = KEYS
# How each stage reads inside a sentence: "your last 5 sessions of 16-group relaxation" (English,
# in the catalogue through pmr_stages.SHOWN_NAMES: show with `_()`).
STAGE_NAMES: dict[str, str] = {key: stage.in_sentence for key, stage in BY_KEY.items()}
# How the invitation to the next stage reads: "When you're ready, try 7 groups."
TRY_NAMES: dict[str, str] = {key: stage.invitation for key, stage in BY_KEY.items()}
TENSION_MAX = 100


@dataclass(frozen=True)
class PmrRecord:
    """What the rule needs from one logged muscle relaxation session."""

    stage: str  # one of STAGES
    at: datetime
    completed: bool
    tension_after: float | None  # 0-100; None when not rated
    minutes: float = 0.0


@dataclass(frozen=True)
class ProgressionRule:
    """Ready for the next stage when the last `count` completed, rated sessions at the current
    stage all ended at tension `threshold` or less (0-100), and the stage has been practised on at
    least `days` different calendar days, the first and last at least `span` days apart."""

    count: int = 5
    threshold: int = 30
    days: int = 5  # different calendar days practised at the stage
    span: int = 6  # days from the first of them to the last

    def __post_init__(self) -> None:
        if (
            isinstance(self.count, bool)
            or not isinstance(self.count, int)
            or not 1 <= self.count <= 50
        ):
            raise ValidationError("count", _("The number of sessions goes from 1 to 50."))
        if (
            isinstance(self.threshold, bool)
            or not isinstance(self.threshold, int)
            or not (0 <= self.threshold <= TENSION_MAX)
        ):
            raise ValidationError("threshold", _("Low tension is a number from 0 to 100."))
        if (
            isinstance(self.days, bool)
            or not isinstance(self.days, int)
            or not 1 <= self.days <= 60
        ):
            raise ValidationError("days", _("The number of days practised goes from 1 to 60."))
        if (
            isinstance(self.span, bool)
            or not isinstance(self.span, int)
            or not 0 <= self.span <= 90
        ):
            raise ValidationError(
                "span", _("The days from first to last practice go from 0 to 90.")
            )

    def describe(self) -> str:
        """The rule in plain words."""
        sessions = (
            _("your last rated session")
            if self.count == 1
            else ngettext(
                "your last {n} rated session", "your last {n} rated sessions", self.count
            ).format(n=self.count)
        )
        return _(
            "How it's decided: {sessions} at a stage, played to the end, all ended at a tension "
            "of {threshold} or less out of 100 (or anxiety {anxiety} or less out of 10), and "
            "you've practised that stage on {days}."
        ).format(
            sessions=sessions,
            threshold=self.threshold,
            anxiety=decimal(self.threshold / 10),
            days=self._days_words(),
        )

    def _days_words(self) -> str:
        if self.days == 1:
            days = _("1 day")
        else:
            days = ngettext(
                "at least {n} different day", "at least {n} different days", self.days
            ).format(n=self.days)
        if self.span == 0:
            return days
        if self.span == 1:
            return _("{days}, the first and the last at least 1 day apart").format(days=days)
        return ngettext(
            "{days}, the first and the last at least {n} day apart",
            "{days}, the first and the last at least {n} days apart",
            self.span,
        ).format(days=days, n=self.span)


@dataclass(frozen=True, kw_only=True)
class ProgressionPrefs:
    """The person's choice about stage suggestions (a small document of its own)."""

    suggest: bool = True

    def __post_init__(self) -> None:
        if not isinstance(self.suggest, bool):
            raise ValidationError("suggest", _("Suggestions are either on or off."))


@dataclass(frozen=True)
class Progress:
    """Where the person is: the current stage, the next one (None after the last), how many of
    the last `considered` completed, rated sessions at the current stage ended at low tension, and
    on how many calendar `days` the stage was practised, `span` days from the first to the last."""

    current: str
    next: str | None
    low: int
    considered: int
    rule: ProgressionRule
    days: int = 0
    span: int = 0

    @property
    def calm(self) -> bool:
        return self.considered >= self.rule.count and self.low == self.considered

    @property
    def long_enough(self) -> bool:
        return self.days >= self.rule.days and self.span >= self.rule.span

    @property
    def ready(self) -> bool:
        return self.next is not None and self.calm and self.long_enough


@dataclass(frozen=True)
class Suggestion:
    current: str
    next: str
    sessions: int
    rule: ProgressionRule

    @property
    def message(self) -> str:
        """Warm words for the Relax screen."""
        stage, next_stage = _(STAGE_NAMES[self.current]), _(TRY_NAMES[self.next])
        if self.sessions == 1:
            return _(
                "You've reached low tension in your last session of {stage}. When you're "
                "ready, try {next_stage}."
            ).format(stage=stage, next_stage=next_stage)
        return ngettext(
            "You've reached low tension in your last {n} session of {stage}. When you're "
            "ready, try {next_stage}.",
            "You've reached low tension in your last {n} sessions of {stage}. When you're "
            "ready, try {next_stage}.",
            self.sessions,
        ).format(n=self.sessions, stage=stage, next_stage=next_stage)


def next_stage(stage: str) -> str | None:
    index = STAGES.index(stage)
    return STAGES[index + 1] if index + 1 < len(STAGES) else None


def current_stage(records: Iterable[PmrRecord]) -> str | None:
    """The most advanced stage with a completed session, or None."""
    done = {r.stage for r in records if r.completed and r.stage in STAGES}
    return max(done, key=STAGES.index) if done else None


def progress(records: Iterable[PmrRecord], rule: ProgressionRule | None = None) -> Progress | None:
    """How far the person is at their current stage; None before any completed PMR session."""
    rule = rule or ProgressionRule()
    records = list(records)
    stage = current_stage(records)
    if stage is None:
        return None
    practised = [r for r in records if r.stage == stage and r.completed]
    rated = sorted((r for r in practised if r.tension_after is not None), key=lambda r: r.at)
    last = rated[-rule.count :]
    low = sum(1 for r in last if r.tension_after is not None and r.tension_after <= rule.threshold)
    days = sorted({r.at.date() for r in practised})
    span = (days[-1] - days[0]).days
    return Progress(stage, next_stage(stage), low, len(last), rule, len(days), span)


def suggest(
    records: Iterable[PmrRecord], rule: ProgressionRule | None = None, *, enabled: bool = True
) -> Suggestion | None:
    """The next stage to try, when the rule holds (and suggestions are on)."""
    if not enabled:
        return None
    found = progress(records, rule)
    if found is None or not found.ready or found.next is None:
        return None
    return Suggestion(found.current, found.next, found.considered, found.rule)


def pmr_record(session: RelaxationSession) -> PmrRecord | None:
    """A logged session as the rule reads it; None when it is not a stage of muscle relaxation.
    Anxiety ratings (0-10) are read ×10."""
    stage = stage_of(session.pattern)
    if session.kind != "pmr" or stage is None:
        return None
    _before, after = session.as_tension
    return PmrRecord(stage.key, session.created_at, session.completed, after, session.minutes)


def pmr_records(sessions: Iterable[RelaxationSession]) -> list[PmrRecord]:
    return [r for r in map(pmr_record, sessions) if r is not None]
