"""Autosave of a form's draft, and the form that saves one record: used by the thought record,
journal, experiment and exposure log forms. Nothing the person types waits longer than a few
seconds to reach the disk.

A form screen mixes in `DraftAutosave`, sets `self.keeper` (a `DraftKeeper`), implements
`draft_snapshot()` and calls `start_autosave()` on mount. Then:

* a change (any Input, TextArea or SelectionList) marks the form dirty;
* the draft is written once typing pauses for `QUIET` seconds, and at least every `AT_MOST`
  seconds while typing goes on;
* leaving a field writes it at once, and so does leaving the screen.

Writes run in a thread worker; the keeper orders them, so a slow older write cannot overwrite a
newer one. A failed write says so once, calmly, and is retried at the next change.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from typing import Any, ClassVar

from rich.text import Text
from textual import events, work
from textual.css.query import NoMatches
from textual.widgets import Input, SelectionList, Static, TextArea

from homework_tui.model.base import clean_text
from homework_tui.screens.base import saving
from homework_tui.screens.dialogs import Choice, ChoiceDialog
from homework_tui.store import Store
from homework_tui.store.drafts import DraftKeeper
from homework_tui.store.errors import ReadOnly, StoreError, WriteFailed


class DraftAutosave:
    QUIET = 1.0
    AT_MOST = 4.0
    TICK = 0.25

    keeper: DraftKeeper | None = None
    _dirty: bool = False
    _changed_at: float = 0.0
    _flushed_at: float = 0.0
    _warned: bool = False
    _draft_failing: bool = False  # the last draft write was refused (a full disk, …)
    _autosave_on: bool = False
    _latest: tuple[dict[str, str], str] | None = None

    def draft_snapshot(self) -> tuple[dict[str, str], str]:
        """Every field's raw text, and where the person is in the form."""
        raise NotImplementedError

    def draft_worth_keeping(self, fields: dict[str, str]) -> bool:
        """False when the form holds nothing beyond what is already saved (nothing to keep)."""
        return True

    def start_autosave(self) -> None:
        self._flushed_at = time.monotonic()
        self._autosave_on = True
        self.set_interval(self.TICK, self._autosave_tick)  # type: ignore[attr-defined]

    def stop_autosave(self) -> None:
        self._autosave_on = False
        self._dirty = False

    def note_change(self) -> None:
        if not self._autosave_on:
            return
        now = time.monotonic()
        if not self._dirty:
            self._flushed_at = min(self._flushed_at, now) if self._flushed_at else now
        self._dirty = True
        self._changed_at = now
        try:  # kept so the last keystrokes can still be written as the screen is torn down
            self._latest = self.draft_snapshot()
        except NoMatches:
            pass

    def _autosave_tick(self) -> None:
        if not self._dirty:
            return
        now = time.monotonic()
        if now - self._changed_at >= self.QUIET or now - self._flushed_at >= self.AT_MOST:
            self.flush_draft()

    def flush_draft(self) -> None:
        """Write the draft now (in a worker) if anything changed since the last write."""
        if not self._dirty or self.keeper is None or not self._autosave_on:
            return
        fields, place = self.draft_snapshot()
        self._dirty = False
        if not self.draft_worth_keeping(fields):
            return
        sequence = self.keeper.stamp()
        self._flushed_at = time.monotonic()
        self._write_draft(fields, place, sequence)

    def flush_draft_blocking(self) -> None:
        """Write the draft on this thread: for the moment the screen goes away."""
        if not self._dirty or self.keeper is None or not self._autosave_on:
            return
        try:
            fields, place = self.draft_snapshot()
        except NoMatches:  # the widgets are already gone: use the last snapshot taken
            if self._latest is None:
                return
            fields, place = self._latest
        self._dirty = False
        if not self.draft_worth_keeping(fields):
            return
        try:
            with saving():
                self.keeper.keep(fields, place)
        except StoreError:
            pass  # the last autosave a few seconds ago still holds nearly everything

    def draft_for_lock(self) -> Callable[[], object] | None:
        """For the auto-lock: snapshot the form now (on the event loop) and return the write to
        run on a thread (it raises StoreError), or None when there is nothing to keep."""
        if self.keeper is None or not self._autosave_on:
            return None
        try:
            fields, place = self.draft_snapshot()
        except NoMatches:
            if self._latest is None:
                return None
            fields, place = self._latest
        if not self.draft_worth_keeping(fields):
            return None
        keeper, sequence = self.keeper, self.keeper.stamp()
        self._dirty = False
        return partial(keeper.keep, fields, place, sequence=sequence)

    def draft_lock_failed(self) -> None:
        """The write from `draft_for_lock` was refused: try again with the next autosave."""
        self._dirty = True
        self._draft_failing = True
        self._changed_at = time.monotonic()

    @work(thread=True, group="draft")
    def _write_draft(self, fields: dict[str, str], place: str, sequence: int) -> None:
        assert self.keeper is not None
        try:
            with saving():
                self.keeper.keep(fields, place, sequence=sequence)
        except StoreError as error:
            self.app.call_from_thread(self._draft_failed, str(error))  # type: ignore[attr-defined]
        else:
            self._warned = False
            self._draft_failing = False

    def written_elsewhere(self) -> None:
        """What the form holds now is on disk elsewhere (a file the person chose): nothing is at
        risk until the next change."""
        self._dirty = False
        self._draft_failing = False

    def draft_at_risk(self) -> bool:
        """True when typing in this form has not reached the disk because writes are refused."""
        return self._autosave_on and self._draft_failing

    def _draft_failed(self, message: str) -> None:
        self._dirty = True  # tried again with the next autosave tick
        self._draft_failing = True
        if not self._warned:
            self._warned = True
            self.notify(  # type: ignore[attr-defined]
                f"Your draft could not be saved just now: {message}",
                title="Draft not saved",
                severity="warning",
                markup=False,
            )

    # -- what counts as a change ---------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        cleaned = clean_text(event.value, multiline=False)
        if cleaned != event.value:  # a pasted escape sequence never stays on screen
            event.input.value = cleaned
            return
        self.note_change()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        area = event.text_area
        cleaned = clean_text(area.text)
        if cleaned != area.text:
            area.load_text(cleaned)
            area.move_cursor(area.document.end)
        self.note_change()

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged[Any]) -> None:
        self.note_change()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        self.flush_draft()


