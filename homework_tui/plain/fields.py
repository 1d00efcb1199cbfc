"""Forms as questions: one field per line, naming the field and its range ("Peak SUDS, 0 to 100:").
An empty line skips an optional field; multi-line text ends with a line holding only ".". Ratings
are checked at once by the model's own rule; the whole record is then built by the model, and a
ValidationError re-asks the field it names, with the model's message."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import TypeVar

from homework_tui.i18n import _
from homework_tui.model.base import ValidationError, optional_rating, rating
from homework_tui.plain.io import LineIO

T = TypeVar("T")

END_OF_TEXT = "."


class Kind(Enum):
    LINE = "line"
    TEXT = "text"
    RATING = "rating"


@dataclass(frozen=True)
class Field:
    """One question. `name` is the form field the model's ValidationError names."""

    name: str
    label: str
    kind: Kind = Kind.LINE
    optional: bool = False
    low: int = 0
    high: int = 100
    hint: str = ""
    # What an empty answer to an optional field means, in the prompt ("Enter for today"), as
    # the whole bracket: "" for "(optional, Enter skips)".
    empty: str = ""
    # The model's own check of a rating, when it words the message itself (a mood's rating);
    # else the model's generic rule for a rating with this label. On a line: the model's reading
    # of it (a clock time, a date), so a refusal is said and asked again at once.
    check: Callable[[str], object] | None = None

    def prompt(self) -> str:
        label = self.label
        if self.kind is Kind.RATING:
            label = _("{label}, {low} to {high}").format(label=label, low=self.low, high=self.high)
        if self.kind is Kind.TEXT:
            label = _("{label} (end with a line holding only a full stop)").format(label=label)
        elif self.optional:
            empty = self.empty or _("(optional, Enter skips)")
            label = _("{label} {empty}").format(label=label, empty=empty)
        return _("{label}:").format(label=label)


def ask_text(io: LineIO, help_text: str = "") -> str:
    """Lines until one holding only ".", joined by newlines (empty lines kept inside)."""
    lines: list[str] = []
    while True:
        line = io.ask("", help_text=help_text)
        if line.strip() == END_OF_TEXT:
            return "\n".join(lines)
        lines.append(line)


def ask_field(io: LineIO, question: Field) -> str:
    """The answer to one field, as typed. A rating is re-asked until the model accepts it."""
    help_text = question.hint
    if question.kind is Kind.TEXT:
        io.say(question.prompt())
        return ask_text(io, help_text)
    while True:
        answer = io.ask(question.prompt(), help_text=help_text)
        if question.kind is not Kind.RATING:
            if question.check is None or (question.optional and not answer.strip()):
                return answer
            try:
                question.check(answer)  # a line the model reads (a time, a day): refused at once
            except ValidationError as error:
                io.say(error.message)
                continue
            return answer
        if question.optional and not answer.strip():
            return ""
        try:
            if question.check is not None:
                question.check(answer)
                return answer.strip()
            rule = optional_rating if question.optional else rating
            rated = rule(
                question.name, answer, question.label, low=question.low, high=question.high
            )
        except ValidationError as error:
            io.say(error.message)
            continue
        return "" if rated is None else str(rated)


@dataclass
class Form:
    """The answers so far, by field name, and the fields asked (to ask one again)."""

    io: LineIO
    values: dict[str, str] = field(default_factory=dict)
    asked: dict[str, Field] = field(default_factory=dict)

    def ask(self, question: Field) -> str:
        self.asked[question.name] = question
        self.values[question.name] = ask_field(self.io, question)
        return self.values[question.name]

    def build(self, make: Callable[[dict[str, str]], T]) -> T:
        """`make(values)`; on a ValidationError, say its message and ask that field again."""
        while True:
            try:
                return make(self.values)
            except ValidationError as error:
                self.io.say(error.message)
                question = self.asked.get(error.field)
                if question is None and not self.asked:
                    raise
                if question is None:
                    question = next(iter(self.asked.values()))
                self.ask(question)


def ask_numbers(io: LineIO, labels: list[str], prompt: str) -> list[int]:
    """Show `labels` numbered from 1 and ask for the numbers that fit, separated by spaces or
    commas (“1 3 5”); an empty line chooses none. The chosen indexes, from 0, each once."""
    io.say("\n".join(f"{number}. {label}" for number, label in enumerate(labels, 1)))
    while True:
        words = io.ask(prompt).replace(",", " ").split()
        if all(w.isdigit() and 1 <= int(w) <= len(labels) for w in words):
            return sorted({int(w) - 1 for w in words})
        io.say(
            _("Please give numbers from 1 to {count}, separated by spaces, like “1 3”.").format(
                count=len(labels)
            )
        )
