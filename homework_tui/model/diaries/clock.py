"""Reading a clock time as people type it: “23:40”, “7:10”, “0710”, “7.10”, “11pm”, “11:30 pm”."""

from __future__ import annotations

from datetime import time

from homework_tui.i18n import _
from homework_tui.model.base import ValidationError, clean_text, read_clock, visible


def parse_clock(field_name: str, value: str, label: str) -> time:
    """The time in `value`, or a one-line message saying how to write it."""
    text = clean_text(value, multiline=False).strip().casefold()
    found = read_clock(text)
    if found is None:
        raise ValidationError(
            field_name,
            _(
                "{label}: “{typed}” is not a time I can read; please write it like 23:40 or 7:10."
            ).format(label=label, typed=visible(text[:20])),
        )
    return found


def clock_text(moment: time) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def minutes_text(minutes: int) -> str:
    """425 → “7 h 05 min”; 40 → “40 min”."""
    sign = "-" if minutes < 0 else ""
    hours, rest = divmod(abs(minutes), 60)
    if hours:
        # Translators: a length of time, "7 h 05 min"; {sign} is "-" or nothing.
        return _("{sign}{hours} h {minutes} min").format(
            sign=sign, hours=hours, minutes=f"{rest:02d}"
        )
    # Translators: a length of time under an hour, "40 min"; {sign} is "-" or nothing.
    return _("{sign}{minutes} min").format(sign=sign, minutes=rest)
