"""Autosave of a form's draft, and the form that saves one record: used by the thought record,
journal, experiment and exposure log forms. What the person types is on disk within a few tenths
of a second of the last key (`scripts/bench forms`).

A form screen mixes in `DraftAutosave`, sets `self.keeper` (a `DraftKeeper`), implements
`draft_snapshot()` and calls `start_autosave()` on mount. Then:

* a change (any Input, TextArea or SelectionList) marks the form dirty;
* the draft is written once typing pauses for `QUIET` seconds (0.12 s), and at least every
  `AT_MOST` seconds while typing goes on (one timer, armed by a change: nothing ticks while idle);
* leaving a field writes it at once, and so does leaving the screen.

Writes run in a thread worker; the keeper orders them, so a slow older write cannot overwrite a
newer one. A failed write says so once, calmly, and is tried again a second later (and says so
when it lands).
"""

from __future__ import annotations

import asyncio
from typing import Any, ClassVar

from rich.text import Text
from textual import work
from textual.css.query import NoMatches
from textual.widgets import Static

from homework_tui.i18n import N_, _
from homework_tui.store import Store
from homework_tui.store.errors import ReadOnly, StoreError
from homework_tui.ui.base import saving
from homework_tui.ui.dialogs import Choice, ChoiceDialog
from homework_tui.ui.draft_autosave import DraftAutosave


