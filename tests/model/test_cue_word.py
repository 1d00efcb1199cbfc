"""The person's cue word for cue-controlled relaxation (issue 14, point 12): one to three words of
letters, at most 30 characters, nothing markup or a terminal could read; empty means the
language's own word for "relax"."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from homework_tui.model.base import ValidationError
from homework_tui.model.settings import CUE_WORD_MAX, Settings, check_cue_word


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("calm", "calm"),
        ("  Let   go ", "Let go"),
        ("ruhig", "ruhig"),
        ("c'est bon", "c'est bon"),
        ("tranquilo", "tranquilo"),
        ("soft and slow", "soft and slow"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_a_cue_word_is_tidied(typed: str, kept: str) -> None:
    assert check_cue_word(typed) == kept
    assert Settings(cue_word=typed).cue_word == kept


@pytest.mark.parametrize(
    "typed",
    [
        "[bold]calm[/bold]",
        "calm\x1b[31m!",
        "{cue}",
        "one two three four",
        "x" * (CUE_WORD_MAX + 1),
        "calm2",
        "calm!",
        "back\\slash",
        "<calm>",
        "¼",
        "'calm",
    ],
)
def test_a_cue_word_that_is_not_one_to_three_plain_words_is_refused(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Settings(cue_word=typed)
    assert caught.value.field == "cue_word"
    assert "one to 3 words" in caught.value.message and "30 characters" in caught.value.message


def test_the_default_is_the_languages_own_word() -> None:
    assert Settings().cue_word == ""
    assert Settings().changed(cue_word="calm").cue_word == "calm"


@given(st.text(max_size=40))
def test_whatever_is_typed_is_refused_plainly_or_kept_as_plain_words(typed: str) -> None:
    try:
        kept = check_cue_word(typed)
    except ValidationError:
        return
    assert len(kept) <= CUE_WORD_MAX and len(kept.split()) <= 3
    assert all(unicodedata.category(ch)[0] in "LM" or ch in " '’-" for ch in kept)
