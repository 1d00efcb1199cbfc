"""Markdown text for the report: the person's typed words escaped so they read exactly as typed
(whether the file is opened as text or rendered), and the dates the report writes.

`AT&amp;T`, `[bold]`, `*stars*`, `|` and a line of `---` stay as they are.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from homework_tui.i18n import _
from homework_tui.model.activity import Activity
from homework_tui.report.local import long_day

# Characters that change how text renders wherever they are: emphasis, code, links, HTML,
# entities (`&amp;`), tables and strikethrough. Any ASCII punctuation may be backslash-escaped.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
# What changes a line when it starts one: headings, quotes, list items, and `-`, `+`, `=` (a
# line of `---` or `===` is a rule or turns the line above into a heading).
_LINE_START = re.compile(r"^(>|[-+=]|#{1,6}(?=\s|$)|\d{1,9}[.)](?=\s|$))")
_CLOSING_HASHES = re.compile(r"(\s)(#+)$")
# A viewer that links bare URLs (GitHub, Textual's Markdown) finds them at "://" and takes the
# raw characters after it, escaping backslashes included: `<http://a.b>` came out as
# "http://a.b\\>". An escaped colon is never the start of a link.
_URL_COLON = re.compile(r":(?=//)")


def _inline(text: str) -> str:
    return _URL_COLON.sub(r"\\:", _SPECIAL.sub(r"\\\1", text))


def esc(text: str) -> str:
    """Markdown-safe text: every character that would change how it renders is escaped, and each
    line break is kept as a line break. Spaces at the start and end of a line, and empty lines at
    the start and end, are left out (Markdown would not show them either)."""
    lines = [line.strip() for line in text.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    escaped = [_LINE_START.sub(_escape_marker, _inline(line)) for line in lines]
    return "\\\n".join(escaped)  # a backslash before a newline is a line break


def _escape_marker(found: re.Match[str]) -> str:
    marker = found.group(1)
    if marker[0].isdigit():  # digits cannot be escaped; the dot or bracket after them can
        return marker[:-1] + "\\" + marker[-1]
    return "\\" + marker


def heading(text: str) -> str:
    """Typed text as a heading's words, on one line (closing `#`s would be dropped unescaped)."""
    return _CLOSING_HASHES.sub(r"\1\\\2", esc(" ".join(text.split())))


def cell(text: str) -> str:
    """A table cell: escaped, on one line."""
    return _inline(" ".join(text.split())) if text.strip() else "–"


def long_date(day: date) -> str:
    """ "Thu 26 November 2026", in the report's language (a date or a datetime)."""
    return long_day(day)


def when(activity: Activity) -> str:
    return at_time(activity.at)


def at_time(moment: datetime) -> str:
    """ "Thu 26 November 2026, 14:03"."""
    return _("{day}, {time}").format(day=long_date(moment), time=f"{moment:%H:%M}")


def field(lines: list[str], label: str, value: str) -> None:
    """A bold label (a translated heading: Markdown in it is ours) and the escaped value."""
    if value:
        lines.append(_("- **{label}:** {value}").format(label=label, value=esc(value)))
