"""Helper processes (the speech worker and the sound sink): start them quickly and talk JSON lines.

Each runs `python -S -m audio.<module>`: -S skips site processing (about 20 ms); the folders it
would add are passed in PYTHONPATH. A worker keeps a private copy of its stdout for the protocol and
points fds 1 and 2 at /dev/null, so nothing a C library prints reaches the person's terminal.

A worker never outlives the process that started it, however that process ends (kill -9 too):
* on Linux it asks for SIGKILL when its parent dies (PR_SET_PDEATHSIG). The kernel sends it when
  the *thread* that started the child ends, so every worker is started from one thread that lives
  as long as the process (`_Spawner`), never from a short-lived worker thread;
* everywhere, it watches a "lifeline" pipe whose only writing end the parent holds and never writes
  to: end of file there means the parent is gone (or closed the worker), and the worker exits even
  while it is busy and not reading its requests;
* `close_all_workers()` closes every worker this process started and has not closed: the app calls
  it (through `AudioWorkers.close()`) when it ends.
"""

from __future__ import annotations

import ctypes
import json
import os
import select
import signal
import subprocess
import sys
import threading
import weakref
from concurrent.futures import Future
from pathlib import Path
from queue import SimpleQueue
from typing import Any, TextIO

# Passed to a worker in its environment (and removed from it there).
LIFELINE_ENV = "AUDIO_WORKER_LIFELINE"  # the fd of the lifeline pipe's reading end
PARENT_ENV = "AUDIO_WORKER_PARENT"  # the pid of the process that started it
PR_SET_PDEATHSIG = 1  # from <sys/prctl.h>


def watch_parent() -> None:
    """(in a worker, first thing) End this process when its parent ends: see the module's notes."""
    parent = int(os.environ.pop(PARENT_ENV, "0") or 0)
    lifeline = os.environ.pop(LIFELINE_ENV, "")
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the lifeline below still ends us
        if parent and os.getppid() != parent:
            os._exit(0)  # the parent died before the signal was asked for
    if lifeline:
        threading.Thread(
            target=_exit_at_eof, args=(int(lifeline),), name="lifeline", daemon=True
        ).start()


def _exit_at_eof(fd: int) -> None:
    try:
        while os.read(fd, 64):
            pass  # the parent never writes; only the end of the file matters
    except OSError:
        pass
    os._exit(0)


def private_stdout() -> TextIO:
    """(in a worker) Keep a copy of stdout for the protocol, then send fds 1 and 2 to /dev/null."""
    proto = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # lives as long as we do: no `with`
    sys.stderr = sys.stdout
    return proto


class _Spawner:
    """Starts processes from one daemon thread that lives as long as this process, so a worker's
    parent-death signal (tied to the thread that started it) comes only when the process ends."""

    def __init__(self) -> None:
        self._requests: SimpleQueue[tuple[Future[subprocess.Popen[bytes]], dict[str, Any]]] = (
            SimpleQueue()
        )
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def popen(self, **kwargs: Any) -> subprocess.Popen[bytes]:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():  # (also after a fork)
                self._thread = threading.Thread(
                    target=self._serve, name="audio-spawner", daemon=True
                )
                self._thread.start()
        future: Future[subprocess.Popen[bytes]] = Future()
        self._requests.put((future, kwargs))
        return future.result()

    def _serve(self) -> None:
        while True:
            future, kwargs = self._requests.get()
            try:
                future.set_result(subprocess.Popen(**kwargs))
            except BaseException as error:  # noqa: BLE001 - handed to the caller
                future.set_exception(error)
            del future, kwargs  # hold nothing of the caller's (a failed start's traceback)


_spawner = _Spawner()
# Every worker started and not yet closed, for `close_all_workers` (weak: a dropped one is
# closed by its lifeline when collected).
_live: weakref.WeakSet[Worker] = weakref.WeakSet()
_live_lock = threading.Lock()


class Worker:
    """A helper process and a line reader with timeouts."""

    def __init__(self, module: str, *args: str, pass_fds: tuple[int, ...] = ()) -> None:
        package_root = str(Path(__file__).resolve().parent.parent)
        paths = [
            package_root,
            *(p for p in sys.path if p.endswith(("site-packages", "dist-packages"))),
        ]
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join([*paths, env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
        self._lifeline = -1  # owned (and closed once) only when the worker started
        lifeline_read, lifeline_write = os.pipe()  # neither is inherited unless passed
        env[LIFELINE_ENV] = str(lifeline_read)
        env[PARENT_ENV] = str(os.getpid())
        try:
            self.proc = _spawner.popen(
                args=[sys.executable, "-S", "-m", module, *args],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env=env,
                pass_fds=(*pass_fds, lifeline_read),
            )
        except BaseException:
            os.close(lifeline_write)
            raise
        finally:
            os.close(lifeline_read)
        self._lifeline = lifeline_write
        self._buf = b""
        with _live_lock:
            _live.add(self)

    def send(self, obj: dict[str, Any]) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write((json.dumps(obj) + "\n").encode("utf-8"))
        self.proc.stdin.flush()

    def read(self, timeout: float) -> dict[str, Any]:
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        while b"\n" not in self._buf:
            ready, _, _ = select.select([fd], [], [], timeout)
            if not ready:
                raise TimeoutError("the helper process did not answer in time")
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                raise EOFError("the helper process stopped")
            self._buf += chunk
        line, self._buf = self._buf.split(b"\n", 1)
        answer: dict[str, Any] = json.loads(line)
        return answer

    def close(self, timeout: float = 2.0) -> None:
        try:
            if self.proc.stdin and not self.proc.stdin.closed:
                self.proc.stdin.close()
            self.proc.wait(timeout=timeout)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()
        finally:
            self._cut_lifeline()
            with _live_lock:
                _live.discard(self)

    def _cut_lifeline(self) -> None:
        with _live_lock:  # two closers (the engine's thread, close_all_workers) close it once
            lifeline, self._lifeline = self._lifeline, -1
        if lifeline >= 0:
            os.close(lifeline)

    def __del__(self) -> None:
        lifeline = getattr(self, "_lifeline", -1)
        if lifeline >= 0:
            try:
                os.close(lifeline)  # a worker dropped without close() ends with its lifeline
            except OSError:
                pass


def close_all_workers(timeout: float = 2.0) -> None:
    """Close every worker this process started and did not close yet (each asked to end, then
    killed after `timeout`)."""
    with _live_lock:
        workers = list(_live)
    for worker in workers:
        worker.close(timeout)
