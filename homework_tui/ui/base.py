"""What every homework-tui screen shares: access to the app and its store, and saving from a
thread worker so the event loop never waits on an fsync.

Section screens (thought records, journal, …) may subclass `SectionScreen`: it shows the header
and footer, and Esc goes back to Today. Inside any screen, `self.homework.store` is the open
`Store` (section screens are only opened once it is ready) and `self.homework.read_only` tells
whether saving is refused. Wrap store writes made in thread workers in `with saving(self):` so
that closing the app waits for them to finish before it closes the store (the count is the App's
`services.saves`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import ActiveBinding
from textual.dom import DOMNode
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header

from homework_tui.ui.app_protocol import HomeworkAppProtocol, homework_of
from homework_tui.ui.language.keys_in_language import in_language
from homework_tui.ui.widgets.footer import Footer

T = TypeVar("T")


def saving(node: DOMNode) -> AbstractContextManager[None]:
    """Mark a store write in progress (from any thread) for the app `node` belongs to; closing
    the app waits for it (`SaveTracker.wait`)."""
    return homework_of(node.app).services.saves.saving()


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

        with self._lock, saving(self._node):
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
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return in_language(super().active_bindings)

    @property
    def homework(self) -> HomeworkAppProtocol:
        return homework_of(self.app)


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
