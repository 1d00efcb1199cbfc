"""A fault of ours, in one line a person can report: what went wrong and where in the code."""

from __future__ import annotations

import traceback


def describe(error: BaseException) -> str:
    """The error's type and words, and the place in the code it came from (its innermost frame)."""
    line = f"{type(error).__name__}: {error}"
    frames = traceback.extract_tb(error.__traceback__)
    if frames:
        last = frames[-1]
        line += f" (in {last.filename}, line {last.lineno})"
    return line
