"""A single-line Input that never keeps terminal control characters (typed, pasted or set)."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input

from homework_tui.model.base import clean_text


class CleanInput(Input):
    """Like Input, but an escape sequence pasted in is stripped the moment it arrives, so it can
    never be stored or written raw to the terminal. Everything else stays exactly as typed.
    Focusing it does not select the text, so a returning draft is never typed over by accident."""

    def __init__(self, value: str | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(value, **kwargs)

    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(clean_text(text, multiline=False), start, end)

    def validate_value(self, value: str) -> str:
        return clean_text(value, multiline=False)
