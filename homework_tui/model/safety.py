"""The person's own safety plan for Help now: the people they would call and their local crisis
line. Entered by them, kept offline. Standard library only.

Stored as one document (`Singleton(store, "safety", SafetyPlan, SafetyPlan)`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Self

from homework_tui.model.base import ValidationError, clean_text, required_text

NAME_MAX = 80
NUMBER_MAX = 60
NOTE_MAX = 300
CONTACTS_MAX = 20


def _limited(field_name: str, text: str, label: str, limit: int) -> str:
    if len(text) > limit:
        raise ValidationError(field_name, f"{label} can be up to {limit} characters.")
    return text


@dataclass(frozen=True, kw_only=True)
class CrisisContact:
    """Someone to call: a person, a service or a crisis line. Text is kept exactly as typed,
    apart from terminal control characters, which are removed."""

    name: str
    number: str
    note: str = ""

    def __post_init__(self) -> None:
        name = required_text("name", self.name, "Name", multiline=False).strip()
        number = required_text("number", self.number, "Number", multiline=False).strip()
        note = clean_text(self.note, multiline=False).strip()
        object.__setattr__(self, "name", _limited("name", name, "A name", NAME_MAX))
        object.__setattr__(self, "number", _limited("number", number, "A number", NUMBER_MAX))
        object.__setattr__(self, "note", _limited("note", note, "A note", NOTE_MAX))


@dataclass(frozen=True, kw_only=True)
class SafetyPlan:
    """The people to call, in the order the person put them, and the local crisis line."""

    contacts: tuple[CrisisContact, ...] = ()
    crisis_line: CrisisContact | None = None

    def __post_init__(self) -> None:
        contacts = tuple(self.contacts)
        if len(contacts) > CONTACTS_MAX:
            raise ValidationError(
                "contacts", f"Help now keeps up to {CONTACTS_MAX} people; that is plenty."
            )
        object.__setattr__(self, "contacts", contacts)

    @property
    def is_empty(self) -> bool:
        return not self.contacts and self.crisis_line is None

    def with_contact(self, contact: CrisisContact) -> Self:
        """A copy with `contact` added at the end."""
        return replace(self, contacts=(*self.contacts, contact))

    def with_contact_at(self, index: int, contact: CrisisContact) -> Self:
        """A copy with the contact at `index` replaced by `contact`."""
        self._check_index(index)
        contacts = list(self.contacts)
        contacts[index] = contact
        return replace(self, contacts=tuple(contacts))

    def without_contact(self, index: int) -> Self:
        self._check_index(index)
        return replace(self, contacts=self.contacts[:index] + self.contacts[index + 1 :])

    def with_crisis_line(self, line: CrisisContact | None) -> Self:
        return replace(self, crisis_line=line)

    def _check_index(self, index: int) -> None:
        if not 0 <= index < len(self.contacts):
            raise IndexError(index)
