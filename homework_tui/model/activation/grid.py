"""A week of activities as a grid: days across, parts of the day down, planned against done.

Each cell shows one symbol per activity, so it reads without colour: ✓ planned and done,
+ done without being planned (monitoring), ✗ planned and not done, ○ planned, not marked yet.
The last row counts each day's planned activities done (“2/3”) and any extra ones (“+1”).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from homework_tui.i18n import N_, _, ngettext, pgettext, short_day
from homework_tui.model.activation import ActivityEntry, Outcome, PartOfDay

# Marked only: show it with `_(LEGEND)`.
# Translators: the week grid's key; keep the symbols, and the whole line within 78 letters.
LEGEND = N_("✓ planned and done   + done, not planned   ✗ not done   ○ still to come")
LABEL_WIDTH = 10  # at least: a longer part-of-day name widens the label column
LABEL_WIDTH_MAX = 17  # 17 + 7 × 9 = 80 columns
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
        """“6 of 8 planned activities done, and 2 more done without planning.”"""
        total = self.total
        if not total.planned and not total.extra_done:
            return _("Nothing planned or written down for this week yet.")
        if total.extra_done:
            return ngettext(
                "{done} of {planned} planned activities done, and {extra} more done without "
                "planning.",
                "{done} of {planned} planned activities done, and {extra} more done without "
                "planning.",
                total.extra_done,
            ).format(done=total.planned_done, planned=total.planned, extra=total.extra_done)
        # Translators: the English says "activities" even for 1; your language may not.
        return ngettext(
            "{done} of {planned} planned activities done.",
            "{done} of {planned} planned activities done.",
            total.planned,
        ).format(done=total.planned_done, planned=total.planned)

    def lines(self) -> list[str]:
        """The grid as plain text, 73 columns wide in English (never over 80 in any language):
        the same picture on screen, in the report and in the README."""
        # Translators: the week grid's last row: how many planned activities were done each day.
        labels = [*(part.label for part in PartOfDay), pgettext("week grid", "Done")]
        width = min(max(LABEL_WIDTH, *(len(label) + 1 for label in labels)), LABEL_WIDTH_MAX)

        def label(text: str) -> str:
            return text[: width - 1].ljust(width)

        def cell(text: str) -> str:
            return text[: CELL_WIDTH - 1].ljust(CELL_WIDTH)

        head = " " * width + "".join(cell(short_day(d)) for d in self.days)
        rows = [head.rstrip()]
        for part, name in zip(PartOfDay, labels, strict=False):
            cells = "".join(cell(self.cell_text(d, part)) for d in self.days)
            rows.append((label(name) + cells).rstrip())
        done = "".join(cell(self.count(d).text) for d in self.days)
        rows.append((label(labels[-1]) + done).rstrip())
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
