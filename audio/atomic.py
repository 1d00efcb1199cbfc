"""Files that are whole or absent: the atomic replace (temp file in the same folder, fsync,
`os.replace`, fsync of the folder), written owner-only.

The one place this rule lives: the audio engine saves the person's breathing patterns with it, and
`homework_tui.store.atomic` (which may import audio, never the reverse) saves the data with it.
Standard library only, so importing it costs nothing.
"""

from __future__ import annotations

import os
from pathlib import Path
from uuid import uuid4

FILE_MODE = 0o600


def temp_path(path: Path) -> Path:
    """A fresh temporary name beside `path`, for one write."""
    return path.with_name(f".{path.name}.tmp-{uuid4().hex[:8]}")


def temp_files(path: Path) -> list[Path]:
    """Leftovers of interrupted atomic writes beside `path`."""
    return sorted(path.parent.glob(f".{path.name}.tmp-*"))


def fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_all(fd: int, data: bytes) -> None:
    """Write every byte of `data` to `fd` (os.write may write fewer than asked)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves either the old or the new file, whole."""
    tmp = temp_path(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)
        write_all(fd, data)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    os.close(fd)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)
