"""Mood diary: one mood rating a day, 0 (lowest) to 10 (best), with an optional note."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import mean

from homework_tui.i18n import _
from homework_tui.model.base import Entity, clean_text, rating

MOOD_LOW, MOOD_HIGH = 0, 10


@dataclass(frozen=True, kw_only=True)
class MoodEntry(Entity):
    day: date
    mood: int
    note: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "mood", rating("mood", self.mood, _("Mood"), low=MOOD_LOW, high=MOOD_HIGH)
        )
        object.__setattr__(self, "note", clean_text(self.note).strip("\n"))


def daily_moods(entries: Iterable[MoodEntry], last_day: date, days: int = 14) -> list[float | None]:
    """The mood of each of the `days` days up to `last_day` (the average when a day has several
    entries; None when it has none): the trend chart's data."""
    first = last_day - timedelta(days=days - 1)
    by_day: dict[date, list[int]] = {}
    for entry in entries:
        if first <= entry.day <= last_day:
            by_day.setdefault(entry.day, []).append(entry.mood)
    return [
        round(mean(by_day[d]), 1) if d in by_day else None
        for d in (first + timedelta(days=n) for n in range(days))
    ]
