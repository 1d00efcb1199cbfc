"""tests/seeds.py: a fixed seed unless HOMEWORK_TUI_TEST_SEED says otherwise, named on failure."""

from __future__ import annotations

import pytest

from tests.seeds import SEED_VARIABLE, seed_reported, test_seed


def test_the_default_seed_unless_one_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SEED_VARIABLE, raising=False)
    assert test_seed(7) == 7
    monkeypatch.setenv(SEED_VARIABLE, " 12345 ")
    assert test_seed(7) == 12345


def test_a_failure_names_its_seed() -> None:
    with pytest.raises(AssertionError) as caught, seed_reported(4242):
        raise AssertionError("round 3: an acknowledged write is lost")
    assert caught.value.__notes__ == [f"random seed 4242: run again with {SEED_VARIABLE}=4242"]
