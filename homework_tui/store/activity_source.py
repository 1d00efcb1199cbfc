"""What every kind's adapter in `activities` shares: the table names, `Source`, and how numbers
become fact text and measures."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from babel.dates import format_date

from homework_tui.i18n import PSEUDO, current_language
from homework_tui.i18n.language import babel_locale
from homework_tui.model.activity import Activity, Kind
from homework_tui.store.db import Store

PLAN_TABLE = "plan"
CHECKOFFS_TABLE = "plan_checkoffs"
THOUGHT_RECORDS_TABLE = "thought_records"
JOURNAL_TABLE = "journal"
LADDERS_TABLE = "ladders"
EXPOSURES_TABLE = "exposures"
EXPERIMENTS_TABLE = "experiments"
EXPOSURE_SETTINGS_TABLE = "exposure_settings"
RELAXATION_TABLE = "relaxation_sessions"


@dataclass(frozen=True)
class Source:
    """One table of logged homework. `name` is also the CSV file's name; `columns` are the fact
    labels its activities carry, in order."""

    name: str
    title: str
    kinds: tuple[Kind, ...]
    columns: tuple[str, ...]
    read: Callable[[Store], list[Activity]]


def number_text(value: int | float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def measures(**values: float | None) -> tuple[tuple[str, float], ...]:
    return tuple((k, float(v)) for k, v in values.items() if v is not None)


def day_in_short(day: date) -> str:
    """ "Thu 26 Nov" (en), "jeu. 26 nov." (fr): a day in a title, in the interface's language."""
    if current_language() in ("en", PSEUDO):
        return f"{day:%a %d %b}"
    pattern = "EEE d. MMM" if current_language() == "de" else "EEE d MMM"  # i18n: not shown
    return format_date(day, pattern, locale=babel_locale())
