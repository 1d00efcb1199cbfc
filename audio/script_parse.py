"""Reading the session script format (audio/data/sessions/FORMAT.md) into a `Script`.

Every problem is a `ScriptFileError` naming the file and line and saying what to write instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from audio.script_model import (
    ANY_LANGUAGE,
    HEADER_KEYS,
    KINDS,
    LANGUAGE_RE,
    MAX_TEXT,
    MAX_TITLE,
    MINUTES_RANGE,
    PART_TAG_RE,
    STEP_WORDS,
    SayStep,
    Script,
    ScriptPart,
    ScriptStep,
    check_characters,
    close_match,
    strip_comment,
)
from audio.script_steps import StepReader

BUILTIN_DIR = Path(__file__).resolve().parent / "data" / "sessions"  # the packaged scripts
SUFFIX = ".txt"
MAX_CHARS = 200_000
MAX_LINES = 5_000
HEADER_RE = re.compile(r"^([A-Za-z][A-Za-z_-]*)\s*:\s*(.*)$")


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


class _Parser(StepReader):
    """The lines, the header and the parts; the steps' arguments are read by `StepReader`."""

    def __init__(self, source: str, path: str | None) -> None:
        super().__init__(source, path)
        self.header_lines: dict[str, int] = {}
        self.parts: list[ScriptPart] = []
        self.open: _Open | None = None
        self.text: _Continuation | None = None

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
