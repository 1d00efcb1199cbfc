"""A session script as data: header, parts and steps, exactly as a script file says them.

`audio.script_parse` reads the text format into a `Script`; `Script.to_text()` writes it back
(`parse_script(s.to_text()) == s`); `audio.script_plan.script_plan(s, ...)` turns it into
the `audio.plan.Plan` the timeline lays out. The format is described in
`audio/data/sessions/FORMAT.md`.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

KINDS = ("breathing", "relaxation", "mindfulness")
PART_KINDS = ("intro", "practice", "group", "rest", "closing")
HEADER_KEYS = ("title", "kind", "language", "minutes", "description")
STEP_WORDS = ("say", "pause", "breathe", "tense", "release", "tone", "wording", "rest")
ANY_LANGUAGE = "any"  # the words come from the wording file, which follows the chosen voice
LANGUAGE_RE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$")
WORDING_PATH_RE = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
NUMBER_RE = re.compile(r"^\d{1,12}(\.\d{1,3})?$")

# Limits a therapist can live with and a typo cannot get past.
MAX_TEXT = 2000  # characters in one spoken line (or the description)
MAX_TITLE = 100
PAUSE_RANGE = (Fraction(1, 10), Fraction(600))  # one pause: a tenth of a second to 10 minutes
MINUTES_RANGE = (Fraction(1), Fraction(60))  # a session
BREATHE_MINUTES_RANGE = (Fraction(1, 4), Fraction(60))
CYCLES_RANGE = (1, 500)
TENSE_RANGE = (Fraction(3), Fraction(15))
RELEASE_RANGE = (Fraction(10), Fraction(120))
REST_RANGE = (Fraction(5), Fraction(600))
SAY_GAP = Fraction(11, 10)  # the natural pause after a spoken line


def close_match(word: str, choices: tuple[str, ...] | list[str]) -> str:
    match = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=0.6)
    return f" Did you mean '{match[0]}'?" if match else ""


def strip_comment(text: str) -> str:
    """`pause 4   # a note` → `pause 4` (only on lines with no free text)."""
    return re.split(r"\s#", text, maxsplit=1)[0].strip()


def check_characters(line: str) -> str | None:
    """Why a line cannot be used as written (a control character), or None."""
    for ch in line:
        if ch == "\t":
            continue
        code = ord(ch)
        if unicodedata.category(ch) == "Cc" or ch in BIDI_CONTROLS or ch in "\u2028\u2029":
            name = unicodedata.name(ch, "").lower()
            return (
                f"this line has an invisible control character (U+{code:04X}"
                f"{', ' + name if name else ''}); delete it: captions show the text exactly "
                "as written"
            )
    return None


def fmt_number(value: Fraction | int) -> str:
    """A number as a script writes it: 4, 2.5, 0.125 (exact for up to three decimals)."""
    value = Fraction(value)
    if value.denominator == 1:
        return str(value.numerator)
    text = format((Decimal(value.numerator) / Decimal(value.denominator)).normalize(), "f")
    return text


@dataclass(frozen=True)
class SayStep:
    """`say TEXT`: speak a line (then a short natural pause)."""

    text: str


@dataclass(frozen=True)
class PauseStep:
    """`pause SECONDS [stretch]`: silence; a stretchy pause grows or shrinks to fit the minutes."""

    seconds: Fraction
    stretch: bool = False


@dataclass(frozen=True)
class BreatheStep:
    """`breathe PATTERN for N cycles | for M minutes | to fill [, LOW to HIGH cycles]`."""

    pattern: str
    cycles: int | None = None
    minutes: Fraction | None = None
    fill: bool = False
    fill_cycles: tuple[int, int] | None = None  # (fewest, most) whole breaths when filling


@dataclass(frozen=True)
class TenseStep:
    """`tense GROUP [SECONDS]`: tense a muscle group (a wording group key such as `hand` brings
    its own words: where to focus and how to tense)."""

    group: str
    seconds: Fraction | None = None


@dataclass(frozen=True)
class ReleaseStep:
    """`release GROUP [SECONDS]`: let the group go, with suggestions while it relaxes."""

    group: str
    seconds: Fraction | None = None


@dataclass(frozen=True)
class ToneStep:
    """`tone NAME`: a bell or a cue tone on its own."""

    name: str


@dataclass(frozen=True)
class WordingStep:
    """`wording PATH`: the lines and pauses at PATH in the wording file (e.g. `pmr.intro`), so a
    built-in script follows the person's wording and language."""

    path: str


@dataclass(frozen=True)
class RestStep:
    """`rest SECONDS | rest to fill`: a quiet rest with a calm line now and then (PMR)."""

    seconds: Fraction | None = None  # None: whatever time is left ("to fill")