class DraftForm(DraftAutosave):
    """A form on one record with an autosaved draft: Ctrl+S saves the record in a worker (an
    error is said in the form, the draft kept); closing asks whether to save, keep the draft or
    discard it, unless nothing changed.

    Besides what `DraftAutosave` asks, a form sets `from_draft` and `_saving`, says things with
    `_say(message)` (in `#MESSAGE_ID`), tells `unchanged(fields)`, writes the record in `persist(store, record,
    *extra)` (on the worker thread) and starts a save with `self._save(record, *extra)`.
    """

    LEAVE_TITLE: ClassVar[str] = "Leave this form?"
    LEAVE_BODY: ClassVar[str] = "What you wrote is safe as a draft until you decide."
    DISCARD_LABEL: ClassVar[str] = "Discard changes"
    NOT_SAVED_NOTE: ClassVar[str] = "Your writing is kept as a draft."
    """Said after 'Not saved yet: <why>'."""
    KEPT_NOTE: ClassVar[str] = "Your draft is kept. It will be offered when you come back."
    NOT_KEPT_NOTE: ClassVar[str] = (
        "It could not be kept as a draft either, so please keep homework-tui open until it is saved."
    )
    """Said after 'Not saved yet: <why>' when the draft could not be written either."""

    MESSAGE_ID: ClassVar[str] = "form-message"
    """The id of the Static where the form says things (hidden while there is nothing to say)."""

    from_draft: bool = False
    _saving: bool = False

    def _say(self, message: str) -> None:
        box = self.query_one(f"#{self.MESSAGE_ID}", Static)  # type: ignore[attr-defined]
        box.update(Text(message))
        box.display = bool(message)

    def unchanged(self, fields: dict[str, str]) -> bool:
        """True when the form holds nothing beyond what it was opened with."""
        raise NotImplementedError

    def persist(self, store: Store, record: Any, *extra: Any) -> Any:
        """Write `record` (on the worker thread, inside `saving()`); return the saved record."""
        raise NotImplementedError

    def saved_note(self, record: Any) -> str | None:
        """What to say (titled 'Saved') once `record` is saved; None says nothing."""
        return None

    def on_unmount(self) -> None:
        self.flush_draft_blocking()

    # -- saving ---------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="save-form")
    def _save(self, record: Any, *extra: Any) -> None:
        store = self.homework.store  # type: ignore[attr-defined]
        try:
            assert store is not None
            assert self.keeper is not None
            with saving():
                saved = self.persist(store, record, *extra)
                self.keeper.finish()
        except ReadOnly:
            self.app.call_from_thread(self._refused_read_only)  # type: ignore[attr-defined]
            return
        except StoreError as error:
            kept = self._keep_latest() if isinstance(error, WriteFailed) else True
            self.app.call_from_thread(  # type: ignore[attr-defined]
                self._save_failed, str(error), kept
            )
            return
        self.app.call_from_thread(self._saved, saved)  # type: ignore[attr-defined]

    def _keep_latest(self) -> bool:
        """After a refused save (on the worker thread): try to keep the newest snapshot as the
        draft. False when that is refused too."""
        latest, keeper = self._latest, self.keeper
        if keeper is None or latest is None:
            return not self._draft_failing
        try:
            with saving():
                keeper.keep(*latest)
        except StoreError:
            return False
        return True

    def _refused_read_only(self) -> None:
        """Nothing can be saved in this window: say so truly and offer a file or a take-over."""
        self.app.read_only_watch.refuse_form_save(self)  # type: ignore[attr-defined]

    def _save_failed(self, message: str, kept: bool = True) -> None:
        self._saving = False
        self._draft_failing = not kept
        if not kept:
            self._dirty = True  # the autosave keeps trying, so the draft lands once it can
        note = self.NOT_SAVED_NOTE if kept else self.NOT_KEPT_NOTE
        self._say(f"Not saved yet: {message} {note}")

    def _saved(self, record: Any) -> None:
        self.stop_autosave()
        note = self.saved_note(record)
        if note is not None:
            self.notify(note, title="Saved", markup=False)  # type: ignore[attr-defined]
        self.dismiss(record)  # type: ignore[attr-defined]

    # -- leaving --------------------------------------------------------------------------------

    def action_close(self) -> None:
        fields, _ = self.draft_snapshot()
        if self.unchanged(fields):
            self._leave("keep" if self.from_draft else "unchanged")
            return
        if getattr(self.app, "read_only", False):  # type: ignore[attr-defined]
            self.app.read_only_watch.leave_form(self)  # type: ignore[attr-defined]
            return
        self.app.push_screen(  # type: ignore[attr-defined]
            ChoiceDialog(
                self.LEAVE_TITLE,
                self.LEAVE_BODY,
                [
                    Choice("s", "Save it", "save", primary=True),
                    Choice("k", "Keep as draft", "keep"),
                    Choice("d", self.DISCARD_LABEL, "discard"),
                ],
                escape="stay",
            ),
            self._leave,
        )

    def _save_chosen(self) -> None:
        """'Save it' was chosen on closing."""
        self.action_save()  # type: ignore[attr-defined]

    def _leave(self, choice: str | None) -> None:
        if choice == "save":
            self._save_chosen()
        elif choice in ("keep", "discard", "unchanged"):
            self._finish_leaving(choice, self.draft_snapshot())

    @work(thread=True, exclusive=True, group="save-form")
    def _finish_leaving(self, choice: str, snapshot: tuple[dict[str, str], str]) -> None:
        keeper = self.keeper
        try:
            with saving():
                if keeper is not None and choice == "keep":
                    keeper.keep(*snapshot)
                elif keeper is not None and choice == "discard":
                    keeper.discard()
                elif keeper is not None:
                    keeper.finish()  # nothing differs from what is saved
        except ReadOnly:
            self.app.call_from_thread(self._leave_read_only, choice)  # type: ignore[attr-defined]
            return
        except StoreError as error:
            self.app.call_from_thread(self._save_failed, str(error))  # type: ignore[attr-defined]
            return
        self.app.call_from_thread(self._close_now, choice)  # type: ignore[attr-defined]

    def _leave_read_only(self, choice: str) -> None:
        if choice == "keep" and not self.unchanged(self.draft_snapshot()[0]):
            self._refused_read_only()
        else:  # nothing here differs from what is on disk, or the person let it go
            self._close_now("unchanged")

    def _close_now(self, choice: str) -> None:
        self.stop_autosave()
        if choice == "keep":
            self.notify(self.KEPT_NOTE, markup=False)  # type: ignore[attr-defined]
        self.dismiss(None)  # type: ignore[attr-defined]


