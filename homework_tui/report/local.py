"""The report's and the plain mode's short dates, numbers and words written elsewhere, in the
interface's language: English as it has always been written ("Mon 01 Dec 2026", "Mon 1 Dec"),
another language through Babel's locale data ("lun. 1 déc. 2026")."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from babel.numbers import format_decimal

from homework_tui.i18n import _, current_language
from homework_tui.i18n.language import babel_locale


def day_month(day: date) -> str:
    """ "Mon 1 Dec" (en), "lun. 1 déc." (fr), "Mo., 1. Dez." (de)."""
    if current_language() == "en":
        return f"{day:%a} {day.day} {day:%b}"
    pattern = "EEE, d. MMM" if current_language() == "de" else "EEE d MMM"  # i18n: not shown
    return format_date(day, pattern, locale=babel_locale())


def day_month_year(day: date) -> str:
    """ "Mon 01 Dec 2026" (en), "lun. 1 déc. 2026" (fr)."""
    if current_language() == "en":
        return f"{day:%a %d %b %Y}"
    pattern = "EEE, d. MMM y" if current_language() == "de" else "EEE d MMM y"  # i18n: not shown
    return format_date(day, pattern, locale=babel_locale())


def day_and_month(day: date) -> str:
    """ "1 December" (en), "1 décembre" (fr), "1. Dezember" (de)."""
    if current_language() == "en":
        return f"{day.day} {day:%B}"
    pattern = "d. MMMM" if current_language() == "de" else "d MMMM"
    if current_language() in ("es", "pt"):
        pattern = "d 'de' MMMM"
    return format_date(day, pattern, locale=babel_locale())


def one_decimal(value: float) -> str:
    """`value` with exactly one decimal, as the language writes it: "2.0" (en), "2,0" (de)."""
    return format_decimal(value, format="0.0", locale=babel_locale())


def shown(text: str) -> str:
    """`text` (English written elsewhere, marked there) in the current language; an empty text
    stays empty (gettext would give the catalogue's header for it)."""
    return _(text) if text else text


def long_day(day: date) -> str:
    """ "Thu 26 November 2026" (en), "jeu. 26 novembre 2026" (fr)."""
    if current_language() == "en":
        return f"{day:%a} {day.day} {day:%B %Y}"
    pattern = {
        "de": "EEE, d. MMMM y",  # i18n: not shown
        "es": "EEE, d 'de' MMMM 'de' y",  # i18n: not shown
        "pt": "EEE, d 'de' MMMM 'de' y",  # i18n: not shown
    }
    return format_date(day, pattern.get(current_language(), "EEE d MMMM y"), locale=babel_locale())
