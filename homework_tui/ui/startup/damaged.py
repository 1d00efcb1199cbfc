"""The notice about a damaged data file set aside at an earlier start, and what each choice does.
Whatever is chosen, the data (already open) is then used as usual, or replaced by a backup."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from homework_tui.i18n import _
from homework_tui.ui.app_protocol import homework_of
from homework_tui.ui.dialogs import ChoiceDialog
from homework_tui.ui.restore import RestoreDialog, confirm_delete, damaged_notice

if TYPE_CHECKING:
    from textual.app import App

    from homework_tui.ui.store_messages import DamagedFound

Handler = Callable[[str | None], None]


def damaged_dialog(app: App[Any], found: DamagedFound) -> tuple[ChoiceDialog, Handler]:
    """The notice about a damaged file set aside earlier, and what each choice does. Whatever is
    chosen, the data (already open) is then used as usual, or replaced by the chosen backup."""
    from homework_tui.store.backups import delete_damaged, keep_aside

    store = found.opened.store
    dialog = damaged_notice(found.damaged, sum(store.count().values()), bool(found.backups))

    def carry_on() -> None:
        app.post_message(found.opened)

    def again() -> None:
        app.push_screen(*damaged_dialog(app, found))

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
            app.notify(
                _("It could not be deleted: {reason}.").format(reason=error.strerror or error),
                markup=False,
                severity="warning",
            )
        else:
            app.notify(_("The damaged file is deleted."), markup=False)
        carry_on()

    def handle(choice: str | None) -> None:
        if choice == "restore":
            note = _("Your data as it is now was backed up when homework-tui started.")
            app.push_screen(RestoreDialog(found.backups, note=note), restore_chosen)
        elif choice == "keep":
            try:
                kept = keep_aside(homework_of(app).data_folder, found.damaged)
            except OSError as error:
                app.notify(
                    _("It could not be moved: {reason}. It stays where it is.").format(
                        reason=error.strerror or error
                    ),
                    markup=False,
                    severity="warning",
                )
            else:
                app.notify(
                    _(
                        "The damaged file is kept in {folder}. It will not be mentioned again."
                    ).format(folder=kept),
                    title=_("Kept aside"),
                    markup=False,
                )
            carry_on()
        elif choice == "delete":
            app.push_screen(confirm_delete(found.damaged), delete_confirmed)
        else:
            carry_on()

    return dialog, handle
