"""Privacy and lock, in the real app by keyboard: encrypt from Settings (short and mismatched
passphrases explained, the no-recovery warning shown, the work done off the event loop), change the
passphrase (a wrong current one changes no byte on disk), decrypt, and the auto-lock minutes
checked with a clear message. Auto-lock itself is in test_autolock.py."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from homework_tui.app import HomeworkApp
from homework_tui.model.safety import CrisisContact, SafetyPlan
from homework_tui.services.app_services import Services
from homework_tui.ui.privacy.privacy import PrivacyScreen
from homework_tui.ui.privacy.privacy_dialogs import PassphraseChangeDialog
from homework_tui.store import Singleton, Store
from homework_tui.store.crypto import KdfParams, PassphraseNeeded, WrongPassphrase, is_sealed
from tests.ui.helpers import (
    SIZE,
    screen_words,
    settle,
    wait_for_words,
    wait_ready,
    wait_screen,
    wait_until,
)

FAST = KdfParams(salt=b"s" * 16, n=2**10)
GOOD = "correct horse battery"


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Speech cache and config of the test's own (encrypting clears the speech cache)."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("HOMEWORK_TUI_CACHE_DIR", str(cache))
    monkeypatch.setenv("HOMEWORK_TUI_CONFIG_DIR", str(tmp_path / "config"))
    yield cache


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(".lock")
    }


def seed(folder: Path, passphrase: str | None = None) -> None:
    with Store.open(folder) as store:
        Singleton(store, "safety", SafetyPlan, SafetyPlan).save(
            SafetyPlan(contacts=(CrisisContact(name="Marguerite", number="0123"),))
        )
        if passphrase:
            store.set_passphrase(passphrase, FAST)


async def open_privacy(pilot) -> PrivacyScreen:  # type: ignore[no-untyped-def]
    await pilot.press("s")
    await wait_screen(pilot, "SettingsScreen")
    await pilot.press("ctrl+l")
    await wait_screen(pilot, "PrivacyScreen")
    screen = pilot.app.screen
    assert isinstance(screen, PrivacyScreen)
    return screen


async def fill(pilot, *values: str) -> None:  # type: ignore[no-untyped-def]
    """Type each value into the dialog's passphrase boxes in turn (Enter moves on, then goes)."""
    for value in values:
        pilot.app.focused.insert_text_at_cursor(value)  # as a paste arrives: one event
        await pilot.press("enter")
    await pilot.pause()


