"""Speech clips as the mixer wants them: trimmed, levelled, faded, at the session's sample rate.

espeak-ng pads each utterance with silence and its loudness varies a little from line to line.
A clip here starts at the first sound (less a few ms), ends just after the last, has its harsh
treble softened, an even loudness (RMS over the voiced part, capped by a peak limit), fades in and
out over a few ms so it never clicks, and is stored as int16 to keep a long session's memory small.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from audio.synth import apply_fades

SPEECH_PEAK = 0.7  # loudest sample of any speech clip
SPEECH_RMS = 0.12  # loudness of the voiced part (about -18 dBFS)
THRESHOLD = 0.02  # of the clip's own peak: quieter than this at the ends counts as silence
LEAD_S, TAIL_S = 0.015, 0.04
FADE_IN_S, FADE_OUT_S = 0.004, 0.012
INT16_SCALE = 32767.0
SOFT_FROM_HZ, SOFT_TO_HZ, SOFT_DB = 2500.0, 8000.0, 9.0


def resample(samples: np.ndarray, src_rate: int, dst_rate: int) -> np.ndarray:
    """Band-limited resampling of a short clip (FFT method; the clip's ends are silent)."""
    if src_rate == dst_rate or len(samples) == 0:
        return samples.astype(np.float32, copy=False)
    n_out = max(1, round(len(samples) * dst_rate / src_rate))
    spectrum = np.fft.rfft(samples.astype(np.float64))
    keep = min(len(spectrum), n_out // 2 + 1)
    out = np.fft.irfft(spectrum[:keep], n_out) * (n_out / len(samples))
    return out.astype(np.float32)


def soften(samples: np.ndarray, rate: int) -> np.ndarray:
    """A gentle treble roll-off (0 dB up to 2.5 kHz, falling evenly in pitch to -9 dB at 8 kHz and
    above): espeak-ng's voices carry a bright 6-8 kHz buzz that grates over twenty minutes."""
    n = len(samples)
    if n < 64:
        return samples
    size = 1 << (n - 1).bit_length()  # a power of two: fast, and the zero padding stops wrap-around
    spectrum = np.fft.rfft(samples, size)
    spectrum *= _tilt(size, rate)
    return np.fft.irfft(spectrum, size)[:n].astype(np.float32)


@lru_cache(maxsize=16)
def _tilt(size: int, rate: int) -> np.ndarray:
    freqs = np.fft.rfftfreq(size, 1.0 / rate)
    span = np.clip(
        np.log2(np.maximum(freqs, 1.0) / SOFT_FROM_HZ) / np.log2(SOFT_TO_HZ / SOFT_FROM_HZ), 0, 1
    )
    gains: np.ndarray = (10.0 ** (-SOFT_DB * span / 20.0)).astype(np.float32)
    return gains


def trim_bounds(samples: np.ndarray, rate: int) -> tuple[int, int]:
    """[first, last) of the samples a clip keeps: from the first sound (less LEAD_S) to just after
    the last (TAIL_S); (0, 0) for silence."""
    x = np.abs(samples.astype(np.float32))
    peak = float(np.max(x)) if len(x) else 0.0
    if peak <= 0.0:
        return 0, 0
    loud = np.flatnonzero(x >= THRESHOLD * peak)
    return max(0, int(loud[0]) - int(LEAD_S * rate)), min(
        len(x), int(loud[-1]) + 1 + int(TAIL_S * rate)
    )


def prepare_speech(raw: np.ndarray, src_rate: int, dst_rate: int) -> np.ndarray:
    """int16 (or float) speech from the engine → the int16 clip the mixer plays."""
    x = raw.astype(np.float32)
    if raw.dtype == np.int16:
        x /= 32768.0
    if len(x) == 0:
        return np.zeros(0, dtype=np.int16)
    peak = float(np.max(np.abs(x)))
    if peak <= 1e-4:
        return np.zeros(0, dtype=np.int16)
    first, last = trim_bounds(x, src_rate)
    x = soften(x[first:last], src_rate)
    voiced = x[np.abs(x) >= THRESHOLD * peak]
    rms = float(np.sqrt(np.mean(voiced.astype(np.float64) ** 2))) or 1.0
    gain = min(SPEECH_RMS / rms, SPEECH_PEAK / peak)
    x *= gain
    x = resample(x, src_rate, dst_rate)
    over = float(np.max(np.abs(x)))
    if over > SPEECH_PEAK:  # resampling can overshoot a little
        x *= SPEECH_PEAK / over
    apply_fades(x, int(FADE_IN_S * dst_rate), int(FADE_OUT_S * dst_rate))
    x[0] = 0.0
    x[-1] = 0.0
    return np.round(x * INT16_SCALE).astype(np.int16)


def change_rate(clip: np.ndarray, src_rate: int, dst_rate: int) -> np.ndarray:
    """A prepared int16 clip at another sample rate, still starting and ending at zero."""
    x = resample(clip.astype(np.float32) / INT16_SCALE, src_rate, dst_rate)
    peak = float(np.max(np.abs(x))) if len(x) else 0.0
    if peak > SPEECH_PEAK:
        x *= SPEECH_PEAK / peak
    apply_fades(x, int(FADE_IN_S * dst_rate), int(FADE_OUT_S * dst_rate))
    if len(x):
        x[0] = x[-1] = 0.0
    return np.round(x * INT16_SCALE).astype(np.int16)
