"""Numbers said as a person says them (issue 14, point 4): resonance at 5.5 a minute, 4:6, said
"in for about four and a half", never "4.36364"; to the nearest half in words where the wording
has them (English), else rounded digits with the language's decimal mark."""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path

import pytest

from audio.breathing import custom_pattern
from audio.errors import ScriptError
from audio.numbers import nearest_half, spoken_number
from audio.scripts import build_plan
from audio.wording import load_wording

ENGLISH = load_wording("en-us")


@pytest.mark.parametrize(
    ("value", "said"),
    [
        (4, "four"),
        (Fraction(9, 2), "four and a half"),
        (Fraction(48, 11), "about four and a half"),  # 4.3636…: the in-breath at 5.5 a minute, 4:6
        (Fraction(72, 11), "about six and a half"),
        (6.2, "about six"),
        (Fraction(1, 2), "a half"),
        (20, "twenty"),
        (Fraction(43, 2), "21.5"),  # past the words: digits, still rounded
        (0, "zero"),
    ],
)
def test_english_numbers_are_words_to_the_nearest_half(value: Fraction | float, said: str) -> None:
    assert spoken_number(value, ENGLISH) == said


def test_about_can_be_left_to_the_wording() -> None:
    assert spoken_number(Fraction(60, 11), ENGLISH, about=False) == "five and a half"


@pytest.mark.parametrize(("language", "said"), [("nl", "4,5"), ("sv-se", "6,5"), ("ja", "6.5")])
def test_a_language_without_number_words_has_rounded_digits(language: str, said: str) -> None:
    value = Fraction(48, 11) if said.startswith("4") else Fraction(72, 11)
    assert spoken_number(value, load_wording(language)) == said


def test_a_persons_wording_can_give_their_language_words(tmp_path: Path) -> None:
    (tmp_path / "wording.de.toml").write_text(
        '[numbers.de]\nwords = ["null", "eins", "zwei", "drei", "vier", "fünf", "sechs"]\n'
        'and_a_half = "{number}einhalb"\nonly_half = "eine halbe"\nabout = "etwa {number}"\n',
        encoding="utf-8",
    )
    assert (
        spoken_number(Fraction(48, 11), load_wording("de", folder=tmp_path)) == "etwa viereinhalb"
    )
    (tmp_path / "wording.de.toml").write_text('[numbers.de]\nwords = "vier"\n', encoding="utf-8")
    with pytest.raises(ScriptError, match="numbers.de.words"):
        spoken_number(4, load_wording("de", folder=tmp_path))


def test_halves_round_up_and_nothing_else_moves() -> None:
    assert [nearest_half(x) for x in (4.24, 4.25, 4.74, 4.75, 6)] == [
        4,
        Fraction(9, 2),
        Fraction(9, 2),
        5,
        6,
    ]


def test_no_session_speaks_a_long_decimal() -> None:
    """Every breathing session's spoken lines, at awkward rates and ratios: no number with more
    than one decimal, and the resonance intro in words."""
    for name, options in [
        ("resonance", {"breaths_per_minute": Fraction(11, 2), "ratio": "4:6"}),
        ("resonance", {"breaths_per_minute": Fraction(9, 2), "ratio": "1:1.5"}),
        ("box", {}),
        ("478", {"minutes": 3}),  # 4 to 8 breaths: 2.5 to 3.5 minutes
        ("sigh", {}),
        ("calm", {"custom_patterns": {"calm": custom_pattern("calm", "4.25", "6.75")}}),
    ]:
        minutes = options.pop("minutes", 5)
        texts = build_plan(name, minutes=minutes, **options).texts()
        assert not [t for t in texts if re.search(r"\d[.,]\d\d", t)], (name, texts)
    intro = build_plan(
        "resonance", minutes=5, breaths_per_minute=Fraction(11, 2), ratio="4:6"
    ).texts()
    assert (
        "Welcome. Let's breathe slowly and evenly, about five and a half breaths a minute." in intro
    )
    assert "We'll breathe in for about four and a half, and out for about six and a half." in intro
    own = build_plan(
        "calm", minutes=5, custom_patterns={"calm": custom_pattern("calm", "4.25", "6.75")}
    )
    assert any("in for about four and a half, and out for about seven" in t for t in own.texts())