def ask_before_quitting(app: Any) -> bool:
    """When typing in an open form could not reach the disk (a full disk, …), ask before quitting
    (it would be lost) and return True; the answer quits or stays. False: nothing at risk."""
    from homework_tui.screens.privacy_lock import all_screens

    if getattr(getattr(app, "idle_lock", None), "locked", False):
        return False  # at the lock screen: the drafts were tried when it locked
    at_risk = [s for s in all_screens(app) if isinstance(s, DraftAutosave) and s.draft_at_risk()]
    if not at_risk:
        return False

    def chosen(choice: str | None) -> None:
        if choice == "quit":
            app.exit()

    app.push_screen(
        ChoiceDialog(
            "Your writing is not saved yet",
            _quit_warning(app),
            [Choice("s", "Stay", "stay", primary=True), Choice("q", "Quit anyway", "quit")],
            escape="stay",
            id="unsaved-quit",
        ),
        chosen,
    )
    return True


def _quit_warning(app: Any) -> str:
    """Why quitting now would lose typing: a read-only window, or writes being refused."""
    if getattr(app, "read_only", False):
        from homework_tui.screens.read_only import QUIT_WARNING

        return QUIT_WARNING
    return (
        "homework-tui could not write to its data folder just now (see the message in the "
        "form), so what you typed since the last save exists only in this window. If you quit "
        "now it is lost. Free some space or fix the folder, save with Ctrl+S, then quit."
    )
