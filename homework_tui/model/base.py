"""What every stored record shares, and the small validators every form uses."""

from __future__ import annotations

import math
import re
import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, time
from typing import Self

from homework_tui.i18n import _

# C0 and C1 control characters except tab and newline, plus DEL. Stripping these on input means a
# pasted escape sequence can never reach the terminal later; everything else, emoji and
# right-to-left text included, is kept exactly as typed.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# A whole terminal escape sequence, so removing one leaves nothing of it behind (not `[31m`):
# CSI (colours, cursor moves), then OSC/DCS/SOS/PM/APC strings up to their BEL or ST terminator
# (an OSC 52 clipboard write, a window title), then the short ESC forms (`ESC c`, `ESC ( B`).
# Each in its 7-bit (ESC …) and 8-bit (C1) spelling. A lone control character is left to _CONTROL.
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x00-\x1f\x7f-\x9f]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[\x20-\x2f]*[\x30-\x7e]"
)
_LINE_BREAKS = str.maketrans({"\r": "\n", "\u2028": "\n", "\u2029": "\n"})


def visible(text: str) -> str:
    """`text` safe to print on a terminal: each control character (other than tab and newline)
    written as a visible escape like `\\x1b`, so a message quoting what someone typed or what a
    file holds can never move the cursor, retitle the window or clear the screen."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


class ValidationError(ValueError):
    """A value a person entered that the model cannot accept. `field` names the form field;
    the message is written to be shown to the person as it is (any control character quoted from
    the input is made visible, see `visible`)."""

    def __init__(self, field_name: str, message: str) -> None:
        message = visible(message)
        super().__init__(message)
        self.field = field_name
        self.message = message


def new_id() -> str:
    return str(uuid.uuid4())


def now() -> datetime:
    """The current local time, with its UTC offset (stored as ISO 8601 with offset)."""
    return datetime.now(UTC).astimezone()


def without_escape_sequences(text: str) -> tuple[str, int]:
    """`text` with every terminal escape sequence removed whole (not only its ESC, which would
    leave "[31mRED[0m" behind), and how many were removed."""
    return _ESCAPE_SEQUENCE.subn("", text)


def clean_text(value: str, *, multiline: bool = True) -> str:
    """Remove terminal control characters and whole escape sequences (`ESC[31m` leaves nothing
    behind), keep everything else as typed.
    Line breaks become `\\n` (`\\r\\n`, `\\r`, and the Unicode line and paragraph separators,
    which a text box shows as line breaks too); single-line fields fold newlines into spaces."""
    text = _ESCAPE_SEQUENCE.sub("", value).replace("\r\n", "\n").translate(_LINE_BREAKS)
    if not multiline:
        text = text.replace("\n", " ").replace("\t", " ")
    return _CONTROL.sub("", text)


def required_text(field_name: str, value: str, label: str, *, multiline: bool = True) -> str:
    text = clean_text(value, multiline=multiline)
    if not text.strip():
        raise ValidationError(
            field_name, _("Please write something for “{label}”.").format(label=label)
        )
    return text


def rating(field_name: str, value: object, label: str, *, low: int = 0, high: int = 100) -> int:
    """A whole-number rating from `low` to `high`. Accepts ints and digit strings."""
    whole = ValidationError(
        field_name,
        # Translators: {label} names what is rated ("Mood", "How much you believe it").
        _("{label} needs a whole number from {low} to {high}.").format(
            label=label, low=low, high=high
        ),
    )
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, str):
        text = value.strip()
        if not re.fullmatch(r"[+-]?\d{1,9}", text):
            raise whole
        value = int(text)
    if isinstance(value, float):
        if not math.isfinite(value) or value != int(value):
            raise whole
        value = int(value)
    if not isinstance(value, int):
        raise whole
    if not low <= value <= high:
        raise ValidationError(
            field_name,
            _("{label} is {value}; it goes from {low} to {high}.").format(
                label=label, value=value, low=low, high=high
            ),
        )
    return value


def optional_rating(
    field_name: str, value: object, label: str, *, low: int = 0, high: int = 100
) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return rating(field_name, value, label, low=low, high=high)


@dataclass(frozen=True, kw_only=True)
class Entity:
    """Identity and timestamps every stored record carries. Subclasses are kw_only dataclasses."""

    id: str = field(default_factory=new_id)
    created_at: datetime = field(default_factory=now)
    updated_at: datetime = field(default_factory=now)

    def touched(self) -> Self:
        """A copy marked as changed now."""
        return replace(self, updated_at=now())


_CLOCK = re.compile(r"(\d{1,2})(?:[:.h]?(\d{2}))?\s*([ap](?:\.?m\.?)?)?", re.IGNORECASE)


def read_clock(text: str) -> time | None:
    """A clock time as people type it (“18:30”, “7:10”, “0710”, “7.10”, “6:30pm”, “11 p.m.”),
    or None when it is not one. Each form says in its own words how to write it."""
    found = _CLOCK.fullmatch(text.strip())
    if not found:
        return None
    hour, minute = int(found.group(1)), int(found.group(2) or 0)
    half = (found.group(3) or "").casefold()[:1]
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)
