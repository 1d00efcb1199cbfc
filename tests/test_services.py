"""The services the App owns (homework_tui/services, audio/workers.py): each owner has its own,
closing ends what they started, and no module keeps state of its own (DESIGN.md: "no
module-global state anywhere")."""

from __future__ import annotations

import ast
import os
import signal
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from audio.workers import AudioWorkers
from homework_tui.services.app_services import Services
from homework_tui.services.relax_player import RelaxAudio
from homework_tui.services.saves import SaveTracker
from tests.audio.workers import wait_for_workers, wait_until_gone

ROOT = Path(__file__).resolve().parent.parent
MARK_ENV = "HOMEWORK_TUI_TEST_MARK"  # inherited by the helper processes: finds ours in /proc


def global_statements() -> list[str]:
    """`file:line` of every `global` statement in homework_tui and audio."""
    found = []
    for package in ("homework_tui", "audio"):
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            found += [
                f"{path.relative_to(ROOT)}:{node.lineno}"
                for node in ast.walk(tree)
                if isinstance(node, ast.Global)
            ]
    return found


def test_no_module_rebinds_a_global() -> None:
    assert global_statements() == []


def test_a_save_in_progress_holds_the_close_until_it_ends() -> None:
    saves = SaveTracker()
    entered, release = threading.Event(), threading.Event()

    def write() -> None:
        with saves.saving():
            entered.set()
            release.wait(10)

    writer = threading.Thread(target=write)
    writer.start()
    assert entered.wait(10)
    assert saves.running == 1
    assert saves.wait(timeout=0.05) is False  # still writing: the store must not close yet
    release.set()
    assert saves.wait(timeout=10) is True
    writer.join(10)
    assert saves.running == 0


def test_a_failed_write_still_counts_as_ended() -> None:
    saves = SaveTracker()
    with pytest.raises(OSError), saves.saving():
        raise OSError("disk full")
    assert saves.running == 0 and saves.wait(timeout=0) is True


def test_each_app_owns_its_services(tmp_path: Path) -> None:
    from homework_tui.app import HomeworkApp

    first, second = HomeworkApp(tmp_path / "a"), HomeworkApp(tmp_path / "b")
    assert first.services is not second.services
    assert first.services.saves is not second.services.saves
    first.services.relax.cache_personal = False  # what the auto-lock does while encrypted
    assert second.services.relax.cache_personal is True
    quiet = Services(relax=RelaxAudio(sound=False))
    assert HomeworkApp(tmp_path / "c", services=quiet).services is quiet


def test_audio_workers_keep_one_engine_per_cache_folder_for_their_owner(tmp_path: Path) -> None:
    mine, yours = AudioWorkers(), AudioWorkers()
    assert mine.engine(tmp_path) is mine.engine(tmp_path)
    assert mine.engine(tmp_path) is not yours.engine(tmp_path)
    before = mine.engine(tmp_path)
    mine.close()
    assert mine.engine(tmp_path) is not before  # closed for good; the next use makes another


@pytest.fixture
def marker(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    mark = f"services-test-{uuid.uuid4().hex}"
    monkeypatch.setenv(MARK_ENV, mark)
    yield mark
    for pid in wait_until_gone(mark, 0):  # never leave one behind, even when a test failed
        os.kill(pid, signal.SIGKILL)


@pytest.mark.timeout(120)
def test_closing_the_relax_service_ends_the_speech_worker_it_started(
    marker: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOMEWORK_TUI_CACHE_DIR", str(tmp_path / "cache"))
    relax = RelaxAudio(sound=False)
    relax.prewarm()  # what opening the Relax screen does
    started = wait_for_workers(marker, 60)
    if not started:
        pytest.skip("no speech engine could start here")
    relax.close()
    assert wait_until_gone(marker, 20) == []
