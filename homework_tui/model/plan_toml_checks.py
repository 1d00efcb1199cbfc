"""Checking a hand-written plan file piece by piece, in words for the person who wrote it.

`Problem` is one thing wrong, with its line; `FileLines` finds the line of a table or key (tomllib
keeps none); `syntax_problem` words a TOML syntax error; the `as_…` readers check one value and
raise `ValueError` with a message naming the setting; `unknown_key` suggests the setting meant.
`homework_tui.model.plan_toml` puts these together to read a whole plan.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from audio.toml_input import TomlInputError
from homework_tui.i18n import N_, _
from homework_tui.model.base import visible


@dataclass(frozen=True)
class Problem:
    line: int | None
    message: str

    def __post_init__(self) -> None:
        # A message may quote the file (a key, a value): never let it carry a raw control character.
        object.__setattr__(self, "message", visible(self.message))

    def __str__(self) -> str:
        if not self.line:
            return self.message
        # Translators: a problem in a plan file, after the number of its line.
        return _("line {line}: {message}").format(line=self.line, message=self.message)


# -- where things are in the file -----------------------------------------------------------------

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+|\"[^\"]*\"|'[^']*')\s*=")


class FileLines:
    """Line numbers of tables and keys (tomllib keeps none). Handles what people write by hand:
    `[plan]`, `[[homework]]`, `key = value`, and multi-line strings."""

    def __init__(self, text: str) -> None:
        self.keys: dict[tuple[str, int, str], int] = {}
        self.headers: dict[tuple[str, int], int] = {}
        counts: dict[str, int] = {}
        section: tuple[str, int] = ("", 0)
        in_string: str | None = None
        for number, line in enumerate(text.splitlines(), start=1):
            if in_string:
                if line.count(in_string) % 2 == 1:
                    in_string = None
                continue
            header = _HEADER.match(line)
            if header:
                name = header.group(2).strip().strip("\"'")
                if header.group(1) == "[[":
                    counts[name] = counts.get(name, -1) + 1
                    section = (name, counts[name])
                else:
                    section = (name, 0)
                self.headers.setdefault(section, number)
                continue
            key = _KEY.match(line)
            if key:
                self.keys.setdefault((*section, key.group(1).strip("\"'")), number)
            for quote in ('"""', "'''"):
                if line.count(quote) % 2 == 1:
                    in_string = quote
                    break

    def of(self, section: str, index: int, key: str | None = None) -> int | None:
        if key is not None and (section, index, key) in self.keys:
            return self.keys[(section, index, key)]
        return self.headers.get((section, index))


# The start of tomllib's message (English, as it writes it) → ours, marked for translation.
_FRIENDLIER = {
    "Invalid date or datetime": N_("this is not a real date; dates are written like 2025-03-11"),
    "Invalid value": N_('this value cannot be read; text needs quotes, like "Social situations"'),
    "Cannot overwrite a value": N_("this setting is given twice"),
    "Cannot declare": N_("this table is given twice"),
}


def syntax_problem(error: TomlInputError) -> Problem:
    message = error.message
    if error.syntax:
        for start, friendly in _FRIENDLIER.items():
            if message.startswith(start):
                message = _(friendly)
                break
        else:
            # Translators: {detail} is the TOML reader's own explanation, in English.
            message = _("the file cannot be read here ({detail})").format(
                detail=f"{message[:1].lower()}{message[1:]}"
            )
    return Problem(error.line, message)


# -- values ---------------------------------------------------------------------------------------


def shown(value: Any, *, quoted: bool = True) -> str:
    """`value` for a message (its repr, or `str` when not `quoted`), cut short: a message stays
    one readable line however long or deeply nested the value is."""
    text = repr(value) if quoted else str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def as_date(value: Any, what: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(
        # Translators: {what} is a plan file's setting (start, once_by): keep it as it is.
        _("{what} needs a date written like 2025-03-11 (got {value})").format(
            what=what, value=shown(value)
        )
    )


def as_text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise ValueError(_('{what} needs text in quotes, like "…"').format(what=what))
    return value


def as_yes_no(value: Any, what: str) -> bool:
    if not isinstance(value, bool):
        raise ValueError(
            _("{what} needs to be true or false, without quotes (got {value})").format(
                what=what, value=shown(value)
            )
        )
    return value


def as_whole(value: Any, what: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(
            _("{what} needs a whole number from {low} to {high} (got {value})").format(
                what=what, low=low, high=high, value=shown(value)
            )
        )
    if not low <= value <= high:
        raise ValueError(
            _("{what} is {value}; it needs to be from {low} to {high}").format(
                what=what, value=shown(value, quoted=False), low=low, high=high
            )
        )
    return value


def unknown_key(key: str, known: tuple[str, ...], *, section: bool = False) -> str:
    """A key (or, with `section`, a table) the plan format does not have, with the one meant."""
    close = difflib.get_close_matches(key, known, n=1)
    if section:
        if close:
            return _("“{key}” is not a section homework-tui knows. Did you mean “{close}”?").format(
                key=key, close=close[0]
            )
        return _("“{key}” is not a section homework-tui knows. Known: {known}.").format(
            key=key, known=", ".join(known)
        )
    if close:
        return _("“{key}” is not a setting homework-tui knows. Did you mean “{close}”?").format(
            key=key, close=close[0]
        )
    return _("“{key}” is not a setting homework-tui knows. Known: {known}.").format(
        key=key, known=", ".join(known)
    )
