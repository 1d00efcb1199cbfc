"""The live exposure timer: asks for SUDS every few minutes and keeps the readings.

No clock of its own: every method is given `now`, seconds on a monotonic clock, so the screen can
use `time.monotonic` and tests a fake clock that jumps ahead. A reading can be given at any time;
one is asked for when the timer starts ("before"), then every `interval_minutes`, and once more
when the person stops ("end"). The readings become the within-session curve and give the
before, peak and end SUDS of the exposure.

Before all that (FEAR) the person may write what they fear will happen and how likely it is
(0-100); after the last rating (AFTER), when they wrote one, whether it happened, how surprised
they were and what they learned. Both steps can be skipped.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from homework_tui.i18n import _
from homework_tui.model.base import ValidationError, optional_rating
from homework_tui.model.exposure import SudsReading
from homework_tui.model.exposure.expectancy import (
    Happened,
    clean_feared,
    clean_learned,
    parse_happened,
)


class TimerPhase(enum.Enum):
    FEAR = "fear"  # what do you fear will happen, and how likely is it? (may be skipped)
    PREDICT = "predict"  # how high do you expect it to go? (may be skipped)
    BEFORE = "before"  # rating before starting: the clock starts with it
    RUNNING = "running"
    LAST = "last"  # stopped: one last rating
    AFTER = "after"  # did it happen, how surprised, what was learned (may be skipped)
    DONE = "done"


def key_to_suds(key: str) -> int | None:
    """A single keypress as a rating: 0-9 mean 0-90, h (hundred) means 100."""
    if len(key) == 1 and key.isdigit():
        return int(key) * 10
    if key in ("h", "H"):
        return 100
    return None


def clock_text(seconds: float) -> str:
    """12:05 (or 1:02:05 past an hour)."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


