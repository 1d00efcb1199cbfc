"""A ring of pre-mixed float32 frames and a small control header in shared memory.

The app's feeder thread writes frames and `WRITTEN`; the sink process's audio callback reads
frames, advances `READ` and publishes an anchor (a frame and the monotonic time it is heard) under
a sequence lock. Each slot has one writer at a time, so no lock is needed: the parent moves `READ`
only while the callback is held silent (`HOLD` set and `GAIN_NOW` back at 0).

Memory is a memfd (Linux) or an unlinked temporary file, passed to the sink by file descriptor:
nothing to name, nothing to clean up.
"""

from __future__ import annotations

import mmap
import os
import sys
import tempfile

import numpy as np

INTS, FLOATS, HEADER_BYTES = 16, 8, 256
# int64 slots
SEQ, READ, WRITTEN, END, ANCHOR_FRAME, UNDERFLOWS, STARVED, BLOCKS, HOLD = range(9)
# float64 slots
VOLUME, GAIN_NOW, ANCHOR_TIME, FIRST_SOUND, CALLBACK_MAX, CALLBACK_CPU_MAX = range(6)


class SharedRing:
    """Views on one shared block: `ints`, `floats` (the header) and `data` (the ring)."""

    def __init__(self, fd: int, frames: int) -> None:
        if frames & (frames - 1):
            raise ValueError("the ring length must be a power of two")
        self.fd = fd
        self.frames = frames
        self.mask = frames - 1
        self._map = mmap.mmap(fd, HEADER_BYTES + 4 * frames)
        self.ints = np.frombuffer(self._map, dtype=np.int64, count=INTS, offset=0)
        self.floats = np.frombuffer(self._map, dtype=np.float64, count=FLOATS, offset=8 * INTS)
        self.data = np.frombuffer(self._map, dtype=np.float32, count=frames, offset=HEADER_BYTES)

    @classmethod
    def create(cls, frames: int) -> SharedRing:
        """New zeroed shared memory (END = -1: length unknown; HOLD = 1: silent)."""
        size = HEADER_BYTES + 4 * frames
        if sys.platform.startswith("linux") and hasattr(os, "memfd_create"):
            fd = os.memfd_create("homework-tui-audio")
        else:
            fd, path = tempfile.mkstemp(prefix="homework-tui-audio-")
            os.unlink(path)
        os.ftruncate(fd, size)
        ring = cls(fd, frames)
        ring.ints[END] = -1
        ring.ints[HOLD] = 1
        ring.floats[VOLUME] = 1.0
        return ring

    def write_anchor(self, frame: int, heard_at: float) -> None:
        """(callback side) publish where the clock is: seqlock odd while writing."""
        self.ints[SEQ] += 1
        self.ints[ANCHOR_FRAME] = frame
        self.floats[ANCHOR_TIME] = heard_at
        self.ints[SEQ] += 1

    def read_anchor(self) -> tuple[int, float] | None:
        """(app side) the latest anchor, consistent; None before the first block."""
        for _ in range(100):
            before = int(self.ints[SEQ])
            frame, heard_at = int(self.ints[ANCHOR_FRAME]), float(self.floats[ANCHOR_TIME])
            if before % 2 == 0 and int(self.ints[SEQ]) == before:
                return None if before == 0 else (frame, heard_at)
        return None

    def put(self, start: int, block: np.ndarray) -> None:
        """Copy `block` into the ring at session frame `start` (wrapping)."""
        n = len(block)
        i = start & self.mask
        first = min(n, self.frames - i)
        self.data[i : i + first] = block[:first]
        self.data[: n - first] = block[first:n]

    def close(self) -> None:
        """Let go of the file descriptor. The mapping itself goes when the last view does, so a
        player may still read its final counters after the sink has gone."""
        try:
            os.close(self.fd)
        except OSError:
            pass
