"""A clock a test moves by hand, for the screens and players that take a `clock` (the auto-lock,
the relax session, the exposure timer, the silent player)."""

from __future__ import annotations


class HandClock:
    """A clock the test moves: time passes only when the test says so, however slow the machine
    is (a loaded CI machine can take longer over one key press than a shortened minute)."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
