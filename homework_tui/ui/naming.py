"""The name a form's title gives the record it edits: its own words (a title, a belief, a
situation, a step), on one line, without control characters, shortened. Shown as plain text:
Textual's title is never read as markup, so "[b]" in someone's words stays "[b]"."""

from __future__ import annotations

from homework_tui.model.base import clean_text

NAME_WIDTH = 40


def record_name(*candidates: str, width: int = NAME_WIDTH) -> str:
    """The first of `candidates` with words in it, cleaned and cut to `width` characters."""
    for text in candidates:
        line = " ".join(clean_text(text, multiline=False).split())
        if line:
            return line if len(line) <= width else line[: width - 1].rstrip() + "…"
    return ""
