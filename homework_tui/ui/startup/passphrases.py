"""The passphrase question of start-up, for encrypted data or for an encrypted backup being
restored: one dialog, which dismisses with the passphrase (or None to quit) and then opens the
data with it."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static

from homework_tui.i18n import N_, _
from homework_tui.ui.app_protocol import homework_of
from homework_tui.ui.dialogs import CalmModal
from homework_tui.ui.startup.restoring import QUIT_CODE, RestoreFailed
from homework_tui.ui.widgets.footer import Footer

if TYPE_CHECKING:
    from textual.app import App

    from homework_tui.store.crypto import PassphraseNeeded, WrongPassphrase


class PassphraseDialog(CalmModal[str | None]):
    """Asks for the passphrase. `then` keeps the answer on the app and runs `opens` (opening the
    data, or restoring the backup, with it); no answer quits."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "quit", N_("Quit"), key_display="Esc")
    ]

    def __init__(self, app: App[Any], message: str, opens: Callable[[], object]) -> None:
        super().__init__(id="passphrase", classes="choice-dialog")
        self.homework = app
        self.message = message
        self.opens = opens

    def compose(self) -> ComposeResult:
        from homework_tui.ui.widgets.clean_input import TypedInput

        with Vertical(classes="dialog"):
            yield Static(Text(_("Your data is locked with a passphrase")), classes="dialog-title")
            yield Static(Text(self.message), classes="dialog-message")
            yield TypedInput(password=True, placeholder=_("passphrase"), id="passphrase-input")
            yield Static(
                Text(_("Enter opens your data. Esc quits; nothing is changed.")), classes="hint"
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#passphrase-input").focus()

    def on_input_submitted(self, event: Any) -> None:
        event.stop()
        if event.value:
            self.dismiss(event.value)

    def action_quit(self) -> None:
        self.dismiss(None)

    def then(self, passphrase: str | None) -> None:
        if passphrase is None:
            self.homework.exit(return_code=QUIT_CODE)
        else:
            homework_of(self.homework).passphrase = passphrase
            self.opens()


def data_passphrase_dialog(
    app: App[Any], error: PassphraseNeeded | WrongPassphrase, *, read_only: bool
) -> PassphraseDialog:
    """The data is encrypted (or the passphrase given was wrong): the store's own words."""
    return PassphraseDialog(
        app, str(error), partial(homework_of(app).open_store, read_only=read_only)
    )


def backup_passphrase_dialog(app: App[Any], error: RestoreFailed) -> PassphraseDialog:
    """The backup chosen to restore is encrypted (asked again if the one given was wrong)."""
    from homework_tui.store.crypto import WrongPassphrase

    name = error.backup.name
    if isinstance(error.__cause__, WrongPassphrase):
        message = _(
            "That passphrase does not open the backup {name}. Nothing was changed. "
            "Check Caps Lock and try again."
        ).format(name=name)
    else:
        message = _(
            "The backup {name} is encrypted. Please enter your passphrase to restore it."
        ).format(name=name)
    return PassphraseDialog(
        app, message, partial(homework_of(app).open_store, restore=error.backup)
    )
