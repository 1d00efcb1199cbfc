"""The hypothesis profiles of every test folder, in one place (loaded by tests/conftest.py).

- **ci** (when `CI=true`, as `.ci/run` sets it): the same examples on every run of the same
  commit (`derandomize`, no example database), so CI never passes or fails by chance. A failure
  prints the example and its `@reproduce_failure` blob.
- **dev** (otherwise: `scripts/test` on a developer's machine): random, twice the examples, and
  the example database in `.hypothesis/`, so a failure found once is tried first next time.
- **fuzz** (`scripts/fuzz`): random, twenty times the examples, the same database.

`HYPOTHESIS_PROFILE=<name>` picks one by hand. Tests that set their own count write it as
`@settings(max_examples=examples(n))`: `n` is the count under CI, scaled for the other profiles;
everything else (derandomize, database, deadline) comes from the loaded profile.

Health checks are off: they judge how fast examples are made and how big they are, which varies
with the machine's load, and the fuzz tests reuse fixtures across examples on purpose. A failing
example is what a test reports.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis.database import DirectoryBasedExampleDatabase

CI_EXAMPLES = 100
"""Examples for a test that does not set its own count, under CI (hypothesis's default)."""
SCALE = {"ci": 1, "dev": 2, "fuzz": 20}
"""How many times CI's count of examples each profile runs."""
DATABASE = Path(__file__).resolve().parents[1] / ".hypothesis" / "examples"


def _register(name: str, database: DirectoryBasedExampleDatabase | None) -> None:
    settings.register_profile(
        name,
        derandomize=database is None,
        database=database,
        max_examples=CI_EXAMPLES * SCALE[name],
        deadline=None,
        print_blob=True,
        suppress_health_check=list(HealthCheck),
    )


_register("ci", None)
_register("dev", DirectoryBasedExampleDatabase(DATABASE))
_register("fuzz", DirectoryBasedExampleDatabase(DATABASE))


def chosen_profile(environ: Mapping[str, str] = os.environ) -> str:
    """`HYPOTHESIS_PROFILE` if set, else "ci" under `CI=true`, else "dev"."""
    named = environ.get("HYPOTHESIS_PROFILE", "")
    if named:
        if named not in SCALE:
            raise ValueError(f"HYPOTHESIS_PROFILE={named!r}: use one of {', '.join(SCALE)}")
        return named
    return "ci" if environ.get("CI", "").lower() == "true" else "dev"


PROFILE = chosen_profile()
settings.load_profile(PROFILE)


def examples(n: int) -> int:
    """`n` examples under CI, scaled by the loaded profile (twice on a developer's machine,
    twenty times under scripts/fuzz)."""
    return n * SCALE[PROFILE]
