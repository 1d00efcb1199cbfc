"""Thought records in plain mode: the seven columns, one question at a time, the hot thought
repeated before the evidence questions. Built by the model's `record_from_fields`, as the
full-screen form's text is."""

from __future__ import annotations

from functools import partial

from homework_tui.i18n import N_, _
from homework_tui.model.distortions import STANDARD
from homework_tui.model.thought_prompts import QUESTIONS_AGAINST, QUESTIONS_BALANCED, QUESTIONS_FOR
from homework_tui.model.thought_record import (
    Mood,
    ThoughtRecord,
    form_fields,
    indexed,
    record_from_fields,
)
from homework_tui.plain.fields import Field, Form, Kind
from homework_tui.plain.help_now import offer_help_line
from homework_tui.plain.io import LineIO
from homework_tui.plain.menu import Choice, choose
from homework_tui.plain.records import Action, indented, list_recent, pick, run_section, save, when
from homework_tui.plain.session import Session
from homework_tui.store import Repository
from homework_tui.store.activities import THOUGHT_RECORDS_TABLE

EMPTY = N_("No thought records yet. Choose “new” to start one.")
ALL_COMPLETE = N_("Every thought record is complete.")
RECENT = N_("Recent thought records, newest first:")
RECENT_UNFINISHED = N_("Recent unfinished records, newest first:")
MOODS_HEADING = N_("2. Moods: name each mood you felt and rate how strong it was.")
THOUGHTS_HEADING = N_("3. Automatic thoughts, one a line.")
MOODS_MAX = 8
THOUGHTS_MAX = 8


def repo(session: Session) -> Repository[ThoughtRecord]:
    return Repository(session.store, THOUGHT_RECORDS_TABLE, ThoughtRecord)


def _hot_line(form: Form) -> str:
    hot = form.values.get("hot", "")
    return form.values.get(f"thought-{hot}", "").strip()


def _check_mood(name: str, column: str, rating: str) -> Mood:
    """The model's own check of a mood's rating, with its own words."""
    return Mood(name=name, **{column: rating})  # type: ignore[arg-type]


def _moods(form: Form) -> None:
    for i in range(MOODS_MAX):
        name = form.ask(
            Field(
                f"mood-{i}-name",
                _("Mood {n}, a word like “anxious” or “sad”").format(n=i + 1),
                optional=True,
            )
        )
        if not name.strip():
            break
        label = _("How strong “{mood}” is").format(mood=name.strip())
        check = partial(_check_mood, name, "before")
        form.ask(Field(f"mood-{i}-before", label, Kind.RATING, True, check=check))


def _thoughts(session: Session, form: Form) -> None:
    count = 0
    for i in range(THOUGHTS_MAX):
        label = _("Automatic thought {n}: what went through your mind").format(n=i + 1)
        if not form.ask(Field(f"thought-{i}", label, optional=True)).strip():
            break
        count += 1
    if count == 0:
        form.values["hot"] = ""
    elif count == 1:
        form.values["hot"] = "0"
    else:
        choices = [Choice(str(i), form.values[f"thought-{i}"].strip()) for i in range(count)]
        heading = _("Which is the hot thought, the one that carries the strongest feeling?")
        prompt = _("The hot thought:")
        form.values["hot"] = choose(session.io, heading, choices, prompt=prompt).key


def _traps(io: LineIO, form: Form) -> None:
    io.say(_("Thinking traps you notice in the hot thought (you can skip this):"))
    io.say("\n".join(f"{n}. {_(d.name)}" for n, d in enumerate(STANDARD, 1)))
    while True:
        answer = io.ask(_("Their numbers, separated by spaces (optional, Enter skips):"))
        words = answer.replace(",", " ").split()
        if all(w.isdigit() and 1 <= int(w) <= len(STANDARD) for w in words):
            form.values["distortions"] = ",".join(STANDARD[int(w) - 1].key for w in words)
            return
        io.say(
            _("Please give numbers from 1 to {count}, separated by spaces.").format(
                count=len(STANDARD)
            )
        )


def _evidence(io: LineIO, form: Form) -> None:
    hot = _hot_line(form)
    for name, label, questions in (
        ("evidence-for", _("Evidence for the hot thought"), QUESTIONS_FOR[:1]),
        ("evidence-against", _("Evidence against the hot thought"), QUESTIONS_AGAINST[:2]),
    ):
        if form.values.get(name, "").strip():
            continue  # finishing a record: this column is written already
        if hot:
            io.say(_("Your hot thought: “{thought}”").format(thought=hot))
        asked = [_(q) for q in questions]
        io.say(" ".join(asked))
        form.ask(Field(name, label, Kind.TEXT, hint="\n".join(asked)))