ScriptStep = (
    SayStep | PauseStep | BreatheStep | TenseStep | ReleaseStep | ToneStep | WordingStep | RestStep
)


@dataclass(frozen=True)
class ScriptPart:
    """`== TITLE [kind]` and the steps under it. An empty title is filled in when planning (the
    muscle group, or the script's title); `kind` None means practice (group for tense/release)."""

    title: str
    steps: tuple[ScriptStep, ...]
    kind: str | None = None


@dataclass(frozen=True)
class Script:
    """A whole script. `minutes` is the default length (None: as long as it is written)."""

    title: str
    parts: tuple[ScriptPart, ...]
    kind: str = "mindfulness"
    language: str = "en"
    minutes: Fraction | None = None
    description: str = ""
    notes: tuple[str, ...] = field(default=(), compare=False)

    # --- facts -------------------------------------------------------------------------------
    def steps(self) -> list[ScriptStep]:
        return [step for part in self.parts for step in part.steps]

    @property
    def stretchy(self) -> bool:
        """Whether the script can be fitted to a number of minutes."""
        return any(
            (isinstance(s, PauseStep) and s.stretch)
            or (isinstance(s, BreatheStep) and s.fill)
            or (isinstance(s, RestStep) and s.seconds is None)
            for s in self.steps()
        )

    @property
    def uses_wording(self) -> bool:
        """Whether some of its words come from the wording file (a `@path` title, or a step that
        brings its own words: breathe, tense, release, rest, wording)."""
        return self.title.startswith("@") or any(
            not isinstance(s, (SayStep, PauseStep, ToneStep)) for s in self.steps()
        )

    # --- text --------------------------------------------------------------------------------
    def to_text(self) -> str:
        """The script in the file format; parsing it gives this script back."""
        out = [f"title: {self.title}", f"kind: {self.kind}", f"language: {self.language}"]
        if self.minutes is not None:
            out.append(f"minutes: {fmt_number(self.minutes)}")
        if self.description:
            out.extend(_wrapped("description: ", self.description))
        for i, part in enumerate(self.parts):
            out.append("")
            if i > 0 or part.title or part.kind is not None:
                out.append(_part_line(part))
            out.extend(line for step in part.steps for line in step_lines(step))
        return "\n".join(out) + "\n"


PART_TAG_RE = re.compile(r"\s*\[(" + "|".join(PART_KINDS) + r")\]$", re.IGNORECASE)


def _part_line(part: ScriptPart) -> str:
    tag = part.kind
    if tag is None and PART_TAG_RE.search(part.title):
        tag = "practice"  # so a title ending in "[intro]" is not read as the kind
    line = f"== {part.title}" if part.title else "=="
    return f"{line} [{tag}]" if tag else line


def _wrapped(prefix: str, text: str, width: int = 88) -> list[str]:
    """`prefix + text` over lines of about `width`: continuation lines are indented (four spaces)
    and never start with '#' (that would be a comment)."""
    words = text.split(" ")
    lines = [prefix + words[0]]
    for word in words[1:]:
        if len(lines[-1]) + 1 + len(word) > width and not word.startswith("#"):
            lines.append("    " + word)
        else:
            lines[-1] += " " + word
    return lines


def step_lines(step: ScriptStep) -> list[str]:
    """One step as file lines."""
    if isinstance(step, SayStep):
        return _wrapped("say ", step.text)
    if isinstance(step, PauseStep):
        return [f"pause {fmt_number(step.seconds)}" + (" stretch" if step.stretch else "")]
    if isinstance(step, BreatheStep):
        if step.fill:
            extra = (
                f", {step.fill_cycles[0]} to {step.fill_cycles[1]} cycles"
                if step.fill_cycles
                else ""
            )
            return [f"breathe {step.pattern} to fill{extra}"]
        if step.cycles is not None:
            return [
                f"breathe {step.pattern} for {step.cycles} {'cycle' if step.cycles == 1 else 'cycles'}"
            ]
        assert step.minutes is not None
        unit = "minute" if step.minutes == 1 else "minutes"
        return [f"breathe {step.pattern} for {fmt_number(step.minutes)} {unit}"]
    if isinstance(step, (TenseStep, ReleaseStep)):
        word = "tense" if isinstance(step, TenseStep) else "release"
        secs = f" {fmt_number(step.seconds)}" if step.seconds is not None else ""
        return [f"{word} {step.group}{secs}"]
    if isinstance(step, ToneStep):
        return [f"tone {step.name}"]
    if isinstance(step, WordingStep):
        return [f"wording {step.path}"]
    if isinstance(step, RestStep):
        return ["rest to fill" if step.seconds is None else f"rest {fmt_number(step.seconds)}"]
    raise TypeError(f"not a script step: {step!r}")
