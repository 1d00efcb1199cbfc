"""What the person sees when their data cannot be opened as usual, and what each choice does.

Every problem is a `ChoiceDialog` with a plain message (the store's own words) and keyboard
choices; nothing here ever shows a traceback or changes data the person did not ask to change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from homework_tui.model.base import visible
from homework_tui.ui.app_protocol import homework_of
from homework_tui.ui.dialogs import Choice, ChoiceDialog, PassphraseDialog
from homework_tui.ui.restore import RestoreDialog, confirm_delete, damaged_notice

if TYPE_CHECKING:
    from textual.app import App

    from homework_tui.ui.store_messages import DamagedFound
    from homework_tui.store.backups import Backup, Summary

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
    app: App[Any],
    error: Exception,
    *,
    read_only: bool,
    backups: Sequence[tuple[Backup, Summary]] = (),
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
                homework_of(app).passphrase = passphrase
                homework_of(app).open_store(read_only=read_only)

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
            homework_of(app).read_only_watch.opening_read_only()
            homework_of(app).open_store(read_only=True)

        return dialog, quit_or({"read_only": open_read_only})

    if isinstance(error, CorruptData) and not read_only:
        choices = []
        if backups:
            choices.append(Choice("r", "Restore…", "restore", primary=True))
        choices.append(
            Choice(
                "f",
                "Start fresh" if backups else "Start with empty data",
                "fresh",
                primary=not backups,
            )
        )
        message = str(error)
        if backups:  # the backups by their date and contents, not by their file names
            newest, summary = backups[0]
            many = "is 1 backup" if len(backups) == 1 else f"are {len(backups)} backups"
            message = (
                f"{error.what_happened}\n\nThere {many}. The newest: {newest.when} "
                f"({newest.why}), {summary.describe()}."
            )
        message += (
            "\n\nIf you start fresh, the damaged file stays set aside and you are reminded of it "
            "at each start until you restore a backup, keep it aside or delete it."
        )
        dialog = ChoiceDialog(
            "Your data file could not be read", message, [*choices, QUIT], id="problem-corrupt"
        )

        def start_fresh() -> None:
            homework_of(app).damaged_told = True  # just now: the notice waits for the next start
            app.notify(
                f"Starting with empty data. The damaged file is kept at {error.moved_to}; you "
                "are reminded of it at each start until you restore a backup, keep it aside or "
                "delete it.",
                title="Started fresh",
                markup=False,
                timeout=10,
            )
            homework_of(app).open_store()

        def choose_backup() -> None:
            def chosen(path: Path | None) -> None:
                if path is None:  # back to the question
                    dialog, handle = problem_dialog(app, error, read_only=False, backups=backups)
                    app.push_screen(dialog, handle)
                else:
                    homework_of(app).open_store(restore=path)

            app.push_screen(RestoreDialog(backups), chosen)

        actions: dict[str, Callable[[], object]] = {"fresh": start_fresh}
        if backups:
            actions["restore"] = choose_backup
        return dialog, quit_or(actions)

    if isinstance(error, CorruptData):
        message = (
            f"Your data file {error.path} could not be read ({error.reason}). Another window "
            "has it open, so nothing was moved or changed here. Close the other window and "
            "start homework-tui again; it will offer your backups."
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
                homework_of(app).passphrase = passphrase
                homework_of(app).open_store(restore=error.backup)

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
        return dialog, quit_or({"fresh": lambda: homework_of(app).open_store()})

    titles = {
        NewerSchema: ("This data is from a newer homework-tui", "problem-newer"),
        UnreadableFolder: ("homework-tui cannot use its data folder", "problem-folder"),
    }
    title, dialog_id = titles.get(type(error), ("Your data could not be opened", "problem-other"))
    if isinstance(error, StoreError):
        message = str(error)
    else:
        message = (
            f"Something unexpected went wrong while opening {visible(str(homework_of(app).data_folder))} "
            f"({type(error).__name__}: {visible(str(error))}). Nothing was changed."
        )
    return ChoiceDialog(title, message, [QUIT], id=dialog_id), quit_or({})


def damaged_dialog(app: App[Any], found: DamagedFound) -> tuple[ChoiceDialog, Handler]:
    """The notice about a damaged file set aside earlier, and what each choice does. Whatever is
    chosen, the data (already open) is then used as usual, or replaced by the chosen backup."""
    from homework_tui.store.backups import delete_damaged, keep_aside

    store = found.opened.store
    dialog = damaged_notice(found.damaged, sum(store.count().values()), bool(found.backups))

    def carry_on() -> None:
        app.post_message(found.opened)

    def again() -> None:
        dialog, handle = damaged_dialog(app, found)
        app.push_screen(dialog, handle)

    def restore_chosen(path: Path | None) -> None:
        if path is None:
            again()
        else:  # the data as it is now was backed up at this start
            homework_of(app).close_store()
            homework_of(app).open_store(restore=path)

    def delete_confirmed(choice: str | None) -> None:
        if choice != "delete":
            again()
            return
        try:
            delete_damaged(found.damaged)
        except OSError as error:
            app.notify(f"It could not be deleted: {error.strerror or error}.", markup=False,
                       severity="warning")
        else:
            app.notify("The damaged file is deleted.", markup=False)
        carry_on()

    def handle(choice: str | None) -> None:
        if choice == "restore":
            note = "Your data as it is now was backed up when homework-tui started."
            app.push_screen(RestoreDialog(found.backups, note=note), restore_chosen)
        elif choice == "keep":
            try:
                kept = keep_aside(homework_of(app).data_folder, found.damaged)
            except OSError as error:
                app.notify(f"It could not be moved: {error.strerror or error}. It stays where "
                           "it is.", markup=False, severity="warning")
            else:
                app.notify(f"The damaged file is kept in {kept}. It will not be mentioned again.",
                           title="Kept aside", markup=False)
            carry_on()
        elif choice == "delete":
            app.push_screen(confirm_delete(found.damaged), delete_confirmed)
        else:
            carry_on()

    return dialog, handle
