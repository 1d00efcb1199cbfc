"""Faults with encrypted data, in the real app: a damaged encrypted file (its contents, its header,
or a line of its journal) is told in plain words, moved aside untouched and the newest backup
offered, which restores with the passphrase; and two windows at once (in two real processes): the
second is told, opens read-only or quits, and nothing is corrupted while the first keeps writing."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from homework_tui.app import HomeworkApp
from homework_tui.model.safety import CrisisContact, SafetyPlan
from homework_tui.store import Singleton, Store, list_backups
from homework_tui.store.crypto import KdfParams
from homework_tui.store.storage import journal_path
from tests.ui.helpers import SIZE, screen_words, wait_ready, wait_screen, wait_until

ROOT = Path(__file__).resolve().parents[2]
GOOD = "correct horse battery"
FAST = KdfParams(salt=b"s" * 16, n=2**10)


def safety(store: Store) -> Singleton[SafetyPlan]:
    return Singleton(store, "safety", SafetyPlan, SafetyPlan)


def seed_with_backup(folder: Path) -> None:
    """Yesterday's backup holds Anna; today's data holds Anna and Bea."""
    with Store.open(folder) as store:
        safety(store).save(SafetyPlan(contacts=(CrisisContact(name="Anna", number="1"),)))
        store.set_passphrase(GOOD, FAST)
        assert store.backup_if_due(date.today() - timedelta(days=1)) is not None
        safety(store).save(
            SafetyPlan(
                contacts=(
                    CrisisContact(name="Anna", number="1"),
                    CrisisContact(name="Bea", number="2"),
                )
            )
        )


def damage(folder: Path, how: str) -> bytes:
    data = folder / "homework.json"
    if how == "journal":
        with Store.open(folder, passphrase=GOOD) as store:
            safety(store).save(SafetyPlan(contacts=(CrisisContact(name="Cy", number="3"),)))
            store.storage.close()  # leave the journal line there, as after a crash
            store._lock.release()  # type: ignore[union-attr]
            store._lock = None
        journal = journal_path(data)
        raw = bytearray(journal.read_bytes())
        raw[-20] ^= 0x01  # one bit of the last, whole line's ciphertext
        journal.write_bytes(bytes(raw))
        return bytes(raw)
    raw = bytearray(data.read_bytes())
    if how == "contents":
        raw[len(raw) // 2] ^= 0x01
    else:  # the header: its JSON line cut short
        header_end = raw.index(b"\n", raw.index(b"\n") + 1)
        del raw[header_end - 10 : header_end]
    data.write_bytes(bytes(raw))
    return bytes(raw)


async def type_passphrase(pilot: Any) -> None:
    await wait_screen(pilot, "PassphraseDialog")
    pilot.app.focused.insert_text_at_cursor(GOOD)
    await pilot.press("enter")


@pytest.mark.parametrize("how", ["contents", "header", "journal"])
async def test_a_damaged_encrypted_file_is_moved_aside_and_the_backup_restored(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    monkeypatch.setenv("HOMEWORK_TUI_CACHE_DIR", str(tmp_path / "cache"))
    seed_with_backup(data_dir)
    damaged = damage(data_dir, how)
    app = HomeworkApp(data_dir)
    try:
        async with app.run_test(size=SIZE) as pilot:
            if how != "header":  # a readable header asks for the passphrase first
                await type_passphrase(pilot)
            await wait_until(pilot, lambda: app.screen.id == "problem-corrupt", timeout=10)
            await wait_until(pilot, lambda: "Your data file could not be read" in screen_words(app))
            words = screen_words(app)
            assert "Your data file could not be read" in words
            assert "moved aside, untouched" in words and "The newest:" in words
            assert "Traceback" not in words
            await pilot.press("r")  # every backup is offered, the newest first
            await wait_until(pilot, lambda: app.screen.id == "restore-backup")
            # without the key (a damaged header) the backups are listed without their counts
            listed = "· encrypted (counts shown" if how == "header" else "· 1 other record"
            await wait_until(pilot, lambda: listed in screen_words(app))
            await pilot.press("enter")
            if how == "header":  # the backup is encrypted: its passphrase is asked for now
                await type_passphrase(pilot)
            await wait_ready(pilot)
            assert app.store is not None and app.store.encrypted
            await pilot.press("f2")
            await wait_screen(pilot, "HelpNowScreen")
            assert "Anna" in screen_words(app) and "Bea" not in screen_words(app)
    finally:
        app.close_store()
    assert not list(data_dir.glob("homework.json*.corrupt-*"))  # dealt with: kept aside
    moved = sorted((data_dir / "set-aside").glob("homework.json*.corrupt-*"))
    assert [p.read_bytes() for p in moved if p.read_bytes() == damaged], "kept, untouched"
    with Store.open(data_dir, passphrase=GOOD) as store:  # the restored data stays encrypted
        assert [c.name for c in safety(store).load().contacts] == ["Anna"]
    assert list_backups(data_dir)


async def test_a_wrong_passphrase_for_the_backup_is_told_and_asked_again(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOMEWORK_TUI_CACHE_DIR", str(tmp_path / "cache"))
    seed_with_backup(data_dir)
    damage(data_dir, "header")
    app = HomeworkApp(data_dir)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await wait_until(pilot, lambda: app.screen.id == "problem-corrupt", timeout=10)
            await pilot.press("r")
            await wait_until(pilot, lambda: app.screen.id == "restore-backup")
            await pilot.press("enter")
            await wait_screen(pilot, "PassphraseDialog")
            app.focused.insert_text_at_cursor("not it at all")  # type: ignore[union-attr]
            await pilot.press("enter")
            await wait_until(pilot, lambda: "does not open" in screen_words(app), timeout=10)
            await type_passphrase(pilot)
            await wait_ready(pilot)
    finally:
        app.close_store()


WRITER = r"""
import sys, time
from pathlib import Path
from homework_tui.model.journal import JournalEntry
from homework_tui.ui.journal.journal_entry import journal_repo
from homework_tui.store import Store

