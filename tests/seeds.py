"""The seed of a test's own randomness (beyond hypothesis): fixed by default, so every run draws
the same, changed with HOMEWORK_TUI_TEST_SEED to explore, and named in the failure either way."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

SEED_VARIABLE = "HOMEWORK_TUI_TEST_SEED"


def test_seed(default: int) -> int:
    """`default`, or the seed given in HOMEWORK_TUI_TEST_SEED."""
    given = os.environ.get(SEED_VARIABLE, "").strip()
    return int(given) if given else default


test_seed.__test__ = False  # type: ignore[attr-defined]  # a helper, not a test for pytest


@contextmanager
def seed_reported(seed: int) -> Iterator[None]:
    """Any failure inside carries the seed and how to run it again."""
    try:
        yield
    except BaseException as error:
        error.add_note(f"random seed {seed}: run again with {SEED_VARIABLE}={seed}")
        raise
