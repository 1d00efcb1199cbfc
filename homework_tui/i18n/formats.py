"""Dates and numbers as the current language writes them, through Babel's locale data:
"jeudi 26 novembre", "Donnerstag, 26. November", "3,5". Babel is imported when first used (about
40 ms), not when the app starts."""

from __future__ import annotations

from datetime import date

from homework_tui.i18n.language import babel_locale, current_language

# Weekday, day and month in full, as each language writes them in a sentence or a heading.
_DAY_AND_DATE = {
    "es": "EEEE, d 'de' MMMM",  # i18n: not shown
    "de": "EEEE, d. MMMM",  # i18n: not shown
    "pt": "EEEE, d 'de' MMMM",  # i18n: not shown
}


def day_and_date(day: date) -> str:
    """ "Thursday 26 November" (en), "jeudi 26 novembre" (fr), "jueves, 26 de noviembre" (es)."""
    from babel.dates import format_date

    pattern = _DAY_AND_DATE.get(current_language(), "EEEE d MMMM")
    return format_date(day, pattern, locale=babel_locale())


def day_month_year(day: date) -> str:
    """ "26 November 2026" (en), "26. November 2026" (de)."""
    from babel.dates import format_date

    return format_date(day, "long", locale=babel_locale())


def short_day(day: date) -> str:
    """ "Thu 26" (en), "jeu. 26" (fr): for narrow columns."""
    from babel.dates import format_date

    pattern = "EEE d." if current_language() == "de" else "EEE d"  # i18n: not shown
    return format_date(day, pattern, locale=babel_locale())


def weekday_name(weekday: int, *, short: bool = False) -> str:
    """Monday = 0, as `date.weekday()`: "Monday"/"Mon" (en), "lunes"/"lun" (es)."""
    from babel.dates import get_day_names

    names = get_day_names("abbreviated" if short else "wide", locale=babel_locale())
    return str(names[weekday])


def decimal(value: float, digits: int = 1) -> str:
    """`value` with up to `digits` decimals in the language's way: 3.5 → "3,5" (de, fr)."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "#" * digits if digits > 0 else "")
    return format_decimal(value, format=pattern, locale=babel_locale())
