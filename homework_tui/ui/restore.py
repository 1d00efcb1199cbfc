"""Choosing a backup to restore, and the notice about a damaged data file set aside.

`RestoreDialog` lists every backup with its date, time, why it was taken and what it holds
(records per kind), newest first; it dismisses with the chosen backup's path, or None. The
damaged-file notice is shown at every start until the person restores a backup, keeps the file
aside or deletes it (see `store.backups`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from homework_tui.i18n import N_, _, ngettext
from homework_tui.ui.dialogs import EVERYWHERE, CalmModal, Choice, ChoiceDialog
from homework_tui.ui.widgets.footer import Footer

if TYPE_CHECKING:
    from homework_tui.store.backups import Backup, DamagedFile, Summary

BackupChoices = Sequence[tuple["Backup", "Summary"]]


def describe(backup: Backup, summary: Summary) -> str:
    """One line for a backup: "Fri 4 Dec 2026, 20:25 · when homework-tui closed · 3 journal …"."""
    return f"{backup.when} · {backup.why} · {summary.describe()}"


class RestoreDialog(CalmModal[Path | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        *EVERYWHERE,
        Binding("r", "restore", N_("Restore")),
        Binding("escape", "back", N_("Back"), key_display="Esc"),
    ]

    def __init__(self, backups: BackupChoices, *, note: str = "") -> None:
        super().__init__(id="restore-backup", classes="choice-dialog")
        self.backups = list(backups)
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(_("Choose a backup to restore")), classes="dialog-title")
            yield Static(
                Text(
                    _(
                        "Newest first. Restoring makes the chosen backup your data; anything "
                        "written after it was taken is not in it. {note}"
                    ).format(note=self.note)
                ),
                classes="dialog-message",
            )
            yield OptionList(
                *(Option(Text(describe(b, s)), id=str(i)) for i, (b, s) in enumerate(self.backups)),
                id="backup-list",
            )
            yield Static(
                Text(_("Enter or r restores the highlighted backup. Esc goes back.")),
                classes="hint",
            )
        yield Footer()

    def on_mount(self) -> None:
        options = self.query_one("#backup-list", OptionList)
        options.highlighted = 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.backups[int(event.option.id or 0)][0].path)

    def action_restore(self) -> None:
        highlighted = self.query_one("#backup-list", OptionList).highlighted
        if highlighted is not None:
            self.dismiss(self.backups[highlighted][0].path)

    def action_back(self) -> None:
        self.dismiss(None)


def damaged_notice(damaged: Sequence[DamagedFile], records: int, has_backups: bool) -> ChoiceDialog:
    """The calm notice, at start, about damaged files set aside and not dealt with yet."""
    first = damaged[0]
    files = "\n".join(f"  {item.path}" for item in damaged)
    now = (
        ngettext(
            "Your data now holds {n} record.", "Your data now holds {n} records.", records
        ).format(n=records)
        if records
        else _("Your data is empty now.")
    )
    found = _(
        "On {when}, homework-tui could not read your data file, so it set it aside, untouched:"
    ).format(when=first.when)
    if has_backups:
        choose = _(
            "You can restore one of your backups, keep the damaged file aside (it moves to a "
            "set-aside folder and is not mentioned again), or delete it. Esc decides later: until "
            "you choose, you are reminded at each start."
        )
    else:
        choose = _(
            "There is no backup to restore. You can keep the damaged file aside (it moves to a "
            "set-aside folder and is not mentioned again), or delete it. Esc decides later: until "
            "you choose, you are reminded at each start."
        )
    message = f"{found}\n{files}\n\n{now} {choose}"
    choices = [Choice("r", _("Restore…"), "restore", primary=True)] if has_backups else []
    choices += [
        Choice("k", _("Keep aside"), "keep", primary=not has_backups),
        Choice("d", _("Delete"), "delete"),
    ]
    return ChoiceDialog(
        _("A damaged data file is set aside"),
        message,
        choices,
        escape="later",
        id="damaged-notice",
    )


def confirm_delete(damaged: Sequence[DamagedFile]) -> ChoiceDialog:
    names = ", ".join(item.path.name for item in damaged)
    return ChoiceDialog(
        _("Delete the damaged file for good?"),
        _(
            "{names} will be deleted and cannot be brought back. Your data and backups are not "
            "touched."
        ).format(names=names),
        [Choice("d", _("Delete it"), "delete"), Choice("b", _("Back"), "back", primary=True)],
        escape="back",
        id="confirm-delete-damaged",
    )
