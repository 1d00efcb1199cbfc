"""Helper processes (the speech worker and the sound sink): start them quickly and talk JSON lines.

Each runs `python -S -m audio.<module>`: -S skips site processing (about 20 ms); the folders it
would add are passed in PYTHONPATH. A worker keeps a private copy of its stdout for the protocol and
points fds 1 and 2 at /dev/null, so nothing a C library prints reaches the person's terminal.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
from pathlib import Path
from typing import Any, TextIO


def private_stdout() -> TextIO:
    """(in a worker) Keep a copy of stdout for the protocol, then send fds 1 and 2 to /dev/null."""
    proto = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as we do
    sys.stderr = sys.stdout
    return proto


class Worker:
    """A helper process and a line reader with timeouts."""

    def __init__(self, module: str, *args: str, pass_fds: tuple[int, ...] = ()) -> None:
        package_root = str(Path(__file__).resolve().parent.parent)
        paths = [package_root, *(p for p in sys.path if p.endswith(("site-packages", "dist-packages")))]
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join([*paths, env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
        self.proc = subprocess.Popen(
            [sys.executable, "-S", "-m", module, *args],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            env=env, pass_fds=pass_fds,
        )
        self._buf = b""

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
