"""Whether a clip of speech was made at the rate asked: its length against what its letters and
the rate predict.

espeak-ng (through pyttsx3) has made lines at about 200 words a minute instead of the rate asked
(see `audio._voice_worker`); such a clip is far shorter than its words allow. The prediction is
fitted to espeak-ng 1.52's English, German and Spanish voices from 80 to 260 words a minute:
0.27 s, plus 0.0575 s a letter and 0.35 s a pause inside the line (comma, full stop, …), at 175
words a minute and in proportion at other rates. Nearly every clip made at its rate lies within
PACE_BAND of it (one in a hundred short lines outside); a clip outside is made again once and the
one nearer the prediction kept, so a line that is simply unusual costs only that second making.
"""

from __future__ import annotations

import math
import re

PACE_BAND = (0.7, 1.45)  # measured / predicted seconds of a clip made at the rate asked
_LETTER = re.compile(r"\w")
_BREAK = re.compile(r"[,;:.!?…—]")


def expected_seconds(text: str, words_per_minute: int) -> float:
    """How long espeak-ng takes to say `text` at `words_per_minute`, trimmed of silence."""
    letters = len(_LETTER.findall(text))
    breaks = len(_BREAK.findall(text.rstrip(".!?… ")))
    return 0.27 + (0.0575 * letters + 0.35 * breaks) * 175 / max(1, words_per_minute)


def pace_ratio(seconds: float, text: str, words_per_minute: int) -> float:
    """Measured / predicted length (1: as predicted; about 0.6: made at 200 for 120 asked)."""
    return seconds / expected_seconds(text, words_per_minute)


def on_pace(seconds: float, text: str, words_per_minute: int) -> bool:
    low, high = PACE_BAND
    return low <= pace_ratio(seconds, text, words_per_minute) <= high


def nearer_pace(first: float, second: float, text: str, words_per_minute: int) -> int:
    """0 when the `first` length is nearer the prediction (or as near), else 1."""

    def off(seconds: float) -> float:
        return abs(math.log(max(seconds, 1e-3) / expected_seconds(text, words_per_minute)))

    return 0 if off(first) <= off(second) else 1
