"""The journal in plain mode: a title, free writing, a mood from 0 to 10, and tags."""

from __future__ import annotations

from homework_tui.i18n import N_, _
from homework_tui.model.journal import MOOD_HIGH, MOOD_LOW, JournalEntry, parse_tags
from homework_tui.plain.fields import Field, Form, Kind
from homework_tui.plain.help_now import offer_help_line
from homework_tui.plain.menu import Choice
from homework_tui.plain.records import Action, indented, list_recent, pick, run_section, save, when
from homework_tui.plain.session import Session
from homework_tui.store import Repository
from homework_tui.store.activities import JOURNAL_TABLE

EMPTY = N_("No journal entries yet. Choose “new” to write one.")
RECENT = N_("Recent entries, newest first:")


def fields() -> tuple[Field, ...]:
    return (
        Field("title", _("Title"), optional=True),
        Field("text", _("Your writing"), Kind.TEXT),
        Field("mood", _("Mood"), Kind.RATING, optional=True, low=MOOD_LOW, high=MOOD_HIGH),
        Field("tags", _("Tags, separated by commas"), optional=True),
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
    lines = [_("Journal entry of {when}").format(when=when(entry.created_at))]
    if entry.title:
        lines.append(_("Title: {title}").format(title=entry.title))
    if entry.text:
        lines += [_("Writing:"), indented(entry.text)]
    if entry.mood is not None:
        lines.append(_("Mood: {mood} of {high}").format(mood=entry.mood, high=MOOD_HIGH))
    if entry.tags:
        lines.append(_("Tags: {tags}").format(tags=", ".join(entry.tags)))
    return "\n".join(lines)


def new_entry(session: Session) -> None:
    form = Form(session.io)
    for question in fields():
        form.ask(question)
    entry = form.build(entry_from)
    if save(session, repo(session), entry, _("Saved your journal entry.")):
        session.io.say(describe(entry))
        offer_help_line(session, journal_mood=entry.mood)


def list_entries(session: Session) -> None:
    entries = repo(session).all()
    list_recent(session, entries, lambda e: e.heading, empty=_(EMPTY), recent=_(RECENT))


def show_entry(session: Session) -> None:
    entries = repo(session).all()
    entry = pick(session, entries, lambda e: e.heading, empty=_(EMPTY), recent=_(RECENT))
    if entry is not None:
        session.io.say(describe(entry))


def actions() -> tuple[Action, ...]:
    return (
        Action(Choice("new", _("New entry"), ("write",)), new_entry),
        Action(Choice("list", _("List recent entries"), ("recent",)), list_entries),
        Action(Choice("show", _("Show an entry"), ("read", "open")), show_entry),
    )


def run(session: Session) -> None:
    run_section(session, _("Journal"), actions())
