"""What can go wrong with the data file, each with a message written for the person."""

from __future__ import annotations

import errno
from pathlib import Path

from homework_tui.model.base import visible


class StoreError(Exception):
    """Base class: `str(error)` is a clear message that can be shown as it is (a path quoted in
    it shows any control character as a visible escape, never raw)."""

    def __str__(self) -> str:
        return visible(super().__str__())


class DataLocked(StoreError):
    def __init__(self, path: Path, holder: str = "") -> None:
        who = f" ({holder})" if holder else ""
        super().__init__(
            f"Your homework data is open in another homework-tui window{who}. "
            "Close that one first, or open this one read-only."
        )
        self.path = path
        self.holder = holder


class NewerSchema(StoreError):
    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(
            f"{path} was written by a newer homework-tui (data version {found}; this one "
            f"understands up to {supported}). Nothing was changed. Please update homework-tui."
        )
        self.path = path
        self.found = found
        self.supported = supported


class CorruptData(StoreError):
    def __init__(self, path: Path, moved_to: Path, backups: list[Path], reason: str) -> None:
        moved = moved_to != path
        where = (
            f"It was moved aside, untouched, to {moved_to}."
            if moved
            else "Nothing was moved or changed."
        )
        if backups:
            many = "is 1 backup" if len(backups) == 1 else f"are {len(backups)} backups"
            offer = f" There {many}; the newest is {backups[0].name}."
        elif moved:
            offer = " There is no backup yet, so homework-tui can only start with empty data."
        else:
            offer = " There is no backup yet."
        self.what_happened = f"Your data file could not be read ({reason}). {where}"
        super().__init__(f"{self.what_happened}{offer}")
        self.path = path
        self.moved_to = moved_to
        self.backups = backups
        self.reason = reason


# Why a write failed, in plain words (by errno); anything else gets the system's own words.
_PLAIN_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "your disk quota is used up",
    errno.EFBIG: "the file has reached the largest size this system allows",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "homework-tui is not allowed to write there",
    errno.EPERM: "homework-tui is not allowed to write there",
    errno.ENOENT: "the data folder is gone",
    errno.ENOTDIR: "something else is where the data folder should be",
    errno.EISDIR: "a folder is where the data file should be",
    errno.EIO: "the disk reported an error",
}


def plain_reason(cause: OSError) -> str:
    return _PLAIN_REASONS.get(cause.errno or 0) or cause.strerror or str(cause)


class WriteFailed(StoreError):
    def __init__(self, path: Path, cause: OSError) -> None:
        reason = plain_reason(cause)
        super().__init__(
            f"Could not save to {path.parent}: {reason}. Nothing already saved was changed; "
            "what you typed is still here. Free some space or check the folder, then try again."
        )
        self.reason = reason
        self.path = path
        self.cause = cause


class ReadOnly(StoreError):
    def __init__(self) -> None:
        super().__init__("Your data is open read-only here, so nothing was saved.")


class UnreadableFolder(StoreError):
    def __init__(self, path: Path, cause: OSError) -> None:
        super().__init__(
            f"The data folder {path} cannot be used ({cause.strerror or cause}). "
            "Check that it exists and belongs to you, or choose another with --data-dir."
        )
        self.path = path
        self.cause = cause
