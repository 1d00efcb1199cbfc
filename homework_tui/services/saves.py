"""The store writes in progress, so that closing the app waits for them before the store closes.

Screens save from thread workers (the event loop never waits on an fsync). Each write runs inside
`SaveTracker.saving()`; `wait()` returns once none is running. The App owns one tracker (in its
`Services`); nothing here knows of Textual.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


class SaveTracker:
    """Counts the writes in progress, from any thread."""

    def __init__(self) -> None:
        self._running = 0
        self._done = threading.Condition()

    @contextmanager
    def saving(self) -> Iterator[None]:
        """Mark a store write in progress for as long as the `with` block runs."""
        with self._done:
            self._running += 1
        try:
            yield
        finally:
            with self._done:
                self._running -= 1
                self._done.notify_all()

    @property
    def running(self) -> int:
        with self._done:
            return self._running

    def wait(self, timeout: float = 10.0) -> bool:
        """Wait until no write marked with `saving()` is in progress. False on timeout."""
        with self._done:
            return self._done.wait_for(lambda: self._running == 0, timeout)
