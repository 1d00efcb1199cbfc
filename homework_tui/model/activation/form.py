"""An activity built from what the person typed, field by field: the one set of rules the
full-screen form and the plain mode both call. A ValidationError names the field to ask again."""

from __future__ import annotations

from homework_tui.i18n import N_, _, pgettext
from homework_tui.model.activation import ActivityEntry, Outcome, PartOfDay, parse_part
from homework_tui.model.base import ValidationError, clean_text, now
from homework_tui.model.diaries.forms import day_of

# Marked only: show it with `_(OUTCOME_WORDS)`. The words typed are read in English as well.
OUTCOME_WORDS = N_("planned / done / not done")


def _typed_outcomes() -> tuple[tuple[str, Outcome], ...]:
    """The outcome words of `OUTCOME_WORDS` in the interface's language, "not done" first."""
    return (
        # Translators: typed by the person, as in "planned / done / not done".
        (pgettext("activity outcome", "not done"), Outcome.NOT_DONE),
        # Translators: typed by the person, as in "planned / done / not done".
        (pgettext("activity outcome", "planned"), Outcome.PLANNED),
        # Translators: typed by the person, as in "planned / done / not done".
        (pgettext("activity outcome", "done"), Outcome.DONE),
    )


def parse_outcome(text: str) -> Outcome:
    """The outcome from its word in the interface's language or in English (or its start)."""
    word = " ".join(clean_text(text, multiline=False).casefold().replace("_", " ").split())
    for said, outcome in _typed_outcomes():
        if word and said.casefold().startswith(word):
            return outcome
    if not word or "planned".startswith(word):
        return Outcome.PLANNED
    if word.startswith("not") or word in {"no", "n", "skipped"}:
        return Outcome.NOT_DONE
    if "done".startswith(word) or word in {"yes", "y", "✓"}:
        return Outcome.DONE
    raise ValidationError(
        "outcome", _("Please write one of: {words}.").format(words=_(OUTCOME_WORDS))
    )


def activity_entry(fields: dict[str, str], *, planned_ahead: bool) -> ActivityEntry:
    """What, day (empty: today), part of the day (needed), life area, outcome, the three ratings
    (empty: none) and a note."""
    part = fields.get("part", "")
    entry = ActivityEntry(
        what=fields.get("what", ""),
        day=day_of(fields, "day", now().date()),
        part=parse_part(part) if part.strip() else PartOfDay.MORNING,
        area=fields.get("area", ""),
        planned_ahead=planned_ahead,
        outcome=parse_outcome(fields.get("outcome", "")),
        mastery=fields.get("mastery", ""),  # type: ignore[arg-type]
        pleasure=fields.get("pleasure", ""),  # type: ignore[arg-type]
        mood=fields.get("mood", ""),  # type: ignore[arg-type]
        note=fields.get("note", ""),
    )
    if not part.strip():
        raise ValidationError(
            "part", _("Please say which part of the day: morning, afternoon, evening or night.")
        )
    return entry
