"""Short dates for lists and titles, in the interface's language: "Thu 26 Nov" in English (as
strftime writes it), "jeu. 26 nov." in French, "Do., 26. Nov." in German (Babel's skeletons)."""

from __future__ import annotations

from datetime import date

from babel.dates import format_skeleton

from homework_tui.i18n import current_language, day_and_date
from homework_tui.i18n.language import babel_locale


def _english() -> bool:
    return current_language() not in ("es", "de", "fr", "pt", "it")


def short_date(day: date, *, year: bool = False) -> str:
    """ "Thu 26 Nov" ("Thu 26 Nov 2026" with the year)."""
    if _english():
        return f"{day:%a %-d %b %Y}" if year else f"{day:%a %-d %b}"
    return format_skeleton("yMMMEd" if year else "MMMEd", day, locale=babel_locale())


def day_month(day: date) -> str:
    """ "26 Nov"."""
    if _english():
        return f"{day:%-d %b}"
    return format_skeleton("MMMd", day, locale=babel_locale())


def heading_date(day: date) -> str:
    """Today's heading: "Thu 26 November" in English (as the plan writes it), "jeudi 26
    novembre" in French."""
    if _english():
        from homework_tui.model.plan import short_date as plan_date

        return plan_date(day)
    return day_and_date(day)
