"""One writer per data folder: an OS file lock that the kernel releases if the process dies."""

from __future__ import annotations

import fcntl
import os
import socket
from pathlib import Path

from homework_tui.i18n import _
from homework_tui.store.errors import DataLocked


def lock_path(data_file: Path) -> Path:
    return data_file.with_name(data_file.name + ".lock")


class WriterLock:
    """Held for as long as this process may write `data_file`."""

    def __init__(self, data_file: Path) -> None:
        self.path = lock_path(data_file)
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
            os.close(fd)
            raise DataLocked(self.path, holder) from None
        os.ftruncate(fd, 0)
        holder = f"process {os.getpid()} on {socket.gethostname()}"  # i18n: not shown
        os.pwrite(fd, holder.encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None


def is_locked(data_file: Path) -> str | None:
    """Who holds the lock on `data_file` (a short description), or None when nobody does."""
    path = lock_path(data_file)
    if not path.exists():
        return None
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or _("another process")
    finally:
        os.close(fd)
    return None
