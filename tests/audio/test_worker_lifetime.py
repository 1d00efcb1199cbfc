"""A speech or sound worker never outlives the process that started it (issue 13, point 12): the
kernel kills it when its parent dies (PR_SET_PDEATHSIG), it exits when its lifeline pipe ends even
while its requests pipe stays open, and starting one from a short-lived thread does not tie it to
that thread. The app-level tests (kill -9 of the app; an App ending under Pilot) are in
tests/ui/test_worker_lifetime.py."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from audio._proc import Worker, close_all_workers
from tests.audio.workers import wait_until_gone, worker_pids

ROOT = Path(__file__).resolve().parents[2]
MARK_ENV = "HOMEWORK_TUI_TEST_WORKER_MARK"

# A parent that starts a speech worker, then forks a child holding every fd it has (as a forked
# helper of a test runner would): the worker's requests and lifeline pipes stay open after the
# parent dies, so only the parent-death signal can end the worker.
PARENT = """
import os, sys, time
from audio._proc import Worker
worker = Worker("audio._voice_worker")
hello = worker.read(30)
holder = os.fork()
if holder == 0:
    time.sleep(120)
    os._exit(0)
print(hello.get("ready"), hello.get("pid"), holder, flush=True)
time.sleep(120)
"""


@pytest.fixture
def marker(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    mark = f"worker-test-{uuid.uuid4().hex}"
    monkeypatch.setenv(MARK_ENV, mark)
    yield mark
    close_all_workers()
    for pid in worker_pids(mark):  # never leave one behind, even when a test failed
        os.kill(pid, signal.SIGKILL)


def _voice_worker() -> Worker:
    worker = Worker("audio._voice_worker")
    hello = worker.read(30)
    if not hello.get("ready"):
        worker.close()
        pytest.skip(f"no speech engine here: {hello.get('error')}")
    return worker


def test_the_worker_dies_with_its_parent_even_when_its_pipes_stay_open(marker: str) -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    holder = 0
    try:
        assert parent.stdout is not None
        ready, worker_pid, holder_pid = parent.stdout.readline().split()
        holder = int(holder_pid)
        if ready != "True":
            pytest.skip("no speech engine here")
        assert worker_pids(marker) == [int(worker_pid)]
        parent.kill()  # kill -9: no clean-up runs in the parent
        parent.wait()
        assert wait_until_gone(marker, timeout=3) == []
    finally:
        parent.kill()
        if holder:
            os.kill(holder, signal.SIGKILL)


def test_the_worker_ends_when_its_lifeline_ends_though_stdin_is_open(marker: str) -> None:
    worker = _voice_worker()
    assert worker_pids(marker) == [worker.proc.pid]
    worker._cut_lifeline()  # what the parent's death does where no signal is sent
    assert worker.proc.wait(timeout=3) == 0
    assert worker.proc.stdin is not None and not worker.proc.stdin.closed
    worker.close()


def test_a_worker_started_from_a_thread_outlives_the_thread(marker: str) -> None:
    made: list[Worker] = []
    thread = threading.Thread(target=lambda: made.append(_voice_worker()))
    thread.start()
    thread.join()
    worker = made[0]
    worker.send({"op": "voices", "id": 1})  # it still answers once the thread has ended
    assert worker.read(30).get("ok") is True
    assert worker.proc.poll() is None
    worker.close()
    assert worker_pids(marker) == []


def test_close_all_workers_ends_every_open_worker(marker: str) -> None:
    first, second = _voice_worker(), _voice_worker()
    assert worker_pids(marker) == sorted([first.proc.pid, second.proc.pid])
    close_all_workers()
    assert first.proc.poll() is not None and second.proc.poll() is not None
    assert worker_pids(marker) == []


def test_the_sound_sink_worker_ends_with_its_lifeline_and_is_closed_by_close_all(
    marker: str,
) -> None:
    from audio.errors import DeviceError
    from audio.sink import Sink

    try:
        first, second = Sink(), Sink()
    except DeviceError as error:
        pytest.skip(f"no PortAudio here: {error}")
    assert worker_pids(marker) == sorted([first.worker.proc.pid, second.worker.proc.pid])
    first.worker._cut_lifeline()  # what the parent's death does where no signal is sent
    assert first.worker.proc.wait(timeout=3) == 0
    close_all_workers()
    assert second.worker.proc.poll() is not None
    assert worker_pids(marker) == []
    first.close()
    second.close()


def test_a_worker_that_cannot_start_closes_its_pipe_once(
    marker: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Closing the lifeline twice would close whatever reused its number (once the event loop's
    own pipe: a test run then hung at its end)."""
    import gc

    python = sys.executable
    monkeypatch.setattr(sys, "executable", "/nonexistent/python")
    with pytest.raises(OSError) as caught:
        Worker("audio._voice_worker")
    reused = os.pipe()  # takes the numbers the failed start freed
    try:
        del caught
        monkeypatch.setattr(sys, "executable", python)
        _voice_worker().close()  # the next start lets go of the failed one's traceback
        gc.collect()  # the failed Worker goes now, if not before
        for fd in reused:
            os.fstat(fd)  # still open
    finally:
        for fd in reused:
            os.close(fd)
