"""16-bit mono WAV in and out, in chunks so a 20-minute session never sits whole in memory."""

from __future__ import annotations

import os
import wave
from collections.abc import Callable
from pathlib import Path

import numpy as np

from audio.errors import AudioError


def read_wav(path: str | Path) -> tuple[int, np.ndarray]:
    """(sample rate, int16 samples of the first channel)."""
    with wave.open(str(path), "rb") as fh:
        if fh.getsampwidth() != 2:
            raise AudioError(f"{path}: only 16-bit WAV is supported")
        rate, channels, n = fh.getframerate(), fh.getnchannels(), fh.getnframes()
        data = np.frombuffer(fh.readframes(n), dtype="<i2")
    if channels > 1:
        data = data[::channels]
    return rate, data.astype(np.int16, copy=False)


def to_int16(samples: np.ndarray) -> np.ndarray:
    """Float samples in [-1, 1] → int16 (rounded; anything beyond full scale is held at it)."""
    return np.clip(np.round(samples * 32767.0), -32767, 32767).astype("<i2")


def write_wav(
    path: str | os.PathLike[str],
    sample_rate: int,
    frames: int,
    render: Callable[[int, int], np.ndarray],
    *,
    chunk: int = 1 << 16,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Write `frames` frames produced by `render(start, count)` (float32) as 16-bit mono WAV.

    The file appears only when complete: it is written next to `path` and renamed over it."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.part")
    # Open the file first: wave.open on a path it cannot create leaves a half-built writer whose
    # __del__ prints a traceback onto the terminal.
    handle = open(tmp, "wb")
    try:
        with handle, wave.open(handle, "wb") as fh:
            fh.setnchannels(1)
            fh.setsampwidth(2)
            fh.setframerate(sample_rate)
            for start in range(0, frames, chunk):
                count = min(chunk, frames - start)
                fh.writeframes(to_int16(render(start, count)).tobytes())
                if progress is not None:
                    progress(start + count, frames)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
