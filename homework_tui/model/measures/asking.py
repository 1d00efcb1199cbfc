"""Asking a questionnaire one item per line, and saying its result: the words and the order that
`homework-tui measure` and the plain mode's Measures both use (one source). The caller gives the
two doors to the person: `ask` (a prompt in, the line typed out, None when the input ended) and
`say` (one line out)."""

from __future__ import annotations

from collections.abc import Callable

from homework_tui.i18n import _
from homework_tui.model.base import ValidationError
from homework_tui.model.measures import (
    MeasureResult,
    Questionnaire,
    answer_words,
    change_words,
    parse_answer,
)


class AnswersEnded(Exception):
    """The input ended before every item was answered; nothing is to be stored."""

    def __init__(self, answered: int) -> None:
        super().__init__(f"the input ended after {answered} answers")  # i18n: not shown
        self.answered = answered


def answer_options() -> str:
    """“0 not at all, 1 several days, 2 more than half the days, 3 nearly every day”."""
    # Only the first letter lowered: "An einzelnen Tagen" → "an einzelnen Tagen".
    return ", ".join(f"{n} {w[:1].lower()}{w[1:]}" for n, w in enumerate(answer_words()))


def item_prompt(form: Questionnaire, number: int) -> str:
    """“3 of 9. Trouble falling or staying asleep, or sleeping too much:”."""
    # Translators: a questionnaire's item asked on its own line: "3 of 9. Trouble relaxing:".
    return _("{number} of {count}. {item}:").format(
        number=number, count=len(form.english_items), item=form.items[number - 1]
    )


def ask_answers(
    form: Questionnaire,
    ask: Callable[[str], str | None],
    say: Callable[[str], None],
    *,
    re_ask: bool = True,
) -> tuple[int, ...]:
    """The frame, how to answer, then each item until answered 0 to 3. A refused answer says the
    model's message and asks again (or, with `re_ask` False, raises its ValidationError)."""
    say(form.frame)
    say(_("Answer each with a number: {options}.").format(options=answer_options()))
    answers: list[int] = []
    for number in range(1, len(form.english_items) + 1):
        while True:
            line = ask(item_prompt(form, number))
            if line is None:
                raise AnswersEnded(len(answers))
            try:
                answers.append(parse_answer(line, number))
                break
            except ValidationError as error:
                if not re_ask:
                    raise
                say(error.message)
    return tuple(answers)


def result_lines(result: MeasureResult, change: int | None, *, since_plan: bool) -> list[str]:
    """“PHQ-9 total: 14 of 27, moderate (…).” and, when there is one, the change."""
    form, band = result.form, result.band
    lines = [
        _("{name} total: {total} of {most}, {severity} ({meaning}).").format(
            name=form.name,
            total=result.total,
            most=form.max_total,
            severity=band.name,
            meaning=band.meaning,
        )
    ]
    if change is not None:
        if since_plan:
            text = _("Change since your plan started: {change} (lower is better).")
        else:
            # Translators: the change since the first time the questionnaire was answered.
            text = _("Change since your first: {change} (lower is better).")
        lines.append(text.format(change=change_words(change)))
    return lines
