"""Render any window of a timeline into a float32 buffer.

Speech clips (int16, peak SPEECH_PEAK) and tones (peak TONE_PEAK) are added at their exact frames.
Every clip starts and ends at zero, and speech never overlaps speech, so the sum stays below
SPEECH_PEAK + TONE_PEAK < 1: no clipping and no clicks, wherever a window starts or ends.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from audio.clips import INT16_SCALE
from audio.synth import tone
from audio.timeline import Timeline

ClipLookup = Callable[[str], "np.ndarray | None"]


def render(
    timeline: Timeline, clip_for: ClipLookup, start: int, count: int, out: np.ndarray | None = None
) -> np.ndarray:
    """Frames [start, start+count) as float32 (into `out` if given, which must hold `count`)."""
    if out is None:
        out = np.zeros(count, dtype=np.float32)
    else:
        out = out[:count]
        out.fill(0.0)
    end = start + count
    rate = timeline.sample_rate
    for event in timeline.sound_between(start, end):
        if event.kind == "speech":
            source = clip_for(event.text or "")
            scale = 1.0 / INT16_SCALE
        else:
            source = tone(event.label or "inhale", rate)
            scale = 1.0
        if source is None or len(source) == 0:
            continue
        first = max(start, event.start)
        last = min(end, event.end, event.start + len(source))
        if last <= first:
            continue
        piece = source[first - event.start : last - event.start]
        if scale == 1.0:
            out[first - start : last - start] += piece
        else:
            out[first - start : last - start] += piece.astype(np.float32) * np.float32(scale)
    return out