@dataclass
class ExposureTimer:
    interval_minutes: int = 5
    phase: TimerPhase = TimerPhase.FEAR
    feared_outcome: str = ""
    likelihood: int | None = None
    outcome: Happened | None = None
    surprise: int | None = None
    learned: str = ""
    predicted: int | None = None
    started: float | None = None  # monotonic seconds when the clock started
    stopped: float | None = None
    readings: list[SudsReading] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not 1 <= self.interval_minutes <= 60:
            raise ValueError("interval_minutes goes from 1 to 60")  # i18n: not shown

    # -- the flow -------------------------------------------------------------------------

    def fear(self, feared_outcome: str = "", likelihood: object = None) -> None:
        """What they fear will happen and how likely it seems (both may be empty: skipped).
        Raises ValidationError, naming the field, for a value the exposure could not keep."""
        if self.phase is not TimerPhase.FEAR:
            raise ValueError("the feared outcome comes first")  # i18n: not shown
        feared = clean_feared(feared_outcome)
        self.likelihood = optional_rating("likelihood", likelihood, _("How likely"))
        self.feared_outcome = feared
        self.phase = TimerPhase.PREDICT

    def reflect(self, outcome: object = None, surprise: object = None, learned: str = "") -> None:
        """After the last rating: did it happen, how surprised, what was learned (skippable)."""
        if self.phase is not TimerPhase.AFTER:
            raise ValueError("rate the end first")  # i18n: not shown
        happened = parse_happened(outcome)
        self.surprise = optional_rating("surprise", surprise, _("How surprised"))
        self.learned = clean_learned(learned)
        self.outcome = happened
        self.phase = TimerPhase.DONE

    def predict(self, suds: int | None) -> None:
        """The predicted peak (None: skipped)."""
        if self.phase is TimerPhase.FEAR:
            self.fear()
        if self.phase is not TimerPhase.PREDICT:
            raise ValueError("the prediction comes first")  # i18n: not shown
        self.predicted = suds
        self.phase = TimerPhase.BEFORE

    def start(self, now: float, before: int) -> None:
        """The rating before: the clock starts with it."""
        if self.phase is TimerPhase.FEAR:
            self.fear()
        if self.phase is TimerPhase.PREDICT:
            self.phase = TimerPhase.BEFORE
        if self.phase is not TimerPhase.BEFORE:
            raise ValueError("already started")  # i18n: not shown
        self.started = now
        self.readings.append(SudsReading(minute=0.0, suds=before))
        self.phase = TimerPhase.RUNNING

    def rate(self, now: float, suds: int) -> SudsReading:
        """A rating while running (asked for or not)."""
        if self.phase is not TimerPhase.RUNNING:
            raise ValueError("the timer is not running")  # i18n: not shown
        reading = SudsReading(minute=self.elapsed(now) / 60, suds=suds)
        self.readings.append(reading)
        return reading

    def stop(self, now: float) -> None:
        """Stop the clock; one last rating is asked for."""
        if self.phase is not TimerPhase.RUNNING:
            raise ValueError("the timer is not running")  # i18n: not shown
        self.stopped = now
        self.phase = TimerPhase.LAST

    def finish(self, last: int) -> None:
        if self.phase is not TimerPhase.LAST:
            raise ValueError("stop the timer first")  # i18n: not shown
        assert self.stopped is not None
        self.readings.append(SudsReading(minute=self.elapsed(self.stopped) / 60, suds=last))
        # Nothing was feared in words: nothing to ask whether it happened.
        self.phase = TimerPhase.AFTER if self.feared_outcome else TimerPhase.DONE

    def key(self, now: float, key: str) -> bool:
        """A keypress in whatever phase the timer is in; True when it was a rating. (The words
        before and after are typed, not rated: no key rates then.)"""
        suds = key_to_suds(key)
        if suds is None or self.phase in (TimerPhase.FEAR, TimerPhase.AFTER):
            return False
        if self.phase is TimerPhase.PREDICT:
            self.predict(suds)
        elif self.phase is TimerPhase.BEFORE:
            self.start(now, suds)
        elif self.phase is TimerPhase.RUNNING:
            self.rate(now, suds)
        elif self.phase is TimerPhase.LAST:
            self.finish(suds)
        else:
            return False
        return True

    # -- reading --------------------------------------------------------------------------

    def elapsed(self, now: float) -> float:
        """Seconds since the start (frozen once stopped)."""
        if self.started is None:
            return 0.0
        end = self.stopped if self.stopped is not None else now
        return max(0.0, end - self.started)

    @property
    def interval(self) -> float:
        return self.interval_minutes * 60.0

    def asking(self, now: float) -> bool:
        """True when an answer is wanted now: the words before, a rating at the start, every
        interval and at the end, and the words after."""
        waiting = (TimerPhase.FEAR, TimerPhase.PREDICT, TimerPhase.BEFORE, TimerPhase.LAST)
        if self.phase in (*waiting, TimerPhase.AFTER):
            return True
        if self.phase is not TimerPhase.RUNNING:
            return False
        elapsed = self.elapsed(now)
        due = (elapsed // self.interval) * self.interval  # the latest prompt time
        last = self.readings[-1].minute * 60 if self.readings else -1.0
        return last < due

    def next_prompt_in(self, now: float) -> float:
        """Seconds until the next scheduled rating."""
        elapsed = self.elapsed(now)
        return self.interval - (elapsed % self.interval)

    @property
    def before(self) -> int | None:
        return self.readings[0].suds if self.readings else None

    @property
    def peak(self) -> int | None:
        return max(r.suds for r in self.readings) if self.readings else None

    @property
    def end(self) -> int | None:
        return self.readings[-1].suds if self.readings else None

    def summary(self) -> tuple[int | None, int | None, int | None]:
        return self.before, self.peak, self.end

    # -- keeping it in a draft ------------------------------------------------------------

    def readings_text(self) -> str:
        return readings_to_text(self.readings)


def readings_to_text(readings: list[SudsReading] | tuple[SudsReading, ...]) -> str:
    """“0:60 5.0:70 10.02:40” — minute:suds pairs, for a draft field."""
    return " ".join(f"{round(r.minute, 2):g}:{r.suds}" for r in readings)


def readings_from_text(text: str) -> tuple[SudsReading, ...]:
    readings: list[SudsReading] = []
    for part in text.split():
        minute, _colon, suds = part.partition(":")
        try:
            readings.append(SudsReading(minute=float(minute), suds=int(suds)))
        except (ValueError, ValidationError):
            raise ValidationError(
                "readings", _("The timed ratings could not be read back; please check them.")
            ) from None
    return tuple(readings)
