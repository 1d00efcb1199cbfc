"""What screens and widgets use from the app, as a `Protocol`: the open store, read-only, the
settings, the services the App owns, and the few places it can open.

Screens depend on this, never on `HomeworkApp` itself (which imports the screens: depending on it
would close an import cycle). Textual's own App API (`push_screen`, `notify`, …) stays on
`self.app`; `homework_of(app)` is the same app seen through this protocol. app.py checks that
`HomeworkApp` satisfies it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from textual.app import App
    from textual.signal import Signal

    from homework_tui.model.settings import Settings
    from homework_tui.services.app_services import Services
    from homework_tui.store import Store

PaletteEntry = tuple[str, str, Callable[[], object]]  # (name, help, run)


class IdleLockProtocol(Protocol):
    """What screens use of the auto-lock (`privacy_lock.IdleLock`)."""

    @property
    def locked(self) -> bool: ...

    def encryption_changed(self) -> None: ...

    def lock_now(self) -> None: ...


class ReadOnlyWatchProtocol(Protocol):
    """What screens use of the read-only watch (`read_only.ReadOnlyWatch`)."""

    def opening_read_only(self) -> None: ...

    def refuse_form_save(self, form: Any) -> None: ...

    def leave_form(self, form: Any) -> None: ...


class HomeworkAppProtocol(Protocol):
    """The homework side of the running app (see the module docstring)."""

    data_folder: Path
    store: Store | None  # open once `data_ready_signal` has fired; sections open only then
    read_only: bool  # saves are refused
    settings: Settings
    services: Services
    passphrase: str | None  # asked for at start-up; dropped once the data opens
    damaged_told: bool  # the person was told of a damaged file in this run already

    @property
    def data_ready_signal(self) -> Signal[Store]: ...

    @property
    def idle_lock(self) -> IdleLockProtocol: ...

    @property
    def read_only_watch(self) -> ReadOnlyWatchProtocol: ...

    def change_settings(self, **changes: Any) -> Settings: ...

    def when_ready(self, then: Callable[[], object]) -> bool: ...

    def go_today(self) -> None: ...

    def open_section(self, key: str) -> None: ...

    def open_settings(self) -> None: ...

    def open_privacy(self) -> None: ...

    def show_help_now(self) -> None: ...

    def palette_commands(self) -> list[PaletteEntry]: ...

    def close_store(self) -> None: ...

    def open_store(self, read_only: bool = False, restore: Path | None = None) -> object: ...


def homework_of(app: App[Any]) -> HomeworkAppProtocol:
    """`app` seen through the protocol: every app these screens run in is a HomeworkApp."""
    return cast("HomeworkAppProtocol", app)
