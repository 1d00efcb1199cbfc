"""What the fuzz tests push through the app: hostile text and numbers, and the checks they share.

Text mixes Rich markup, terminal escape sequences, NUL and every other C0/C1 control character,
right-to-left and combining characters, emoji with ZWJ sequences, Unicode line separators, and
ordinary words. Numbers come as text, the way a person types them: negative, huge, NaN/inf,
'1e309', '-0', Arabic-Indic digits.

The documented treatment of text (model/base.py `clean_text`): whole terminal escape sequences
(CSI; OSC, DCS, SOS, PM and APC strings ended by BEL or ST; short `ESC x` forms) are removed, then
terminal control characters (C0 except tab and newline, DEL, C1) are removed; `\\r\\n`, `\\r` and the Unicode line and paragraph
separators become `\\n`; single-line fields turn newlines and tabs into spaces. Everything else is
kept exactly. `expected_*` below restate that rule independently of `clean_text`, so a test
compares against the rule, not the code.
"""

from __future__ import annotations

import re

from hypothesis import strategies as st

# -- what a hostile text is made of --------------------------------------------------------------

CONTROLS = [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0))]
MARKUP = [
    "[bold]",
    "[/]",
    "[/bold]",
    "[link=x]",
    "[link=https://example.org]y[/link]",
    "[red on blue]",
    "[@click=app.quit]",
    "[b]x[/b]",
    "\\[",
    "[",
    "]",
    "[/link]",
    ":smile:",
    "$var",
    "{0}",
    "%s",
]
ESCAPES = [
    "\x1b[2J",
    "\x1b]0;pwned\x07",
    "\x9b31m",
    "\x1b[31mred\x1b[0m",
    "\x1bP+q\x1b\\",
    "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\",
    "\x1b[?1049h",
    "\x07",
    "\x08\x08",
]
SCRIPTS = [
    "مرحبا",
    "שלום",
    "e\u0301",
    "a\u0308\u0301",
    "\u202eevil\u202c",
    "\u200b",
    "\ufeff",
    "👨‍👩‍👧‍👦",
    "🏳️‍🌈",
    "👍🏽",
    "😀",
    "中文",
    "\u00a0",
    "\u3000",
    "ｗｉｄｅ",
    "𝔘𝔫𝔦",
]
BREAKS = ["\n", "\r\n", "\r", "\t", "\u2028", "\u2029", "  ", " "]
PIECES = CONTROLS + MARKUP + ESCAPES + SCRIPTS + BREAKS + ["word", "two words", "x"]

NASTY = [
    "[bold]x[/bold]",
    "[/]",
    "\x1b[2J",
    "\x1b]0;pwned\x07",
    "\x00",
    "\x9b",
    "مرحبا",
    "e\u0301",
    "👨‍👩‍👧‍👦",
    "[link=x]click[/link] \x1b[31mred\x1b[0m \x00 مرحبا e\u0301 👨‍👩‍👧‍👦",
]
MEGABYTE = ("word [b]x[/b] مرحبا 👨‍👩‍👧‍👦 \x1b[2J\n" * 40_000)[:1_048_576]

pieces = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=12)
text = st.one_of(pieces.map("".join), st.text(max_size=40), st.sampled_from(NASTY))
"""Any text a person might type or paste (short)."""

NUMBERS = [
    "-1",
    "-0",
    "0",
    "5",
    "+5",
    " 7 ",
    "100",
    "101",
    "1e309",
    "-1e309",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "Infinity",
    "٣",
    "٣٣",
    "１０",
    "৫",
    "1_0",
    "0x10",
    "5.5",
    "5.0",
    "1e2",
    "99999999999999999999",
    "9" * 5000,
    "",
    " ",
    "\x1b[2J5",
    "5\x00",
    "[b]5[/b]",
    "½",
    "²",
    "Ⅻ",
    "-",
    "+",
]
number_text = st.one_of(
    st.sampled_from(NUMBERS),
    st.integers().map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.integers(-5, 200).map(str),
)
"""A number as a person types it (or nonsense where a number goes)."""

# -- the documented rules, restated ---------------------------------------------------------------

_CONTROL = re.compile("[" + "".join(re.escape(c) for c in CONTROLS) + "]")


_CSI_STARTS = ("\x1b[", "\x9b")
_STRING_STARTS = (
    "\x1b]",
    "\x1bP",
    "\x1bX",
    "\x1b^",
    "\x1b_",
    "\x90",
    "\x98",
    "\x9d",
    "\x9e",
    "\x9f",
)


def _sequence_end(value: str, start: int) -> int | None:
    """Where the escape sequence at `start` ends (exclusive), or None when none starts there.
    Written as a scanner, unlike the regular expression in model/base.py."""

    def char_in(i: int, low: int, high: int) -> bool:
        return i < len(value) and low <= ord(value[i]) <= high

    for intro in _CSI_STARTS:
        if value.startswith(intro, start):
            i = start + len(intro)
            while char_in(i, 0x30, 0x3F):
                i += 1
            while char_in(i, 0x20, 0x2F):
                i += 1
            return i + 1 if char_in(i, 0x40, 0x7E) else None
    for intro in _STRING_STARTS:
        if value.startswith(intro, start):
            i = start + len(intro)
            while i < len(value) and not (ord(value[i]) < 0x20 or 0x7F <= ord(value[i]) <= 0x9F):
                i += 1
            for terminator in ("\x07", "\x1b\\", "\x9c"):
                if value.startswith(terminator, i):
                    return i + len(terminator)
            break  # an unterminated string: only its ESC goes, as a lone control character
    if value.startswith("\x1b", start):
        i = start + 1
        while char_in(i, 0x20, 0x2F):
            i += 1
        return i + 1 if char_in(i, 0x30, 0x7E) else None
    return None


def _without_escape_sequences(value: str) -> str:
    kept: list[str] = []
    i = 0
    while i < len(value):
        end = _sequence_end(value, i)
        if end is None:
            kept.append(value[i])
            i += 1
        else:
            i = end
    return "".join(kept)


def expected_text(value: str, *, multiline: bool = True) -> str:
    """What a text field keeps of `value`: the rule, written out again."""
    value = _without_escape_sequences(value).replace("\r\n", "\n")
    for line_break in ("\r", "\u2028", "\u2029"):
        value = value.replace(line_break, "\n")
    if not multiline:
        value = value.replace("\n", " ").replace("\t", " ")
    return _CONTROL.sub("", value)


def expected_line(value: str) -> str:
    """A one-line name or title: the rule, then runs of white space made one space."""
    return " ".join(expected_text(value, multiline=False).split())


def raw_controls(text: str) -> list[str]:
    """The terminal control characters in `text` (what must never reach the terminal)."""
    return sorted(set(_CONTROL.findall(text)))


def assert_terminal_safe(text: str, where: str = "") -> None:
    found = raw_controls(text)
    assert not found, (
        f"raw control characters {found!r} reached the terminal {where}: {text[:300]!r}"
    )
