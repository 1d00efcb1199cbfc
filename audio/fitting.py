"""Sizing stretchy pauses while a session is laid out, so it lasts `Plan.target` seconds.

Speech lengths are known only once the voice has made each line, and a session is laid out part
by part while it plays. So each stretchy pause is sized when layout reaches it, from:

- the real time laid out so far (every line before it has its real length),
- the rest of the session: real lengths for lines the voice has already made, estimates for the
  others (corrected by how the real lines so far compared with their estimates). Except while
  the very first sound is laid out (when a session should start at once), the fitter first waits
  up to PATIENCE seconds for the voice to make every remaining line, so normally nothing is
  estimated at all;
- the written lengths of the stretchy pauses still to come, which share what is left in
  proportion.

The last stretchy pause waits for the real length of every line after it, so it absorbs all of
the remaining error: the session ends on its target to within a sample (unless a pause would have
to shrink below a quarter, the last one below nothing, or grow beyond twelve times its written
length).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from fractions import Fraction

from audio.plan import Phase, Plan, Say, Silence, Step, Tone, estimate_speech_seconds

STRETCH_RANGE = (Fraction(1, 4), Fraction(12))
PATIENCE = 10.0  # seconds a stretchy pause may wait for the voice to make the lines after it


class StretchFitter:
    """`known(text)` gives a line's length in frames if already made (None if not, without
    waiting); `wait(text, timeout)` waits for it (None if not made in time; timeout None: as
    long as it takes); `tone(name)` a tone's frames."""

    def __init__(
        self,
        plan: Plan,
        sample_rate: int,
        words_per_minute: int,
        known: Callable[[str], int | None],
        wait: Callable[[str, float | None], int | None],
        tone: Callable[[str], int],
    ) -> None:
        assert plan.target is not None
        self.target = plan.target
        self.rate = sample_rate
        self.wpm = words_per_minute
        self.known, self.wait, self.tone = known, wait, tone
        self.flat: list[Step] = [step for part in plan.parts for step in part.steps]
        self.where: dict[tuple[int, int], int] = {}
        k = 0
        for pi, part in enumerate(plan.parts):
            for si in range(len(part.steps)):
                self.where[(pi, si)] = k
                k += 1
        self.texts = plan.texts()
        self.fitted: list[tuple[Fraction, Fraction]] = []  # (written, laid out) per pause

    def _correction(self) -> Fraction:
        """Real speech / estimated speech over the lines made so far (1 if none)."""
        real = estimated = Fraction(0)
        for text in self.texts:
            frames = self.known(text)
            if frames is not None:
                real += Fraction(frames, self.rate)
                estimated += estimate_speech_seconds(text, self.wpm)
        return real / estimated if real and estimated else Fraction(1)

    def fit(self, part: int, step: int, clock: Fraction, patient: bool = True) -> Fraction:
        """The length of the stretchy pause at (part, step), starting at `clock` seconds.
        `patient`: wait (a while) for the voice to make the lines still to come."""
        k = self.where[(part, step)]
        this = self.flat[k]
        assert isinstance(this, Silence) and this.stretch
        rest = self.flat[k + 1 :]
        last = not any(isinstance(s, Silence) and s.stretch for s in rest)
        deadline = time.monotonic() + PATIENCE

        def length(text: str) -> int | None:
            if last:
                return self.wait(text, None)
            if patient:
                return self.wait(text, max(0.0, deadline - time.monotonic()))
            return self.known(text)

        lengths = {s.text: length(s.text) for s in rest if isinstance(s, Say)}
        correction = self._correction()

        def speech(text: str) -> Fraction:
            frames = lengths[text]
            if frames is None:
                return estimate_speech_seconds(text, self.wpm) * correction
            return Fraction(frames, self.rate)

        fixed = Fraction(0)
        stretch = this.seconds
        for s in rest:
            if isinstance(s, Say):
                fixed += speech(s.text) + s.pause
            elif isinstance(s, Silence):
                if s.stretch:
                    stretch += s.seconds
                else:
                    fixed += s.seconds
            elif isinstance(s, Phase):
                fixed += s.seconds
            elif isinstance(s, Tone):
                fixed += Fraction(self.tone(s.name), self.rate)
        factor = (self.target - clock - fixed) / stretch if stretch else Fraction(1)
        factor = min(STRETCH_RANGE[1], max(Fraction(0) if last else STRETCH_RANGE[0], factor))
        seconds = this.seconds * factor
        self.fitted.append((this.seconds, seconds))
        return seconds
