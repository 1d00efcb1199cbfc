"""The cue tones as data (no numpy), so scripts can be checked and planned without loading it.

`audio.synth` turns a shape into samples. Each tone is a soft sine glide with a touch of second
harmonic, a raised-cosine attack and a smooth decay to exactly zero:

- inhale: rising, 392 → 523 Hz          - topup: a short higher rise, 523 → 587 Hz
- hold: a steady 440 Hz, quieter        - exhale: falling, 523 → 330 Hz, longer
- tense: a low double pulse at 262 Hz   - release: falling, 392 → 262 Hz, long
- bell: a steady 523 Hz that fades over 3.5 s, to begin or end a mindfulness practice
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ToneShape:
    start_hz: float
    end_hz: float
    seconds: float
    level: float = 1.0
    pulses: int = 1


TONES: dict[str, ToneShape] = {
    "inhale": ToneShape(392.0, 523.25, 0.45),
    "topup": ToneShape(523.25, 587.33, 0.25, 0.9),
    "hold": ToneShape(440.0, 440.0, 0.35, 0.7),
    "exhale": ToneShape(523.25, 329.63, 0.6),
    "tense": ToneShape(261.63, 261.63, 0.3, 0.9, pulses=2),
    "release": ToneShape(392.0, 261.63, 0.8),
    "bell": ToneShape(523.25, 523.25, 3.5, 0.8),
}
