"""A session as data: the *plan* a script produces and the timeline lays out.

A plan is a sequence of parts (introduction, practice, one part per muscle group, rest, closing);
each part is a sequence of steps:

- `Say`: a spoken line, as long as the voice takes to say it, followed by a pause.
- `Silence`: a fixed pause; a *stretchy* one (`stretch=True`) is sized while the session is laid
  out so the whole session lasts `Plan.target` seconds (see `audio.fitting`).
- `Tone`: a tone on its own (e.g. a bell); the next step starts when it has faded.
- `Phase`: a fixed-length stretch of breathing (inhale, hold, exhale; "own": breathing at the
  person's own pace, not paced) or of muscle work (tense, release). A cue word and/or a tone
  marks its start; other lines may be spoken inside it at given offsets. Phases keep their exact
  length whatever the voice does, so the breathing pace never drifts.

All durations are `Fraction` seconds so the timeline can place every boundary exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal

PhaseKind = Literal["inhale", "hold", "exhale", "own", "tense", "release"]
PartKind = Literal["intro", "practice", "group", "rest", "closing"]
PHASE_KINDS: tuple[str, ...] = ("inhale", "hold", "exhale", "own", "tense", "release")
OWN_PACE_TONE = "exhale"  # the tone that marks a stretch at the person's own pace (its cue is
# about the out-breath)


def seconds(value: float | int | str | Fraction) -> Fraction:
    """An exact Fraction from a number as a person wrote it (0.1 stays one tenth)."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, float):
        return Fraction(repr(value))
    return Fraction(value)


@dataclass(frozen=True, slots=True)
class Say:
    """A spoken line; the next step starts `pause` seconds after the voice finishes."""

    text: str
    pause: Fraction = Fraction(1)


@dataclass(frozen=True, slots=True)
class Silence:
    """A pause. A stretchy one's `seconds` is its written length, scaled to fit the target."""

    seconds: Fraction
    stretch: bool = False


@dataclass(frozen=True, slots=True)
class Tone:
    """A tone from `audio.tone_shapes.TONES` on its own; the next step starts once it has faded."""

    name: str

    @property
    def seconds(self) -> Fraction:
        from audio.tone_shapes import TONES

        return seconds(TONES[self.name].seconds)


@dataclass(frozen=True, slots=True)
class Line:
    """A line spoken inside a phase, no earlier than `at` seconds after the phase starts."""

    at: Fraction
    text: str
    optional: bool = False  # dropped quietly when it does not fit in the phase


@dataclass(frozen=True, slots=True)
class Phase:
    """A fixed-length stretch: one breath phase, or tensing / releasing a muscle group."""

    kind: PhaseKind
    seconds: Fraction
    label: str | None = None
    cue: str | None = None  # spoken at the start (after the tone, if there is one)
    tone: str | None = None  # a tone name from synth.TONES played at the start
    lines: tuple[Line, ...] = ()


Step = Say | Silence | Phase | Tone


@dataclass(frozen=True, slots=True)
class Part:
    """A section a person can skip to the end of: intro, practice, a muscle group, rest, closing."""

    kind: PartKind
    title: str
    steps: tuple[Step, ...]
    label: str | None = None

    def texts(self) -> list[str]:
        """Every line this part speaks, in order of appearance."""
        out: list[str] = []
        for step in self.steps:
            if isinstance(step, Say):
                out.append(step.text)
            elif isinstance(step, Phase):
                if step.cue:
                    out.append(step.cue)
                out.extend(line.text for line in step.lines)
        return out

    def fixed_seconds(self) -> Fraction:
        """The part's length not counting speech (phases, silences and pauses)."""
        total = Fraction(0)
        for step in self.steps:
            if isinstance(step, Say):
                total += step.pause
            else:
                total += step.seconds
        return total


@dataclass(frozen=True)
class Plan:
    """What a session will do, before any speech exists."""

    session: str
    title: str
    parts: tuple[Part, ...]
    language: str = "en"
    notes: tuple[str, ...] = field(default=())
    kind: str = "breathing"  # "breathing" | "relaxation" | "mindfulness"
    target: Fraction | None = None  # seconds stretchy pauses fit the session to (None: as written)

    def texts(self) -> list[str]:
        """Every distinct spoken line, in order of first appearance."""
        seen: dict[str, None] = {}
        for part in self.parts:
            for text in part.texts():
                seen.setdefault(text, None)
        return list(seen)


def say_steps(script: list[str | Fraction], gap: Fraction = Fraction(11, 10)) -> list[Step]:
    """Lines and pauses from a wording list: each line is followed by `gap`; a number adds to the
    pause before the next line (or is a silence when it comes first)."""
    steps: list[Step] = []
    for item in script:
        if isinstance(item, str):
            steps.append(Say(item, gap))
        elif steps and isinstance(steps[-1], Say):
            last = steps[-1]
            steps[-1] = Say(last.text, last.pause + item)
        elif item:
            steps.append(Silence(item))
    return steps


def estimate_speech_seconds(text: str, words_per_minute: int) -> Fraction:
    """A rough length for a spoken line before the voice has made it (for planning only).

    Fitted to espeak-ng: about 0.79 of the nominal seconds per word, plus 0.2 s a line."""
    words = max(1, len(text.split()))
    return Fraction(words * 60 * 79, max(60, words_per_minute) * 100) + Fraction(1, 5)


def estimate_seconds(parts: tuple[Part, ...] | list[Part], words_per_minute: int) -> Fraction:
    """Estimated length of parts: fixed time plus estimated speech outside phases (stretchy pauses
    at their written length)."""
    total = Fraction(0)
    for part in parts:
        total += part.fixed_seconds()
        for step in part.steps:
            if isinstance(step, Say):
                total += estimate_speech_seconds(step.text, words_per_minute)
    return total


def tones_for_cues(parts: tuple[Part, ...]) -> tuple[Part, ...]:
    """The parts with every phase marked by its tone instead of words: for a language with no
    wording of its own, so a Spanish voice never reads English cue words ("Breathe in", "Relax").
    Build the breathing with tones on first, so a top-up keeps its own tone."""

    def plain(step: Step) -> Step:
        if not isinstance(step, Phase):
            return step
        tone = step.tone or (OWN_PACE_TONE if step.kind == "own" else step.kind)
        return Phase(step.kind, step.seconds, step.label, None, tone, ())

    return tuple(Part(p.kind, p.title, tuple(plain(s) for s in p.steps), p.label) for p in parts)
