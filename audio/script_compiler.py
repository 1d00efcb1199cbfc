"""A `Script`'s steps → the `Part`s of a plan, for a given release length and fill.

`ScriptCompiler` expands each step: `say`, `pause` and `tone` as written; `wording PATH`,
`breathe PATTERN …`, `tense GROUP`, `release …` and `rest …` from the same pieces as the breathing
and PMR protocols (`audio.breathing`, `audio.pmr`), so a built-in session shipped as a file plays
exactly as the protocol it describes. How long the fill and the releases are is chosen by
`audio.script_plan`, which asks the compiler for estimates.
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Any, cast

from audio.breathing import (
    BreathingPattern,
    builtin_pattern,
    parse_inline,
    pattern_fields,
    practice_steps,
    resonance_pattern,
)
from audio.errors import ScriptError
from audio.plan import Part, PartKind, Say, Silence, Step, Tone, estimate_seconds, say_steps
from audio.pmr import (
    CUE_REMINDER_SECONDS,
    PmrOptions,
    cue_steps,
    cue_word,
    group_area,
    release_steps,
    rest_steps,
    tense_steps,
)
from audio.script_model import (
    SAY_GAP,
    BreatheStep,
    PauseStep,
    ReleaseStep,
    RestStep,
    SayStep,
    Script,
    ScriptPart,
    TenseStep,
    ToneStep,
    WordingStep,
)
from audio.wording import Wording, load_wording

TITLE_REF_RE = re.compile(r"^@([a-z0-9_]+(\.[a-z0-9_]+)+)$")


def script_title(script: Script, wording: Wording | None = None) -> str:
    """The title, with `@path` titles read from the wording (built-in scripts)."""
    ref = TITLE_REF_RE.match(script.title)
    if ref is None:
        return script.title
    return (wording or load_wording()).text(*ref.group(1).split("."))


class ScriptCompiler:
    """Expands a script's steps into plan steps for a given release length and fill."""

    def __init__(
        self,
        script: Script,
        name: str,
        wording: Wording,
        *,
        spoken_cues: bool,
        tones: bool,
        words_per_minute: int,
        pmr: PmrOptions,
        breaths_per_minute: Any,
        ratio: Any,
    ) -> None:
        self.script, self.name, self.wording = script, name, wording
        self.spoken_cues, self.tones, self.wpm, self.pmr = spoken_cues, tones, words_per_minute, pmr
        self.bpm, self.ratio = breaths_per_minute, ratio
        other = "left" if pmr.dominant == "right" else "right"
        self.fields: dict[str, str] = {
            "side": wording.text("pmr", "sides", pmr.dominant),
            "other": wording.text("pmr", "sides", other),
            "cue": cue_word(wording, pmr),
        }
        first = next((s for s in script.steps() if isinstance(s, BreatheStep)), None)
        if first is not None and first.pattern != "cue":
            self.fields.update(pattern_fields(self.pattern(first.pattern), wording))
        if (breaths_per_minute is not None or ratio is not None) and not any(
            isinstance(s, BreatheStep) and s.pattern == "resonance" for s in script.steps()
        ):
            raise ScriptError("breaths per minute and ratio apply to resonance breathing only")
        self.notes: list[str] = []
        self.settle: Fraction | None = None  # the quiet after filling breaths, sized to fit

    def pattern(self, name: str) -> BreathingPattern:
        if name == "resonance":
            return resonance_pattern(
                6 if self.bpm is None else self.bpm, "1:1" if self.ratio is None else self.ratio
            )
        if name in ("box", "478", "sigh"):
            return builtin_pattern(name)
        inline = parse_inline(name)
        if inline is None:
            raise ScriptError(f"unknown breathing pattern '{name}'")
        return inline

    def cycle_seconds(self, step: BreatheStep) -> Fraction:
        return CUE_REMINDER_SECONDS if step.pattern == "cue" else self.pattern(step.pattern).cycle

    def breaths(self, step: BreatheStep, cycles: int) -> list[Step]:
        if step.pattern == "cue":
            return cue_steps(
                self.wording, cycles, self.fields, spoken=self.spoken_cues, tones=self.tones
            )
        return practice_steps(
            self.pattern(step.pattern),
            self.wording,
            cycles,
            spoken_cues=self.spoken_cues,
            tones=self.tones,
        )

    def parts(self, release: Fraction, fill: Any) -> list[Part]:
        """`fill`: None while estimating (fill steps at their least), else the cycles or seconds
        the one filling step gets."""
        out: list[Part] = []
        group_index = 0
        tensed: str | None = None  # the group tensed and not yet released (across parts too)
        for part in self.script.parts:
            steps: list[Step] = []
            label: str | None = None
            for step in part.steps:
                if isinstance(step, SayStep):
                    steps.append(Say(step.text, SAY_GAP))
                elif isinstance(step, PauseStep):
                    steps.append(Silence(step.seconds, step.stretch))
                elif isinstance(step, ToneStep):
                    steps.append(Tone(step.name))
                elif isinstance(step, WordingStep):
                    steps.extend(
                        say_steps(self.wording.script(*step.path.split("."), fields=self.fields))
                    )
                elif isinstance(step, BreatheStep):
                    label = label or step.pattern
                    if step.fill:
                        cycles = 0 if fill is None else int(fill)
                    elif step.cycles is not None:
                        cycles = step.cycles
                    else:
                        assert step.minutes is not None
                        cycles = max(1, round(step.minutes * 60 / self.cycle_seconds(step)))
                    steps.extend(self.breaths(step, cycles))
                    if step.fill and self.settle is not None:  # quiet before the closing
                        steps.append(Silence(self.settle, True))
                elif isinstance(step, TenseStep):
                    seconds = step.seconds if step.seconds is not None else self.pmr.tense_seconds
                    steps.extend(
                        tense_steps(self.wording, step.group, group_index, self.fields, seconds)
                    )
                    tensed = step.group
                    label = label or group_area(self.wording, step.group, self.fields)[0]
                elif isinstance(step, ReleaseStep):
                    seconds = (
                        step.seconds
                        if step.seconds is not None
                        else (self.pmr.release_seconds or release)
                    )
                    steps.extend(
                        release_steps(
                            self.wording,
                            step.group,
                            group_index,
                            self.fields,
                            seconds,
                            release_only=tensed != step.group,
                        )
                    )
                    tensed = None
                    group_index += 1
                    label = label or group_area(self.wording, step.group, self.fields)[0]
                elif isinstance(step, RestStep):
                    seconds = (
                        step.seconds
                        if step.seconds is not None
                        else (Fraction(0) if fill is None else Fraction(fill))
                    )
                    steps.extend(
                        rest_steps(
                            self.wording,
                            seconds,
                            self.wpm,
                            stretch=step.seconds is None and fill is not None,
                        )
                    )
            out.append(self.part(part, steps, label))
        return out

    def part(self, part: ScriptPart, steps: list[Step], label: str | None) -> Part:
        grouped = any(isinstance(s, (TenseStep, ReleaseStep)) for s in part.steps)
        # PART_TAG_RE admits only the PART_KINDS, so a part's kind is always a PartKind.
        kind = cast(PartKind, part.kind or ("group" if grouped else "practice"))
        title = part.title
        if not title:
            title = (
                (label[:1].upper() + label[1:])
                if grouped and label
                else script_title(self.script, self.wording)
            )
        return Part(
            kind,
            title,
            tuple(steps),
            label=label if kind in ("group", "practice") and label else None,
        )

    def estimate(self, parts: list[Part]) -> Fraction:
        return estimate_seconds(parts, self.wpm)


__all__ = ["ScriptCompiler", "script_title"]
