"""Privacy and lock (opened from Settings): whether the data is encrypted, encrypting, changing the
passphrase or decrypting (see `privacy_dialogs`), and auto-lock after idle minutes (see
`privacy_lock`), with an honest word on what each protects against and what not."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Header, Label, Static, Switch

from homework_tui.i18n import N_, _
from homework_tui.model.base import ValidationError
from homework_tui.model.settings import AUTO_LOCK_MAX, AUTO_LOCK_MIN
from homework_tui.ui.base import HomeworkScreen
from homework_tui.ui.privacy.privacy_dialogs import Change, PassphraseChangeDialog
from homework_tui.ui.widgets.clean_input import CleanInput
from homework_tui.ui.widgets.footer import Footer

PLAIN = N_(
    "Your data is not encrypted. Anyone who can open your files (another account with admin "
    "rights, a lost laptop, a copied backup) can read your notes."
)
SEALED = N_(
    "Your data is encrypted with your passphrase: your notes, their journal, backups and drafts."
)
PROTECTS = N_(
    "Encryption protects your notes on disk when homework-tui is closed: a lost or shared "
    "computer, a copied folder, a backup. It cannot protect them while homework-tui is open and "
    "unlocked, from someone watching your screen, or from software that already controls your "
    "computer. Nothing ever leaves your computer either way."
)
LOCK_HINT = N_(
    "Auto-lock covers the screen with the passphrase question after this many minutes without a "
    "key or mouse touch. Your open drafts are saved first and are all there when you unlock. "
    "A running relaxation session or exposure timer is never interrupted: the lock waits until "
    "it ends. The lock hides the screen; while homework-tui runs, your notes stay in its memory."
)


class PrivacyScreen(HomeworkScreen[None]):
    """See the module docstring."""

    TITLE = "homework-tui"
    SUB_TITLE = N_("Privacy and lock")
    CSS_PATH = "privacy.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "passphrase('encrypt')", N_("Encrypt")),
        Binding("c", "passphrase('change')", N_("Change passphrase")),
        Binding("d", "passphrase('decrypt')", N_("Decrypt")),
        Binding("l", "lock_now", N_("Lock now")),
    ]

    def compose(self) -> ComposeResult:
        settings = self.homework.settings
        self.sub_title = _(self.SUB_TITLE)
        yield Header(icon="·")
        with VerticalScroll(id="privacy", classes="page"):
            yield Static(_("Privacy and lock"), classes="page-title")
            yield Static("", id="privacy-state")
            with Horizontal(id="privacy-actions"):
                yield Button(_("Encrypt… (e)"), id="encrypt", compact=True, variant="primary")
                yield Button(_("Change passphrase… (c)"), id="change", compact=True)
                yield Button(_("Decrypt… (d)"), id="decrypt", compact=True)
                yield Button(_("Lock now (l)"), id="lock-now", compact=True)
            yield Static("", id="privacy-result")
            yield Label(_("Auto-lock"), id="auto-lock-title", classes="lock-part")
            with Horizontal(classes="switch-row lock-part"):
                yield Switch(settings.auto_lock, id="auto_lock")
                yield Label(_("Lock when idle"), classes="switch-label")
            yield Label(
                _("Minutes without a key or mouse touch ({low}-{high})").format(
                    low=AUTO_LOCK_MIN, high=AUTO_LOCK_MAX
                ),
                classes="lock-part",
            )
            yield CleanInput(
                str(settings.auto_lock_minutes),
                type="integer",
                max_length=3,
                id="auto_lock_minutes",
                classes="lock-part",
            )
            yield Static("", id="auto-lock-error")
            yield Static(_(LOCK_HINT), classes="hint lock-part")
            yield Static(
                _(
                    "Auto-lock is offered once your data is encrypted: without a passphrase "
                    "there is nothing to unlock with."
                ),
                id="lock-needs-encryption",
                classes="hint",
            )
            yield Label(_("What this protects"))
            yield Static(_(PROTECTS), classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#auto-lock-error").display = False
        self.show_state()

    @property
    def encrypted(self) -> bool:
        store = self.homework.store
        return store is not None and store.encrypted

    def show_state(self) -> None:
        encrypted = self.encrypted
        self.query_one("#privacy-state", Static).update(Text(_(SEALED) if encrypted else _(PLAIN)))
        self.query_one("#encrypt").display = not encrypted
        for name in ("change", "decrypt", "lock-now"):
            self.query_one(f"#{name}").display = encrypted
        for part in self.query(".lock-part"):
            part.display = encrypted
        self.query_one("#lock-needs-encryption").display = not encrypted
        if not encrypted:
            self.query_one("#auto-lock-error").display = False
        result = self.query_one("#privacy-result", Static)
        result.display = bool(str(result.render()).strip())
        focused = self.focused
        if focused is None or not focused.display or focused.id == "privacy":  # Encrypt: hidden
            self.query_one("#change" if encrypted else "#encrypt", Button).focus()
        self.refresh_bindings()

    async def recompose(self) -> None:
        """Drawn again in another language: what is shown follows the data again."""
        await super().recompose()
        self.on_mount()

    def on_screen_resume(self) -> None:
        self.show_state()  # back from a dialog: what is shown, and the focus, follow

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "passphrase" and parameters:
            wanted = parameters[0]
            return (wanted == "encrypt") != self.encrypted
        if action == "lock_now":
            return self.encrypted
        return True

    # -- encryption ----------------------------------------------------------------------------

    def action_passphrase(self, change: str) -> None:
        if self.check_action("passphrase", (change,)):
            self.app.push_screen(PassphraseChangeDialog(Change(change)), self._changed)

    @on(Button.Pressed, "#encrypt, #change, #decrypt")
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_passphrase(event.button.id or "")

    def _changed(self, message: str | None) -> None:
        if message is None:
            return
        self.homework.idle_lock.encryption_changed()
        self.query_one("#privacy-result", Static).update(Text(message))
        self.notify(message, title=_("Privacy"), markup=False)
        self.show_state()

    def action_lock_now(self) -> None:
        self.homework.idle_lock.lock_now()

    @on(Button.Pressed, "#lock-now")
    def _lock_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_lock_now()

    # -- auto-lock -----------------------------------------------------------------------------

    def _change(self, *, quiet: bool = False, **changes: object) -> None:
        error = self.query_one("#auto-lock-error", Static)
        try:
            self.homework.change_settings(**changes)
        except ValidationError as problem:
            if not quiet:
                error.update(Text(problem.message))
                error.display = True
            return
        error.update("")
        error.display = False

    @on(Switch.Changed, "#auto_lock")
    def _switch(self, event: Switch.Changed) -> None:
        event.stop()
        self._change(auto_lock=event.value)

    @on(CleanInput.Changed, "#auto_lock_minutes")
    def _minutes(self, event: CleanInput.Changed) -> None:
        event.stop()
        self._change(quiet=True, auto_lock_minutes=event.value)  # "1" on the way to "15"

    @on(CleanInput.Blurred, "#auto_lock_minutes")
    @on(CleanInput.Submitted, "#auto_lock_minutes")
    def _minutes_done(self, event: CleanInput.Blurred | CleanInput.Submitted) -> None:
        event.stop()
        self._change(auto_lock_minutes=event.value)
