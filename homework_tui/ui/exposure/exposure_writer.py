"""Writes from the exposure screens, one at a time and in the order asked for.

The screen shows each change at once; the writer saves it on a thread worker (never on the event
loop). A write the store refuses is kept and tried again with the next change, and the person is
told once, calmly, with the store's own words.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable

from textual.widget import Widget

from homework_tui.i18n import _
from homework_tui.model.exposure import Exposure, Ladder
from homework_tui.model.exposure.mastery import ExposureSettings
from homework_tui.services.saves import SaveTracker
from homework_tui.store.errors import StoreError
from homework_tui.ui.exposure.exposure_data import ExposureBook

Write = Callable[[ExposureBook], object]


class ExposureWriter:
    def __init__(self, node: Widget, book: ExposureBook, saves: SaveTracker) -> None:
        self.node = node
        self.book = book
        self.saves = saves  # the app's: closing waits for a write in progress
        self._queue: deque[tuple[str, Write]] = deque()
        self._failed: dict[str, Write] = {}
        self._lock = threading.Lock()  # one write at a time
        self._state = threading.Lock()  # guards the queue and the failed writes
        self._warned = False  # told about the current run of refusals already

    def save_ladder(self, ladder: Ladder) -> None:
        self._put(f"ladder:{ladder.id}", lambda book: book.save_ladder(ladder))

    def remove_ladder(self, ladder_id: str) -> None:
        self._put(f"ladder:{ladder_id}", lambda book: book.remove_ladder(ladder_id))

    def restore_ladder(self, ladder_id: str) -> None:
        self._put(f"ladder:{ladder_id}", lambda book: book.restore_ladder(ladder_id))

    def save_exposure(self, exposure: Exposure) -> None:
        self._put(f"exposure:{exposure.id}", lambda book: book.save_exposure(exposure))

    def save_settings(self, settings: ExposureSettings) -> None:
        self._put("settings", lambda book: book.save_settings(settings))

    def _put(self, key: str, write: Write) -> None:
        with self._state:
            self._failed.pop(key, None)  # the newer change replaces the one that failed
            self._queue.extend(self._failed.items())  # the others are tried again first
            self._failed.clear()
            self._queue.append((key, write))
        self.node.run_worker(self._drain, thread=True, group="exposure-write", exit_on_error=False)

    def _drain(self) -> None:
        with self.saves.saving(), self._lock:
            while True:
                with self._state:
                    if not self._queue:
                        return
                    key, write = self._queue.popleft()
                try:
                    write(self.book)
                except StoreError as error:
                    with self._state:
                        self._failed[key] = write
                        first, self._warned = not self._warned, True
                    if first:
                        self.node.app.call_from_thread(self._tell, str(error))
                else:
                    with self._state:
                        self._failed.pop(key, None)
                        self._warned = bool(self._failed)

    def _tell(self, message: str) -> None:
        self.node.notify(
            _(
                "{problem} Your change is still shown here and will be saved with the next one."
            ).format(problem=message),
            title=_("Not saved yet"),
            severity="warning",
            markup=False,
        )
