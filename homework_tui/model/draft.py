"""Drafts: what a person has typed into a form and not saved yet, kept exactly as typed.

A draft holds each field's raw text (a rating of "120" included: it is checked only when the record
is saved), so nothing typed is ever lost to a validation rule, a crash or a closed terminal.
`form` names the kind of form ("thought_record", "journal"); `record_id` the saved record being
edited, or None for a new one; `place` is where the person was (the form decides what it means).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from homework_tui.model.base import Entity, clean_text

PREVIEW_MAX = 60


@dataclass(frozen=True, kw_only=True)
class Draft(Entity):
    form: str
    record_id: str | None = None
    fields: dict[str, str] = field(default_factory=dict)
    place: str = ""

    def __post_init__(self) -> None:
        if not self.form:
            raise ValueError("a draft needs the name of its form")  # i18n: not shown
        cleaned = {str(k): clean_text(str(v)) for k, v in dict(self.fields).items()}
        object.__setattr__(self, "fields", cleaned)

    @property
    def is_empty(self) -> bool:
        return not any(value.strip() for value in self.fields.values())

    def preview(self, *keys: str) -> str:
        """The first non-empty of `keys` (or of all fields), on one line, shortened."""
        order = keys or tuple(self.fields)
        for key in order:
            text = " ".join(self.fields.get(key, "").split())
            if text:
                return text if len(text) <= PREVIEW_MAX else text[: PREVIEW_MAX - 1] + "…"
        return ""

    def same_content(self, other: Draft | None) -> bool:
        return (
            other is not None
            and other.fields == self.fields
            and other.place == self.place
            and other.record_id == self.record_id
        )
