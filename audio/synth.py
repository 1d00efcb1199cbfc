"""Cue tones and fades, in numpy. Every sound starts and ends at zero, so nothing clicks.

Tones are soft sine glides with a touch of second harmonic (warmer than a pure beep), shaped by a
raised-cosine attack and a smooth decay to exactly zero:

- inhale: rising, 392 → 523 Hz          - topup: a short higher rise, 523 → 587 Hz
- hold: a steady 440 Hz, quieter        - exhale: falling, 523 → 330 Hz, longer
- tense: a low double pulse at 262 Hz   - release: falling, 392 → 262 Hz, long
- bell: a steady 523 Hz fading over 3.5 s (mindfulness)

The shapes live in `audio.tone_shapes` (no numpy there, so scripts can name them cheaply).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from audio.tone_shapes import TONES, ToneShape

__all__ = ["TONES", "TONE_PEAK", "ToneShape", "apply_fades", "raised_cosine", "tone", "tone_frames"]

TONE_PEAK = 0.25  # loudest a tone gets (speech peaks at SPEECH_PEAK; together below 1.0)


def raised_cosine(n: int) -> np.ndarray:
    """A fade-in ramp of n samples from exactly 0 towards 1 (reverse it for a fade-out)."""
    if n <= 0:
        return np.ones(0, dtype=np.float32)
    return (0.5 - 0.5 * np.cos(np.pi * np.arange(n) / n)).astype(np.float32)


def apply_fades(samples: np.ndarray, fade_in: int, fade_out: int) -> np.ndarray:
    """Fade the ends of a clip in place (float) so it starts and ends at zero."""
    n = len(samples)
    fade_in, fade_out = min(fade_in, n // 2), min(fade_out, n // 2)
    if fade_in:
        samples[:fade_in] *= raised_cosine(fade_in)
    if fade_out:
        samples[n - fade_out :] *= raised_cosine(fade_out)[::-1]
    return samples


def _glide(shape: ToneShape, n: int, rate: int) -> np.ndarray:
    t = np.arange(n, dtype=np.float64) / rate
    duration = n / rate
    # Exponential glide: frequency moves evenly in pitch, phase is its exact integral.
    ratio = shape.end_hz / shape.start_hz
    if abs(ratio - 1.0) < 1e-9:
        phase = 2 * np.pi * shape.start_hz * t
    else:
        k = np.log(ratio) / duration
        phase = 2 * np.pi * shape.start_hz * (np.exp(k * t) - 1) / k
    wave = np.sin(phase) + 0.18 * np.sin(2 * phase) + 0.05 * np.sin(3 * phase)
    attack = min(n, max(1, int(0.02 * rate)))
    env = np.ones(n)
    env[:attack] = 0.5 - 0.5 * np.cos(np.pi * np.arange(attack) / attack)
    # Smooth decay: an exponential fall times a cosine tail that reaches exactly zero.
    decay = np.exp(-3.0 * t / duration)
    tail = 0.5 + 0.5 * np.cos(np.pi * np.clip((t / duration - 0.6) / 0.4, 0, 1))
    return wave * env * decay * tail


@lru_cache(maxsize=64)
def tone(name: str, rate: int) -> np.ndarray:
    """The named cue tone at `rate`, float32, peak TONE_PEAK × its level, zero at both ends."""
    shape = TONES[name]
    n = round(shape.seconds * rate)
    if shape.pulses == 1:
        wave = _glide(shape, n, rate)
    else:
        gap = int(0.06 * rate)
        one = int((n - gap * (shape.pulses - 1)) / shape.pulses)
        pulse = _glide(ToneShape(shape.start_hz, shape.end_hz, one / rate), one, rate)
        wave = np.zeros(n)
        for i in range(shape.pulses):
            wave[i * (one + gap) : i * (one + gap) + one] += pulse
    wave[0] = 0.0
    wave[-1] = 0.0
    peak = float(np.max(np.abs(wave))) or 1.0
    out = (wave * (TONE_PEAK * shape.level / peak)).astype(np.float32)
    out.setflags(write=False)
    return out


def tone_frames(name: str, rate: int) -> int:
    return len(tone(name, rate))
