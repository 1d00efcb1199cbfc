"""Values that break naive parsers of outside files, shared by the tests of every parser.

Each is what a TOML, JSON or script file could hold where a number or a value goes: a number
longer than Python's int-to-string limit (4,300 digits), NaN, the infinities (written out and as
`1e309`), and values nested 10,000 deep. Each parser must answer them with its own clear one-line
error naming where, or accept them as the plain value they are; never with a traceback.
"""

from __future__ import annotations

LONG_DIGITS = "9" * 5000
DEEP = 10_000

TOML_VALUES: dict[str, str] = {
    "5000-digit integer": LONG_DIGITS,
    "5000-digit negative integer": "-" + LONG_DIGITS,
    "5000-digit integer with underscores": "1_" + "0" * 4999,
    "5000-digit float": LONG_DIGITS + ".5",
    "nan": "nan",
    "inf": "inf",
    "-inf": "-inf",
    "1e309": "1e309",
    "10,000 nested arrays": "[" * DEEP + "]" * DEEP,
    "10,000 nested inline tables": "{a = " * DEEP + "1" + "}" * DEEP,
}
"""A TOML value (the right side of `key = …`) for each hostile case."""

TOML_DEEP_KEY = ".".join(["a"] * DEEP)
"""A dotted key 10,000 parts long: tomllib reads it as 10,000 nested tables."""

JSON_VALUES: dict[str, str] = {
    "5000-digit integer": LONG_DIGITS,
    "5000-digit float": LONG_DIGITS + ".5",
    "1e309": "1e309",
    "NaN": "NaN",
    "Infinity": "Infinity",
    "-Infinity": "-Infinity",
    "10,000 nested arrays": "[" * DEEP + "]" * DEEP,
    "10,000 nested objects": '{"a": ' * DEEP + "1" + "}" * DEEP,
}
"""A JSON value for each hostile case (NaN and Infinity are not JSON, but programs write them)."""

SCRIPT_NUMBERS: dict[str, str] = {
    "5000-digit number": LONG_DIGITS,
    "5000-digit decimal": "1." + LONG_DIGITS,
    "1e309": "1e309",
    "nan": "nan",
    "inf": "inf",
    "-inf": "-inf",
    "Infinity": "Infinity",
    "10,000 nested brackets": "[" * DEEP + "1" + "]" * DEEP,
    "superscript two (a digit to str.isdigit, not to int)": "²",
}
"""A number as a session script file might spell it."""
