"""LineIO and the menus, in process: output cleaned and wrapped, input kept as typed, choices by
number, name or the start of a name."""

from __future__ import annotations

import io

import pytest

from homework_tui.plain.io import LineIO, Quit, plain_lines
from homework_tui.plain.menu import Choice, choose, match

CHOICES = [Choice("thoughts", "Thought records"), Choice("today", "Today: what is due")]


def make(typed: str) -> tuple[LineIO, io.StringIO]:
    out = io.StringIO()
    return LineIO(io.StringIO(typed), out), out


def test_output_never_holds_an_escape_sequence_and_wraps_at_80() -> None:
    text = "\x1b[2J\x1b]0;title\x07\x1b[31mred\x1b[0m " + "word " * 40 + "\x9b31m"
    lines = plain_lines(text)
    assert lines[0].startswith("red word")
    assert all(len(line) <= 80 for line in lines)
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for line in lines for c in line)


def test_a_numbered_item_keeps_its_continuation_under_its_text() -> None:
    lines = plain_lines("12. " + "long " * 30)
    assert lines[1].startswith("    long")


def test_input_is_kept_exactly_as_typed() -> None:
    typed = "  [bold]x[/]  👩‍💻 שלום \x1b[31m\n"
    lineio, _ = make(typed)
    assert lineio.ask("Title:") == typed.removesuffix("\n")


def test_help_answers_and_asks_again_and_quit_raises() -> None:
    lineio, out = make("help\nQUIT\n")
    with pytest.raises(Quit):
        lineio.ask("Title:", help_text="The entry's title.")
    assert "The entry's title." in out.getvalue()
    assert out.getvalue().count("Title:") == 2


@pytest.mark.parametrize(
    ("answer", "key"),
    [
        ("1", "thoughts"),
        ("2", "today"),
        ("today", "today"),
        ("Thought", "thoughts"),
        ("thought records", "thoughts"),
        ("tod", "today"),
        ("t", None),
        ("3", None),
        ("", None),
    ],
)
def test_a_choice_by_number_name_or_the_start_of_a_name(answer: str, key: str | None) -> None:
    chosen = match(answer, CHOICES)
    assert (chosen.key if chosen else None) == key


def test_an_unknown_answer_is_told_and_asked_again() -> None:
    lineio, out = make("nowhere\n2\n")
    assert choose(lineio, "Main menu", CHOICES).key == "today"
    assert "There is no “nowhere” here. Type a number from 1 to 2, or a name:" in out.getvalue()
