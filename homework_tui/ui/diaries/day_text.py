"""Days and times in lists and charts of the practice sections, as the interface's language
writes them: "Thu 26 Nov" (en), "jeu. 26 nov." (fr), "Do. 26. Nov." (de). Times stay "19:00"."""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date

from homework_tui.i18n import current_language
from homework_tui.i18n.language import babel_locale


def _day_pattern(*, weekday: bool, year: bool) -> str:
    day = "d." if current_language() == "de" else "d"
    pattern = f"{'EEE ' if weekday else ''}{day} MMM"
    return pattern + (" y" if year else "")


def day_text(day: date, *, weekday: bool = True, year: bool = False) -> str:
    """ "Thu 26 Nov", or "26 Nov" without the weekday, "Thu 26 Nov 2026" with the year."""
    return format_date(day, _day_pattern(weekday=weekday, year=year), locale=babel_locale())


def day_time_text(moment: datetime) -> str:
    """ "Thu 26 Nov 19:00"."""
    return f"{day_text(moment.date())} {moment:%H:%M}"
