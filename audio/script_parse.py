"""Reading the session script format (audio/data/sessions/FORMAT.md) into a `Script`.

Every problem is a `ScriptFileError` naming the file and line and saying what to write instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from audio.errors import ScriptError, ScriptFileError
from audio.script_model import (
    ANY_LANGUAGE,
    BREATHE_MINUTES_RANGE,
    CYCLES_RANGE,
    HEADER_KEYS,
    KINDS,
    LANGUAGE_RE,
    MAX_TEXT,
    MAX_TITLE,
    MINUTES_RANGE,
    NUMBER_RE,
    PART_TAG_RE,
    PAUSE_RANGE,
    RELEASE_RANGE,
    REST_RANGE,
    STEP_WORDS,
    TENSE_RANGE,
    WORDING_PATH_RE,
    BreatheStep,
    PauseStep,
    ReleaseStep,
    RestStep,
    SayStep,
    Script,
    ScriptPart,
    ScriptStep,
    TenseStep,
    ToneStep,
    WordingStep,
    check_characters,
    close_match,
    fmt_number,
    strip_comment,
)

BUILTIN_DIR = Path(__file__).resolve().parent / "data" / "sessions"  # the packaged scripts
SUFFIX = ".txt"
MAX_CHARS = 200_000
MAX_LINES = 5_000
MAX_GROUP = 60
MAX_QUOTED = 40
LONG_WORD_RE = re.compile(rf"\S{{{MAX_QUOTED + 1},}}")
BREATHING_NAMES = ("box", "478", "resonance", "sigh", "cue")
HEADER_RE = re.compile(r"^([A-Za-z][A-Za-z_-]*)\s*:\s*(.*)$")
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


@dataclass
class _Open:
    title: str
    kind: str | None
    line: int
    steps: list[ScriptStep] = field(default_factory=list)


@dataclass
class _Continuation:
    what: str  # "say" or "description"
    indent: int
    words: list[str]
    line: int


class _Parser:
    def __init__(self, source: str, path: str | None) -> None:
        self.source, self.path = source, path
        self.header: dict[str, Any] = {}
        self.header_lines: dict[str, int] = {}
        self.parts: list[ScriptPart] = []
        self.open: _Open | None = None
        self.text: _Continuation | None = None
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

    # --- lines -------------------------------------------------------------------------------
    def feed(self, raw: str) -> None:
        problem = check_characters(raw)
        if problem:
            raise self.error(problem)
        expanded = raw.expandtabs(4)
        stripped = expanded.strip()
        if not stripped:
            self.finish_text()
            return
        if stripped.startswith("#"):
            return
        indent = len(expanded) - len(expanded.lstrip())
        if self.text is not None and indent > self.text.indent:
            self.text.words.extend(stripped.split())
            self.check_text_length()
            return
        self.finish_text()
        first = stripped.split(None, 1)[0].lower()
        rest = stripped[len(first) :].strip()
        if stripped.startswith("=="):
            self.start_part(stripped[2:].strip())
        elif first in STEP_WORDS:
            self.step(first, rest, indent)
        elif (header := HEADER_RE.match(stripped)) is not None:
            self.header_line(header.group(1).lower(), header.group(2), indent)
        else:
            raise self.error(
                f"'{stripped.split()[0][:30]}' is not a step.{close_match(first, STEP_WORDS)} Steps are "
                f"{', '.join(STEP_WORDS)}; a part starts with '== Title'; '#' starts a comment"
            )

    def check_text_length(self) -> None:
        assert self.text is not None
        if sum(len(w) + 1 for w in self.text.words) - 1 > MAX_TEXT:
            what = "spoken line" if self.text.what == "say" else "description"
            raise self.error(
                f"this {what} is longer than {MAX_TEXT} characters; split it into "
                "several 'say' lines"
                if what == "spoken line"
                else f"the description is longer than {MAX_TEXT} characters; shorten it"
            )

    def finish_text(self) -> None:
        if self.text is None:
            return
        text = " ".join(self.text.words)
        if self.text.what == "say":
            assert self.open is not None
            self.open.steps.append(SayStep(text))
        else:
            self.header["description"] = text
        self.text = None

    # --- header ------------------------------------------------------------------------------
    def header_line(self, key: str, value: str, indent: int) -> None:
        if key not in HEADER_KEYS:
            if self.parts or self.open:
                raise self.error(
                    f"'{key}' is not a step.{close_match(key, STEP_WORDS)} Steps are "
                    f"{', '.join(STEP_WORDS)}"
                )
            raise self.error(
                f"'{key}:' is not a setting.{close_match(key, HEADER_KEYS)} The settings "
                f"are {', '.join(k + ':' for k in HEADER_KEYS)}"
            )
        if self.parts or self.open:
            raise self.error(
                f"'{key}:' belongs at the top of the file, before the first step or part"
            )
        if key in self.header_lines:
            raise self.error(f"'{key}:' is already set on line {self.header_lines[key]}; keep one")
        self.header_lines[key] = self.line
        if key == "description":
            self.header[key] = ""
            self.text = _Continuation("description", indent, value.split(), self.line)
            self.check_text_length()
            return
        if key == "title":
            title = " ".join(value.split())
            if not title:
                raise self.error("the title is empty; write e.g. 'title: Leaves on a stream'")
            if len(title) > MAX_TITLE:
                raise self.error(f"the title is longer than {MAX_TITLE} characters; shorten it")
            if re.fullmatch(r"@[a-z0-9_]+(\.[a-z0-9_]+)+", title):
                from audio.wording import packaged_paths

                if title[1:] not in packaged_paths():
                    raise self.error(
                        f"'{title}' is not a line in the wording file; write the title "
                        "itself, e.g. 'title: Evening calm'"
                    )
            self.header[key] = title
            return
        value = strip_comment(value)
        if key == "kind":
            if value.lower() not in KINDS:
                raise self.error(
                    f"kind '{value}' is not known{close_match(value, KINDS)}; write "
                    f"'kind: {KINDS[0]}', 'kind: {KINDS[1]}' or 'kind: {KINDS[2]}'"
                )
            self.header[key] = value.lower()
        elif key == "language":
            lang = value.lower().replace("_", "-")
            if lang != ANY_LANGUAGE and not LANGUAGE_RE.match(lang):
                raise self.error(
                    f"language '{value}' is not a language code; write e.g. "
                    "'language: en', 'language: es' or 'language: pt-br'"
                )
            self.header[key] = lang
        elif key == "minutes":
            if not value:
                raise self.error("minutes needs a number, e.g. 'minutes: 10'")
            self.header[key] = self.number(
                value.split()[0], "a session", "minutes: 10", *MINUTES_RANGE, unit="minutes"
            )
            if len(value.split()) > 1:
                raise self.error("write only the number of minutes, e.g. 'minutes: 10'")

    # --- parts -------------------------------------------------------------------------------
    def close_part(self) -> None:
        if self.open is None:
            return
        if not self.open.steps:
            name = f"'{self.open.title}'" if self.open.title else "here"
            raise self.error(
                f"the part {name} has no steps; add some, or remove its '==' line", self.open.line
            )
        self.parts.append(ScriptPart(self.open.title, tuple(self.open.steps), self.open.kind))
        self.open = None

    def start_part(self, rest: str) -> None:
        self.close_part()
        kind = None
        tag = PART_TAG_RE.search(rest)
        if tag:
            kind = tag.group(1).lower()
            rest = rest[: tag.start()]
        title = " ".join(rest.split())
        if len(title) > MAX_TITLE:
            raise self.error(f"the part's title is longer than {MAX_TITLE} characters; shorten it")
        self.open = _Open(title, kind, self.line)

    # --- steps -------------------------------------------------------------------------------
    def step(self, word: str, rest: str, indent: int) -> None:
        if "title" not in self.header:
            raise self.error(
                "the script needs a title before its first step; start the file with "
                "e.g. 'title: Leaves on a stream'"
            )
        if self.open is None:
            self.open = _Open("", None, self.line)
        if word == "say":
            if not rest:
                raise self.error("say needs the words to speak, e.g. 'say Let your eyes close.'")
            self.text = _Continuation("say", indent, rest.split(), self.line)
            self.check_text_length()
            return
        args = strip_comment(rest)
        handler = getattr(self, f"step_{word}")
        self.open.steps.append(handler(args))

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

    # --- the end -----------------------------------------------------------------------------
    def result(self) -> Script:
        self.finish_text()
        self.close_part()
        if not self.header and not self.parts:
            raise self.error(
                "the file is empty: a script needs a title and at least one step, "
                "e.g. 'title: Evening calm' and 'say Welcome.'",
                None,
            )
        if "title" not in self.header:
            raise self.error(
                "the script has no title; start the file with e.g. 'title: Leaves on a stream'", 1
            )
        if not self.parts:
            raise self.error(
                "the script has no steps yet; add at least one, e.g. 'say Welcome.'", None
            )
        script = Script(
            title=self.header["title"],
            parts=tuple(self.parts),
            kind=self.header.get("kind", "mindfulness"),
            language=self.header.get("language", "en"),
            minutes=self.header.get("minutes"),
            description=self.header.get("description", ""),
        )
        if script.minutes is not None and not script.stretchy:
            raise self.error(
                "'minutes:' needs something that can stretch to fit it: a pause such as "
                "'pause 20 stretch', 'breathe box to fill' or 'rest to fill'; or remove 'minutes:' "
                "for a script that lasts as long as it is written",
                self.header_lines["minutes"],
            )
        return script


def parse_script(text: str, source: str = "<script>", *, path: str | None = None) -> Script:
    """A `Script` from the text of a script file; `ScriptFileError` (with the line) if unusable."""
    parser = _Parser(source, path)
    if len(text) > MAX_CHARS:
        raise parser.error(
            f"the file is {len(text) // 1000} KB; a script can be at most {MAX_CHARS // 1000} KB",
            None,
        )
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    if len(lines) > MAX_LINES:
        raise parser.error(
            f"the file has {len(lines)} lines; a script can have at most {MAX_LINES}", None
        )
    for number, raw in enumerate(lines, start=1):
        parser.line = number
        parser.feed(raw[:-1] if raw.endswith("\r") else raw)
    parser.line = len(lines)
    return parser.result()


def parse_builtin(name: str) -> Script | None:
    """The packaged script `name` ("pmr7"), or None when there is none by that name. For a
    packaged script only: the person's files are read through `script_file`."""
    path = BUILTIN_DIR / f"{name}{SUFFIX}"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    return parse_script(text, path.name, path=str(path))