async def test_encrypt_from_settings_explains_then_works_off_the_event_loop(
    data_dir: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(data_dir)
    (private_cache / "ab").mkdir(parents=True)
    (private_cache / "ab" / "ab12.wav").write_bytes(b"RIFF old speech")
    release = threading.Event()
    real = Store.set_passphrase

    def held(store: Store, *args: object) -> list[Path]:
        assert release.wait(10), "the test never let the rewrite go on"
        return real(store, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "set_passphrase", held)
    app = HomeworkApp(data_dir, services=Services(kdf_params=FAST))
    try:
        async with app.run_test(size=SIZE) as pilot:
            await wait_ready(pilot)
            privacy = await open_privacy(pilot)
            words = screen_words(app)
            assert "not encrypted" in words and "Auto-lock is offered once" in words
            await pilot.press("e")
            await wait_screen(pilot, "PassphraseChangeDialog")
            assert "no way to recover a forgotten passphrase" in screen_words(app)
            assert all(box.password for box in app.screen.query("Input"))  # type: ignore[attr-defined]

            await fill(pilot, "short", "short")
            assert "at least 8 characters (this one has 5)" in screen_words(app)
            for box in app.screen.query("Input"):
                box.value = ""  # type: ignore[attr-defined]
            app.screen.query_one("#pp-new").focus()
            await fill(pilot, GOOD, GOOD + "!")
            assert "not the same" in screen_words(app)
            assert not is_sealed((data_dir / "homework.json").read_bytes()[:64])

            app.screen.query_one("#pp-again").value = GOOD  # type: ignore[attr-defined]
            await pilot.press("ctrl+s")
            # The rewrite runs in a thread: held there, the screen still paints and says so,
            # and Esc cannot walk away from a rewrite under way.
            await wait_until(pilot, lambda: "Encrypting your data" in screen_words(app))
            await pilot.press("escape")
            assert isinstance(app.screen, PassphraseChangeDialog) and app.screen.working
            release.set()
            await wait_until(pilot, lambda: app.screen is privacy, timeout=20)
            await wait_until(pilot, lambda: "Your data is now encrypted" in screen_words(app))
            assert "Lock when idle" in screen_words(app)
            assert app.store is not None and app.store.encrypted
            assert app.focused is privacy.query_one("#change")  # not the hidden Encrypt
            await pilot.press("tab", "tab", "tab", "space")  # on to auto-lock, by keyboard
            assert app.settings.auto_lock
    finally:
        app.close_store()
    assert is_sealed((data_dir / "homework.json").read_bytes()[:64])
    assert not (private_cache / "ab" / "ab12.wav").exists()  # old speech may hold own words
    with pytest.raises(PassphraseNeeded):
        Store.open(data_dir)
    with Store.open(data_dir, passphrase=GOOD) as store:
        plan = Singleton(store, "safety", SafetyPlan, SafetyPlan).load()
        assert plan.contacts[0].name == "Marguerite"


async def test_a_wrong_current_passphrase_changes_nothing_then_change_and_decrypt(
    data_dir: Path,
) -> None:
    seed(data_dir, GOOD)
    new = "a brand new passphrase"
    app = HomeworkApp(data_dir, services=Services(kdf_params=FAST))
    try:
        async with app.run_test(size=SIZE) as pilot:
            await wait_screen(pilot, "PassphraseDialog")
            await pilot.press(*GOOD, "enter")
            await wait_ready(pilot)
            await open_privacy(pilot)
            assert "encrypted with your passphrase" in screen_words(app)
            await settle(pilot)
            before = fingerprint(data_dir)

            await pilot.press("c")
            await wait_screen(pilot, "PassphraseChangeDialog")
            await fill(pilot, "not the one at all", new, new)
            await wait_until(pilot, lambda: "does not open your data" in screen_words(app))
            dialog = app.screen
            assert isinstance(dialog, PassphraseChangeDialog) and not dialog.working
            assert dialog.query_one("#pp-current").value == ""  # type: ignore[attr-defined]
            assert app.focused is dialog.query_one("#pp-current")
            assert fingerprint(data_dir) == before  # not one byte changed

            await pilot.press(*"correct ")  # typed in part, then the rest pasted
            app.focused.insert_text_at_cursor("horse battery")  # type: ignore[union-attr]
            await pilot.press("ctrl+s")
            await wait_until(pilot, lambda: isinstance(app.screen, PrivacyScreen), timeout=20)
            assert "passphrase is changed" in screen_words(app)
            await pilot.press("d")
            await wait_screen(pilot, "PassphraseChangeDialog")
            assert "anyone who can open your files can read them" in screen_words(app)
            await fill(pilot, GOOD)
            await wait_until(pilot, lambda: "does not open your data" in screen_words(app))
            await fill(pilot, new)
            await wait_until(pilot, lambda: isinstance(app.screen, PrivacyScreen), timeout=20)
            assert "stored unencrypted again" in screen_words(app)
            assert app.store is not None and not app.store.encrypted
    finally:
        app.close_store()
    with Store.open(data_dir) as store:
        assert not store.encrypted
        assert (
            Singleton(store, "safety", SafetyPlan, SafetyPlan).load().contacts[0].number == "0123"
        )


async def test_change_in_between_is_refused_for_old_and_accepted_for_new(data_dir: Path) -> None:
    seed(data_dir, GOOD)
    with Store.open(data_dir, passphrase=GOOD) as store:
        store.check_passphrase(GOOD)
        with pytest.raises(WrongPassphrase):
            store.check_passphrase("nope nope nope")


async def test_auto_lock_minutes_are_checked_and_offered_only_when_encrypted(
    data_dir: Path,
) -> None:
    seed(data_dir, GOOD)
    app = HomeworkApp(data_dir, services=Services(kdf_params=FAST))
    try:
        async with app.run_test(size=SIZE) as pilot:
            await wait_screen(pilot, "PassphraseDialog")
            await pilot.press(*GOOD, "enter")
            await wait_ready(pilot)
            await open_privacy(pilot)
            switch = app.screen.query_one("#auto_lock")
            switch.focus()
            await pilot.press("enter")
            await wait_until(pilot, lambda: app.settings.auto_lock)
            minutes = app.screen.query_one("#auto_lock_minutes")
            minutes.focus()
            for typed, told in (
                ("0", "Auto-lock minutes is 0; it goes from 1 to 120."),
                ("121", "Auto-lock minutes is 121; it goes from 1 to 120."),
                ("", "Auto-lock minutes needs a whole number from 1 to 120."),
            ):
                minutes.value = typed  # type: ignore[attr-defined]
                await pilot.press("enter")
                await wait_for_words(pilot, told)
            minutes.value = "15"  # type: ignore[attr-defined]
            await pilot.press("enter")
            await settle(pilot)
            assert app.settings.auto_lock_minutes == 15
            assert "goes from" not in screen_words(app)
    finally:
        app.close_store()
    with Store.open(data_dir, passphrase=GOOD) as store:
        from homework_tui.model.settings import Settings

        saved = Singleton(store, "settings", Settings, Settings).load()
        assert saved.auto_lock and saved.auto_lock_minutes == 15
