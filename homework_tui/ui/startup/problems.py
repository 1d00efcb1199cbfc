"""The start-up problems that offer choices: each a small `ChoiceDialog` that dismisses with the
chosen value and whose `then` does it. Any answer a dialog does not act on quits."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from homework_tui.i18n import _, ngettext
from homework_tui.model.base import visible
from homework_tui.ui.app_protocol import homework_of
from homework_tui.ui.dialogs import Choice, ChoiceDialog
from homework_tui.ui.restore import RestoreDialog
from homework_tui.ui.startup.restoring import QUIT_CODE, RestoreFailed

if TYPE_CHECKING:
    from pathlib import Path

    from textual.app import App

    from homework_tui.store import CorruptData, DataLocked
    from homework_tui.store.backups import Backup, Summary

Action = Callable[[], object]


class ProblemDialog(ChoiceDialog):
    """A titled problem, its choices and Quit; `actions()` maps each choice to what it does."""

    def __init__(
        self, app: App[Any], title: str, message: str, choices: Sequence[Choice], *, id: str
    ) -> None:
        super().__init__(title, message, [*choices, Choice("q", _("Quit"), "quit")], id=id)
        self.homework = app

    def actions(self) -> dict[str, Action]:
        return {}

    def then(self, answer: str | None) -> None:
        action = self.actions().get(answer or "")
        if action is None:
            self.homework.exit(return_code=QUIT_CODE)
        else:
            action()


class LockedDialog(ProblemDialog):
    """Another window has the data open: look at it read-only, or quit."""

    def __init__(self, app: App[Any], error: DataLocked) -> None:
        message = _(
            "{problem}\n\nRead-only lets you look at everything here; nothing you change in this "
            "window is saved until it takes over (F5), once the other window is closed."
        ).format(problem=error)
        read_only = Choice("r", _("Open read-only"), "read_only", primary=True)
        super().__init__(
            app,
            _("Your data is open in another window"),
            message,
            [read_only],
            id="problem-locked",
        )

    def actions(self) -> dict[str, Action]:
        return {"read_only": self._open_read_only}

    def _open_read_only(self) -> None:
        homework_of(self.homework).read_only_watch.opening_read_only()
        homework_of(self.homework).open_store(read_only=True)


class CorruptDialog(ProblemDialog):
    """The data file could not be read and was set aside: restore a backup, or start fresh."""

    def __init__(
        self, app: App[Any], error: CorruptData, backups: Sequence[tuple[Backup, Summary]]
    ) -> None:
        self.error = error
        self.backups = backups
        choices = [Choice("r", _("Restore…"), "restore", primary=True)] if backups else []
        fresh = _("Start fresh") if backups else _("Start with empty data")
        choices.append(Choice("f", fresh, "fresh", primary=not backups))
        super().__init__(
            app,
            _("Your data file could not be read"),
            self._message(),
            choices,
            id="problem-corrupt",
        )

    def _message(self) -> str:
        message = str(self.error)
        if self.backups:  # the backups by their date and contents, not by their file names
            newest, summary = self.backups[0]
            count = len(self.backups)
            message = ngettext(
                "{problem}\n\nThere is 1 backup. The newest: {when} ({why}), {holds}.",
                "{problem}\n\nThere are {n} backups. The newest: {when} ({why}), {holds}.",
                count,
            ).format(
                problem=self.error.what_happened,
                n=count,
                when=newest.when,
                why=newest.why,
                holds=summary.describe(),
            )
        return _(
            "{problem}\n\nIf you start fresh, the damaged file stays set aside and you are "
            "reminded of it at each start until you restore a backup, keep it aside or delete it."
        ).format(problem=message)

    def actions(self) -> dict[str, Action]:
        actions: dict[str, Action] = {"fresh": self._start_fresh}
        if self.backups:
            actions["restore"] = self._choose_backup
        return actions

    def _start_fresh(self) -> None:
        app = self.homework
        homework_of(app).damaged_told = True  # just now: the notice waits for the next start
        app.notify(
            _(
                "Starting with empty data. The damaged file is kept at {place}; you are reminded "
                "of it at each start until you restore a backup, keep it aside or delete it."
            ).format(place=self.error.moved_to),
            title=_("Started fresh"),
            markup=False,
            timeout=10,
        )
        homework_of(app).open_store()

    def _choose_backup(self) -> None:
        self.homework.push_screen(RestoreDialog(self.backups), self._backup_chosen)

    def _backup_chosen(self, path: Path | None) -> None:
        if path is None:  # back to the question
            again = CorruptDialog(self.homework, self.error, self.backups)
            self.homework.push_screen(again, again.then)
        else:
            homework_of(self.homework).open_store(restore=path)


class CorruptElsewhereDialog(ProblemDialog):
    """The data file could not be read while another window has it: nothing was moved."""

    def __init__(self, app: App[Any], error: CorruptData) -> None:
        message = _(
            "Your data file {file} could not be read ({reason}). Another window has it open, "
            "so nothing was moved or changed here. Close the other window and start "
            "homework-tui again; it will offer your backups."
        ).format(file=error.path, reason=error.reason)
        super().__init__(
            app, _("Your data file could not be read"), message, [], id="problem-corrupt"
        )


class RestoreFailedDialog(ProblemDialog):
    """The chosen backup could not be restored: start with empty data, or quit."""

    def __init__(self, app: App[Any], error: RestoreFailed) -> None:
        fresh = Choice("f", _("Start with empty data"), "fresh", primary=True)
        super().__init__(
            app, _("That backup could not be restored"), str(error), [fresh], id="problem-restore"
        )

    def actions(self) -> dict[str, Action]:
        return {"fresh": lambda: homework_of(self.homework).open_store()}


class CannotOpenDialog(ProblemDialog):
    """Any other reason the data could not be opened (a newer version's data, a folder it cannot
    use, something unexpected): said plainly; quitting is the only choice."""

    def __init__(self, app: App[Any], error: Exception) -> None:
        from homework_tui.store import NewerSchema, StoreError, UnreadableFolder

        titles = {
            NewerSchema: (_("This data is from a newer homework-tui"), "problem-newer"),
            UnreadableFolder: (_("homework-tui cannot use its data folder"), "problem-folder"),
        }
        other = (_("Your data could not be opened"), "problem-other")
        title, dialog_id = titles.get(type(error), other)
        if isinstance(error, StoreError):
            message = str(error)
        else:
            message = _(
                "Something unexpected went wrong while opening {folder} ({kind}: {problem}). "
                "Nothing was changed."
            ).format(
                folder=visible(str(homework_of(app).data_folder)),
                kind=type(error).__name__,
                problem=visible(str(error)),
            )
        super().__init__(app, title, message, [], id=dialog_id)
