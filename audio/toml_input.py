"""Reading TOML that a person or another program wrote: every way it can fail becomes one
`TomlInputError` with the line it is on, never an exception from inside `tomllib`.

`tomllib.loads` raises more than `TOMLDecodeError`: an integer longer than Python's
int-to-string limit (4,300 digits) raises a bare `ValueError`, and arrays or inline tables nested a
few thousand deep raise `RecursionError`. Dotted keys (`a.a.a… = 1`) parse into tables nested as
deep as the key is long, which then break whatever walks them. `load_toml` turns all of these into
`TomlInputError(message, line)`, and refuses data nested deeper than `MAX_DEPTH`.

This module imports only the standard library (not even the rest of `audio`): the app's plan
files (`homework_tui.model.plan_toml`) read TOML through it too, so there is one rule for it.
"""

from __future__ import annotations

import re
import sys
import tomllib
from typing import Any

MAX_DEPTH = 32
"""Tables and arrays inside each other, at most, counting the file itself (`a.b = 1` is two).
Nothing homework-tui reads goes past four."""

_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_STRING = re.compile(r"\"(?:[^\"\\]|\\.)*\"?|'[^']*'?")
_DIGITS = re.compile(r"[0-9][0-9_]*")


class TomlInputError(ValueError):
    """TOML that cannot be used. `message` says why, `line` where (1-based; None if unknown);
    `syntax` is True when the TOML itself is malformed (tomllib's own message)."""

    def __init__(self, message: str, line: int | None, *, syntax: bool = False) -> None:
        self.message = message
        self.line = line
        self.syntax = syntax
        super().__init__(f"line {line}: {message}" if line else message)


def load_toml(text: str) -> dict[str, Any]:
    """The tables in `text`, or a `TomlInputError` naming the line of the first problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = _POSITION.search(str(error))
        raise TomlInputError(
            _POSITION.sub("", str(error)), int(found.group(1)) if found else None, syntax=True
        ) from None
    except ValueError:  # an integer past the int-to-string limit
        raise TomlInputError(
            f"a number here has more than {_digit_limit():,} digits; use a shorter one",
            _long_number_line(text),
        ) from None
    except RecursionError:
        raise _too_deep(text) from None
    if nesting_depth(data) > MAX_DEPTH:
        raise _too_deep(text)
    return data


def _digit_limit() -> int:
    return sys.get_int_max_str_digits() or 4300


def _too_deep(text: str) -> TomlInputError:
    return TomlInputError(
        f"values here are nested more than {MAX_DEPTH} levels deep; this file "
        "never needs more than a few",
        _deep_line(text),
    )


def _code(line: str) -> str:
    """`line` without its strings and comment (close enough for finding where a problem is)."""
    return _STRING.sub('""', line).split("#", 1)[0]


def _long_number_line(text: str) -> int | None:
    limit = _digit_limit()
    for number, line in enumerate(text.splitlines(), start=1):
        for run in _DIGITS.findall(_code(line)):
            if len(run.replace("_", "")) > limit:
                return number
    return None


def _deep_line(text: str) -> int | None:
    """The first line where brackets, braces and dotted keys go deeper than MAX_DEPTH."""
    open_brackets = 0
    for number, line in enumerate(text.splitlines(), start=1):
        code = _code(line)
        header = open_brackets == 0 and code.lstrip().startswith("[")
        if header or "=" in code:  # a [table.name] or a dotted.key = …
            name = code if header else code.split("=", 1)[0]
            if open_brackets + name.count(".") + 1 > MAX_DEPTH:
                return number
        for char in code:
            if char in "[{":
                open_brackets += 1
                if open_brackets > MAX_DEPTH:
                    return number
            elif char in "]}":
                open_brackets = max(0, open_brackets - 1)
        if header:
            open_brackets = 0
    return None


def nesting_depth(value: Any) -> int:
    """How deep dicts and lists go inside `value`, counting `value` itself (walked without
    recursion, and only as far as MAX_DEPTH + 1). The JSON backup import checks it too."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children: Any = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        deepest = max(deepest, depth + 1)
        if deepest > MAX_DEPTH:
            return deepest
        stack.extend((child, depth + 1) for child in children)
    return deepest
