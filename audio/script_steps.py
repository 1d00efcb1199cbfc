"""Reading the steps of a session script: a step line's arguments (pause, breathe, tense, release,
tone, wording, rest) and the numbers in them, each checked against its range.

`StepReader` is the base of the script reader in `audio.script_parse`, which feeds it the lines,
the header and the parts; every problem is a `ScriptFileError` naming the file and line.
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Any

from audio.errors import ScriptError, ScriptFileError
from audio.script_model import (
    BREATHE_MINUTES_RANGE,
    CYCLES_RANGE,
    NUMBER_RE,
    PAUSE_RANGE,
    RELEASE_RANGE,
    REST_RANGE,
    TENSE_RANGE,
    WORDING_PATH_RE,
    BreatheStep,
    PauseStep,
    ReleaseStep,
    RestStep,
    TenseStep,
    ToneStep,
    WordingStep,
    close_match,
    fmt_number,
)

MAX_GROUP = 60
MAX_QUOTED = 40
LONG_WORD_RE = re.compile(rf"\S{{{MAX_QUOTED + 1},}}")
BREATHING_NAMES = ("box", "478", "resonance", "sigh", "cue")
BREATHE_RE = re.compile(
    r"^(?P<pattern>.+?)\s+(?:for\s+(?P<n>\S+)\s+(?P<unit>\S+)"
    r"|to\s+fill(?:\s*,\s*(?P<lo>\S+)\s+to\s+(?P<hi>\S+)\s+(?P<fill_unit>\S+))?)$",
    re.IGNORECASE,
)
BREATHE_HELP = (
    "write e.g. 'breathe box for 4 cycles', 'breathe 4-2-6-2 for 2 minutes' or "
    "'breathe box to fill'"
)


def _cut_word(found: re.Match[str]) -> str:
    """A long quoted word cut to MAX_QUOTED characters, its closing quote or colon kept."""
    word = found.group()
    tail = word[-1] if word[-1] in "'\":,;." else ""
    return word[: MAX_QUOTED - 1 - len(tail)] + "…" + tail


class StepReader:
    """The state a step needs (the header so far, the line being read, which line fills the
    session) and the readers of one step's arguments: `step_<word>(args)` gives the step."""

    def __init__(self, source: str, path: str | None) -> None:
        self.source, self.path = source, path
        self.header: dict[str, Any] = {}
        self.fill_line: int | None = None
        self.line = 0

    def error(self, message: str, line: int | None = -1) -> ScriptFileError:
        # A word quoted from the file may be thousands of characters: keep the message one
        # readable line (no word of our own advice is that long).
        message = LONG_WORD_RE.sub(_cut_word, message)
        return ScriptFileError(message, self.path, self.line if line == -1 else line, self.source)

    # --- numbers -----------------------------------------------------------------------------
    def number(
        self,
        word: str,
        what: str,
        example: str,
        low: Fraction,
        high: Fraction,
        unit: str = "seconds",
    ) -> Fraction:
        if word.startswith("-") and NUMBER_RE.match(word[1:]):
            raise self.error(f"{what} cannot be negative; write e.g. '{example}'")
        if re.fullmatch(r"\d+,\d+", word):
            raise self.error(
                f"write the decimal with a point: '{word.replace(',', '.')}', e.g. '{example}'"
            )
        if re.fullmatch(r"\d*\.\d{4,}", word):
            raise self.error(f"'{word}' has more than three decimals; round it, e.g. '{example}'")
        if not NUMBER_RE.match(word):
            raise self.error(
                f"'{word}' is not a number of {unit}; {what} needs one, e.g. '{example}'"
            )
        value = Fraction(word)
        if not low <= value <= high:
            raise self.error(
                f"{what} of {word} {unit} is out of range; use {fmt_number(low)} to "
                f"{fmt_number(high)} {unit}, e.g. '{example}'"
            )
        return value

    # --- steps -------------------------------------------------------------------------------
    def step_pause(self, args: str) -> PauseStep:
        words = args.split()
        if not words:
            raise self.error("pause needs a number of seconds, e.g. 'pause 5'")
        seconds = self.number(words[0], "a pause", "pause 5", *PAUSE_RANGE)
        if len(words) == 1:
            return PauseStep(seconds)
        if len(words) == 2 and words[1].lower() == "stretch":
            if "minutes" not in self.header:
                raise self.error(
                    "a stretchy pause fits the session to its minutes; add e.g. "
                    "'minutes: 10' at the top, or write 'pause "
                    f"{fmt_number(seconds)}' without 'stretch'"
                )
            return PauseStep(seconds, stretch=True)
        raise self.error(
            f"after 'pause {words[0]}' write nothing, or 'stretch' for a pause that "
            f"fits the minutes, e.g. 'pause {words[0]} stretch'"
        )

    def pattern(self, name: str) -> str:
        key = " ".join(name.lower().split())
        if key in BREATHING_NAMES:
            return key
        from audio.breathing import parse_inline

        try:
            inline = parse_inline(key)
        except ScriptError as exc:
            raise self.error(str(exc)) from None
        if inline is not None:
            return key
        raise self.error(
            f"unknown breathing pattern '{name}'.{close_match(key, BREATHING_NAMES)} Use "
            "box, 478, resonance, sigh, cue, or seconds in-hold-out-hold such as "
            "4-2-6-2"
        )

    def fill_allowed(self, what: str, ranged: bool = False) -> None:
        if "minutes" not in self.header and not ranged:
            raise self.error(
                f"'{what} to fill' fills the session to its minutes; add e.g. "
                "'minutes: 10' at the top"
                + (
                    ", or give the breaths, e.g. 'breathe box to fill, 4 to 8 cycles'"
                    if what == "breathe"
                    else ""
                )
            )
        if self.fill_line is not None:
            raise self.error(
                f"only one step can fill the session, and line {self.fill_line} "
                "already does; give this one a length"
            )
        self.fill_line = self.line

    def step_breathe(self, args: str) -> BreatheStep:
        found = BREATHE_RE.match(args)
        if not args or found is None:
            raise self.error(f"breathe needs a pattern and how long: {BREATHE_HELP}")
        pattern = self.pattern(found.group("pattern"))
        if found.group("unit") is None:
            self.fill_allowed("breathe", ranged=found.group("lo") is not None)
            if found.group("lo") is None:
                return BreatheStep(pattern, fill=True)
            if found.group("fill_unit").lower() not in ("cycles", "breaths"):
                raise self.error(
                    "write the breaths to fill with as e.g. "
                    f"'breathe {pattern} to fill, 4 to 8 cycles'"
                )
            lo, hi = (self.cycles(found.group(k), pattern) for k in ("lo", "hi"))
            if lo > hi:
                raise self.error(f"{lo} to {hi} cycles: put the smaller number first")
            return BreatheStep(pattern, fill=True, fill_cycles=(lo, hi))
        unit = found.group("unit").lower()
        if unit in ("cycle", "cycles", "breath", "breaths"):
            return BreatheStep(pattern, cycles=self.cycles(found.group("n"), pattern))
        if unit in ("minute", "minutes", "min"):
            return BreatheStep(
                pattern,
                minutes=self.number(
                    found.group("n"),
                    "breathing",
                    f"breathe {pattern} for 2 minutes",
                    *BREATHE_MINUTES_RANGE,
                    unit="minutes",
                ),
            )
        raise self.error(f"'{found.group('unit')}' is not cycles or minutes; {BREATHE_HELP}")

    def cycles(self, word: str, pattern: str) -> int:
        if not word.isdecimal():
            raise self.error(
                f"'{word}' is not a whole number of breaths; write e.g. "
                f"'breathe {pattern} for 4 cycles'"
            )
        n = int(word) if len(word) <= 12 else CYCLES_RANGE[1] + 1  # int() refuses 4,301 digits
        if not CYCLES_RANGE[0] <= n <= CYCLES_RANGE[1]:
            raise self.error(
                f"{word} cycles is out of range; use {CYCLES_RANGE[0]} to "
                f"{CYCLES_RANGE[1]}, e.g. 'breathe {pattern} for 4 cycles'"
            )
        return n

    def group(
        self, word: str, args: str, limits: tuple[Fraction, Fraction]
    ) -> tuple[str, Fraction | None]:
        example = f"'{word} right hand'"
        usual = 6 if word == "tense" else 30
        words = args.split()
        secs = None
        if words and re.fullmatch(
            r"[-+]?(?:[\d.]+(?:e[-+]?\d+)?|nan|inf|infinity)", words[-1].lower()
        ):
            secs = self.number(
                words[-1],
                "tensing" if word == "tense" else "releasing",
                f"{word} right hand {usual}",
                *limits,
            )
            words = words[:-1]
        group = " ".join(words)
        if not group:
            raise self.error(
                f"{word} needs a muscle group, e.g. {example} or '{word} right hand {usual}'"
            )
        if len(group) > MAX_GROUP:
            raise self.error(f"the muscle group is longer than {MAX_GROUP} characters; shorten it")
        return group, secs

    def step_tense(self, args: str) -> TenseStep:
        return TenseStep(*self.group("tense", args, TENSE_RANGE))

    def step_release(self, args: str) -> ReleaseStep:
        return ReleaseStep(*self.group("release", args, RELEASE_RANGE))

    def step_tone(self, args: str) -> ToneStep:
        from audio.tone_shapes import TONES

        if not args:
            raise self.error(
                f"tone needs a name, e.g. 'tone bell'; the tones are {', '.join(TONES)}"
            )
        name = args.lower()
        if name not in TONES:
            raise self.error(
                f"unknown tone '{args}'.{close_match(name, list(TONES))} The tones are "
                f"{', '.join(TONES)}, e.g. 'tone bell'"
            )
        return ToneStep(name)

    def step_wording(self, args: str) -> WordingStep:
        from audio.wording import packaged_paths

        known = packaged_paths()
        if not args:
            raise self.error("wording needs a place in the wording file, e.g. 'wording pmr.intro'")
        path = args.lower()
        if not WORDING_PATH_RE.match(path) or path not in known:
            raise self.error(
                f"'{args}' is not a list of lines in the wording file."
                f"{close_match(path, known)} e.g. 'wording pmr.intro' or "
                "'wording breathing.closing'"
            )
        return WordingStep(path)

    def step_rest(self, args: str) -> RestStep:
        if args.lower().split() == ["to", "fill"]:
            self.fill_allowed("rest")
            return RestStep(None)
        if not args:
            raise self.error("rest needs seconds or 'to fill', e.g. 'rest 60' or 'rest to fill'")
        return RestStep(self.number(args.split()[0], "a rest", "rest 60", *REST_RANGE))
