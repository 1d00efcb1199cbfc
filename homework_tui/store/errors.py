"""What can go wrong with the data file, each with a message written for the person."""

from __future__ import annotations

import errno
from pathlib import Path

from homework_tui.i18n import N_, _, ngettext
from homework_tui.model.base import visible


class StoreError(Exception):
    """Base class: `str(error)` is a clear message that can be shown as it is (a path quoted in
    it shows any control character as a visible escape, never raw)."""

    def __str__(self) -> str:
        return visible(super().__str__())


class DataLocked(StoreError):
    def __init__(self, path: Path, holder: str = "") -> None:
        if holder:
            message = _(
                "Your homework data is open in another homework-tui window ({holder}). "
                "Close that one first, or open this one read-only."
            ).format(holder=holder)
        else:
            message = _(
                "Your homework data is open in another homework-tui window. "
                "Close that one first, or open this one read-only."
            )
        super().__init__(message)
        self.path = path
        self.holder = holder


class NewerSchema(StoreError):
    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(
            _(
                "{path} was written by a newer homework-tui (data version {found}; this one "
                "understands up to {supported}). Nothing was changed. Please update homework-tui."
            ).format(path=path, found=found, supported=supported)
        )
        self.path = path
        self.found = found
        self.supported = supported


class CorruptData(StoreError):
    def __init__(self, path: Path, moved_to: Path, backups: list[Path], reason: str) -> None:
        moved = moved_to != path
        where = (
            _("It was moved aside, untouched, to {folder}.").format(folder=moved_to)
            if moved
            else _("Nothing was moved or changed.")
        )
        if backups:
            offer = ngettext(
                "There is {n} backup; the newest is {name}.",
                "There are {n} backups; the newest is {name}.",
                len(backups),
            ).format(n=len(backups), name=backups[0].name)
        elif moved:
            offer = _("There is no backup yet, so homework-tui can only start with empty data.")
        else:
            offer = _("There is no backup yet.")
        # Translators: {where} is one or two sentences on where the damaged file is now.
        self.what_happened = _("Your data file could not be read ({reason}). {where}").format(
            reason=reason, where=where
        )
        super().__init__(f"{self.what_happened} {offer}")
        self.path = path
        self.moved_to = moved_to
        self.backups = backups
        self.reason = reason


# Why a write failed, in plain words (by errno); anything else gets the system's own words.
_PLAIN_REASONS = {
    errno.ENOSPC: N_("the disk is full"),
    errno.EDQUOT: N_("your disk quota is used up"),
    errno.EFBIG: N_("the file has reached the largest size this system allows"),
    errno.EROFS: N_("the disk is read-only"),
    errno.EACCES: N_("homework-tui is not allowed to write there"),
    errno.EPERM: N_("homework-tui is not allowed to write there"),
    errno.ENOENT: N_("the data folder is gone"),
    errno.ENOTDIR: N_("something else is where the data folder should be"),
    errno.EISDIR: N_("a folder is where the data file should be"),
    errno.EIO: N_("the disk reported an error"),
}


def plain_reason(cause: OSError) -> str:
    """Why a write failed, in plain words in the interface's language."""
    plain = _PLAIN_REASONS.get(cause.errno or 0)
    return _(plain) if plain else cause.strerror or str(cause)


class WriteFailed(StoreError):
    def __init__(self, path: Path, cause: OSError) -> None:
        reason = plain_reason(cause)
        super().__init__(
            _(
                "Could not save to {folder}: {reason}. Nothing already saved was changed; "
                "what you typed is still here. Free some space or check the folder, "
                "then try again."
            ).format(folder=path.parent, reason=reason)
        )
        self.reason = reason
        self.path = path
        self.cause = cause


class ReadOnly(StoreError):
    def __init__(self) -> None:
        super().__init__(_("Your data is open read-only here, so nothing was saved."))


class UnreadableFolder(StoreError):
    def __init__(self, path: Path, cause: OSError) -> None:
        super().__init__(
            _(
                "The data folder {folder} cannot be used ({reason}). "
                "Check that it exists and belongs to you, or choose another with --data-dir."
            ).format(folder=path, reason=cause.strerror or cause)
        )
        self.path = path
        self.cause = cause
