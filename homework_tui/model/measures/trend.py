"""A text chart of a questionnaire's totals over time: one line per result, a bar of blocks with
the number and the band in words, so it reads without colour and in high contrast."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from homework_tui.model.measures import MeasureResult, change_since, change_words

FILLED, EMPTY = "█", "░"


def bar(total: int, most: int, width: int) -> str:
    filled = round(total * width / most) if most else 0
    return FILLED * filled + EMPTY * (width - filled)


def trend_lines(
    results: Iterable[MeasureResult], *, width: int = 27, plan_start: date | None = None
) -> list[str]:
    """“Mon 03 Mar 19:05  ██████████████░░░░░░░░░░░░░  14 moderate”, oldest first; the last line
    says the change since the plan started when there is one."""
    ordered = sorted(results, key=lambda r: r.created_at)
    lines = [
        f"{r.created_at:%a %d %b %H:%M}  {bar(r.total, r.form.max_total, width)}  "
        f"{r.total:>2} {r.band.name}"
        for r in ordered
    ]
    if len(ordered) > 1:
        change = change_since(ordered[-1], ordered, plan_start)
        if change is not None:
            since = "since the plan started" if plan_start else "since the first"
            lines.append(f"Change {since}: {change_words(change)} (lower is better).")
    return lines
