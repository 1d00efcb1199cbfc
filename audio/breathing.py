"""Breathing patterns (box, 4-7-8, resonance, cyclic sigh, the person's own) and their plans.

Timings follow ../shared/CLINICAL.md. Custom patterns are validated with messages a person can act
on, and can be saved to and loaded from a small TOML file:

    [calm]
    inhale = 4
    hold_in = 2
    exhale = 6
    hold_out = 0
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

import tomli_w

from audio.atomic import atomic_write
from audio.errors import ScriptError, shown
from audio.plan import (
    Line,
    Part,
    Phase,
    PhaseKind,
    Plan,
    Step,
    estimate_seconds,
    say_steps,
    seconds,
)
from audio.pmr_sessions import KEYS as PMR_KEYS
from audio.toml_input import TomlInputError, load_toml
from audio.wording import Wording

BUILTIN_BREATHING = ("box", "478", "resonance", "sigh")
# name: (smallest, largest) seconds a custom phase may last.
LIMITS: dict[str, tuple[int, int]] = {
    "inhale": (1, 15),
    "hold_in": (0, 20),
    "exhale": (1, 20),
    "hold_out": (0, 20),
}
PATTERN_FIELDS = ("inhale", "hold_in", "exhale", "hold_out")  # as the patterns file names them
MAX_CYCLE = 60
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _-]{0,39}$")
BPM_RANGE = (Fraction(9, 2), Fraction(13, 2))
FULL_CUE_CYCLES = 3  # breaths with the full cue words before the short ones take over
REMINDER_EVERY = 90  # seconds between spoken reminders in a long practice
DEFAULT_MINUTES = {"box": 5, "resonance": 10, "sigh": 5, "custom": 5}
CYCLES_478 = (4, 8)  # default and most cycles of 4-7-8 (Weil)


def _fmt(value: Fraction) -> str:
    return str(int(value)) if value.denominator == 1 else f"{float(value):g}"


@dataclass(frozen=True)
class BreathingPattern:
    """One breath cycle: in, (top-up in), hold, out, hold — all in exact seconds."""

    name: str
    inhale: Fraction
    exhale: Fraction
    hold_in: Fraction = Fraction(0)
    hold_out: Fraction = Fraction(0)
    topup: Fraction = Fraction(0)
    kind: str = "custom"  # box, 478, resonance, sigh or custom

    @property
    def cycle(self) -> Fraction:
        return self.inhale + self.topup + self.hold_in + self.exhale + self.hold_out

    def phases(self) -> list[tuple[PhaseKind, str, Fraction, str | None]]:
        """(phase kind, wording key, seconds, label) for one cycle, skipping empty holds."""
        out: list[tuple[PhaseKind, str, Fraction, str | None]] = [
            ("inhale", "inhale", self.inhale, None)
        ]
        if self.topup:
            out.append(("inhale", "topup", self.topup, "top-up"))
        if self.hold_in:
            out.append(("hold", "hold_in", self.hold_in, "full"))
        out.append(("exhale", "exhale", self.exhale, None))
        if self.hold_out:
            out.append(("hold", "hold_out", self.hold_out, "empty"))
        return out

    def describe(self, number: Callable[[Fraction], str] = _fmt) -> str:
        """The pattern in words, e.g. "in for 4, hold for 7, and out for 8" (`number` says each
        number of seconds: spoken, "about four and a half")."""
        words = {
            "inhale": "in",
            "topup": "a little more",
            "hold_in": "hold",
            "exhale": "out",
            "hold_out": "hold",
        }
        bits = [f"{words[key]} for {number(secs)}" for _, key, secs, _ in self.phases()]
        if len(bits) > 1:
            bits[-1] = "and " + bits[-1]
        return ", ".join(bits)


def _number(name: str, field: str, value: Any) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Fraction)):
        raise ScriptError(f"breathing pattern '{name}': {field} should be a number of seconds")
    if isinstance(value, float) and not math.isfinite(value):
        raise ScriptError(f"breathing pattern '{name}': {field} must be a finite number of seconds")
    try:
        number = seconds(value)
    except (ValueError, ZeroDivisionError):
        raise ScriptError(
            f"breathing pattern '{name}': {field} {shown(value)} is not a number"
        ) from None
    return number


def custom_pattern(
    name: str, inhale: Any, exhale: Any, hold_in: Any = 0, hold_out: Any = 0
) -> BreathingPattern:
    """A person's own pattern, checked: each phase within LIMITS, the whole breath within a minute."""
    name = " ".join(str(name).split())
    if not NAME_RE.match(name):
        raise ScriptError(
            f"breathing pattern name {name!r}: use 1 to 40 letters, digits, spaces, - or _"
        )
    if name.lower() in BUILTIN_BREATHING or name.lower() in PMR_KEYS:
        raise ScriptError(f"'{name}' is a built-in session; give your pattern another name")
    values = {"inhale": inhale, "hold_in": hold_in, "exhale": exhale, "hold_out": hold_out}
    parsed: dict[str, Fraction] = {}
    for field, raw in values.items():
        number = _number(name, field, raw)
        low, high = LIMITS[field]
        if not low <= number <= high:
            what = (
                "breathing in"
                if field == "inhale"
                else "breathing out"
                if field == "exhale"
                else "a hold"
            )
            raise ScriptError(
                f"breathing pattern '{name}': {field} is {_fmt(number) if abs(number) < 10**6 else shown(raw)} s; "
                f"{what} should last {low} to {high} seconds"
            )
        parsed[field] = number
    pattern = BreathingPattern(
        name,
        parsed["inhale"],
        parsed["exhale"],
        parsed["hold_in"],
        parsed["hold_out"],
        kind="custom",
    )
    if pattern.cycle > MAX_CYCLE:
        raise ScriptError(
            f"breathing pattern '{name}': one breath lasts {_fmt(pattern.cycle)} s; keep it within {MAX_CYCLE} s"
        )
    return pattern


