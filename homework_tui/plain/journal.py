"""The journal in plain mode: a title, free writing, a mood from 0 to 10, and tags."""

from __future__ import annotations

from homework_tui.model.journal import MOOD_HIGH, MOOD_LOW, JournalEntry, parse_tags
from homework_tui.plain.fields import Field, Form, Kind
from homework_tui.plain.help_now import offer_help_line
from homework_tui.plain.menu import Choice
from homework_tui.plain.records import Action, indented, list_recent, pick, run_section, save, when
from homework_tui.plain.session import Session
from homework_tui.store import Repository
from homework_tui.store.activities import JOURNAL_TABLE

EMPTY = "No journal entries yet. Choose “new” to write one."

FIELDS = (
    Field("title", "Title", optional=True),
    Field("text", "Your writing", Kind.TEXT),
    Field("mood", "Mood", Kind.RATING, optional=True, low=MOOD_LOW, high=MOOD_HIGH),
    Field("tags", "Tags, separated by commas", optional=True),
)


def repo(session: Session) -> Repository[JournalEntry]:
    return Repository(session.store, JOURNAL_TABLE, JournalEntry)


def entry_from(values: dict[str, str]) -> JournalEntry:
    mood = values.get("mood", "")
    return JournalEntry(
        title=values.get("title", ""),
        text=values.get("text", ""),
        mood=int(mood) if mood.strip() else None,
        tags=parse_tags(values.get("tags", "")),
    )


def describe(entry: JournalEntry) -> str:
    lines = [f"Journal entry of {when(entry.created_at)}"]
    if entry.title:
        lines.append(f"Title: {entry.title}")
    if entry.text:
        lines += ["Writing:", indented(entry.text)]
    if entry.mood is not None:
        lines.append(f"Mood: {entry.mood} of {MOOD_HIGH}")
    if entry.tags:
        lines.append(f"Tags: {', '.join(entry.tags)}")
    return "\n".join(lines)


def new_entry(session: Session) -> None:
    form = Form(session.io)
    for question in FIELDS:
        form.ask(question)
    entry = form.build(entry_from)
    if save(session, repo(session), entry, "your journal entry"):
        session.io.say(describe(entry))
        offer_help_line(session, journal_mood=entry.mood)


def list_entries(session: Session) -> None:
    list_recent(session, repo(session).all(), lambda e: e.heading, empty=EMPTY, what="entries")


def show_entry(session: Session) -> None:
    entry = pick(session, repo(session).all(), lambda e: e.heading, empty=EMPTY, what="entries")
    if entry is not None:
        session.io.say(describe(entry))


ACTIONS = (
    Action(Choice("new", "New entry", ("write",)), new_entry),
    Action(Choice("list", "List recent entries", ("recent",)), list_entries),
    Action(Choice("show", "Show an entry", ("read", "open")), show_entry),
)


def run(session: Session) -> None:
    run_section(session, "Journal", ACTIONS)
