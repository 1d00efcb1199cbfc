"""Thought records in plain mode: the seven columns, one question at a time, the hot thought
repeated before the evidence questions. Built by the model's `record_from_fields`, as the
full-screen form's text is."""

from __future__ import annotations

from functools import partial

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

EMPTY = "No thought records yet. Choose “new” to start one."
ALL_COMPLETE = "Every thought record is complete."
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
            Field(f"mood-{i}-name", f"Mood {i + 1}, a word like “anxious” or “sad”", optional=True)
        )
        if not name.strip():
            break
        label = f"How strong “{name.strip()}” is"
        check = partial(_check_mood, name, "before")
        form.ask(Field(f"mood-{i}-before", label, Kind.RATING, True, check=check))


def _thoughts(session: Session, form: Form) -> None:
    count = 0
    for i in range(THOUGHTS_MAX):
        label = f"Automatic thought {i + 1}: what went through your mind"
        if not form.ask(Field(f"thought-{i}", label, optional=True)).strip():
            break
        count += 1
    if count == 0:
        form.values["hot"] = ""
    elif count == 1:
        form.values["hot"] = "0"
    else:
        choices = [Choice(str(i), form.values[f"thought-{i}"].strip()) for i in range(count)]
        heading = "Which is the hot thought, the one that carries the strongest feeling?"
        form.values["hot"] = choose(session.io, heading, choices, prompt="The hot thought:").key


def _traps(io: LineIO, form: Form) -> None:
    io.say("Thinking traps you notice in the hot thought (you can skip this):")
    io.say("\n".join(f"{n}. {d.name}" for n, d in enumerate(STANDARD, 1)))
    while True:
        answer = io.ask("Their numbers, separated by spaces (optional, Enter skips):")
        words = answer.replace(",", " ").split()
        if all(w.isdigit() and 1 <= int(w) <= len(STANDARD) for w in words):
            form.values["distortions"] = ",".join(STANDARD[int(w) - 1].key for w in words)
            return
        io.say(f"Please give numbers from 1 to {len(STANDARD)}, separated by spaces.")


def _evidence(io: LineIO, form: Form) -> None:
    hot = _hot_line(form)
    for name, label, questions in (
        ("evidence-for", "Evidence for the hot thought", QUESTIONS_FOR[:1]),
        ("evidence-against", "Evidence against the hot thought", QUESTIONS_AGAINST[:2]),
    ):
        if form.values.get(name, "").strip():
            continue  # finishing a record: this column is written already
        if hot:
            io.say(f"Your hot thought: “{hot}”")
        io.say(" ".join(questions))
        form.ask(Field(name, label, Kind.TEXT, hint="\n".join(questions)))


def _balanced_and_moods_now(io: LineIO, form: Form) -> None:
    """Columns 6 and 7, each unless already written: the balanced thought and its belief, then
    every mood rated again."""
    if not form.values.get("balanced", "").strip():
        io.say(QUESTIONS_BALANCED[0])
        hint = "\n".join(QUESTIONS_BALANCED)
        form.ask(Field("balanced", "6. A balanced thought", Kind.TEXT, hint=hint))
    if not form.values.get("belief", "").strip():
        form.ask(Field("belief", "How much you believe the balanced thought", Kind.RATING, True))
    again = [
        (f"{prefix}-{i}", form.values.get(f"{prefix}-{i}-name", "").strip())
        for prefix in ("mood", "later")
        for i in indexed(form.values, prefix)
        if not form.values.get(f"{prefix}-{i}-after", "").strip()
    ]
    again = [(key, name) for key, name in again if name]
    if again:
        io.say("7. Your moods now: rate each again.")
    for key, name in again:
        check = partial(_check_mood, name, "after")
        form.ask(
            Field(f"{key}-after", f"How strong “{name}” is now", Kind.RATING, True, check=check)
        )


def finish_record(session: Session) -> None:
    """Fill in the columns an unfinished record still lacks, as the full-screen form can."""
    io = session.io
    unfinished = [r for r in repo(session).all() if not r.complete]
    record = pick(session, unfinished, heading, empty=ALL_COMPLETE, what="unfinished records")
    if record is None:
        return
    io.say(describe(record))
    form = Form(io, values=form_fields(record))
    if not record.first_moods:
        io.say("2. Moods: name each mood you felt and rate how strong it was.")
        _moods(form)
    for i, mood in enumerate(record.first_moods):
        if mood.before is None:
            check = partial(_check_mood, mood.name, "before")
            label = f"How strong “{mood.name}” was"
            form.ask(Field(f"mood-{i}-before", label, Kind.RATING, True, check=check))
    if not record.thoughts:
        io.say("3. Automatic thoughts, one a line.")
        _thoughts(session, form)
    _evidence(io, form)
    _balanced_and_moods_now(io, form)
    finished = form.build(lambda values: record_from_fields(values, base=record))
    if save(session, repo(session), finished, "your thought record"):
        io.say(describe(finished))
        _help_line(session, finished)


def new_record(session: Session) -> None:
    io = session.io
    form = Form(io)
    io.say("A thought record, seven columns. Only the situation is needed to save it.")
    form.ask(
        Field("situation", "1. Situation: where you were, who was there, what happened", Kind.TEXT)
    )
    io.say("2. Moods: name each mood you felt and rate how strong it was.")
    _moods(form)
    io.say("3. Automatic thoughts, one a line.")
    _thoughts(session, form)
    _traps(io, form)
    _evidence(io, form)
    _balanced_and_moods_now(io, form)
    record = form.build(record_from_fields)
    if save(session, repo(session), record, "your thought record"):
        io.say(describe(record))
        _help_line(session, record)


def _help_line(session: Session, record: ThoughtRecord) -> None:
    ratings = [(m.name, r) for m in record.moods for r in (m.before, m.after)]
    offer_help_line(session, moods=ratings)


def describe(record: ThoughtRecord) -> str:
    lines = [
        f"Thought record of {when(record.created_at)}",
        "Situation:",
        indented(record.situation),
    ]
    if record.moods:
        lines.append(f"Moods: {record.mood_summary()}")
    for thought in record.thoughts:
        lines.append(f"{'Hot thought' if thought.hot else 'Thought'}: {thought.text}")
    if record.labels:
        lines.append(f"Thinking traps: {', '.join(record.labels)}")
    for label, text in (
        ("Evidence for", record.evidence_for),
        ("Evidence against", record.evidence_against),
        ("Balanced thought", record.balanced_thought),
    ):
        if text:
            lines += [f"{label}:", indented(text)]
    if record.balanced_belief is not None:
        lines.append(f"Belief in the balanced thought: {record.balanced_belief} of 100")
    missing = record.missing()
    lines.append("Complete." if not missing else f"Still to fill in: {', '.join(missing)}.")
    return "\n".join(lines)


def heading(record: ThoughtRecord) -> str:
    return record.situation.split("\n", 1)[0]


def list_records(session: Session) -> None:
    list_recent(session, repo(session).all(), heading, empty=EMPTY, what="thought records")


def show_record(session: Session) -> None:
    record = pick(session, repo(session).all(), heading, empty=EMPTY, what="thought records")
    if record is not None:
        session.io.say(describe(record))


ACTIONS = (
    Action(Choice("new", "New thought record", ("start",)), new_record),
    Action(Choice("finish", "Finish an unfinished record", ("continue",)), finish_record),
    Action(Choice("list", "List recent records", ("recent",)), list_records),
    Action(Choice("show", "Show a record", ("read", "open")), show_record),
)


def run(session: Session) -> None:
    run_section(session, "Thought records", ACTIONS)