INLINE_RE = re.compile(r"^\d+(\.\d+)?(-\d+(\.\d+)?){1,3}$")


def parse_inline(spec: str) -> BreathingPattern | None:
    """ "4-7-8"-style patterns: in-out, in-hold-out or in-hold-out-hold seconds. None if not one."""
    if not INLINE_RE.match(spec.strip()):
        return None
    nums = spec.strip().split("-")
    if len(nums) == 2:
        return custom_pattern(spec, nums[0], nums[1])
    if len(nums) == 3:
        return custom_pattern(spec, nums[0], nums[2], hold_in=nums[1])
    return custom_pattern(spec, nums[0], nums[2], hold_in=nums[1], hold_out=nums[3])


def resonance_pattern(
    breaths_per_minute: Any = 6, ratio: str | tuple[Any, Any] = (1, 1)
) -> BreathingPattern:
    """Resonance breathing at 4.5-6.5 breaths a minute with an inhale:exhale ratio such as "4:6"."""
    bpm = _number("resonance", "breaths per minute", breaths_per_minute)
    if not BPM_RANGE[0] <= bpm <= BPM_RANGE[1]:
        raise ScriptError("resonance breathing: breaths per minute should be 4.5 to 6.5")
    parts = ratio.split(":") if isinstance(ratio, str) else list(ratio)
    if len(parts) != 2:
        raise ScriptError(f"resonance breathing: ratio {ratio!r} should look like 4:6 (in:out)")
    a, b = (_number("resonance", "ratio", p) for p in parts)
    if a <= 0 or b <= 0 or not Fraction(1, 4) <= a / (a + b) <= Fraction(1, 2):
        raise ScriptError(
            "resonance breathing: the in:out ratio should be from 1:3 to 1:1 "
            "(the breath out is never shorter than the breath in)"
        )
    cycle = Fraction(60) / bpm
    inhale = cycle * a / (a + b)
    return BreathingPattern("resonance", inhale, cycle - inhale, kind="resonance")


