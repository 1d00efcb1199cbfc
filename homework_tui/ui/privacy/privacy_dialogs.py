"""Encrypting, changing the passphrase and decrypting from inside the app.

`PassphraseChangeDialog(change)` asks for what that change needs (the current passphrase, a new
one typed twice), says honestly what it means, then does it in a thread worker: the key derivation
(scrypt) and the rewrite of the data, its journal and backups never block the event loop. It shows
what it is doing, and dismisses with a sentence for the person once done. A wrong current
passphrase is told in the dialog and changes nothing on disk (it is checked before anything is
rewritten).
"""

from __future__ import annotations

import enum
import shutil
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Button, Input, Label, Static

from homework_tui.i18n import N_, _
from homework_tui.model.base import ValidationError
from homework_tui.model.settings import PASSPHRASE_MIN, check_new_passphrase
from homework_tui.ui.app_protocol import HomeworkAppProtocol, homework_of
from homework_tui.ui.base import saving
from homework_tui.ui.dialogs import SaveCancelModal
from homework_tui.ui.widgets.clean_input import TypedInput
from homework_tui.ui.widgets.footer import Footer

NO_RECOVERY = N_(
    "There is no way to recover a forgotten passphrase: not for you, not for anyone, not for the "
    "makers of homework-tui. Write it down and keep it somewhere safe."
)


class Change(enum.Enum):
    ENCRYPT = "encrypt"
    CHANGE = "change"
    DECRYPT = "decrypt"


TITLES = {
    Change.ENCRYPT: N_("Protect your data with a passphrase"),
    Change.CHANGE: N_("Change your passphrase"),
    Change.DECRYPT: N_("Remove the passphrase"),
}
EXPLAIN = {
    Change.ENCRYPT: N_(
        "Your notes, their journal, your backups and your drafts will be stored encrypted. "
        "homework-tui will ask for the passphrase each time it starts. There is no way to "
        "recover a forgotten passphrase: not for you, not for anyone, not for the makers of "
        "homework-tui. Write it down and keep it somewhere safe."
    ),
    Change.CHANGE: N_(
        "Your data and backups are encrypted again with the new passphrase; the old one stops "
        "working. There is no way to recover a forgotten passphrase."
    ),
    Change.DECRYPT: N_(
        "Your notes will be stored unencrypted again: anyone who can open your files can read "
        "them. Auto-lock stops too."
    ),
}
# The button that does it.
GO_BUTTONS = {
    Change.ENCRYPT: N_("Encrypt (Ctrl+S)"),
    Change.CHANGE: N_("Change (Ctrl+S)"),
    Change.DECRYPT: N_("Decrypt (Ctrl+S)"),
}
DONE = {
    Change.ENCRYPT: N_(
        "Your data is now encrypted. Remember your passphrase: it cannot be recovered."
    ),
    Change.CHANGE: N_("Your passphrase is changed. The old one no longer opens your data."),
    Change.DECRYPT: N_("Your data is stored unencrypted again."),
}


def forget_spoken_cache(folder: Path) -> int:
    """Remove the synthesised speech kept in `folder` (it can be made again). Clips spoken while
    the data was unencrypted may hold the person's own words (a pattern's name), so encrypting
    clears them. Returns how many files went."""
    removed = 0
    for pattern in (
        "[0-9a-f][0-9a-f]/*.wav",
        "speech/[0-9a-f][0-9a-f]/*.wav",
        "tmp/*",
        "speech/tmp/*",
    ):
        for path in folder.glob(pattern):
            try:
                if path.is_dir():
                    shutil.rmtree(path)
                else:
                    path.unlink()
                removed += 1
            except OSError:
                pass  # a file that cannot go is overwritten or skipped next time
    return removed


