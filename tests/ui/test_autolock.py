"""Auto-lock in the real app: after the idle minutes (shortened here) the open journal draft is
saved, an opaque lock screen covers everything and takes every key; a wrong passphrase is told; the
right one brings the person back to the same form, same field, same text. A running session holds
the lock off; a screen that finishes under the lock does not uncover it; one timer, no polling."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Static, TextArea

from homework_tui.app import HomeworkApp
from homework_tui.model.safety import CrisisContact, SafetyPlan
from homework_tui.model.settings import Settings
from homework_tui.ui.privacy import privacy_lock
from homework_tui.ui.journal.journal_entry import JournalEntryForm
from homework_tui.ui.privacy.privacy_lock import IdleLock, runs_something
from homework_tui.ui.privacy.privacy_lock_screen import LockScreen
from homework_tui.store import Singleton, Store
from homework_tui.store.crypto import KdfParams
from homework_tui.store.drafts import Drafts
from tests.hand_clock import HandClock
from tests.ui.helpers import SIZE, screen_text, wait_ready, wait_screen, wait_until

GOOD = "correct horse battery"
MINUTE = 0.6  # seconds: a shortened minute


@pytest.fixture(autouse=True)
def short_minutes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(IdleLock, "SECONDS_PER_MINUTE", MINUTE)
    monkeypatch.setattr(privacy_lock, "BUSY_RECHECK", 0.1)
    monkeypatch.setenv("HOMEWORK_TUI_CACHE_DIR", str(tmp_path / "cache"))
    yield


def seed(folder: Path, *, encrypted: bool = True, auto_lock: bool = True) -> None:
    with Store.open(folder) as store:
        Singleton(store, "settings", Settings, Settings).save(
            Settings(auto_lock=auto_lock, auto_lock_minutes=1)
        )
        Singleton(store, "safety", SafetyPlan, SafetyPlan).save(
            SafetyPlan(contacts=(CrisisContact(name="Marguerite", number="0123"),))
        )
        if encrypted:
            store.set_passphrase(GOOD, KdfParams(salt=b"s" * 16, n=2**10))


async def unlock_at_start(pilot: Any) -> HomeworkApp:
    await wait_screen(pilot, "PassphraseDialog")
    pilot.app.focused.insert_text_at_cursor(GOOD)
    await pilot.press("enter")
    return await wait_ready(pilot)


def locked(app: HomeworkApp) -> bool:
    return isinstance(app.screen, LockScreen)


async def test_idle_saves_the_draft_covers_everything_and_unlocks_where_it_was(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Real minutes for the real timer (it never fires during the test); the idle time is moved by
    # hand and the timer's callback is called as it would be when due.
    monkeypatch.setattr(IdleLock, "SECONDS_PER_MINUTE", 60.0)
    clock = HandClock()
    seed(data_dir, auto_lock=False)  # switched on below, once the form is open
    app = HomeworkApp(data_dir)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await unlock_at_start(pilot)
            lock_timer = app.idle_lock
            lock_timer.clock = clock
            lock_timer.touch()
            assert app.passphrase is None  # not kept once the data is open
            await pilot.press("j")
            await wait_screen(pilot, "JournalScreen")
            await pilot.press("n")
            await wait_screen(pilot, "JournalEntryForm")
            form = app.screen
            assert isinstance(form, JournalEntryForm)
            await pilot.press(*"Zanzibar", "tab")
            area = form.query_one("#text", TextArea)
            area.insert("Quetzalcoatl wept by the river")
            await pilot.press("left")
            app.change_settings(auto_lock=True)  # as the Privacy screen's switch does
            assert lock_timer._timer is not None  # armed for the idle minute
            # Keys keep it unlocked: each one starts the idle time again.
            for _ in range(4):
                clock.now += 36  # 0.6 of the minute
                await pilot.press("right")
                lock_timer._due()  # the timer firing: not idle long enough, so it re-arms
                assert not locked(app)
                assert lock_timer._timer is not None
                assert 59 <= lock_timer._timer._interval <= 60  # the whole minute from the key
            clock.now += 59
            lock_timer._due()
            assert not locked(app)
            clock.now += 1
            lock_timer._due()
            await wait_until(pilot, lambda: locked(app))
            lock = app.screen
            assert isinstance(lock, LockScreen)
            await wait_until(pilot, lambda: "homework-tui is locked" in screen_text(app))
            text = screen_text(app)
            for word in ("Zanzibar", "Quetzalcoatl", "Marguerite", "Journal"):
                assert word not in text
            await wait_until(pilot, lambda: "draft is saved" in screen_text(app))
            assert app.store is not None
            (draft,) = Drafts(app.store).pending("journal")
            assert draft.fields["title"] == "Zanzibar"
            assert draft.fields["text"] == "Quetzalcoatl wept by the river"

            # Every key goes to the lock: Esc, Help now, the palette, section keys.
            for key in ("escape", "f2", "ctrl+p", "j", "s"):
                await pilot.press(key)
                await pilot.pause()
                assert app.screen is lock
            assert not any(type(s).__name__ == "HelpNowScreen" for s in app.screen_stack)
            lock.query_one("#unlock-input", Input).value = ""

            lock.query_one("#unlock-input", Input).insert_text_at_cursor("not my passphrase")
            await pilot.press("enter")
            await wait_until(pilot, lambda: "does not open your data" in screen_text(app))
            assert app.screen is lock
            assert lock.query_one("#unlock-input", Input).value == ""  # not kept

            lock.query_one("#unlock-input", Input).insert_text_at_cursor(GOOD)
            await pilot.press("enter")
            await wait_until(pilot, lambda: app.screen is form, timeout=30)
            assert area.text == "Quetzalcoatl wept by the river"
            assert form.query_one("#title", Input).value == "Zanzibar"
            assert app.focused is area
            assert "Quetzalcoatl" in screen_text(app)
            # The lock comes back after the next idle stretch, counted from the unlock.
            assert lock_timer._timer is not None
            clock.now += 60
            lock_timer._due()
            await wait_until(pilot, lambda: locked(app))
            await wait_until(pilot, lambda: "homework-tui is locked" in screen_text(app))
    finally:
        app.close_store()


async def test_a_running_session_holds_the_lock_off_until_it_ends(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Session(Screen[None]):
        running = True

        def holds_auto_lock(self) -> bool:
            return self.running

        def compose(self) -> Any:
            yield Static("breathing in")

    # Real minutes for the real timer (it never locks during the test); the idle time is moved
    # by hand and the timer's callback is called as it would be when due.
    monkeypatch.setattr(IdleLock, "SECONDS_PER_MINUTE", 60.0)
    clock = HandClock()
    seed(data_dir)
    app = HomeworkApp(data_dir)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await unlock_at_start(pilot)
            lock_timer = app.idle_lock
            lock_timer.clock = clock
            lock_timer.touch()
            session = Session()
            await app.push_screen(session)
            for _ in range(3):  # three idle minutes, eyes closed, no keys: not interrupted
                clock.now += 60
                lock_timer._due()
                await pilot.pause()
                assert app.screen is session
            session.running = False
            # idle counts from the end (seen at the last look): a minute from there, not before
            clock.now += 59
            lock_timer._due()
            await pilot.pause()
            assert app.screen is session
            clock.now += 1
            lock_timer._due()
            await wait_until(pilot, lambda: locked(app), timeout=5)
    finally:
        app.close_store()


def test_relaxation_and_exposure_screens_are_recognised_while_they_run() -> None:
    class Player:
        paused = False

    class Started:
        player = Player()

    class RelaxSessionScreen:
        ended = False
        started = Started()

    class TimerPhase:
        value = "running"

    class Timer:
        phase = TimerPhase()

    class ExposureTimerScreen:
        timer = Timer()

    relax, exposure = RelaxSessionScreen(), ExposureTimerScreen()
    assert runs_something(relax) and runs_something(exposure)  # type: ignore[arg-type]
    Player.paused = True
    TimerPhase.value = "last"
    assert not runs_something(relax) and not runs_something(exposure)  # type: ignore[arg-type]
    Player.paused = False
    relax.ended = True
    assert not runs_something(relax)  # type: ignore[arg-type]


async def test_a_screen_that_finishes_under_the_lock_waits_for_the_unlock(data_dir: Path) -> None:
    results: list[str | None] = []

    class Question(ModalScreen[str]):
        def compose(self) -> Any:
            yield Static("A question about Zanzibar")

    seed(data_dir, auto_lock=False)
    app = HomeworkApp(data_dir)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await unlock_at_start(pilot)
            question = Question()
            app.push_screen(question, results.append)
            await pilot.pause()
            app.idle_lock.lock_now()
            await pilot.pause()
            lock = app.screen
            assert isinstance(lock, LockScreen)
            question.dismiss("answered")  # e.g. a save finished in a worker
            app.push_screen(Question())  # e.g. a dialog a worker wanted to show
            await pilot.pause()
            assert app.screen is lock and "Zanzibar" not in screen_text(app)
            assert results == ["answered"]
            lock.query_one("#unlock-input", Input).insert_text_at_cursor(GOOD)
            await pilot.press("enter")
            await wait_until(pilot, lambda: not locked(app), timeout=10)
            assert question not in app.screen_stack
            assert isinstance(app.screen, Question)  # the later one, shown after the unlock
    finally:
        app.close_store()


async def test_one_timer_and_no_wake_ups_while_typing(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(data_dir)
    wakes: list[float] = []
    due = IdleLock._due

    def counted(self: IdleLock) -> None:
        wakes.append(time.monotonic())
        due(self)

    monkeypatch.setattr(IdleLock, "_due", counted)
    minute = 3.0  # longer here: a loaded machine may take a while over one key press
    monkeypatch.setattr(IdleLock, "SECONDS_PER_MINUTE", minute)
    app = HomeworkApp(data_dir)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await unlock_at_start(pilot)
            wakes.clear()
            start = time.monotonic()
            presses = 0
            while presses < 20 or time.monotonic() - start < minute * 2:
                await pilot.press("down")
                presses += 1
            elapsed = time.monotonic() - start
            running = [
                t
                for t in app._timers
                if t.name == "auto-lock" and t._task is not None and not t._task.done()
            ]
            assert len(running) <= 1 and app.idle_lock._timer is not None  # one, re-armed
            assert len(wakes) <= elapsed / minute + 2, wakes  # once per idle period, not per key
            assert not locked(app)
    finally:
        app.close_store()


async def test_no_lock_for_unencrypted_data_even_when_switched_on(data_dir: Path) -> None:
    seed(data_dir, encrypted=False)
    app = HomeworkApp(data_dir)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await wait_ready(pilot)
            await pilot.pause(MINUTE * 2.5)
            assert not locked(app)
            app.idle_lock.lock_now()
            await pilot.pause()
            assert not locked(app)  # nothing to unlock with
    finally:
        app.close_store()
