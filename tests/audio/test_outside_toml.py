"""The TOML files a person edits for the voice engine (wording, breathing patterns): hostile
numbers and nesting end in one clear line that names the file and line, never a traceback. The
reader itself: `audio.toml_input.load_toml`."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from audio.breathing import load_custom_patterns
from audio.errors import ScriptError
from audio.toml_input import MAX_DEPTH, TomlInputError, load_toml
from audio.wording import load_wording
from tests.hostile import LONG_DIGITS, TOML_DEEP_KEY, TOML_VALUES

REFUSED_WHEN_READ = {
    "5000-digit integer",
    "5000-digit negative integer",
    "5000-digit integer with underscores",
    "10,000 nested arrays",
    "10,000 nested inline tables",
}


def one_line(error: BaseException) -> str:
    text = str(error)
    assert "\n" not in text and len(text) < 300, text
    return text


@pytest.mark.parametrize("case", sorted(TOML_VALUES))
def test_load_toml_names_the_line_or_reads_the_plain_value(case: str) -> None:
    text = f"# first\n[pmr]\nintro = {TOML_VALUES[case]}\n"
    if case in REFUSED_WHEN_READ:
        with pytest.raises(TomlInputError) as caught:
            load_toml(text)
        assert caught.value.line == 3 and not caught.value.syntax
        assert one_line(caught.value).startswith("line 3: ")
    else:
        value = load_toml(text)["pmr"]["intro"]
        assert isinstance(value, float) and not math.isfinite(value)


def test_load_toml_refuses_a_dotted_key_ten_thousand_deep_on_its_line() -> None:
    with pytest.raises(TomlInputError) as caught:
        load_toml(f"ok = 1\n{TOML_DEEP_KEY} = 1\n")
    assert caught.value.line == 2 and "nested more than 32 levels deep" in one_line(caught.value)


def test_load_toml_keeps_what_is_just_deep_enough_and_long_numbers_in_text() -> None:
    key = ".".join(["a"] * MAX_DEPTH)  # the file's table and MAX_DEPTH - 1 inside it
    assert load_toml(f'{key} = 1\nnote = "{LONG_DIGITS}"\n')["note"] == LONG_DIGITS
    with pytest.raises(TomlInputError):
        load_toml(f"{key}.a = 1\n")


def test_load_toml_syntax_errors_keep_tomllib_words_and_line() -> None:
    with pytest.raises(TomlInputError) as caught:
        load_toml("a = 1\nb = \n")
    assert caught.value.syntax and caught.value.line == 2
    assert "(at line" not in str(caught.value)


@pytest.mark.parametrize("case", sorted(TOML_VALUES))
def test_a_wording_file_with_a_hostile_pause_says_one_line(tmp_path: Path, case: str) -> None:
    own = tmp_path / "wording.toml"
    own.write_text(f'[pmr]\nintro = ["Welcome.", {TOML_VALUES[case]}]\n')
    with pytest.raises(ScriptError) as caught:
        load_wording(file=own).script("pmr", "intro")
    message = one_line(caught.value)
    if case in REFUSED_WHEN_READ:
        assert message.startswith(f"wording file {own} is not valid TOML: line 2: "), message
    else:
        assert "has a pause of" in message and "0 to 60" in message, message


def test_a_wording_file_nested_ten_thousand_deep_says_one_line(tmp_path: Path) -> None:
    own = tmp_path / "wording.toml"
    own.write_text(f'breathing.{TOML_DEEP_KEY} = "x"\n')
    with pytest.raises(ScriptError) as caught:
        load_wording(file=own)
    assert one_line(caught.value).startswith(f"wording file {own} is not valid TOML: line 1: ")


@pytest.mark.parametrize("case", sorted(TOML_VALUES))
def test_a_patterns_file_with_a_hostile_number_says_one_line(tmp_path: Path, case: str) -> None:
    patterns = tmp_path / "patterns.toml"
    patterns.write_text(f"[mine]\ninhale = {TOML_VALUES[case]}\nexhale = 4\n")
    with pytest.raises(ScriptError) as caught:
        load_custom_patterns(patterns)
    message = one_line(caught.value)
    if case in REFUSED_WHEN_READ:
        assert message.startswith(f"breathing patterns file {patterns}: line 2: "), message
    else:
        assert message == "breathing pattern 'mine': inhale must be a finite number of seconds"


def test_a_patterns_file_nested_ten_thousand_deep_says_one_line(tmp_path: Path) -> None:
    patterns = tmp_path / "patterns.toml"
    patterns.write_text(f"[mine]\ninhale = 4\nexhale = 4\n{TOML_DEEP_KEY} = 1\n")
    with pytest.raises(ScriptError) as caught:
        load_custom_patterns(patterns)
    assert one_line(caught.value).startswith(f"breathing patterns file {patterns}: line 4: ")