def builtin_pattern(name: str) -> BreathingPattern:
    if name == "box":
        return BreathingPattern(
            "box", Fraction(4), Fraction(4), Fraction(4), Fraction(4), kind="box"
        )
    if name == "478":
        return BreathingPattern("478", Fraction(4), Fraction(8), Fraction(7), kind="478")
    if name == "sigh":
        return BreathingPattern("sigh", Fraction(2), Fraction(6), topup=Fraction(1), kind="sigh")
    if name == "resonance":
        return resonance_pattern()
    raise ScriptError(f"unknown breathing pattern '{name}'")


def load_custom_patterns(path: Path | None) -> dict[str, BreathingPattern]:
    """Patterns saved in a TOML file (missing file: none). Keys are lower-case names."""
    if path is None or not Path(path).exists():
        return {}
    try:
        data = load_toml(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, TomlInputError) as exc:
        raise ScriptError(f"breathing patterns file {path}: {exc}") from None
    patterns: dict[str, BreathingPattern] = {}
    for name, table in data.items():
        if not isinstance(table, dict):
            raise ScriptError(f"breathing patterns file {path}: [{name}] should be a table")
        unknown = set(table) - set(LIMITS)
        if unknown:
            raise ScriptError(
                f"breathing pattern '{name}' in {path}: unknown setting {sorted(unknown)[0]!r}; "
                "use inhale, hold_in, exhale, hold_out"
            )
        if "inhale" not in table or "exhale" not in table:
            raise ScriptError(f"breathing pattern '{name}' in {path}: needs inhale and exhale")
        patterns[name.lower()] = custom_pattern(
            name,
            table["inhale"],
            table["exhale"],
            table.get("hold_in", 0),
            table.get("hold_out", 0),
        )
    return patterns


def save_custom_pattern(path: Path, pattern: BreathingPattern) -> None:
    """Add or replace a pattern in the TOML file, atomically (a crash leaves the old file whole)."""
    patterns = load_custom_patterns(path)
    patterns[pattern.name.lower()] = pattern
    write_patterns(Path(path), patterns.values())


PATTERNS_HEADER = (
    "# Your breathing patterns, in seconds. homework-tui reads and writes this file.\n\n"
)


def patterns_toml(patterns: Iterable[BreathingPattern]) -> str:
    """The patterns file's text: one table per pattern, named as the person named it (tomli-w
    quotes any name), each number of seconds exact (see `_toml_seconds`)."""
    tables = {p.name: {f: _toml_seconds(getattr(p, f)) for f in PATTERN_FIELDS} for p in patterns}
    return PATTERNS_HEADER + tomli_w.dumps(tables)