class PassphraseChangeDialog(SaveCancelModal[str | None]):
    """See the module docstring. Dismisses with what was done, or None when cancelled."""

    CSS_PATH = "privacy.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), key_display="Esc"),
        # Translators: a key label, the passphrase change is done; keep it very short.
        Binding("ctrl+s", "save", N_("Go"), key_display="^s", priority=True),
    ]

    def __init__(self, change: Change) -> None:
        super().__init__(id=f"privacy-{change.value}", classes="privacy-dialog")
        self.change = change
        self.working = False

    @property
    def homework(self) -> HomeworkAppProtocol:
        return homework_of(self.app)

    def _fields(self) -> list[str]:
        fields = [] if self.change is Change.ENCRYPT else ["current"]
        return fields if self.change is Change.DECRYPT else [*fields, "new", "again"]

    def compose(self) -> ComposeResult:
        labels = {
            "current": _("Your current passphrase"),
            "new": _("New passphrase (at least {n} characters)").format(n=PASSPHRASE_MIN),
            "again": _("The new passphrase again"),
        }
        with VerticalScroll(classes="dialog"):  # scrolls rather than cut off, at 80x24
            yield Static(Text(_(TITLES[self.change])), classes="dialog-title")
            yield Static(Text(_(EXPLAIN[self.change])), classes="dialog-message")
            for name in self._fields():
                yield Label(labels[name])
                yield TypedInput(password=True, id=f"pp-{name}", compact=True)
            yield Static("", id="privacy-error")
            yield Static("", id="privacy-working")
            yield from self.compose_buttons()
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        for quiet in ("#privacy-error", "#privacy-working"):
            self.query_one(quiet).display = False
        self.query_one("#save", Button).label = _(GO_BUTTONS[self.change])

    def _value(self, name: str) -> str:
        return self.query_one(f"#pp-{name}", Input).value

    def _say(self, widget_id: str, message: str) -> None:
        box = self.query_one(f"#{widget_id}", Static)
        box.update(Text(message))
        box.display = bool(message)

    @on(Input.Submitted)
    def _next_or_go(self, event: Input.Submitted) -> None:
        event.stop()
        fields = self._fields()
        name = (event.input.id or "").removeprefix("pp-")
        if name in fields[:-1]:
            self.query_one(f"#pp-{fields[fields.index(name) + 1]}", Input).focus()
        else:
            self.action_save()

    def holds_auto_lock(self) -> bool:
        """The auto-lock waits while the data is being rewritten (see `privacy_lock`)."""
        return self.working

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("save", "cancel") and self.working:
            return False  # the rewrite is under way: it finishes in seconds, and cannot be undone
        return True

    def action_save(self) -> None:
        if self.working:
            return
        store = self.homework.store
        if store is None or store.read_only:
            self._say(
                "privacy-error", _("This window is read-only, so nothing can be changed here.")
            )
            return
        current = self._value("current") if "current" in self._fields() else None
        new: str | None = None
        if current is not None and not current:
            self._say("privacy-error", _("Please type your current passphrase."))
            self.query_one("#pp-current", Input).focus()
            return
        if self.change is not Change.DECRYPT:
            try:
                new = check_new_passphrase(self._value("new"), self._value("again"))
            except ValidationError as error:
                self._say("privacy-error", error.message)
                self.query_one("#pp-again" if error.field == "again" else "#pp-new", Input).focus()
                return
        self._say("privacy-error", "")
        self._set_working(True)
        self._say("privacy-working", _("Working… this takes a few seconds."))
        self._run(current, new)

    def action_cancel(self) -> None:
        if not self.working:
            self._clear_inputs()
            self.dismiss(None)

    def _set_working(self, working: bool) -> None:
        self.working = working
        for widget in self.query(Input):
            widget.disabled = working
        for button in self.query(Button):
            button.disabled = working
        self.refresh_bindings()

    def _clear_inputs(self) -> None:
        for widget in self.query(Input):
            widget.value = ""

    @work(thread=True, exclusive=True, group="privacy", exit_on_error=False)
    def _run(self, current: str | None, new: str | None) -> None:
        from homework_tui.paths import cache_dir
        from homework_tui.store import StoreError
        from homework_tui.store.crypto import WrongPassphrase

        store = self.homework.store
        assert store is not None
        cost = self.homework.services.kdf_params
        status = self.app.call_from_thread
        try:
            with saving(self):
                if current is not None:
                    status(self._say, "privacy-working", _("Checking your current passphrase…"))
                    store.check_passphrase(current)
                doing = (
                    _("Decrypting your data and backups…")
                    if new is None
                    else _("Encrypting your data and backups…")
                )
                status(self._say, "privacy-working", doing)
                skipped = store.set_passphrase(new, cost)
        except WrongPassphrase as error:
            status(self._failed, str(error), "current")
            return
        except StoreError as error:
            status(self._failed, str(error), None)
            return
        except Exception as error:  # noqa: BLE001 - told calmly, never a traceback
            status(
                self._failed,
                _(
                    "Something unexpected went wrong ({problem}). Your data is as it was before."
                ).format(problem=type(error).__name__),
                None,
            )
            return
        if self.change is Change.ENCRYPT:
            forget_spoken_cache(cache_dir())
        status(self._done, skipped)

    def _failed(self, message: str, field: str | None) -> None:
        self._set_working(False)
        self._say("privacy-working", "")
        self._say("privacy-error", message)
        if field is not None:
            box = self.query_one(f"#pp-{field}", Input)
            box.value = ""
            box.focus()

    def _done(self, skipped: list[Any]) -> None:
        message = _(DONE[self.change])
        if skipped:
            names = ", ".join(Path(p).name for p in skipped)
            message = _(
                "{done} Some old files could not be converted because they were damaged "
                "earlier ({names}); they are unchanged."
            ).format(done=message, names=names)
        self._clear_inputs()
        self.dismiss(message)
