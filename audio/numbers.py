"""Numbers as a person says them: "about four and a half", never "4.36364".

A number of seconds or breaths is said to the nearest half. The words come from the wording's
`numbers.<language>` table (English is packaged; a person's `wording.de.toml` can add
`[numbers.de]`); a language without one gets digits, rounded the same way, with its own decimal
mark ("4,5" in German or Spanish, which their voices read as "vier Komma fünf", "cuatro coma
cinco").
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from audio.errors import ScriptError

if TYPE_CHECKING:
    from audio.wording import Wording

# Languages whose decimal mark is a comma (their voices read "4.5" as a date or "point").
DECIMAL_COMMA = frozenset(
    {
        "bg",
        "ca",
        "cs",
        "da",
        "de",
        "el",
        "es",
        "et",
        "eu",
        "fi",
        "fr",
        "gl",
        "hr",
        "hu",
        "id",
        "is",
        "it",
        "lt",
        "lv",
        "nb",
        "nl",
        "nn",
        "no",
        "pl",
        "pt",
        "ro",
        "ru",
        "sk",
        "sl",
        "sr",
        "sv",
        "tr",
        "uk",
        "vi",
    }
)


def nearest_half(value: Fraction | float) -> Fraction:
    """`value` to the nearest half (halves round up: 4.25 → 4.5)."""
    doubled = Fraction(value) * 2
    return Fraction(
        int(doubled + Fraction(1, 2)) if doubled >= 0 else -int(-doubled + Fraction(1, 2)), 2
    )


def spoken_number(value: Fraction | float, wording: Wording, *, about: bool = True) -> str:
    """`value` in the wording's language, to the nearest half: "four and a half", "about six and
    a half" (`about`: say so when rounding changed it), else digits ("4.5", "4,5")."""
    rounded = nearest_half(value)
    table = wording.get("numbers", wording.language.split("-")[0], default=None)
    if not isinstance(table, dict):
        return _digits(rounded, wording.language)
    words = table.get("words")
    whole = int(rounded)
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise ScriptError(
            f"wording numbers.{wording.language.split('-')[0]}.words should be a list "
            "of the numbers from zero in words"
        )
    if whole >= len(words):
        said = _digits(rounded, wording.language)
    elif rounded.denominator == 1:
        said = words[whole]
    elif whole == 0:
        said = _line(table, "only_half", wording, {})
    else:
        said = _line(table, "and_a_half", wording, {"number": words[whole]})
    if about and rounded != Fraction(value):
        said = _line(table, "about", wording, {"number": said})
    return said


def _line(table: dict[str, object], key: str, wording: Wording, fields: dict[str, str]) -> str:
    text = table.get(key)
    if not isinstance(text, str) or not text.strip():
        raise ScriptError(
            f"wording numbers.{wording.language.split('-')[0]}.{key} should be a line of text"
        )
    try:
        return " ".join(text.format(**fields).split())
    except (KeyError, IndexError, ValueError):
        raise ScriptError(
            f"wording numbers.{wording.language.split('-')[0]}.{key} can only use {{number}}"
        ) from None


def _digits(rounded: Fraction, language: str) -> str:
    text = str(int(rounded)) if rounded.denominator == 1 else f"{float(rounded):g}"
    return text.replace(".", ",") if language.split("-")[0].lower() in DECIMAL_COMMA else text
