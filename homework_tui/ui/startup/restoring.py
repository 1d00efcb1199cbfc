"""Making a backup the current data at start-up, and the error when that fails."""

from __future__ import annotations

from pathlib import Path

from homework_tui.i18n import _

QUIT_CODE = 1  # the app's exit code when the person quits from a start-up problem


class RestoreFailed(Exception):
    """The chosen backup could not be made the current data."""

    def __init__(self, backup: Path, reason: str) -> None:
        super().__init__(
            _(
                "The backup {name} could not be restored ({reason}). The damaged file is "
                "still kept where it was moved; nothing else was changed."
            ).format(name=backup.name, reason=reason)
        )
        self.backup = backup


def restore_from(folder: Path, backup: Path, passphrase: str | None = None) -> None:
    """Make `backup` the current data (in a worker thread); raises RestoreFailed."""
    from homework_tui.store import restore_backup

    try:
        restore_backup(folder, backup, passphrase)
    except Exception as error:  # every cause becomes RestoreFailed, kept as its cause
        raise RestoreFailed(backup, str(error) or type(error).__name__) from error
