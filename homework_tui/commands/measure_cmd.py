"""`homework-tui measure phq9|gad7 [--answers 2,2,2,1,1,2,1,1,0]`: answer a questionnaire in
plain lines (one item per line, read well by a screen reader), see the total and what it means,
and keep the result. A bad answer gets one line and a non-zero exit; nothing is stored then."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from homework_tui.commands.common import fail, opened_store
from homework_tui.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from homework_tui.model.measures import Questionnaire

HELP_LINE_CLI = N_(
    "If you're thinking of harming yourself, please use your safety plan and crisis contacts "
    "now (in the app: F2, Help now)."
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    measure = sub.add_parser(
        "measure",
        help=_("answer the PHQ-9 (depression) or GAD-7 (anxiety) questionnaire"),
        # Translators: the answer words are the questionnaires' own (PHQ-9, GAD-7 answer scale).
        description=_(
            "Answer a standard questionnaire about the last 2 weeks, one question per "
            "line (0 not at all, 1 several days, 2 more than half the days, 3 nearly every day), "
            "or give all the answers at once with --answers. Prints the total and what it means, "
            "and keeps the result for your report."
        ),
    )
    # Translators: phq9 and gad7 are what to type: keep them.
    measure.add_argument("questionnaire", metavar="phq9|gad7", help=_("phq9 or gad7"))
    measure.add_argument(
        "--answers",
        metavar="A,B,…",
        help=_("every answer in order, 0 to 3, separated by commas (PHQ-9: 9, GAD-7: 7)"),
    )
    measure.set_defaults(run=run_measure)


class _Stop(Exception):
    """An answer that cannot be used, or the input ended: one line, nothing stored."""


def _ask(form: Questionnaire) -> tuple[int, ...]:
    from homework_tui.model.base import ValidationError
    from homework_tui.model.measures.asking import AnswersEnded, ask_answers

    interactive = sys.stdin.isatty()

    def ask(prompt: str) -> str | None:
        print(f"{prompt} ", end="" if interactive else "\n", flush=True)
        line = sys.stdin.readline()
        if not line and interactive:
            print()
        return line or None

    try:
        return ask_answers(form, ask, print, re_ask=interactive)
    except AnswersEnded as ended:
        count = ended.answered
        message = ngettext(
            "the input ended after {n} answer; nothing was stored.",
            "the input ended after {n} answers; nothing was stored.",
            count,
        )
        raise _Stop(message.format(n=count)) from None
    except ValidationError as error:
        raise _Stop(_("{problem} Nothing was stored.").format(problem=error.message)) from None


def run_measure(args: argparse.Namespace) -> int:
    from homework_tui.model.base import ValidationError
    from homework_tui.model.measures import (
        MeasureResult,
        change_since,
        parse_answers,
        parse_scale,
        questionnaire,
    )
    from homework_tui.model.measures.asking import result_lines
    from homework_tui.model.safety import SafetyPlan
    from homework_tui.store import Singleton, StoreError
    from homework_tui.store.measures import plan_start, results, save_result

    scale = parse_scale(args.questionnaire)
    if scale is None:
        return fail(
            _("“{name}” is not a questionnaire homework-tui knows: use phq9 or gad7.").format(
                name=args.questionnaire
            ),
            2,
        )
    form = questionnaire(scale)
    given = None
    if args.answers is not None:
        try:
            given = parse_answers(scale, args.answers)
        except ValidationError as error:
            return fail(_("{problem} Nothing was stored.").format(problem=error.message), 2)
    try:
        with opened_store(args) as store:
            if store.read_only:
                return fail(_("your data is open read-only here, so nothing can be stored."), 1)
            try:
                answers = given if given is not None else _ask(form)
            except _Stop as stop:
                return fail(str(stop), 2)
            result = save_result(store, MeasureResult(scale=scale, answers=answers))
            start = plan_start(store, scale)
            change = change_since(result, results(store, scale), start)
            plan = Singleton(store, "safety", SafetyPlan, SafetyPlan).load()
    except StoreError as error:
        return fail(_("{problem} Nothing was stored.").format(problem=error))
    for line in result_lines(result, change, since_plan=start is not None):
        print(line)
    print(_("Saved."))
    if result.needs_help_line:
        print(_(HELP_LINE_CLI))
        for contact in (*plan.contacts, *((plan.crisis_line,) if plan.crisis_line else ())):
            print(f"  {contact.name}: {contact.number}")
    return 0
