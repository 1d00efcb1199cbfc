"""Beck's bridge between sessions: what got in the way of the homework, and what the person wants
to raise next session. Written from Today or the plan screen; both open the report.
Standard library only.

Stored as one document (`Singleton(store, "bridge", SessionBridge, SessionBridge)`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from homework_tui.i18n import N_, _
from homework_tui.model.base import ValidationError, clean_text

NOTE_MAX = 2000


@dataclass(frozen=True)
class BridgeNote:
    """One of the two notes: its field, its heading (as the report and the form show it) and a
    plain hint for writing it. `title` and `hint` are English, marked for translation: show
    them with `_()`."""

    key: str
    title: str
    hint: str


BRIDGE_NOTES: tuple[BridgeNote, ...] = (
    BridgeNote(
        "got_in_the_way",
        N_("What got in the way"),
        N_("Anything that made the homework hard to do or to finish; no need to explain it away."),
    ),
    BridgeNote(
        "to_raise",
        N_("What I want to raise next session"),
        N_("Questions, things that went well or badly, anything you want time for."),
    ),
)


@dataclass(frozen=True, kw_only=True)
class SessionBridge:
    """The two notes (either may be empty) and when they were last saved."""

    got_in_the_way: str = ""
    to_raise: str = ""
    updated_at: datetime | None = None

    def __post_init__(self) -> None:
        for note in BRIDGE_NOTES:
            text = clean_text(str(getattr(self, note.key))).strip()
            if len(text) > NOTE_MAX:
                raise ValidationError(
                    note.key,
                    _(
                        "“{title}” can be up to {limit} characters; the rest is best said in "
                        "the session."
                    ).format(title=_(note.title), limit=NOTE_MAX),
                )
            object.__setattr__(self, note.key, text)

    def text_of(self, note: BridgeNote) -> str:
        return str(getattr(self, note.key))

    @property
    def is_empty(self) -> bool:
        return not any(self.text_of(note) for note in BRIDGE_NOTES)
