"""What every homework-tui screen shares: access to the app and its store, and saving from a
thread worker so the event loop never waits on an fsync.

Section screens (thought records, journal, …) may subclass `SectionScreen`: it shows the header
and footer, and Esc goes back to Today. Inside any screen, `self.homework.store` is the open
`Store` (section screens are only opened once it is ready) and `self.homework.read_only` tells
whether saving is refused. Wrap store writes made in thread workers in `with saving():` so that
closing the app waits for them to finish before it closes the store.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from textual.app import ComposeResult
from textual.dom import DOMNode
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header

if TYPE_CHECKING:
    from homework_tui.app import HomeworkApp

T = TypeVar("T")

_saves_running = 0
_saves_done = threading.Condition()


@contextmanager
def saving() -> Iterator[None]:
    """Mark a store write in progress (from any thread); see `wait_for_saves`."""
    global _saves_running
    with _saves_done:
        _saves_running += 1
    try:
        yield
    finally:
        with _saves_done:
            _saves_running -= 1
            _saves_done.notify_all()


def wait_for_saves(timeout: float = 10.0) -> bool:
    """Wait until no write marked with `saving()` is in progress. False on timeout."""
    with _saves_done:
        return _saves_done.wait_for(lambda: _saves_running == 0, timeout)


@dataclass
class Saved(Message):
    """A value was written to the store (posted to the node that asked for the save)."""

    key: str
    value: Any


@dataclass
class SaveRefused(Message):
    """The store refused a save; `message` is written for the person. `value` is what was not
    saved, so the screen can keep it (nothing typed is ever lost)."""

    key: str
    value: Any
    message: str
    read_only: bool


class LatestValueSaver(Generic[T]):
    """Saves one document (settings, the safety plan) from thread workers.

    Each `save(value)` starts a worker; workers take turns, and each writes the newest value asked
    for, so quick successive changes can never land out of order. Results come back to `node` as
    `Saved` / `SaveRefused` messages.
    """

    def __init__(self, node: DOMNode, key: str, write: Callable[[T], object], written: T) -> None:
        self._node = node
        self._key = key
        self._write = write
        self._lock = threading.Lock()
        self._wanted: T = written
        self.written: T = written

    def save(self, value: T) -> None:
        self._wanted = value
        self._node.run_worker(
            self._run, thread=True, group=f"save-{self._key}", exit_on_error=False
        )

    def _run(self) -> None:
        from homework_tui.store import ReadOnly, StoreError

        with self._lock, saving():
            value = self._wanted
            if value == self.written:
                return
            try:
                self._write(value)
            except StoreError as error:
                self._node.post_message(
                    SaveRefused(self._key, value, str(error), isinstance(error, ReadOnly))
                )
                return
            self.written = value
        self._node.post_message(Saved(self._key, value))


class HomeworkScreen(Screen[T]):
    """A screen of homework-tui."""

    @property
    def homework(self) -> HomeworkApp:
        return cast("HomeworkApp", self.app)


class SectionScreen(HomeworkScreen[None]):
    """A section's home screen: header, the section's content, footer. Esc (an app binding)
    goes back to Today from any screen that does not use Esc itself."""

    def compose(self) -> ComposeResult:
        yield Header(icon="·")
        yield from self.compose_content()
        yield Footer()

    def compose_content(self) -> ComposeResult:
        """The section's own widgets, between the header and the footer."""
        yield from ()
