"""Behavioural activation (Beck 1979; Martell, Addis & Jacobson 2001).

An `ActivityEntry` is one activity: planned ahead for a day and a part of the day (scheduling), or
written down afterwards (monitoring). Each serves a life area or value; once the time has come it is
marked done or not done, and a done one is rated for mastery and pleasure (0-10), with the mood at
the time (0-10). `grid` draws a week of them; `pattern` finds which activities go with better mood.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from homework_tui.i18n import N_, _, pgettext
from homework_tui.model.base import Entity, ValidationError, clean_text, optional_rating

WHAT_MAX = 200
AREA_MAX = 80
RATING_LOW, RATING_HIGH = 0, 10

# Life areas a therapist often names (Martell and colleagues' value areas, in plain words).
# Marked only: show them with `_(area)` (or `life_areas()`).
LIFE_AREAS: tuple[str, ...] = (
    N_("Relationships"),
    N_("Work or study"),
    N_("Home and daily tasks"),
    N_("Health and body"),
    N_("Fun and interests"),
    N_("Community"),
    N_("Mind and spirit"),
)


def life_areas() -> tuple[str, ...]:
    """`LIFE_AREAS` in the interface's language."""
    return tuple(_(area) for area in LIFE_AREAS)


class PartOfDay(StrEnum):
    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"
    NIGHT = "night"

    @property
    def label(self) -> str:
        return _(_PART_LABELS[self])

    @classmethod
    def of_hour(cls, hour: int) -> PartOfDay:
        """Morning 05-12, afternoon 12-17, evening 17-22, night 22-05."""
        if 5 <= hour < 12:
            return cls.MORNING
        if 12 <= hour < 17:
            return cls.AFTERNOON
        if 17 <= hour < 22:
            return cls.EVENING
        return cls.NIGHT


class Outcome(StrEnum):
    PLANNED = "planned"  # not yet marked
    DONE = "done"
    NOT_DONE = "not_done"

    @property
    def label(self) -> str:
        # Translators: an activity's outcome (an activity was planned, done or not done).
        if self is Outcome.DONE:
            return pgettext("activity outcome", "Done")
        if self is Outcome.NOT_DONE:
            return pgettext("activity outcome", "Not done")
        return pgettext("activity outcome", "Planned")


_PART_LABELS = {
    # Translators: a part of the day, 05:00-12:00 (a row of the week grid: at most 16 letters).
    PartOfDay.MORNING: N_("Morning"),
    # Translators: a part of the day, 12:00-17:00 (a row of the week grid: at most 16 letters).
    PartOfDay.AFTERNOON: N_("Afternoon"),
    # Translators: a part of the day, 17:00-22:00 (a row of the week grid: at most 16 letters).
    PartOfDay.EVENING: N_("Evening"),
    # Translators: a part of the day, 22:00-05:00 (a row of the week grid: at most 16 letters).
    PartOfDay.NIGHT: N_("Night"),
}


def parse_part(text: str) -> PartOfDay:
    """The part of the day from its name in English or in the interface's language (or its
    start)."""
    word = clean_text(text, multiline=False).strip().casefold()
    for part in PartOfDay:
        if word and part.value.startswith(word):
            return part
    for part in PartOfDay:
        if word and part.label.casefold().startswith(word):
            return part
    raise ValidationError(
        "part", _("Part of the day is one of: morning, afternoon, evening, night.")
    )


@dataclass(frozen=True, kw_only=True)
class ActivityEntry(Entity):
    """One activity on one day. `planned_ahead` is True when it was scheduled before the day (it
    then counts in the grid as planned); False when it was written down afterwards (monitoring)."""

    what: str
    day: date
    part: PartOfDay = PartOfDay.MORNING
    area: str = ""  # the life area or value it serves
    planned_ahead: bool = True
    outcome: Outcome = Outcome.PLANNED
    mastery: int | None = None
    pleasure: int | None = None
    mood: int | None = None
    note: str = ""

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        what = " ".join(clean_text(self.what, multiline=False).split())
        if not what:
            raise ValidationError("what", _("Please write what the activity is, in a few words."))
        if len(what) > WHAT_MAX:
            raise ValidationError(
                "what",
                _("Please keep the activity under {count} characters.").format(count=WHAT_MAX),
            )
        area = " ".join(clean_text(self.area, multiline=False).split())
        if len(area) > AREA_MAX:
            raise ValidationError(
                "area",
                _("Please keep the life area under {count} characters.").format(count=AREA_MAX),
            )
        set_(self, "what", what)
        set_(self, "area", area)
        set_(self, "part", PartOfDay(self.part))
        set_(self, "outcome", Outcome(self.outcome))
        for name, label in (
            ("mastery", N_("Mastery")),
            ("pleasure", N_("Pleasure")),
            ("mood", N_("Mood")),
        ):
            value = optional_rating(
                name, getattr(self, name), _(label), low=RATING_LOW, high=RATING_HIGH
            )
            set_(self, name, value)
        if self.outcome is not Outcome.DONE and (
            self.mastery is not None or self.pleasure is not None
        ):
            raise ValidationError(
                "mastery",
                _(
                    "Mastery and pleasure are rated once the activity is done; please mark it "
                    "done first, or leave them blank."
                ),
            )
        set_(self, "note", clean_text(self.note).strip("\n"))

    @property
    def done(self) -> bool:
        return self.outcome is Outcome.DONE

    @property
    def symbol(self) -> str:
        """How it shows in the week grid, never by colour alone: ✓ done, ✗ not done, ○ to come."""
        return {Outcome.DONE: "✓", Outcome.NOT_DONE: "✗", Outcome.PLANNED: "○"}[self.outcome]

    def ratings_text(self, *, short: bool = False) -> str:
        """“mastery 6, pleasure 7, mood 5” (only the ratings given); `short`: “M 6, P 7, mood 5”
        for a narrow column."""
        parts = []
        if self.mastery is not None:
            parts.append(
                # Translators: "M" is mastery, shortened for a narrow column.
                (_("M {value}") if short else _("mastery {value}")).format(value=self.mastery)
            )
        if self.pleasure is not None:
            parts.append(
                # Translators: "P" is pleasure, shortened for a narrow column.
                (_("P {value}") if short else _("pleasure {value}")).format(value=self.pleasure)
            )
        if self.mood is not None:
            parts.append(_("mood {value}").format(value=self.mood))
        return ", ".join(parts)