def write_patterns(path: Path, patterns: Iterable[BreathingPattern]) -> None:
    """Replace the patterns file with `patterns`, atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, patterns_toml(patterns).encode("utf-8"))


def _toml_seconds(value: Fraction) -> int | float | str:
    """Seconds as TOML keeps them exactly: a whole number, a decimal, or else a fraction as text
    ("1/3"), which `custom_pattern` reads back as the same Fraction."""
    if value.denominator == 1:
        return int(value)
    as_float = float(value)
    return as_float if seconds(as_float) == value else str(value)


def _cue_table(wording: Wording, kind: str, table: str) -> dict[str, str]:
    cues = {
        k: wording.text("breathing", table, k)
        for k in ("inhale", "hold_in", "exhale", "hold_out", "topup")
    }
    own = wording.get("breathing", kind, table, default={})
    if isinstance(own, dict):
        cues.update({k: wording.text("breathing", kind, table, k) for k in own})
    return cues


def pattern_fields(pattern: BreathingPattern, wording: Wording) -> dict[str, str]:
    """What {pattern}, {name} and {bpm} in the wording stand for with this pattern, in the wording's
    language (`breathing.pattern_words`), numbers as they are said ("about four and a half"; the
    wording says "about" before {bpm} itself)."""
    from audio.numbers import spoken_number

    bits = [
        wording.text(
            "breathing", "pattern_words", key, fields={"seconds": spoken_number(secs, wording)}
        )
        for _, key, secs, _ in pattern.phases()
    ]
    if len(bits) > 1:
        bits[-1] = wording.text("breathing", "pattern_words", "last", fields={"phase": bits[-1]})
    return {
        "pattern": ", ".join(bits),
        "name": pattern.name,
        "bpm": spoken_number(Fraction(60) / pattern.cycle, wording, about=False),
    }


def practice_steps(
    pattern: BreathingPattern,
    wording: Wording,
    cycles: int,
    *,
    spoken_cues: bool = True,
    tones: bool = False,
) -> list[Step]:
    """`cycles` whole breaths: full cue words for the first few, short ones after, and a spoken
    reminder about every REMINDER_EVERY seconds (in the longest phase, left out if it won't fit)."""
    if not spoken_cues and not tones:
        raise ScriptError("a breathing session needs spoken cues or tones (or both)")
    kind = pattern.kind
    full = _cue_table(wording, kind, "cues")
    short = _cue_table(wording, kind, "short_cues")
    reminders = wording.texts("breathing", "reminders")
    longest = max(range(len(pattern.phases())), key=lambda i: pattern.phases()[i][2])
    steps: list[Step] = []
    elapsed = Fraction(0)
    next_reminder = Fraction(REMINDER_EVERY)
    said = 0
    for n in range(cycles):
        cues = full if n < FULL_CUE_CYCLES else short
        remind = elapsed >= next_reminder and n < cycles - 1
        for i, (phase_kind, key, secs, label) in enumerate(pattern.phases()):
            lines: tuple[Line, ...] = ()
            if remind and i == longest:
                lines = (Line(Fraction(0), reminders[said % len(reminders)], optional=True),)
                said += 1
                next_reminder += REMINDER_EVERY
            tone = ("topup" if key == "topup" else phase_kind) if tones else None
            steps.append(
                Phase(phase_kind, secs, label, cues[key] if spoken_cues else None, tone, lines)
            )
        elapsed += pattern.cycle
    return steps


def breathing_plan(
    pattern: BreathingPattern,
    wording: Wording,
    *,
    minutes: float | None = None,
    spoken_cues: bool = True,
    tones: bool = False,
    words_per_minute: int = 120,
) -> Plan:
    """Introduction, the practice (whole cycles), and a closing."""
    kind = pattern.kind
    if not spoken_cues and not tones:
        raise ScriptError("a breathing session needs spoken cues or tones (or both)")
    fields = pattern_fields(pattern, wording)
    title = wording.text("breathing", kind, "title", default=pattern.name)
    if kind == "custom":
        title = f"{title}: {pattern.name}"
    intro = Part(
        "intro",
        "Introduction",
        tuple(say_steps(wording.script("breathing", kind, "intro", fields=fields))),
    )
    closing = Part("closing", "Closing", tuple(say_steps(wording.script("breathing", "closing"))))
    notes: list[str] = []
    if kind == "478":
        cycles = CYCLES_478[0]
        if minutes is not None:
            wanted = round(Fraction(minutes * 60) / pattern.cycle)
            cycles = max(1, min(CYCLES_478[1], wanted))
            if wanted > CYCLES_478[1]:
                notes.append("4-7-8 is usually practised for 4 to 8 breaths; this session has 8.")
    else:
        if minutes is None:
            minutes = DEFAULT_MINUTES.get(kind, 5)
        if not 1 <= minutes <= 60:
            raise ScriptError("minutes should be between 1 and 60")
        frame = estimate_seconds([intro, closing], words_per_minute)
        cycles = max(2, round((Fraction(minutes * 60) - frame) / pattern.cycle))
    steps = practice_steps(pattern, wording, cycles, spoken_cues=spoken_cues, tones=tones)
    practice = Part("practice", "Practice", tuple(steps), label=pattern.name)
    return Plan(
        kind if kind != "custom" else pattern.name,
        title,
        (intro, practice, closing),
        notes=tuple(notes),
    )
