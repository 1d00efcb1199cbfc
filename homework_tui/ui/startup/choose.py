"""Which dialog a start-up error gets: one line per problem."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from homework_tui.ui.startup.passphrases import (
    PassphraseDialog,
    backup_passphrase_dialog,
    data_passphrase_dialog,
)
from homework_tui.ui.startup.problems import (
    CannotOpenDialog,
    CorruptDialog,
    CorruptElsewhereDialog,
    LockedDialog,
    RestoreFailedDialog,
)
from homework_tui.ui.startup.restoring import RestoreFailed

if TYPE_CHECKING:
    from textual.app import App

    from homework_tui.store.backups import Backup, Summary

StartupDialog = (
    PassphraseDialog
    | LockedDialog
    | CorruptDialog
    | CorruptElsewhereDialog
    | RestoreFailedDialog
    | CannotOpenDialog
)
Handler = Callable[[str | None], None]


def problem_dialog(
    app: App[Any],
    error: Exception,
    *,
    read_only: bool,
    backups: Sequence[tuple[Backup, Summary]] = (),
) -> tuple[StartupDialog, Handler]:
    """The dialog for a start-up `error`, and what to do with the person's answer."""
    dialog = dialog_for(app, error, read_only=read_only, backups=backups)
    return dialog, dialog.then


def dialog_for(
    app: App[Any],
    error: Exception,
    *,
    read_only: bool,
    backups: Sequence[tuple[Backup, Summary]] = (),
) -> StartupDialog:
    from homework_tui.store import CorruptData, DataLocked
    from homework_tui.store.crypto import PassphraseNeeded, WrongPassphrase

    locked = (PassphraseNeeded, WrongPassphrase)
    if isinstance(error, locked):
        return data_passphrase_dialog(app, error, read_only=read_only)
    if isinstance(error, DataLocked):
        return LockedDialog(app, error)
    if isinstance(error, CorruptData) and read_only:  # another window has it: nothing was moved
        return CorruptElsewhereDialog(app, error)
    if isinstance(error, CorruptData):
        return CorruptDialog(app, error, backups)
    if isinstance(error, RestoreFailed) and isinstance(error.__cause__, locked):
        return backup_passphrase_dialog(app, error)  # the data's own header was too damaged to ask
    if isinstance(error, RestoreFailed):
        return RestoreFailedDialog(app, error)
    return CannotOpenDialog(app, error)