class DraftForm(DraftAutosave):
    """A form on one record with an autosaved draft: Ctrl+S saves the record in a worker (an
    error is said in the form, the draft kept when the disk takes it); closing asks whether to
    save, keep the draft or discard it, unless nothing changed.

    Every message says what is on disk afterwards: "kept as a draft" only once that draft is
    written. Besides what `DraftAutosave` asks, a form sets `from_draft` and `_saving`, says
    things with `_say(message)` (in `#MESSAGE_ID`), tells `unchanged(fields)`, writes the record
    in `persist(store, record, *extra)` (on the worker thread) and starts a save with
    `self._save(record, *extra)`.
    """

    # Texts marked with N_ here and in subclasses, looked up with _ where they are shown.
    LEAVE_TITLE: ClassVar[str] = N_("Leave this form?")
    # Said on closing once the draft holding everything in the form is on disk.
    LEAVE_BODY: ClassVar[str] = N_("What you wrote is on disk as a draft until you decide.")
    DISCARD_LABEL: ClassVar[str] = N_("Discard changes")
    # Said after 'Not saved yet: <why>' once the draft holding all of it is on disk.
    NOT_SAVED_NOTE: ClassVar[str] = N_("Your writing is kept as a draft.")
    KEPT_NOTE: ClassVar[str] = N_("Your draft is kept. It will be offered when you come back.")
    # What the form holds, as said when quitting ("your journal entry").
    # Translators: "Your writing could not be written to disk just now"
    WHAT: ClassVar[str] = N_("writing")

    # The id of the Static where the form says things (hidden while there is nothing to say).
    MESSAGE_ID: ClassVar[str] = "form-message"

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

    def after_saved(self, record: Any) -> None:
        """Called once `record` is on disk, after the saved note, as the form closes."""

    def on_unmount(self) -> None:
        self.flush_draft_blocking()

    # -- what is on disk ------------------------------------------------------------------------

    def holds_unsaved(self) -> bool:
        """True while the form holds writing not saved as its record."""
        if not self._autosave_on:
            return False
        try:
            fields, _unused = self.draft_snapshot()
        except NoMatches:
            return False
        return not self.unchanged(fields)

    def earlier_draft(self) -> str:
        """What of this form is on disk when its newest writing could not be kept."""
        earlier = self.keeper.on_disk if self.keeper is not None else None
        if earlier is None:
            return _("none of it is on disk yet")
        return _("the draft on disk is an older one, from {time}").format(
            time=f"{earlier.updated_at:%H:%M}"
        )

    def not_kept_note(self) -> str:
        """Said when the newest writing could not be kept as a draft either."""
        return _(
            "It could not be kept as a draft either: {draft}. Please keep "
            "homework-tui open until it is saved."
        ).format(draft=self.earlier_draft())

    def _keep_snapshot(self, snapshot: tuple[dict[str, str], str]) -> str | None:
        """Write `snapshot` as the draft (on a worker thread). None once it is on disk (or there
        is nothing to keep); otherwise why it is not."""
        fields, place = snapshot
        if self.keeper is None or not self.draft_worth_keeping(fields):
            return None
        try:
            with saving(self):  # type: ignore[arg-type]  # a mixin of screens
                self.keeper.keep(fields, place)
        except StoreError as error:
            return str(error)
        return None

    async def keep_draft_now(self) -> str | None:
        """Write everything the form holds as its draft now. None once it is on disk; otherwise
        why not (the form then says so, and the autosave keeps trying)."""
        try:
            snapshot = self.draft_snapshot()
        except NoMatches:
            return None
        failed = await asyncio.to_thread(self._keep_snapshot, snapshot)
        self._draft_failing = failed is not None
        self._dirty = False
        if failed is not None:
            self._try_again_later()
        return failed

    # -- saving ---------------------------------------------------------------------------------

    def _save(self, record: Any, *extra: Any) -> None:
        """Save `record` in a worker; the form's fields now are what is kept if it is refused."""
        self._save_in_thread(self.draft_snapshot(), record, *extra)

    @work(thread=True, exclusive=True, group="save-form")
    def _save_in_thread(
        self, snapshot: tuple[dict[str, str], str], record: Any, *extra: Any
    ) -> None:
        store = self.homework.store  # type: ignore[attr-defined]
        call = self.app.call_from_thread  # type: ignore[attr-defined]
        try:
            assert store is not None
            with saving(self):  # type: ignore[arg-type]  # a mixin of screens
                saved = self.persist(store, record, *extra)
        except ReadOnly:
            call(self._refused_read_only)
            return
        except StoreError as error:
            failed = self._keep_snapshot(snapshot)
            call(self._save_failed, str(error), failed is None)
            return
        assert self.keeper is not None
        try:
            with saving(self):  # type: ignore[arg-type]  # a mixin of screens
                self.keeper.finish()
        except StoreError:
            pass  # the record is on disk; its old draft may be offered once more, harmlessly
        call(self._saved, saved)

    def _refused_read_only(self) -> None:
        """Nothing can be saved in this window: say so truly and offer a file or a take-over."""
        self.app.read_only_watch.refuse_form_save(self)  # type: ignore[attr-defined]

    def _save_failed(self, message: str, kept: bool) -> None:
        self._saving = False
        self._draft_failing = not kept
        if not kept:
            self._try_again_later()  # so the draft lands once the disk takes it
        note = _(self.NOT_SAVED_NOTE) if kept else self.not_kept_note()
        self._say(_("Not saved yet: {why} {note}").format(why=message, note=note))

    def _saved(self, record: Any) -> None:
        self.stop_autosave()
        note = self.saved_note(record)
        if note is not None:
            self.notify(note, title=_("Saved"), markup=False)  # type: ignore[attr-defined]
        self.after_saved(record)
        self.dismiss(record)  # type: ignore[attr-defined]

    # -- leaving --------------------------------------------------------------------------------

    async def action_close(self) -> None:
        fields, _unused = self.draft_snapshot()
        if self.unchanged(fields):
            self._leave("keep" if self.from_draft else "unchanged")
            return
        if getattr(self.app, "read_only", False):  # type: ignore[attr-defined]
            self.app.read_only_watch.leave_form(self)  # type: ignore[attr-defined]
            return
        failed = await self.keep_draft_now()
        if failed is None:
            body = _(self.LEAVE_BODY)
        else:
            body = _(
                "What you wrote is not on disk yet: {why} Saving it or keeping it as a draft "
                "tries again; discarding lets it go."
            ).format(why=failed)
        self.app.push_screen(  # type: ignore[attr-defined]
            ChoiceDialog(
                _(self.LEAVE_TITLE),
                body,
                [
                    Choice("s", _("Save it"), "save", primary=True),
                    Choice("k", _("Keep as draft"), "keep"),
                    Choice("d", _(self.DISCARD_LABEL), "discard"),
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
            with saving(self):  # type: ignore[arg-type]  # a mixin of screens
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
            self.app.call_from_thread(  # type: ignore[attr-defined]
                self._leave_failed, choice, str(error)
            )
            return
        self.app.call_from_thread(self._close_now, choice)  # type: ignore[attr-defined]

    def _leave_read_only(self, choice: str) -> None:
        if choice == "keep" and not self.unchanged(self.draft_snapshot()[0]):
            self._refused_read_only()
        else:  # nothing here differs from what is on disk, or the person let it go
            self._close_now("unchanged")

    def _leave_failed(self, choice: str, message: str) -> None:
        if choice == "keep":
            self._draft_failing = True
            self._try_again_later()
            self._say(
                _("Not kept yet: {why} {note}").format(why=message, note=self.not_kept_note())
            )
        else:
            self._say(
                _("The draft could not be changed just now: {why} It is still on disk.").format(
                    why=message
                )
            )

    def _close_now(self, choice: str) -> None:
        self.stop_autosave()
        if choice == "keep":
            self.notify(_(self.KEPT_NOTE), markup=False)  # type: ignore[attr-defined]
        self.dismiss(None)  # type: ignore[attr-defined]
