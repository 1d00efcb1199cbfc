"""The lock screen of auto-lock (see `privacy_lock`): the passphrase question over everything.

It saves the open drafts it was given in a thread worker and says so; the passphrase typed is
checked in a thread (scrypt) and then dropped; the right one hands back to `IdleLock.unlocked`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Input, Static

from homework_tui.i18n import N_, _, ngettext
from homework_tui.ui.app_protocol import homework_of
from homework_tui.ui.language.keys_in_language import in_language
from homework_tui.ui.widgets.clean_input import TypedInput
from homework_tui.ui.widgets.footer import Footer

if TYPE_CHECKING:
    from textual.app import App

WRONG = N_("That passphrase does not open your data. Check Caps Lock and try again.")

DraftJob = tuple[Any, Callable[[], object]]  # (the form screen, the write to run on a thread)


class Unlocker(Protocol):
    """What the lock screen needs of the auto-lock (`privacy_lock.IdleLock`)."""

    app: App[Any]

    def unlocked(self) -> None: ...


class LockScreen(Screen[None]):
    """The passphrase question over everything; nothing of the notes shows through."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return in_language(super().active_bindings)

    CSS_PATH = "privacy.tcss"

    AUTO_FOCUS = "#unlock-input"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "unlock", N_("Unlock"), key_display="⏎", priority=True),
        Binding("ctrl+q", "app.quit", N_("Quit"), key_display="^q"),
    ]

    def __init__(self, lock: Unlocker, *, drafts: int = 0) -> None:
        super().__init__(id="lock-screen")
        self.idle_lock = lock  # not `lock`: Textual's Widget.lock is an asyncio lock
        self.drafts = drafts
        self.checking = False

    def compose(self) -> ComposeResult:
        with Center(), Vertical(id="lock-box"):
            yield Static(_("homework-tui is locked"), id="lock-title")
            yield Static(
                _(
                    "Your notes are hidden. Type your passphrase to carry on exactly where you were."
                ),
                id="lock-message",
            )
            yield TypedInput(password=True, placeholder=_("passphrase"), id="unlock-input")
            error = Static("", id="lock-error")
            error.display = False
            yield error
            drafts = Static(_("Saving your open draft…") if self.drafts else "", id="lock-drafts")
            drafts.display = bool(self.drafts)
            yield drafts
            yield Static(
                _(
                    "Ctrl+Q quits; what you saved stays saved. In a crisis, call your local "
                    "emergency number."
                ),
                id="lock-hint",
            )
        yield Footer()

    def _say(self, widget_id: str, message: str) -> None:
        box = self.query_one(f"#{widget_id}", Static)
        box.update(Text(message))
        box.display = bool(message)

    # -- drafts --------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="lock-drafts", exit_on_error=False)
    def save_drafts(self, jobs: list[DraftJob]) -> None:
        from homework_tui.store import StoreError
        from homework_tui.ui.base import saving

        failed = ""
        for form, write in jobs:
            try:
                with saving(self):
                    write()
            except StoreError as error:
                failed = str(error)
                self.app.call_from_thread(form.draft_lock_failed)
        self.app.call_from_thread(self._drafts_saved, failed)

    def _drafts_saved(self, failed: str) -> None:
        if failed:
            self._say(
                "lock-drafts",
                _(
                    "Your open draft could not be saved just now: {problem} "
                    "It is still open, exactly as you left it, behind this lock."
                ).format(problem=failed),
            )
        else:
            saved = ngettext(
                "Your open draft is saved.", "Your open drafts are saved.", max(self.drafts, 1)
            )
            self._say("lock-drafts", saved)

    # -- unlocking -----------------------------------------------------------------------------

    def action_unlock(self) -> None:
        box = self.query_one("#unlock-input", Input)
        if self.checking or not box.value:
            return
        passphrase, box.value = box.value, ""
        self.checking = True
        box.disabled = True
        self._say("lock-error", _("Checking…"))
        self._check(passphrase)

    @work(thread=True, exclusive=True, group="unlock", exit_on_error=False)
    def _check(self, passphrase: str) -> None:
        store = homework_of(self.idle_lock.app).store
        right = False
        try:
            if store is not None:
                store.check_passphrase(passphrase)
                right = True
        except Exception:  # noqa: BLE001 - a wrong passphrase (or no store): stay locked
            right = False
        del passphrase
        self.app.call_from_thread(self._checked, right)

    def _checked(self, right: bool) -> None:
        self.checking = False
        box = self.query_one("#unlock-input", Input)
        box.disabled = False
        if right:
            self._say("lock-error", "")
            self.idle_lock.unlocked()
            return
        self._say("lock-error", _(WRONG))
        box.focus()
