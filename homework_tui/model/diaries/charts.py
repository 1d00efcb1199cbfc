"""Text charts shared by the app and the report: one row per day with a bar and the number, so a
screen reader reads the number and nothing depends on colour."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

FULL, HALF = "█", "▌"


def bar(value: float, high: float, width: int) -> str:
    """A bar `width` cells long at `high`, in half-cell steps."""
    if high <= 0 or value <= 0:
        return ""
    halves = round(min(value, high) / high * width * 2)
    return FULL * (halves // 2) + (HALF if halves % 2 else "")


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def day_chart(
    values: Sequence[float | None],
    last_day: date,
    *,
    high: float,
    width: int = 30,
    unit: str = "",
    missing: str = "not written",
) -> list[str]:
    """One line per day, oldest first: “Mon 07  ██████████▌ 7/10”."""
    first = last_day - timedelta(days=len(values) - 1)
    lines = []
    for offset, value in enumerate(values):
        day = first + timedelta(days=offset)
        label = f"{day.strftime('%a')} {day.day:02d}"
        if value is None:
            lines.append(f"{label}  {missing}")
        else:
            shown = bar(value, high, width)
            lines.append(f"{label}  {shown}{' ' if shown else ''}{_number(value)}{unit}")
    return lines
