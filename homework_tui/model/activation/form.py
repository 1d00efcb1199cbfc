"""An activity built from what the person typed, field by field: the one set of rules the
full-screen form and the plain mode both call. A ValidationError names the field to ask again."""

from __future__ import annotations

from homework_tui.model.activation import ActivityEntry, Outcome, PartOfDay, parse_part
from homework_tui.model.base import ValidationError, clean_text, now
from homework_tui.model.diaries.forms import day_of

OUTCOME_WORDS = "planned / done / not done"


def parse_outcome(text: str) -> Outcome:
    word = " ".join(clean_text(text, multiline=False).casefold().replace("_", " ").split())
    if not word or "planned".startswith(word):
        return Outcome.PLANNED
    if word.startswith("not") or word in {"no", "n", "skipped"}:
        return Outcome.NOT_DONE
    if "done".startswith(word) or word in {"yes", "y", "✓"}:
        return Outcome.DONE
    raise ValidationError("outcome", f"Please write one of: {OUTCOME_WORDS}.")


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
            "part", "Please say which part of the day: morning, afternoon, evening or night."
        )
    return entry
