"""The input parser (homework_tui/terminal_input.py): a bracketed paste is one `Paste`, in order,
whatever it holds and however its bytes are split across reads; everything else parses exactly
as Textual's own parser parses it. The same through a real terminal: tests/e2e/test_paste_pty.py."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations, pairwise
from pathlib import Path

import pytest
from textual import constants, events
from textual._xterm_parser import XTermParser
from textual.drivers import linux_driver
from textual.message import Message

from homework_tui.terminal_input import PasteSafeParser, read_pastes_whole

START, END = "\x1b[200~", "\x1b[201~"

PASTES = {
    "colour": "A\x1b[31mRED\x1b[0mB",
    "osc52-bel": "x\x1b]52;c;SGVsbG8=\x07y\x07z",
    "esc-ctrl-q": "p\x1b\x11q\x1b",
    "end-lookalikes": "a\x1b[201b\x1b[20~\x1b[2\x1b[200~c~",  # a nested start is data too
    "lines-nul-emoji": "one\r\ntwo\x00 👨\u200d👩\u200d👧",
    "empty": "",
}

# Keys, mouse and reports that are no paste, each as its bytes: parsed exactly as Textual does.
NOT_PASTES = [
    "a",
    "Z",
    "\x1b[A",
    "\x1b[1;5A",
    "\x1b[2~",
    "\x1b[20~",
    "\x1b[3~",
    "\x1bOP",
    "\x1ba",
    "\x1b[<0;10;5M",
    "\x1b[<0;10;5m",
    "\x1b[I",
    "\x1b[O",
    END,
    "\x1b[2",
    "\x1b[200",
    "é",
    "😀",
    "\x11",
    "\x07",
    "\r",
    "\t",
    "\x7f",
]


Described = tuple[str, str | None, str | None]


def described(message: Message) -> Described:
    if isinstance(message, events.Key):
        return ("key", message.key, message.character)
    if isinstance(message, events.Paste):
        return ("paste", None, message.text)
    return (type(message).__name__, None, None)


def parse(parser_class: type[XTermParser], reads: list[str]) -> list[Described]:
    """Every message `parser_class` gives for `reads` fed one after another, then end of input."""
    parser = parser_class()
    messages: list[Message] = []
    for data in reads:
        messages.extend(parser.feed(data))
    messages.extend(parser.feed(""))
    return [described(m) for m in messages]


def splits(data: str, pieces: int) -> Iterator[list[str]]:
    """`data` cut into `pieces` non-empty reads, at every possible set of positions."""
    for cuts in combinations(range(1, len(data)), pieces - 1):
        bounds = (0, *cuts, len(data))
        yield [data[a:b] for a, b in pairwise(bounds)]


@pytest.mark.parametrize("pasted", list(PASTES.values()), ids=list(PASTES))
def test_a_paste_is_one_paste_in_order_however_it_is_split(pasted: str) -> None:
    data = "k" + START + pasted + END + "\x1b[Bm"
    want = [("key", "k", "k"), ("paste", None, pasted), ("key", "down", None), ("key", "m", "m")]
    assert parse(PasteSafeParser, [data]) == want
    for reads in (*splits(data, 2), *splits(data, 3)):
        assert parse(PasteSafeParser, reads) == want, f"split as {reads!r}"
    assert parse(PasteSafeParser, list(data)) == want  # one character per read


@pytest.mark.parametrize("read_size", [1, 2, 5, 6, 7, 4096])
def test_a_long_paste_read_in_pieces_is_exact(read_size: int) -> None:
    """Text between escape sequences is taken in one piece inside a paste; the end marker is
    still found wherever the reads cut it, and an ESC in the text is still text."""
    pasted = "".join(
        f"line {n} \x1b[3{n % 8}m{'é' * (n % 13)}\x1b[0m~\x1b[20\n" for n in range(3000)
    )
    data = "a" + START + pasted + END + "b"
    for offset in range(7 if read_size > 1 else 1):
        rest = range(offset, len(data), read_size)
        reads = [data[:offset], *(data[i : i + read_size] for i in rest)]
        found = parse(PasteSafeParser, [r for r in reads if r])
        assert found == [("key", "a", "a"), ("paste", None, pasted), ("key", "b", "b")], offset


def test_textual_alone_turns_such_a_paste_into_keys() -> None:
    """Why the parser exists: Textual 8.2.8's own parser, given the same bytes, sends most of the
    paste as keys (Ctrl+Q among them) ahead of a paste of what came before the first ESC."""
    found = parse(XTermParser, [START + PASTES["esc-ctrl-q"] + END])
    assert ("key", "ctrl+q", "\x11") in found
    assert ("paste", None, PASTES["esc-ctrl-q"]) not in found


def test_everything_but_a_paste_parses_as_textual_parses_it() -> None:
    data = "".join(NOT_PASTES)
    want = parse(XTermParser, [data])
    assert ("key", "up", None) in want and ("key", "f9", None) in want  # the keys are read
    assert parse(PasteSafeParser, [data]) == want
    for reads in splits(data, 2):
        assert parse(PasteSafeParser, reads) == want, f"split as {reads!r}"
    for key in NOT_PASTES:
        assert parse(PasteSafeParser, [key]) == parse(XTermParser, [key]), repr(key)


def test_a_paste_cut_off_by_the_end_of_input_is_still_pasted() -> None:
    assert parse(PasteSafeParser, [START + "half \x1b[31m"]) == [("paste", None, "half \x1b[31m")]


class Clock:
    """Textual's parser clock, moved by hand: timeouts without waiting."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr("textual._parser.get_time", clock)
    return clock


def test_the_escape_key_waits_once_not_twice(clock: Clock) -> None:
    parser = PasteSafeParser()
    assert list(parser.feed("\x1b")) == []
    clock.now += constants.ESCAPE_DELAY / 2
    assert list(parser.tick()) == []
    clock.now += constants.ESCAPE_DELAY * 0.6  # past one delay, well short of two
    assert [described(m) for m in parser.tick()] == [("key", "escape", "\x1b")]
    assert [described(m) for m in parser.feed("q")] == [("key", "q", "q")]


def test_a_paste_start_held_up_mid_marker_is_still_a_paste(clock: Clock) -> None:
    parser = PasteSafeParser()
    assert list(parser.feed("\x1b[2")) == []
    clock.now += constants.ESCAPE_DELAY / 2
    assert list(parser.tick()) == []
    found = [*parser.feed("00~\x1b\x11" + END)]
    assert [described(m) for m in found] == [("paste", None, "\x1b\x11")]


def test_the_app_reads_the_terminal_with_this_parser(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from homework_tui.app import HomeworkApp

    monkeypatch.setattr(linux_driver, "XTermParser", XTermParser)
    HomeworkApp(tmp_path)
    assert getattr(linux_driver, "XTermParser") is PasteSafeParser  # noqa: B009
    read_pastes_whole()  # again: no harm
    assert getattr(linux_driver, "XTermParser") is PasteSafeParser  # noqa: B009
