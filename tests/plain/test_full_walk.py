"""A walk through every section of the plain mode as a person would type it (the terminal echoing
their typing): the whole output holds no escape byte and no line over 80 characters."""

from __future__ import annotations

from pathlib import Path

from tests.plain.driver import Plain

MENU = "Choose a number or a name:"
WIDTH = 80

# Short answers: an echoed answer shares its prompt's line (prompts wrap at 70 characters).
WALK: list[tuple[str, str]] = [
    (MENU, "help"),
    (MENU, "nowhere"),
    (MENU, "help now"),
    (MENU, "line"),
    ("Name:", "Line 👩‍💻"),
    ("Number:", "116 123"),
    ("A note", ""),
    (MENU, "read"),
    (MENU, "quit"),
    (MENU, "today"),
    (MENU, "thoughts"),
    (MENU, "new"),
    ("full stop", "[b]x[/b]"),
    ("", "."),
    ("Mood 1", "שלום"),
    ("is, 0 to 100", "70"),
    ("Mood 2", ""),
    ("Automatic thought 1", "مرحبا"),
    ("Automatic thought 2", ""),
    ("Their numbers", "1 2"),
    ("full stop", "for"),
    ("", "."),
    ("full stop", "against"),
    ("", "."),
    ("full stop", "."),
    ("balanced thought, 0 to 100", ""),
    ("is now, 0 to 100", "40"),
    (MENU, "list"),
    (MENU, "show"),
    ("Which one?", "1"),
    (MENU, "quit"),
    (MENU, "exposure"),
    (MENU, "ladder"),
    ("The ladder's name", "Dogs"),
    ("Its goal", ""),
    ("Step 1", "Pet a dog"),
    ("SUDS, 0 to 100:", "50"),
    ("Step 2", ""),
    (MENU, "timer"),
    ("The step's number:", "1"),
    ("What do you fear will happen", "It bites me"),
    ("How likely does it seem", "40"),
    ("Predicted SUDS", "70"),
    ("the clock", "50"),
    ("or “stop”:", "60"),
    ("or “stop”:", "stop"),
    ("One last rating", "20"),
    ("Did it happen?", "no"),
    ("How surprised", "30"),
    ("full stop", "It licked my hand."),
    ("", "."),
    ("leave earlier", ""),
    ("Safety behaviours", ""),
    ("full stop", "."),
    (MENU, "log"),
    ("The step's number:", "1"),
    ("Date", ""),
    ("Start time", ""),
    ("How many minutes", "15"),
    ("What did you fear would happen", ""),
    ("How likely did it seem", ""),
    ("Predicted SUDS", ""),
    ("SUDS before", ""),
    ("Peak SUDS", "40"),
    ("SUDS at the end", "10"),
    ("leave earlier", ""),
    ("Safety behaviours", ""),
    ("full stop", "."),
    (MENU, "ladders"),
    (MENU, "list"),
    (MENU, "quit"),
    (MENU, "experiments"),
    (MENU, "new"),
    ("The belief I want to test:", "I'll fail"),
    ("How much I believe it", "80"),
    ("An alternative belief", ""),
    ("believe the alternative", ""),
    ("what I will do", "Try it"),
    ("", "."),
    ("When", ""),
    ("Where", ""),
    ("What I predict", "."),
    ("get in the way", "."),
    ("handle that", "."),
    (MENU, "outcome"),
    ("Which one?", "1"),
    ("What actually happened", "Fine"),
    ("", "."),
    ("What I learned", "."),
    ("original belief now", "30"),
    ("A modified belief", "."),
    (MENU, "quit"),
    (MENU, "journal"),
    (MENU, "new"),
    ("Title", "Evening"),
    ("full stop", "Calm 🙂"),
    ("", "."),
    ("Mood, 0 to 10", "6"),
    ("Tags", ""),
    (MENU, "list"),
    (MENU, "show"),
    ("Which one?", "1"),
    (MENU, "quit"),
    (MENU, "plan"),
    (MENU, "report"),
    ("Where to save it", ""),
    (MENU, "quit"),
]


def test_a_walk_through_every_section_writes_no_escape_byte_and_no_long_line(root: Path) -> None:
    home = root / "home"
    home.mkdir()
    plain = Plain(root, echo=True, HOME=str(home))
    for prompt, answer in WALK:
        if prompt:
            plain.expect(prompt)
        plain.line(answer)
    assert plain.finish() == 0
    output = plain.output
    assert output.count(b"\x1b") == 0
    lines = output.decode("utf-8").replace("\r\n", "\n").split("\n")
    long = [line for line in lines if len(line) > WIDTH]
    assert long == []
    text = "\n".join(lines)
    for seen in (
        "Saved your thought record.",
        "Saved your exposure.",
        "Saved what happened in your experiment.",
        "Saved your journal entry.",
        "Saved the report for your next session.",
        "Crisis line: Line 👩‍💻, 116 123",
        "Goodbye.",
    ):
        assert seen in text
    assert len(list(home.glob("homework-report-*.md"))) == 1
