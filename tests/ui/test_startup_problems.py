"""Start-up problems are calm dialogs with keyboard choices, never a traceback; read-only mode
says so on every screen and refuses saves gently."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from homework_tui.app import HomeworkApp
from homework_tui.model.safety import CrisisContact, SafetyPlan
from homework_tui.store import Singleton, Store
from homework_tui.store.storage import atomic_write, encode_snapshot
from tests.ui.helpers import (
    footer_text,
    SIZE,
    notifications,
    screen_text,
    screen_words,
    wait_ready,
    wait_screen,
    wait_until,
)

AppFactory = Callable[..., HomeworkApp]
ANNA = CrisisContact(name="Anna", number="123")


@pytest.fixture
def other_window(data_dir: Path) -> Iterator[Store]:
    """The data held open by another homework-tui (a real OS lock)."""
    store = Store.open(data_dir)
    Singleton(store, "safety", SafetyPlan, SafetyPlan).save(SafetyPlan(contacts=(ANNA,)))
    yield store
    store.close()


async def wait_dialog(pilot: Pilot[Any], dialog_id: str) -> None:
    await wait_until(pilot, lambda: pilot.app.screen.id == dialog_id, timeout=10)
    await pilot.pause()


async def test_data_open_elsewhere_offers_read_only_with_a_banner_and_refuses_saves(
    app: AppFactory, data_dir: Path, other_window: Store
) -> None:
    async with app().run_test(size=SIZE) as pilot:
        await wait_dialog(pilot, "problem-locked")
        words = screen_words(pilot.app)
        assert "open in another homework-tui window" in words
        assert "Open read-only (r)" in words and "Quit (q)" in words
        footer = footer_text(pilot.app)
        assert "Open read-only" in footer and "Help now" in footer
        await pilot.press("r")
        hw = await wait_ready(pilot)
        assert hw.read_only
        await wait_until(pilot, lambda: bool(hw.screen.query("#read-only-banner")))
        assert "Read-only" in screen_text(hw).splitlines()[0]
        # Help now shows the saved contact and refuses a new one, keeping what was typed
        await pilot.press("f2")
        await wait_screen(pilot, "HelpNowScreen")
        await wait_until(pilot, lambda: bool(hw.screen.query("#read-only-banner")))
        assert "Anna" in screen_words(hw)
        await pilot.press("a")
        await wait_screen(pilot, "ContactForm")
        assert "read-only" in screen_words(hw)
        await pilot.press(*"Ben", "enter", *"456", "enter", "enter")
        await wait_screen(pilot, "HelpNowScreen")
        await wait_until(pilot, lambda: any("read-only" in n for n in notifications(hw)))
        assert "Ben" not in screen_words(hw)  # not shown as if saved
        await pilot.press("a")
        await wait_screen(pilot, "ContactForm")
        assert hw.screen.query_one("#name").value == "Ben"  # type: ignore[attr-defined]
        await pilot.press("escape", "escape")
        # a settings change applies here but is not saved
        await pilot.press("s")
        await wait_screen(pilot, "SettingsScreen")
        assert hw.screen.query("#read-only-banner")
        hw.change_settings(animations=True)
        await wait_until(pilot, lambda: sum("read-only" in n for n in notifications(hw)) >= 2)
    plan = Singleton(other_window, "safety", SafetyPlan, SafetyPlan).load()
    assert plan.contacts == (ANNA,)


async def test_data_open_elsewhere_quit_exits_cleanly(app: AppFactory, other_window: Store) -> None:
    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        await wait_dialog(pilot, "problem-locked")
        await pilot.press("q")
        await wait_until(pilot, lambda: not hw.is_running)
    assert hw.return_code == 1
    assert hw._exception is None


async def test_corrupt_file_without_backup_is_moved_aside_and_starts_fresh(
    app: AppFactory, data_dir: Path
) -> None:
    data_dir.mkdir()
    (data_dir / "homework.json").write_bytes(b"\x00garbage{{{ not json")
    async with app().run_test(size=SIZE) as pilot:
        await wait_dialog(pilot, "problem-corrupt")
        words = screen_words(pilot.app)
        moved = list(data_dir.glob("homework.json.corrupt-*"))
        assert len(moved) == 1 and moved[0].read_bytes().startswith(b"\x00garbage")
        assert "moved aside" in words and "no backup yet" in words
        assert "Start with empty data (f)" in words and "Restore" not in words
        await pilot.press("f")
        hw = await wait_ready(pilot)
        assert not hw.read_only
        assert any(str(moved[0]) in n for n in notifications(hw))


async def test_newer_data_is_refused_untouched(app: AppFactory, data_dir: Path) -> None:
    data_dir.mkdir(mode=0o700)
    newer = encode_snapshot(1, {"_meta": {"schema": {"version": 99}}, "safety": {}})
    atomic_write(data_dir / "homework.json", newer)
    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        await wait_dialog(pilot, "problem-newer")
        words = screen_words(hw)
        assert "newer homework-tui" in words and "Nothing was changed" in words
        await pilot.press("f2")  # Help now is there even now
        await wait_screen(pilot, "HelpNowScreen")
        assert "emergency number" in screen_words(hw)
        await pilot.press("escape")
        await wait_dialog(pilot, "problem-newer")
        await pilot.press("q")
        await wait_until(pilot, lambda: not hw.is_running)
    assert hw.return_code == 1
    assert (data_dir / "homework.json").read_bytes() == newer


async def test_unusable_data_folder_is_explained(app: AppFactory, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("I am a file")
    hw = app(folder=not_a_folder)
    async with hw.run_test(size=SIZE) as pilot:
        await wait_dialog(pilot, "problem-folder")
        words = screen_words(hw)
        assert "cannot use its data folder" in words and "--data-dir" in words
        await pilot.press("q")
        await wait_until(pilot, lambda: not hw.is_running)
    assert hw.return_code == 1
    assert hw._exception is None


async def test_encrypted_data_asks_for_the_passphrase(app: AppFactory, data_dir: Path) -> None:
    from homework_tui.store.crypto import KdfParams

    with Store.open(data_dir) as store:
        Singleton(store, "safety", SafetyPlan, SafetyPlan).save(SafetyPlan(contacts=(ANNA,)))
        store.set_passphrase("correct horse", KdfParams(salt=b"0" * 16, n=2**10))
    async with app().run_test(size=SIZE) as pilot:
        await wait_dialog(pilot, "passphrase")
        await pilot.press(*"wrong", "enter")
        await wait_until(pilot, lambda: "does not open" in screen_words(pilot.app), timeout=20)
        await pilot.press(*"correct horse", "enter")
        hw = await wait_ready(pilot)
        await pilot.press("f2")
        await wait_screen(pilot, "HelpNowScreen")
        assert "Anna" in screen_words(hw)
