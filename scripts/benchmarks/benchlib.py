"""Shared pieces of the benchmarks: percentiles, verdict lines, and timing a TUI to first paint."""

from __future__ import annotations

import os
import pty
import select
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def verdict(
    name: str,
    value: float,
    target: float,
    unit: str,
    *,
    lower_is_better: bool = True,
    extra: str = "",
) -> bool:
    ok = value <= target if lower_is_better else value >= target
    sign = "<=" if lower_is_better else ">="
    print(
        f"  {'PASS' if ok else 'FAIL'}  {name}: {value:.3g} {unit} (target {sign} {target:g}"
        f" {unit}){'  ' + extra if extra else ''}"
    )
    return ok


@contextmanager
def pty_child(
    argv: list[str], *, env: dict[str, str] | None = None, size: tuple[int, int] = (100, 30)
) -> Iterator[int]:
    """Run `argv` on a new pseudo-terminal of `size`; yields the master fd. The child (and its
    process group) is killed on exit."""
    import fcntl
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    full_env = {**os.environ, "TERM": "xterm-256color", **(env or {})}
    full_env.pop("COLUMNS", None)
    full_env.pop("LINES", None)
    child = subprocess.Popen(
        argv,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=full_env,
        cwd=ROOT,
        start_new_session=True,
    )
    os.close(slave)
    try:
        yield master
    finally:
        try:
            os.killpg(child.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        child.wait()
        os.close(master)


def time_to_marker(
    argv: list[str],
    marker: bytes,
    *,
    env: dict[str, str] | None = None,
    size: tuple[int, int] = (100, 30),
    timeout: float = 20.0,
) -> float:
    """Seconds from starting `argv` in a pseudo-terminal until `marker` appears in its output,
    i.e. until the first frame that shows it has been written to the terminal."""
    start = time.perf_counter()
    seen = b""
    with pty_child(argv, env=env, size=size) as master:
        while True:
            left = timeout - (time.perf_counter() - start)
            if left <= 0:
                raise TimeoutError(f"{marker!r} did not appear; last output: {seen[-300:]!r}")
            ready, _, _ = select.select([master], [], [], left)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    chunk = b""
                if not chunk:
                    raise RuntimeError(f"exited before {marker!r}: {seen[-500:]!r}")
                seen += chunk
                if marker in seen:
                    return time.perf_counter() - start


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def python() -> str:
    return sys.executable
