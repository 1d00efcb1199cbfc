"""The PHQ-9 and GAD-7 in plain mode: one item a line (the same asking as `homework-tui measure`),
the total with its band and the change, and the past results. PHQ-9 item 9 above 0 brings the
Help now line and the person's crisis contacts, as the command does."""

from __future__ import annotations

from homework_tui.i18n import N_, _, ngettext
from homework_tui.model.measures import (
    MeasureResult,
    Scale,
    change_since,
    change_words,
    questionnaire,
)
from homework_tui.model.measures.asking import ask_answers, result_lines
from homework_tui.plain.help_now import contact_line, crisis_line, help_line, plan_doc
from homework_tui.plain.menu import Choice
from homework_tui.plain.records import Action, run_section, when
from homework_tui.plain.session import Session
from homework_tui.store import ReadOnly, StoreError
from homework_tui.store.measures import plan_start, results, save_result

EMPTY = N_("No questionnaires answered yet. Choose “phq9” or “gad7” to answer one.")
RECENT = 10


def take(session: Session, scale: Scale) -> None:
    form = questionnaire(scale)
    io = session.io
    count = len(form.items)
    io.say(
        ngettext(
            "The {name}, about {about}: {n} question.",
            "The {name}, about {about}: {n} questions.",
            count,
        ).format(name=form.name, about=form.about, n=count)
    )
    answers = ask_answers(form, lambda prompt: io.ask(prompt), io.say)
    try:
        result = save_result(session.store, MeasureResult(scale=scale, answers=answers))
    except ReadOnly as error:
        io.say(str(error))
        return
    except StoreError as error:
        io.say(_("Nothing was saved. {reason}").format(reason=error))
        return
    start = plan_start(session.store, scale)
    change = change_since(result, results(session.store, scale), start)
    for line in result_lines(result, change, since_plan=start is not None):
        io.say(line)
    io.say(_("Saved your {name}.").format(name=form.name))
    if result.needs_help_line:
        show_help_line(session)


def show_help_line(session: Session) -> None:
    """The calm line and the person's own crisis contacts, right there."""
    session.io.say(help_line())
    try:
        plan = plan_doc(session).load()
    except StoreError:
        return
    if plan.crisis_line is not None:
        session.io.say("  " + crisis_line(plan.crisis_line))
    for person in plan.contacts:
        session.io.say("  " + contact_line(person))


def result_line(result: MeasureResult, change: int | None) -> str:
    """“Sat 5 December, 14:03: PHQ-9: 14 of 27, moderate; down 5”."""
    fields = {"when": when(result.created_at), "summary": result.summary()}
    if change is None:
        return _("{when}: {summary}").format(**fields)
    return _("{when}: {summary}; {change}").format(change=change_words(change), **fields)


def list_results(session: Session) -> None:
    everything = results(session.store)
    if not everything:
        session.io.say(_(EMPTY))
        return
    starts = {scale: plan_start(session.store, scale) for scale in Scale}
    session.io.say(
        _("Your questionnaires, newest first (change since the start; lower is better):")
    )
    newest = sorted(everything, key=lambda r: r.created_at, reverse=True)
    for number, result in enumerate(newest[:RECENT], 1):
        change = change_since(result, everything, starts[result.scale])
        session.io.say(f"{number}. {result_line(result, change)}")
    if len(newest) > RECENT:
        older = len(newest) - RECENT
        session.io.say(ngettext("And {n} older.", "And {n} older.", older).format(n=older))


def actions() -> tuple[Action, ...]:
    return (
        Action(
            Choice("phq9", _("PHQ-9: how your mood has been (9 questions)"), ("phq", "phq-9")),
            lambda session: take(session, Scale.PHQ9),
        ),
        Action(
            Choice("gad7", _("GAD-7: how anxious you have been (7 questions)"), ("gad", "gad-7")),
            lambda session: take(session, Scale.GAD7),
        ),
        Action(Choice("list", _("Your past results"), ("results", "past")), list_results),
    )


def run(session: Session) -> None:
    run_section(session, _("Measures"), actions())