def _balanced_and_moods_now(io: LineIO, form: Form) -> None:
    """Columns 6 and 7, each unless already written: the balanced thought and its belief, then
    every mood rated again."""
    if not form.values.get("balanced", "").strip():
        io.say(_(QUESTIONS_BALANCED[0]))
        hint = "\n".join(_(q) for q in QUESTIONS_BALANCED)
        form.ask(Field("balanced", _("6. A balanced thought"), Kind.TEXT, hint=hint))
    if not form.values.get("belief", "").strip():
        belief = _("How much you believe the balanced thought")
        form.ask(Field("belief", belief, Kind.RATING, True))
    again = [
        (f"{prefix}-{i}", form.values.get(f"{prefix}-{i}-name", "").strip())
        for prefix in ("mood", "later")
        for i in indexed(form.values, prefix)
        if not form.values.get(f"{prefix}-{i}-after", "").strip()
    ]
    again = [(key, name) for key, name in again if name]
    if again:
        io.say(_("7. Your moods now: rate each again."))
    for key, name in again:
        check = partial(_check_mood, name, "after")
        label = _("How strong “{mood}” is now").format(mood=name)
        form.ask(Field(f"{key}-after", label, Kind.RATING, True, check=check))


def finish_record(session: Session) -> None:
    """Fill in the columns an unfinished record still lacks, as the full-screen form can."""
    io = session.io
    unfinished = [r for r in repo(session).all() if not r.complete]
    record = pick(session, unfinished, heading, empty=_(ALL_COMPLETE), recent=_(RECENT_UNFINISHED))
    if record is None:
        return
    io.say(describe(record))
    form = Form(io, values=form_fields(record))
    if not record.first_moods:
        io.say(_(MOODS_HEADING))
        _moods(form)
    for i, mood in enumerate(record.first_moods):
        if mood.before is None:
            check = partial(_check_mood, mood.name, "before")
            label = _("How strong “{mood}” was").format(mood=mood.name)
            form.ask(Field(f"mood-{i}-before", label, Kind.RATING, True, check=check))
    if not record.thoughts:
        io.say(_(THOUGHTS_HEADING))
        _thoughts(session, form)
    _evidence(io, form)
    _balanced_and_moods_now(io, form)
    finished = form.build(lambda values: record_from_fields(values, base=record))
    if save(session, repo(session), finished, _("Saved your thought record.")):
        io.say(describe(finished))
        _help_line(session, finished)


def new_record(session: Session) -> None:
    io = session.io
    form = Form(io)
    io.say(_("A thought record, seven columns. Only the situation is needed to save it."))
    situation = _("1. Situation: where you were, who was there, what happened")
    form.ask(Field("situation", situation, Kind.TEXT))
    io.say(_(MOODS_HEADING))
    _moods(form)
    io.say(_(THOUGHTS_HEADING))
    _thoughts(session, form)
    _traps(io, form)
    _evidence(io, form)
    _balanced_and_moods_now(io, form)
    record = form.build(record_from_fields)
    if save(session, repo(session), record, _("Saved your thought record.")):
        io.say(describe(record))
        _help_line(session, record)


def _help_line(session: Session, record: ThoughtRecord) -> None:
    ratings = [(m.name, r) for m in record.moods for r in (m.before, m.after)]
    offer_help_line(session, moods=ratings)


def describe(record: ThoughtRecord) -> str:
    lines = [
        _("Thought record of {when}").format(when=when(record.created_at)),
        _("Situation:"),
        indented(record.situation),
    ]
    if record.moods:
        lines.append(_("Moods: {moods}").format(moods=record.mood_summary()))
    for thought in record.thoughts:
        shown = _("Hot thought: {thought}") if thought.hot else _("Thought: {thought}")
        lines.append(shown.format(thought=thought.text))
    if record.labels:
        traps = ", ".join(_(label) for label in record.labels)
        lines.append(_("Thinking traps: {traps}").format(traps=traps))
    for label, text in (
        (_("Evidence for:"), record.evidence_for),
        (_("Evidence against:"), record.evidence_against),
        (_("Balanced thought:"), record.balanced_thought),
    ):
        if text:
            lines += [label, indented(text)]
    if record.balanced_belief is not None:
        belief = _("Belief in the balanced thought: {belief} of 100")
        lines.append(belief.format(belief=record.balanced_belief))
    missing = ", ".join(_(m) for m in record.missing())
    still = _("Still to fill in: {missing}.").format(missing=missing)
    lines.append(_("Complete.") if not missing else still)
    return "\n".join(lines)


def heading(record: ThoughtRecord) -> str:
    return record.situation.split("\n", 1)[0]


def list_records(session: Session) -> None:
    list_recent(session, repo(session).all(), heading, empty=_(EMPTY), recent=_(RECENT))


def show_record(session: Session) -> None:
    record = pick(session, repo(session).all(), heading, empty=_(EMPTY), recent=_(RECENT))
    if record is not None:
        session.io.say(describe(record))


def actions() -> tuple[Action, ...]:
    return (
        Action(Choice("new", _("New thought record"), ("start",)), new_record),
        Action(Choice("finish", _("Finish an unfinished record"), ("continue",)), finish_record),
        Action(Choice("list", _("List recent records"), ("recent",)), list_records),
        Action(Choice("show", _("Show a record"), ("read", "open")), show_record),
    )


def run(session: Session) -> None:
    run_section(session, _("Thought records"), actions())
