"""Finding our helper processes (`audio._voice_worker`, `audio._sink_worker`) in /proc, by their
module and by a marker in their environment (they inherit the app's), so tests running side by
side never count each other's."""

from __future__ import annotations

import time
from pathlib import Path

WORKER_MODULES = (b"audio._voice_worker", b"audio._sink_worker")


def worker_pids(marker: str) -> list[int]:
    """Live worker processes whose environment holds `marker` (zombies are not alive)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            args = (proc / "cmdline").read_bytes().split(b"\0")
            if not any(module in args for module in WORKER_MODULES):
                continue
            if marker.encode() not in (proc / "environ").read_bytes():
                continue
            state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue  # ended while we looked
        if state != "Z":
            found.append(int(proc.name))
    return sorted(found)


def wait_for_workers(marker: str, timeout: float) -> list[int]:
    """The workers with `marker`, once at least one runs; [] after `timeout`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pids = worker_pids(marker)
        if pids:
            return pids
        time.sleep(0.05)
    return []


def wait_until_gone(marker: str, timeout: float) -> list[int]:
    """[] once no worker with `marker` is alive; the survivors after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        pids = worker_pids(marker)
        if not pids or time.monotonic() >= deadline:
            return pids
        time.sleep(0.05)
