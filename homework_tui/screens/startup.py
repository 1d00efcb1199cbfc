"""What the person sees when their data cannot be opened as usual, and what each choice does.

Every problem is a `ChoiceDialog` with a plain message (the store's own words) and keyboard
choices; nothing here ever shows a traceback or changes data the person did not ask to change.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from homework_tui.model.base import visible
from homework_tui.screens.dialogs import Choice, ChoiceDialog, PassphraseDialog

if TYPE_CHECKING:
    from homework_tui.app import HomeworkApp

QUIT_CODE = 1
QUIT = Choice("q", "Quit", "quit")


class RestoreFailed(Exception):
    """The chosen backup could not be made the current data."""

    def __init__(self, backup: Path, reason: str) -> None:
        super().__init__(
            f"The backup {backup.name} could not be restored ({reason}). The damaged file is "
            "still kept where it was moved; nothing else was changed."
        )
        self.backup = backup


def restore_from(folder: Path, backup: Path, passphrase: str | None = None) -> None:
    """Make `backup` the current data (in a worker thread); raises RestoreFailed."""
    from homework_tui.store import restore_backup

    try:
        restore_backup(folder, backup, passphrase)
    except Exception as error:
        raise RestoreFailed(backup, str(error) or type(error).__name__) from error


Handler = Callable[[str | None], None]


def problem_dialog(
    app: HomeworkApp, error: Exception, *, read_only: bool
) -> tuple[ChoiceDialog | PassphraseDialog, Handler]:
    """The dialog for a start-up `error`, and what to do with the person's choice."""
    from homework_tui.store import (
        CorruptData,
        DataLocked,
        NewerSchema,
        StoreError,
        UnreadableFolder,
    )
    from homework_tui.store.crypto import PassphraseNeeded, WrongPassphrase

    if isinstance(error, (PassphraseNeeded, WrongPassphrase)):

        def unlock(passphrase: str | None) -> None:
            if passphrase is None:
                app.exit(return_code=QUIT_CODE)
            else:
                app.passphrase = passphrase
                app.open_store(read_only=read_only)

        return PassphraseDialog(str(error)), unlock

    def quit_or(actions: dict[str, Callable[[], object]]) -> Handler:
        def handle(choice: str | None) -> None:
            action = actions.get(choice or "")
            if action is None:
                app.exit(return_code=QUIT_CODE)
            else:
                action()

        return handle

    if isinstance(error, DataLocked):
        dialog = ChoiceDialog(
            "Your data is open in another window",
            f"{error}\n\nRead-only lets you look at everything here; nothing you change "
            "in this window is saved until it takes over (F5), once the other window is closed.",
            [Choice("r", "Open read-only", "read_only", primary=True), QUIT],
            id="problem-locked",
        )

        def open_read_only() -> None:
            app.read_only_watch.opening_read_only()
            app.open_store(read_only=True)

        return dialog, quit_or({"read_only": open_read_only})

    if isinstance(error, CorruptData) and not read_only:
        choices = []
        if error.backups:
            choices.append(Choice("r", "Restore the newest backup", "restore", primary=True))
        choices.append(
            Choice(
                "f",
                "Start fresh" if error.backups else "Start with empty data",
                "fresh",
                primary=not error.backups,
            )
        )
        dialog = ChoiceDialog(
            "Your data file could not be read", str(error), [*choices, QUIT], id="problem-corrupt"
        )

        def start_fresh() -> None:
            app.notify(
                f"Starting with empty data. The damaged file is kept at {error.moved_to}.",
                title="Started fresh",
                markup=False,
                timeout=10,
            )
            app.open_store()

        actions: dict[str, Callable[[], object]] = {"fresh": start_fresh}
        if error.backups:
            actions["restore"] = lambda: app.open_store(restore=error.backups[0])
        return dialog, quit_or(actions)

    if isinstance(error, CorruptData):
        message = (
            f"Your data file {error.path} could not be read ({error.reason}). Another window "
            "has it open, so nothing was moved or changed here. Close the other window and "
            "start homework-tui again; it will offer your newest backup."
        )
        title = "Your data file could not be read"
        return ChoiceDialog(title, message, [QUIT], id="problem-corrupt"), quit_or({})

    if isinstance(error, RestoreFailed) and isinstance(
        error.__cause__, (PassphraseNeeded, WrongPassphrase)
    ):  # an encrypted backup, and the data file's own header was too damaged to ask earlier

        def restore_with(passphrase: str | None) -> None:
            if passphrase is None:
                app.exit(return_code=QUIT_CODE)
            else:
                app.passphrase = passphrase
                app.open_store(restore=error.backup)

        wrong = isinstance(error.__cause__, WrongPassphrase)
        message = (
            f"That passphrase does not open the backup {error.backup.name}. Nothing was changed. "
            "Check Caps Lock and try again."
            if wrong
            else f"The backup {error.backup.name} is encrypted. Please enter your passphrase "
            "to restore it."
        )
        return PassphraseDialog(message), restore_with

    if isinstance(error, RestoreFailed):
        dialog = ChoiceDialog(
            "That backup could not be restored",
            str(error),
            [Choice("f", "Start with empty data", "fresh", primary=True), QUIT],
            id="problem-restore",
        )
        return dialog, quit_or({"fresh": lambda: app.open_store()})

    titles = {
        NewerSchema: ("This data is from a newer homework-tui", "problem-newer"),
        UnreadableFolder: ("homework-tui cannot use its data folder", "problem-folder"),
    }
    title, dialog_id = titles.get(type(error), ("Your data could not be opened", "problem-other"))
    if isinstance(error, StoreError):
        message = str(error)
    else:
        message = (
            f"Something unexpected went wrong while opening {visible(str(app.data_folder))} "
            f"({type(error).__name__}: {visible(str(error))}). Nothing was changed."
        )
    return ChoiceDialog(title, message, [QUIT], id=dialog_id), quit_or({})
