"""A read-only window: why it is read-only, taking over once the other window has closed, and
saving a form's writing to a file meanwhile. Nothing typed here is ever dropped in silence.

The app owns one `ReadOnlyWatch`. While the data is open in another window it looks at the
writer lock every `LOCK_CHECK_SECONDS` (one non-blocking `flock`, nothing read) and, once that
window has closed, says so in the banner and a note. F5 (shown in the footer) takes over: the
store takes the lock and reloads the data from disk, so what the other window wrote is kept, and
this window saves from then on, every screen and typed text as it was. F6 saves the writing of
the form on screen to a file; a form whose save is refused offers both.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from homework_tui.i18n import N_, _
from homework_tui.ui.app_protocol import homework_of
from homework_tui.ui.dialogs import Choice, ChoiceDialog
from homework_tui.ui.widgets.banner import ReadOnlyBanner

if TYPE_CHECKING:
    from pathlib import Path

    from textual.app import App
    from textual.timer import Timer

    from homework_tui.store import Store

LOCK_CHECK_SECONDS = 2.0
QUIT_WARNING = N_(
    "This window is read-only, so what you typed in a form exists only here, not on disk. If you "
    "quit now it is lost. Stay, then save it to a file (F6), or take over (F5) once the other "
    "window is closed and save it with Ctrl+S."
)
ASKED = "asked"  # started with --read-only
LOCKED = "locked"  # the data is open in another window


class ReadOnlyWatch:
    def __init__(self, app: App[Any], *, asked: bool) -> None:
        self.app = app
        self.homework = homework_of(app)
        self.reason: str | None = ASKED if asked else None
        self.other_closed = False
        self._timer: Timer | None = None
        self._then: list[Callable[[], object]] = []
        self._busy = False

    # -- watching ------------------------------------------------------------------------------

    def opening_read_only(self) -> None:
        """The person chose to open read-only because the data is open in another window."""
        self.reason = LOCKED

    def opened(self, store: Store) -> None:
        if not store.read_only:
            self.reason = None
        elif self.reason == LOCKED and self._timer is None:
            self._timer = self.app.set_interval(LOCK_CHECK_SECONDS, self.check)

    def check(self) -> None:
        """Has the other window closed (or opened again)? Say so when that changes."""
        from homework_tui.store.lock import is_locked

        store = self.homework.store
        if store is None or not store.read_only:
            self._stop()
            return
        try:
            closed = is_locked(store.file) is None
        except OSError:
            return
        if closed == self.other_closed:
            return
        self.other_closed = closed
        self.refresh_banners()
        if closed:
            self.app.notify(
                _(
                    "The other window has closed. Press F5 to take over: from then on, what you "
                    "save in this window is kept."
                ),
                title=_("You can save here now"),
                markup=False,
                timeout=15,
            )

    def _stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    # -- the banner ----------------------------------------------------------------------------

    def banner_text(self) -> str:
        if self.reason == ASKED:
            return _(
                "Read-only: you opened homework-tui with --read-only. You can look around; "
                "nothing you change here is saved. F5 makes this window save."
            )
        if self.other_closed:
            return _(
                "Read-only: the other window has closed. Press F5 to take over, so that what "
                "you save here is kept."
            )
        return _(
            "Read-only: your data is open in another window. You can look around; nothing "
            "you change here is saved. F5 takes over once that window is closed."
        )

    def refresh_banners(self) -> None:
        from homework_tui.ui.privacy.privacy_lock import all_screens

        for screen in all_screens(self.app):
            for banner in screen.query(ReadOnlyBanner):
                banner.say(self.banner_text())

    # -- taking over ---------------------------------------------------------------------------

    def take_over(self, then: Callable[[], object] | None = None) -> None:
        """Try to make this window the one that saves (in a thread); run `then` once it is."""
        store = self.homework.store
        if store is None or not store.read_only:
            if then is not None:
                then()
            return
        if then is not None:
            self._then.append(then)
        if self._busy:
            return
        self._busy = True
        self.app.run_worker(
            partial(self._take_over, store), thread=True, group="take-over", exit_on_error=False
        )

    def _take_over(self, store: Store) -> None:
        from homework_tui.store import StoreError

        try:
            store.take_over()
        except StoreError as error:
            self.app.call_from_thread(self._refused, error)
            return
        store.back_up("start")  # before anything is written from this window
        self.app.call_from_thread(self._taken, store)

    def _refused(self, error: Exception) -> None:
        from homework_tui.store import DataLocked

        self._busy = False
        self._then.clear()
        if isinstance(error, DataLocked):
            self.other_closed = False
            self.refresh_banners()
            message = _(
                "Your data is still open in the other window, so this one stays read-only. "
                "Close homework-tui there, then press F5 again."
            )
        else:
            message = _("This window could not take over: {error} It stays read-only.").format(
                error=error
            )
        self.app.notify(message, title=_("Still read-only"), severity="warning", markup=False)

    def _taken(self, store: Store) -> None:
        self._busy = False
        self._stop()
        self.reason = None
        self.other_closed = False
        self.homework.read_only = False
        from homework_tui.ui.privacy.privacy_lock import all_screens

        for screen in all_screens(self.app):
            screen.query(ReadOnlyBanner).remove()
        self.app.refresh_bindings()
        self.app.notify(
            _("This window now holds your data: what you save here is kept."),
            title=_("Taken over"),
            markup=False,
        )
        self.homework.data_ready_signal.publish(store)
        then, self._then = self._then, []
        for step in then:
            step()

    # -- writing in a form that cannot be saved here -------------------------------------------

    def save_form_to_file(self, form: Any) -> None:
        """Offer to save the writing of `form` (a draft form) to a file of the person's choice."""
        from homework_tui.report.draft_text import default_path, draft_text
        from homework_tui.ui.save_to_file import SaveToFileDialog

        fields, _unused = form.draft_snapshot()
        kind = form.keeper.draft.form
        now = datetime.now()
        dialog = SaveToFileDialog(
            draft_text(kind, fields, now),
            default_path(kind, now),
            why=_(
                "Your data is open read-only in this window, so this writing is not in your "
                "homework data."
            ),
        )
        self.app.push_screen(dialog, partial(self._saved_to_file, form, fields))

    def _saved_to_file(self, form: Any, fields: dict[str, str], path: Path | None) -> None:
        if path is None:
            return
        # What is in the file is on disk: quitting need not warn about it until it changes.
        current, _unused = form.draft_snapshot()
        if current == fields:
            form.written_elsewhere()
        form._say(
            _(
                "Saved to a file: {path}. It is not in your homework data yet: once you can save "
                "here (F5 takes over when the other window is closed), press Ctrl+S to add it."
            ).format(path=path)
        )
        self.app.notify(
            _("Your writing is saved in {path}.").format(path=path),
            title=_("Saved to a file"),
            markup=False,
        )

    def refuse_form_save(self, form: Any) -> None:
        """A draft form's save was refused because this window is read-only: say what is true
        (nothing of it is on disk) and offer the ways to keep it."""
        form._saving = False
        form._say(
            _(
                "Not saved: your data is open read-only in this window, so what you typed is only "
                "on this screen, not on disk. F6 saves it to a file; F5 takes over once the other "
                "window is closed, then Ctrl+S saves it here."
            )
        )
        self.app.push_screen(
            ChoiceDialog(
                _("This window cannot save"),
                _(
                    "{why} What you typed is still here, and not on disk. You can save it to a "
                    "file of your choice now, or take over (once the other window is closed) and "
                    "save it into your homework at once."
                ).format(why=self._why()),
                [
                    Choice("f", _("Save to a file"), "file", primary=True),
                    Choice("t", _("Take over"), "take"),
                    Choice("b", _("Back"), "back"),
                ],
                escape="back",
                id="read-only-save",
            ),
            partial(self._refusal_chosen, form),
        )

    def leave_form(self, form: Any) -> None:
        """Closing a form with typed text in a read-only window: there is no draft to keep."""
        self.app.push_screen(
            ChoiceDialog(
                _("Leave this form?"),
                _(
                    "{why} What you typed is not on disk: if you leave without saving it "
                    "to a file, it is gone."
                ).format(why=self._why()),
                [
                    Choice("f", _("Save to a file"), "file", primary=True),
                    Choice("t", _("Take over"), "take"),
                    Choice("d", _("Leave unsaved"), "leave"),
                ],
                escape="back",
                id="read-only-leave",
            ),
            partial(self._refusal_chosen, form),
        )

    def _why(self) -> str:
        if self.reason == ASKED:
            return _("You opened homework-tui with --read-only, so nothing can be saved here.")
        return _("Your data is open in another window, so nothing can be saved here.")

    def _refusal_chosen(self, form: Any, choice: str | None) -> None:
        if choice == "file":
            self.save_form_to_file(form)
        elif choice == "take":
            self.take_over(then=form.action_save)
        elif choice == "leave":
            form.stop_autosave()
            form.dismiss(None)
