"""What every section shares: its menu, listing recent records by number, showing one, saving."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from homework_tui.i18n import _, ngettext
from homework_tui.model.base import Entity
from homework_tui.model.plan import short_date
from homework_tui.plain.io import Quit
from homework_tui.plain.menu import Choice, choose
from homework_tui.plain.session import Session
from homework_tui.store import ReadOnly, Repository, StoreError

E = TypeVar("E", bound=Entity)

RECENT = 10


def when(moment: datetime) -> str:
    """“Sat 5 December, 14:03”."""
    return f"{short_date(moment.date())}, {moment:%H:%M}"


def indented(text: str) -> str:
    """Multi-line writing under its heading, each line indented by two spaces."""
    return "\n".join(f"  {line}" if line.strip() else "" for line in text.split("\n"))


@dataclass(frozen=True)
class Action:
    choice: Choice
    run: Callable[[Session], None]


def run_section(session: Session, title: str, actions: Sequence[Action]) -> None:
    """The section's menu until `quit` there. `quit` inside an action comes back here, saying
    that nothing was saved."""
    choices = [a.choice for a in actions]
    while True:
        try:
            chosen = choose(session.io, f"\n{title}", choices)
        except Quit:
            return
        action = next(a for a in actions if a.choice is chosen)
        try:
            action.run(session)
        except Quit:
            session.io.say(_("Back to {title}. Nothing was saved.").format(title=title))


def save(session: Session, repo: Repository[E], record: E, saved: str) -> bool:
    """Write `record`; `saved` ("Saved your journal entry.") only once it is on disk, else the
    store's own clear reason."""
    try:
        repo.add(record)
    except ReadOnly as error:
        session.io.say(str(error))  # it says itself that nothing was saved
        return False
    except StoreError as error:
        session.io.say(_("Nothing was saved. {reason}").format(reason=error))
        return False
    session.io.say(saved)
    return True


def pick(
    session: Session,
    records: Sequence[E],
    heading: Callable[[E], str],
    *,
    empty: str,
    recent: str,
) -> E | None:
    """List `records` (newest first) by number under `recent` ("Recent entries, newest first:")
    and ask which one; None when there are none."""
    if not records:
        session.io.say(empty)
        return None
    shown = list(records[:RECENT])
    choices = [Choice(str(i), _line(when(r.created_at), heading(r))) for i, r in enumerate(shown)]
    chosen = choose(session.io, recent, choices, prompt=_("Which one?"))
    return shown[int(chosen.key)]


def _line(moment: str, heading: str) -> str:
    """“Sat 5 December, 14:03: A quiet evening”."""
    return _("{when}: {heading}").format(when=moment, heading=heading or _("(untitled)"))


def list_recent(
    session: Session, records: Sequence[E], heading: Callable[[E], str], *, empty: str, recent: str
) -> None:
    if not records:
        session.io.say(empty)
        return
    session.io.say(recent)
    for number, record in enumerate(records[:RECENT], 1):
        session.io.say(f"{number}. {_line(when(record.created_at), heading(record))}")
    if len(records) > RECENT:
        older = len(records) - RECENT
        session.io.say(ngettext("And {n} older.", "And {n} older.", older).format(n=older))
