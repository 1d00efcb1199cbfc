"""A text chart of a questionnaire's totals over time: one line per result, a bar of blocks with
the number and the band in words, so it reads without colour and in high contrast."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from babel.dates import format_date

from homework_tui.i18n import _, current_language
from homework_tui.i18n.language import babel_locale
from homework_tui.model.measures import MeasureResult, change_since, change_words

FILLED, EMPTY = "█", "░"


def bar(total: int, most: int, width: int) -> str:
    filled = round(total * width / most) if most else 0
    return FILLED * filled + EMPTY * (width - filled)


def when(moment: datetime) -> str:
    """ "Mon 03 Mar 19:05" (en), "lun. 03 mars 19:05" (fr): the day and time of one result."""
    if current_language() == "en":  # as it always read (Babel's English writes "Sept")
        return f"{moment:%a %d %b %H:%M}"
    return f"{format_date(moment, 'EEE dd MMM', locale=babel_locale())} {moment:%H:%M}"


def trend_lines(
    results: Iterable[MeasureResult], *, width: int = 27, plan_start: date | None = None
) -> list[str]:
    """“Mon 03 Mar 19:05  ██████████████░░░░░░░░░░░░░  14 moderate”, oldest first; the last line
    says the change since the plan started when there is one."""
    ordered = sorted(results, key=lambda r: r.created_at)
    lines = [
        f"{when(r.created_at)}  {bar(r.total, r.form.max_total, width)}  {r.total:>2} {r.band.name}"
        for r in ordered
    ]
    if len(ordered) > 1:
        change = change_since(ordered[-1], ordered, plan_start)
        if change is not None:
            if plan_start:
                text = _("Change since the plan started: {change} (lower is better).")
            else:
                # Translators: the change since the first time the questionnaire was answered.
                text = _("Change since the first: {change} (lower is better).")
            lines.append(text.format(change=change_words(change)))
    return lines