store = Store.open(Path(sys.argv[1]), passphrase=sys.argv[2])
print("open", flush=True)
n = 0
while sys.stdin.readline().strip() == "more":
    for _ in range(20):
        n += 1
        journal_repo(store).add(JournalEntry(title=f"first window {n}", text="written"))
    print(n, flush=True)
store.close()
print("closed", flush=True)
"""


async def test_a_second_window_is_told_reads_only_and_corrupts_nothing(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOMEWORK_TUI_CACHE_DIR", str(tmp_path / "cache"))
    seed_with_backup(data_dir)
    first = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data_dir), GOOD],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert first.stdin is not None and first.stdout is not None
    try:
        assert first.stdout.readline().strip() == "open"
        app = HomeworkApp(data_dir)
        try:
            async with app.run_test(size=SIZE) as pilot:
                await wait_until(pilot, lambda: app.screen.id == "problem-locked", timeout=10)
                await wait_until(pilot, lambda: "another homework-tui window" in screen_words(app))
                first.stdin.write("more\n")
                first.stdin.flush()
                written = int(first.stdout.readline())  # the first window keeps writing
                await pilot.press("r")  # open read-only
                await type_passphrase(pilot)
                await wait_ready(pilot)
                assert app.read_only
                await pilot.press("j")
                await wait_screen(pilot, "JournalScreen")
                await wait_until(pilot, lambda: "first window" in screen_words(app))
                assert "Read-only" in screen_words(app)
                await pilot.press("n")  # writing here is refused, in words
                await wait_screen(pilot, "JournalEntryForm")
                app.focused.insert_text_at_cursor("second window")  # type: ignore[union-attr]
                await pilot.press("ctrl+s")
                await wait_until(pilot, lambda: "read-only" in screen_words(app).lower())
                first.stdin.write("more\n")
                first.stdin.flush()
                written = int(first.stdout.readline())
        finally:
            app.close_store()
        first.stdin.write("stop\n")
        first.stdin.flush()
        assert first.stdout.readline().strip() == "closed"
    finally:
        first.stdin.close()
        if first.wait(timeout=20) is None:  # pragma: no cover
            first.kill()
    with Store.open(data_dir, passphrase=GOOD) as store:  # loads; every write of the first
        titles = {d["title"] for d in store.storage.read().get("journal", {}).values()}
    assert titles == {f"first window {n}" for n in range(1, written + 1)}
