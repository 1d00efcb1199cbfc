"""Auto-lock: after N idle minutes an opaque passphrase screen covers everything.

Idle means no key, mouse or paste event reached the app. The app calls `IdleLock.touch()` for each
(it only stores the time); a single one-shot Textual timer is armed for the moment the idle time
would reach N minutes, and when it fires it either locks or re-arms for the time still missing.
So nothing polls: with steady typing the timer wakes about once every N minutes.

Locking:
1. every open draft form is snapshotted on the event loop and written in one thread worker
   (`DraftAutosave.draft_for_lock`), so nothing typed depends on coming back;
2. notifications are cleared (a toast may quote a note) and `LockScreen`, a full screen, is pushed
   on top of whatever shows. While locked, the app's own actions (Esc, F2, the command palette)
   are refused, and any screen hidden below that finishes something (a dismiss or push from a
   worker) waits until the unlock, so nothing can uncover the notes;
3. the passphrase typed is checked in a thread against the key the data is encrypted with (scrypt:
   as slow as unlocking at start). The right one pops the lock screen: the person is back where
   they were, the forms as they left them. A wrong one is told, and nothing changes.

A relaxation session or an exposure timer in progress is never interrupted: while one runs the
lock waits (checking again every `BUSY_RECHECK` seconds), and the idle time counts from its end.

What stays in memory while locked: the decrypted records the open store holds, the widgets of the
screens below (with any typed text) and the derived key. The passphrase typed at start-up or at an
unlock is not kept once checked. The lock protects the screen, not the process's memory.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from textual.await_complete import AwaitComplete

from homework_tui.ui.app_protocol import homework_of

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen
    from textual.timer import Timer

    from homework_tui.ui.privacy.privacy_lock_screen import LockScreen

BUSY_RECHECK = 30.0  # seconds between looks while a session or exposure timer runs
ALLOWED_WHILE_LOCKED = frozenset({"quit", "help_quit", "toggle_keys"})


def all_screens(app: Any) -> list[Screen[Any]]:
    """Every screen in every mode (the shown one and those kept for later)."""
    stacks: dict[str, list[Screen[Any]]] = getattr(app, "_screen_stacks", {})
    return [screen for stack in stacks.values() for screen in stack]


def runs_something(screen: Screen[Any]) -> bool:
    """True while `screen` runs a relaxation session or an exposure timer that a lock would cut
    into. A screen may also say so itself with a `holds_auto_lock()` method."""
    holds = getattr(screen, "holds_auto_lock", None)
    if callable(holds):
        return bool(holds())
    names = {cls.__name__ for cls in type(screen).__mro__}
    if "RelaxSessionScreen" in names:
        started = getattr(screen, "started", None)
        player = getattr(started, "player", None)
        return not getattr(screen, "ended", True) and not getattr(player, "paused", False)
    if "ExposureTimerScreen" in names:
        phase = getattr(getattr(screen, "timer", None), "phase", None)
        return getattr(phase, "value", None) == "running"
    return False


class IdleLock:
    """The app's auto-lock (see the module docstring). `app.idle_lock`."""

    SECONDS_PER_MINUTE: ClassVar[float] = 60.0  # tests shorten the minute

    def __init__(self, app: App[Any], clock: Callable[[], float] = time.monotonic) -> None:
        self.app = app
        self.homework = homework_of(app)
        self.clock = clock  # tests give a clock they move by hand
        self.last_input = clock()
        self.screen: LockScreen | None = None
        self.locked_at: float | None = None
        self._timer: Timer | None = None
        self._unlocking = False
        self._later: list[Callable[[], object]] = []

    # -- state ---------------------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self.screen is not None

    @property
    def available(self) -> bool:
        store = self.homework.store
        return store is not None and store.encrypted

    @property
    def idle_seconds(self) -> float | None:
        """How long without input until the lock, or None when auto-lock is off."""
        settings = self.homework.settings
        if not (self.available and settings.auto_lock):
            return None
        return settings.auto_lock_minutes * self.SECONDS_PER_MINUTE

    def touch(self) -> None:
        """A key, mouse or paste event: called for every one, so it only notes the time."""
        self.last_input = self.clock()

    def allows(self, action: str) -> bool:
        return not self.locked or action in ALLOWED_WHILE_LOCKED

    # -- the timer -----------------------------------------------------------------------------

    def settings_changed(self) -> None:
        """Auto-lock was switched, its minutes changed, or the data was opened: arm anew."""
        self._arm()

    def encryption_changed(self) -> None:
        """The data was encrypted or decrypted in this window."""
        self.speech_policy()
        self._arm()

    def speech_policy(self) -> None:
        """While the data is encrypted, speech of the person's own words is not cached on disk."""
        self.homework.services.relax.cache_personal = not self.available

    def _arm(self, delay: float | None = None) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        wait = self.idle_seconds
        if wait is None or self.locked:
            return
        if delay is None:
            delay = self.last_input + wait - self.clock()
        # (never 0: a zero-second Textual timer divides by its interval)
        self._timer = self.app.set_timer(max(0.05, delay), self._due, name="auto-lock")

    def _due(self) -> None:
        self._timer = None
        wait = self.idle_seconds
        if wait is None or self.locked:
            return
        if any(runs_something(screen) for screen in all_screens(self.app)):
            self.touch()  # the idle time counts from the end of the session
            self._arm(min(BUSY_RECHECK, wait))
            return
        if self.clock() - self.last_input < wait:
            self._arm()
            return
        self.lock_now()

    # -- locking -------------------------------------------------------------------------------

    def lock_now(self) -> None:
        if self.locked or not self.available:
            return
        if any(
            type(s).__name__ == "PassphraseChangeDialog" and runs_something(s)
            for s in all_screens(self.app)
        ):
            return  # mid-rewrite the key is changing: lock once it is done
        from homework_tui.ui.privacy.privacy_lock_screen import DraftJob, LockScreen

        jobs: list[DraftJob] = []
        for screen in all_screens(self.app):
            take = getattr(screen, "draft_for_lock", None)
            job = take() if callable(take) else None
            if job is not None:
                jobs.append((screen, job))
        self.app.clear_notifications()
        self.screen = LockScreen(self, drafts=len(jobs))
        self.locked_at = self.clock()
        self.app.push_screen(self.screen)
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if jobs:
            self.screen.save_drafts(jobs)

    def unlocked(self) -> None:
        """The right passphrase: uncover, then let what waited happen, in order."""
        if self.screen is None:
            return
        self._unlocking = True
        try:
            self.app.pop_screen()
        finally:
            self._unlocking = False
        self.screen = None
        self.locked_at = None
        later, self._later = self._later, []
        for call in later:
            call()
        self.touch()
        self._arm()

    def defers(self, screen: object | None) -> bool:
        """Whether a push (of `screen`) or a pop (None) must wait until the unlock."""
        if not self.locked or self._unlocking:
            return False
        return screen is not self.screen

    def later(self, call: Callable[[], object]) -> AwaitComplete:
        self._later.append(call)
        return AwaitComplete()
