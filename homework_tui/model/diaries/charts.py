"""Text charts shared by the app and the report: one row per day with a bar and the number, so a
screen reader reads the number and nothing depends on colour."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from homework_tui.i18n import _, decimal, weekday_name

FULL, HALF = "█", "▌"


def bar(value: float, high: float, width: int) -> str:
    """A bar `width` cells long at `high`, in half-cell steps."""
    if high <= 0 or value <= 0:
        return ""
    halves = round(min(value, high) / high * width * 2)
    return FULL * (halves // 2) + (HALF if halves % 2 else "")


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else decimal(value, 1)


def day_label(day: date) -> str:
    """ "Mon 07" (en), "lun. 07" (fr): the weekday shortened and the day, all as wide as each
    other in the language."""
    names = [weekday_name(n, short=True) for n in range(7)]
    width = max(len(name) for name in names)
    return f"{names[day.weekday()].ljust(width)} {day.day:02d}"


def day_chart(
    values: Sequence[float | None],
    last_day: date,
    *,
    high: float,
    width: int = 30,
    unit: str = "",
    missing: str | None = None,
) -> list[str]:
    """One line per day, oldest first: “Mon 07  ██████████▌ 7/10”. `missing` is what a day
    without a value says (translated; by default “not written”)."""
    if missing is None:
        # Translators: in a chart, a day with no diary entry.
        missing = _("not written")
    first = last_day - timedelta(days=len(values) - 1)
    lines = []
    for offset, value in enumerate(values):
        day = first + timedelta(days=offset)
        label = day_label(day)
        if value is None:
            lines.append(f"{label}  {missing}")
        else:
            shown = bar(value, high, width)
            lines.append(f"{label}  {shown}{' ' if shown else ''}{_number(value)}{unit}")
    return lines
