"""Which activities go with better mood: the mood rated with each done activity, by activity and by
life area, against the person's average. A pattern, not a proof, and always shown with that caution.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from statistics import mean

from homework_tui.i18n import N_
from homework_tui.model.activation import ActivityEntry
from homework_tui.model.activity import normalise

# Marked only: show it with `_(CAUTION)`.
CAUTION = N_(
    "A pattern, not a proof: these activities went along with better or lower mood here, which "
    "does not show that one caused the other. Worth talking over with your therapist."
)
MIN_TIMES = 1


@dataclass(frozen=True)
class MoodLink:
    name: str
    times: int  # done activities with a mood rating
    mood: float  # their average mood, 0-10
    difference: float  # against the average over every rated activity


@dataclass(frozen=True)
class MoodPattern:
    average: float | None
    rated: int
    by_activity: tuple[MoodLink, ...]
    by_area: tuple[MoodLink, ...]

    @property
    def empty(self) -> bool:
        return self.rated == 0


def _links(groups: dict[str, tuple[str, list[int]]], average: float) -> tuple[MoodLink, ...]:
    links = [
        MoodLink(name, len(moods), round(mean(moods), 1), round(mean(moods) - average, 1))
        for name, moods in groups.values()
        if len(moods) >= MIN_TIMES
    ]
    return tuple(sorted(links, key=lambda link: (-link.mood, -link.times, link.name.casefold())))


@dataclass(frozen=True)
class RatedActivity:
    """A done activity with the mood rated with it (what the pattern is drawn from)."""

    what: str
    area: str
    mood: int


def mood_pattern(entries: Iterable[ActivityEntry]) -> MoodPattern:
    return pattern_of(
        RatedActivity(e.what, e.area, e.mood) for e in entries if e.done and e.mood is not None
    )


def pattern_of(rated_activities: Iterable[RatedActivity]) -> MoodPattern:
    """The pattern over done activities with a mood: the app and the report both call this."""
    rated = list(rated_activities)
    if not rated:
        return MoodPattern(None, 0, (), ())
    average = round(mean(r.mood for r in rated), 1)
    by_what: dict[str, tuple[str, list[int]]] = {}
    by_area: dict[str, tuple[str, list[int]]] = {}
    for each in rated:
        by_what.setdefault(normalise(each.what), (each.what, []))[1].append(each.mood)
        if each.area:
            by_area.setdefault(normalise(each.area), (each.area, []))[1].append(each.mood)
    return MoodPattern(average, len(rated), _links(by_what, average), _links(by_area, average))
