"""The hypothesis profiles (tests/hypothesis_profiles.py): CI draws the same examples on every
run, a developer's machine new ones; the profile follows CI / HYPOTHESIS_PROFILE."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hypothesis_profiles import SCALE, chosen_profile

ROOT = Path(__file__).resolve().parents[1]
DRAW = """
from hypothesis import given, settings, strategies as st
from tests import hypothesis_profiles
seen = []

@given(st.integers(0, 2**64))
def draw(x):
    seen.append(x)

draw()
print(hypothesis_profiles.PROFILE, hypothesis_profiles.examples(3), seen)
"""


def drawn(**env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in ("CI", "HYPOTHESIS_PROFILE")}
    done = subprocess.run(
        [sys.executable, "-c", DRAW],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout.strip()


def test_ci_draws_the_same_examples_every_run_and_a_developer_new_ones() -> None:
    first, second = drawn(CI="true"), drawn(CI="true")
    assert first.startswith("ci 3 [") and first == second
    mine, again = drawn(), drawn()
    assert mine.startswith("dev 6 [") and mine != again
    assert drawn(HYPOTHESIS_PROFILE="fuzz").startswith("fuzz 60 [")


@pytest.mark.parametrize(
    ("environ", "profile"),
    [
        ({}, "dev"),
        ({"CI": "true"}, "ci"),
        ({"CI": "TRUE"}, "ci"),
        ({"CI": "false"}, "dev"),
        ({"CI": "true", "HYPOTHESIS_PROFILE": "fuzz"}, "fuzz"),
        ({"HYPOTHESIS_PROFILE": "ci"}, "ci"),
    ],
)
def test_the_profile_follows_the_environment(environ: dict[str, str], profile: str) -> None:
    assert chosen_profile(environ) == profile and profile in SCALE


def test_an_unknown_profile_name_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="HYPOTHESIS_PROFILE='fast': use one of ci, dev, fuzz"):
        chosen_profile({"HYPOTHESIS_PROFILE": "fast"})
