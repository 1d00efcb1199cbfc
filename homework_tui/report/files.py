"""Writing report files privately: readable only by their owner, and never half-written."""

from __future__ import annotations

import os
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def write_private(path: Path, data: bytes) -> None:
    """Write `data` to `path` (0600) through a temporary file, so a reader never sees half of it.
    The folder is created private when it does not exist yet. Raises OSError."""
    path.parent.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, FILE_MODE)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
