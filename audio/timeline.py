"""A plan laid out as events at exact sample offsets: the one clock of a session.

Time is kept as an exact `Fraction` of seconds from the start; every boundary is
`round(seconds * sample_rate)` of that exact sum, so 20 minutes of 4-second phases land on the
same samples as a single multiplication would (no drift from adding rounded lengths). Speech has
whole-sample lengths, which are exact fractions too.

A timeline can grow part by part while a session plays (speech for later parts is made ahead);
`complete` says whether every part is in.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from audio.plan import PHASE_KINDS, Part, Phase, Say, Silence, Step, Tone

EVENT_KINDS = (
    "intro",
    "inhale",
    "hold",
    "exhale",
    "own",
    "tense",
    "release",
    "speech",
    "tone",
    "closing",
)
STAGE_KINDS = frozenset(("intro", "closing", *PHASE_KINDS))  # never overlap one another
TONE_LEAD = Fraction(1, 4)  # a spoken cue starts this long after its tone
LINE_GAP = Fraction(2, 5)  # at least this between two lines inside a phase
FIT_MARGIN = Fraction(3, 20)  # speech ends at least this long before its phase does


@dataclass(frozen=True, slots=True)
class Event:
    """Something in the session from `start` up to (not including) `end`, in frames."""

    start: int
    end: int
    kind: str
    label: str | None = None
    text: str | None = None
    part: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "label": self.label,
            "text": self.text,
        }

    def progress(self, frame: int) -> float:
        """How far through this event `frame` is, 0.0 to 1.0 (for a pacer)."""
        span = max(1, self.end - self.start)
        return min(1.0, max(0.0, (frame - self.start) / span))


@dataclass(frozen=True, slots=True)
class PartSpan:
    """Where a plan part sits in the timeline."""

    index: int
    kind: str
    title: str
    label: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Timeline:
    """Events sorted by start, with lookups by frame. Immutable: a growing session replaces it."""

    sample_rate: int
    events: tuple[Event, ...]
    parts: tuple[PartSpan, ...]
    complete: bool
    total_parts: int
    _stages: tuple[Event, ...] = field(init=False, repr=False, compare=False)
    _speech: tuple[Event, ...] = field(init=False, repr=False, compare=False)
    _sound: tuple[Event, ...] = field(init=False, repr=False, compare=False)
    _max_sound: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "_stages", tuple(e for e in self.events if e.kind in STAGE_KINDS))
        set_(self, "_speech", tuple(e for e in self.events if e.kind == "speech"))
        sound = tuple(e for e in self.events if e.kind in ("speech", "tone"))
        set_(self, "_sound", sound)
        set_(self, "_max_sound", max((e.end - e.start for e in sound), default=0))

    @property
    def frames(self) -> int:
        """Length in frames of the parts laid out so far (the whole session once complete)."""
        return self.parts[-1].end if self.parts else 0

    @property
    def seconds(self) -> float:
        return self.frames / self.sample_rate

    @staticmethod
    def _covering(events: tuple[Event, ...], frame: int) -> Event | None:
        i = bisect.bisect_right(events, frame, key=lambda e: e.start) - 1
        if i >= 0 and events[i].start <= frame < events[i].end:
            return events[i]
        return None

    def stage_at(self, frame: int) -> Event | None:
        """The intro, closing or phase (inhale, hold, exhale, own, tense, release) at `frame`."""
        return self._covering(self._stages, frame)

    def speech_at(self, frame: int) -> Event | None:
        """The line being spoken at `frame`, if any."""
        return self._covering(self._speech, frame)

    def last_speech(self, frame: int) -> Event | None:
        """The latest line to have started by `frame` (a caption can stay up after it ends)."""
        i = bisect.bisect_right(self._speech, frame, key=lambda e: e.start) - 1
        return self._speech[i] if i >= 0 else None

    def event_at(self, frame: int) -> Event | None:
        """The most specific event at `frame`: a spoken line, else a tone, else the stage."""
        speech = self.speech_at(frame)
        if speech is not None:
            return speech
        for event in self.sound_between(frame, frame + 1):
            if event.kind == "tone":
                return event
        return self.stage_at(frame)

    def part_at(self, frame: int) -> PartSpan | None:
        i = bisect.bisect_right(self.parts, frame, key=lambda p: p.start) - 1
        if i >= 0 and frame < self.parts[i].end:
            return self.parts[i]
        return None

    def next_part_start(self, frame: int) -> int | None:
        """Where the part after the one at `frame` starts (None if it is the last, or not laid out)."""
        part = self.part_at(frame)
        if part is None or part.index + 1 >= len(self.parts):
            return None
        return self.parts[part.index + 1].start

    def sound_between(self, start: int, end: int) -> Iterator[Event]:
        """Speech and tone events overlapping frames [start, end), for the mixer."""
        lo = bisect.bisect_left(self._sound, start - self._max_sound, key=lambda e: e.start)
        hi = bisect.bisect_left(self._sound, end, key=lambda e: e.start)
        for event in self._sound[lo:hi]:
            if event.end > start:
                yield event

    def onsets(self, kind: str) -> list[int]:
        """Start frames of every event of one kind (e.g. every "inhale")."""
        return [e.start for e in self.events if e.kind == kind]

    def to_json(self) -> dict[str, Any]:
        """`{"sample_rate", "frames", "events": [{"start", "end", "kind", "label", "text"}]}`."""
        return {
            "sample_rate": self.sample_rate,
            "frames": self.frames,
            "events": [e.to_json() for e in self.events],
        }


_ORDER = {kind: i for i, kind in enumerate(("intro", "closing", *PHASE_KINDS, "tone", "speech"))}


class TimelineBuilder:
    """Lays out parts one step at a time, each once its speech lengths are known.

    `speech_frames(text)` gives a line's length in frames (0 if there is no voice) and
    `tone_frames(name)` a tone's; a snapshot may be taken between any two steps."""

    def __init__(self, sample_rate: int, total_parts: int) -> None:
        self.sample_rate = sample_rate
        self.total_parts = total_parts
        self.clock = Fraction(0)  # exact seconds where the next step starts
        self._events: list[Event] = []
        self._parts: list[PartSpan] = []
        self._open: tuple[Part, int, Fraction, int] | None = None  # part, index, start, first event
        self.notes: list[str] = []

    def _frame(self, t: Fraction) -> int:
        return round(t * self.sample_rate)

    def _note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def begin_part(self, part: Part) -> None:
        if self._open is not None:
            raise RuntimeError("the previous part is still open")
        self._open = (part, len(self._parts), self.clock, len(self._events))

    def add_step(
        self, step: Step, speech_frames: Callable[[str], int], tone_frames: Callable[[str], int]
    ) -> None:
        if self._open is None:
            raise RuntimeError("begin_part first")
        index = self._open[1]
        rate = self.sample_rate
        events: list[Event] = []

        def speech(at: Fraction, text: str, frames: int) -> Fraction:
            first = self._frame(at)
            events.append(Event(first, first + frames, "speech", None, text, index))
            return Fraction(first + frames, rate)

        t = self.clock
        if isinstance(step, Say):
            t = speech(t, step.text, speech_frames(step.text)) + step.pause
        elif isinstance(step, Silence):
            t += step.seconds
        elif isinstance(step, Phase):
            t = self._phase(step, t, index, events, speech, speech_frames, tone_frames)
        elif isinstance(step, Tone):
            first = self._frame(t)
            frames = tone_frames(step.name)
            events.append(Event(first, first + frames, "tone", step.name, None, index))
            t = Fraction(first + frames, rate)
        events.sort(key=lambda e: (e.start, _ORDER[e.kind]))
        self._events.extend(events)
        self.clock = t

    def end_part(self) -> PartSpan:
        if self._open is None:
            raise RuntimeError("begin_part first")
        part, index, start, first_event = self._open
        span = PartSpan(
            index, part.kind, part.title, part.label, self._frame(start), self._frame(self.clock)
        )
        if part.kind in ("intro", "closing"):
            self._events.insert(
                first_event, Event(span.start, span.end, part.kind, None, None, index)
            )
        self._parts.append(span)
        self._open = None
        return span

    def add_part(
        self, part: Part, speech_frames: Callable[[str], int], tone_frames: Callable[[str], int]
    ) -> PartSpan:
        self.begin_part(part)
        for step in part.steps:
            self.add_step(step, speech_frames, tone_frames)
        return self.end_part()

    def _phase(
        self,
        step: Phase,
        t: Fraction,
        index: int,
        events: list[Event],
        speech: Callable[[Fraction, str, int], Fraction],
        speech_frames: Callable[[str], int],
        tone_frames: Callable[[str], int],
    ) -> Fraction:
        rate = self.sample_rate
        end = t + step.seconds
        events.append(Event(self._frame(t), self._frame(end), step.kind, step.label, None, index))
        tone = step.tone
        said_until = t
        if step.cue:
            lead = TONE_LEAD if tone else Fraction(0)
            frames = speech_frames(step.cue)
            if t + lead + Fraction(frames, rate) > end - FIT_MARGIN:
                self._note(
                    f"the cue '{step.cue}' is longer than its {float(step.seconds):g} s "
                    f"{step.kind}; a tone marks it instead"
                )
                tone = tone or step.kind
            else:
                said_until = speech(t + lead, step.cue, frames)
        if tone:
            first = self._frame(t)
            events.append(Event(first, first + tone_frames(tone), "tone", tone, None, index))
            said_until = max(said_until, t + min(TONE_LEAD, step.seconds))
        for line in step.lines:
            frames = speech_frames(line.text)
            at = max(t + line.at, said_until + (LINE_GAP if said_until > t else 0))
            if at + Fraction(frames, rate) > end - FIT_MARGIN:
                if not line.optional:
                    self._note(
                        f"'{line.text}' was left out: it does not fit in the "
                        f"{float(step.seconds):g} s {step.kind}"
                    )
                continue
            said_until = speech(at, line.text, frames)
        return end

    def snapshot(self) -> Timeline:
        """The timeline so far; an open part appears with its end at the current clock."""
        events, parts = list(self._events), list(self._parts)
        if self._open is not None:
            part, index, start, first_event = self._open
            span = PartSpan(
                index,
                part.kind,
                part.title,
                part.label,
                self._frame(start),
                self._frame(self.clock),
            )
            parts.append(span)
            if part.kind in ("intro", "closing"):
                events.insert(
                    first_event, Event(span.start, span.end, part.kind, None, None, index)
                )
        return Timeline(
            self.sample_rate,
            tuple(events),
            tuple(parts),
            len(self._parts) >= self.total_parts,
            self.total_parts,
        )
