"""Autosave of a form's draft: what the person types is on disk within a few tenths of a second
of the last key (`scripts/bench forms`). Mixed into every form that keeps a draft; `DraftForm`
(form_autosave.py) adds saving the record and leaving.
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

import time
from collections.abc import Callable
from functools import partial
from typing import Any

from textual import events, work
from textual.css.query import NoMatches
from textual.timer import Timer
from textual.widgets import Input, SelectionList, TextArea

from homework_tui.i18n import _
from homework_tui.model.base import clean_text
from homework_tui.store.drafts import DraftKeeper
from homework_tui.store.errors import StoreError
from homework_tui.ui.base import saving
from homework_tui.ui.widgets.clean_input import CleanTextArea


class DraftAutosave:
    # Seconds without a change after which the draft is written.
    QUIET = 0.12
    # While changes go on, the draft is written at least this often (seconds).
    AT_MOST = 1.0
    # After a refused write, the next try comes this many seconds later.
    RETRY = 1.0

    keeper: DraftKeeper | None = None
    _dirty: bool = False
    _changed_at: float = 0.0
    _flushed_at: float = 0.0
    _warned: bool = False
    _draft_failing: bool = False  # the last draft write was refused (a full disk, …)
    _autosave_on: bool = False
    _latest: tuple[dict[str, str], str] | None = None
    _due: Timer | None = None

    def draft_snapshot(self) -> tuple[dict[str, str], str]:
        """Every field's raw text, and where the person is in the form."""
        raise NotImplementedError

    def draft_worth_keeping(self, fields: dict[str, str]) -> bool:
        """False when the form holds nothing beyond what is already saved (nothing to keep)."""
        return True

    def start_autosave(self) -> None:
        self._flushed_at = time.monotonic()
        self._autosave_on = True

    def stop_autosave(self) -> None:
        self._autosave_on = False
        self._dirty = False
        if self._due is not None:
            self._due.stop()
            self._due = None

    def note_change(self) -> None:
        if not self._autosave_on:
            return
        now = time.monotonic()
        if not self._dirty:
            self._flushed_at = now
        self._dirty = True
        self._changed_at = now
        try:  # kept so the last keystrokes can still be written as the screen is torn down
            self._latest = self.draft_snapshot()
        except NoMatches:
            pass
        self._write_within(self.QUIET)

    def _write_within(self, seconds: float) -> None:
        """Look again at `seconds` from now (one timer at a time: no ticking while idle)."""
        if self._due is None and self._autosave_on:
            self._due = self.set_timer(seconds, self._autosave_due)  # type: ignore[attr-defined]

    def _autosave_due(self) -> None:
        self._due = None
        if not self._dirty or not self._autosave_on:
            return
        now = time.monotonic()
        quiet_left = self.QUIET - (now - self._changed_at)
        longest_left = self.AT_MOST - (now - self._flushed_at)
        if quiet_left <= 0 or longest_left <= 0:
            self.flush_draft()
        else:
            self._write_within(min(quiet_left, longest_left))

    def _try_again_later(self) -> None:
        self._dirty = True
        self._changed_at = time.monotonic()
        self._write_within(self.RETRY)

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
            with saving(self):  # type: ignore[arg-type]  # a mixin of screens
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
        self._draft_failing = True
        self._try_again_later()

    @work(thread=True, group="draft")
    def _write_draft(self, fields: dict[str, str], place: str, sequence: int) -> None:
        assert self.keeper is not None
        try:
            with saving(self):  # type: ignore[arg-type]  # a mixin of screens
                self.keeper.keep(fields, place, sequence=sequence)
        except StoreError as error:
            self.app.call_from_thread(self._draft_failed, str(error))  # type: ignore[attr-defined]
        else:
            self.app.call_from_thread(self._draft_written)  # type: ignore[attr-defined]

    def _draft_written(self) -> None:
        if self._draft_failing and self._warned:
            self.notify(  # type: ignore[attr-defined]
                _("Your draft is on disk again, with everything typed up to a moment ago."),
                title=_("Draft saved"),
                markup=False,
            )
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
        self._draft_failing = True
        self._try_again_later()
        if not self._warned:
            self._warned = True
            self.notify(  # type: ignore[attr-defined]
                _("Your draft could not be saved just now: {why}").format(why=message),
                title=_("Draft not saved"),
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
        if not isinstance(area, CleanTextArea):  # a CleanTextArea cleans each edit itself
            cleaned = clean_text(area.text)
            if cleaned != area.text:
                area.load_text(cleaned)
                area.move_cursor(area.document.end)
        self.note_change()

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged[Any]) -> None:
        self.note_change()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        self.flush_draft()
