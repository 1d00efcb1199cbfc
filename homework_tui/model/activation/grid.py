"""A week of activities as a grid: days across, parts of the day down, planned against done.

Each cell shows one symbol per activity, so it reads without colour: ✓ planned and done,
+ done without being planned (monitoring), ✗ planned and not done, ○ planned, not marked yet.
The last row counts each day's planned activities done (“2/3”) and any extra ones (“+1”).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from homework_tui.model.activation import ActivityEntry, Outcome, PartOfDay

LEGEND = "✓ planned and done   + done, not planned   ✗ not done   ○ still to come"
LABEL_WIDTH = 10
CELL_WIDTH = 9
CELL_MAX_SYMBOLS = 6


def week_start(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


def mark(entry: ActivityEntry) -> str:
    if entry.outcome is Outcome.DONE:
        return "✓" if entry.planned_ahead else "+"
    return entry.symbol


@dataclass(frozen=True)
class DayCount:
    planned: int = 0
    planned_done: int = 0
    extra_done: int = 0  # done without being planned ahead

    @property
    def text(self) -> str:
        words = f"{self.planned_done}/{self.planned}" if self.planned else ""
        if self.extra_done:
            words = f"{words} +{self.extra_done}".strip()
        return words or "·"


@dataclass(frozen=True)
class WeekGrid:
    start: date
    cells: dict[tuple[date, PartOfDay], tuple[ActivityEntry, ...]] = field(default_factory=dict)

    @property
    def days(self) -> tuple[date, ...]:
        return tuple(self.start + timedelta(days=n) for n in range(7))

    def entries(self, day: date, part: PartOfDay) -> tuple[ActivityEntry, ...]:
        return self.cells.get((day, part), ())

    def cell_text(self, day: date, part: PartOfDay) -> str:
        marks = "".join(mark(e) for e in self.entries(day, part))
        if not marks:
            return "·"
        if len(marks) <= CELL_MAX_SYMBOLS:
            return marks
        counted = [f"{s}{marks.count(s)}" for s in "✓+✗○" if s in marks]
        return "".join(counted)[: CELL_WIDTH - 1]

    def count(self, day: date) -> DayCount:
        found = [e for part in PartOfDay for e in self.entries(day, part)]
        planned = [e for e in found if e.planned_ahead]
        return DayCount(
            planned=len(planned),
            planned_done=sum(1 for e in planned if e.done),
            extra_done=sum(1 for e in found if e.done and not e.planned_ahead),
        )

    @property
    def total(self) -> DayCount:
        counts = [self.count(day) for day in self.days]
        return DayCount(
            planned=sum(c.planned for c in counts),
            planned_done=sum(c.planned_done for c in counts),
            extra_done=sum(c.extra_done for c in counts),
        )

    def summary(self) -> str:
        """“This week: 6 of 8 planned activities done, and 2 more done without planning.”"""
        total = self.total
        if not total.planned and not total.extra_done:
            return "Nothing planned or written down for this week yet."
        text = f"{total.planned_done} of {total.planned} planned activities done"
        if total.extra_done:
            text += f", and {total.extra_done} more done without planning"
        return text + "."

    def lines(self) -> list[str]:
        """The grid as plain text, 73 columns wide: the same picture on screen, in the report and
        in the README."""
        head = " " * LABEL_WIDTH + "".join(
            f"{d.strftime('%a')} {d.day}".ljust(CELL_WIDTH) for d in self.days
        )
        rows = [head.rstrip()]
        for part in PartOfDay:
            cells = "".join(self.cell_text(d, part).ljust(CELL_WIDTH) for d in self.days)
            rows.append((part.label.ljust(LABEL_WIDTH) + cells).rstrip())
        done = "".join(self.count(d).text.ljust(CELL_WIDTH) for d in self.days)
        rows.append(("Done".ljust(LABEL_WIDTH) + done).rstrip())
        return rows


def week_grid(entries: Iterable[ActivityEntry], start: date) -> WeekGrid:
    """The week beginning `start` (use `week_start` for a Monday)."""
    end = start + timedelta(days=7)
    cells: dict[tuple[date, PartOfDay], list[ActivityEntry]] = {}
    for entry in sorted(
        entries, key=lambda e: (e.day, list(PartOfDay).index(e.part), e.created_at)
    ):
        if start <= entry.day < end:
            cells.setdefault((entry.day, entry.part), []).append(entry)
    return WeekGrid(start, {key: tuple(found) for key, found in cells.items()})
