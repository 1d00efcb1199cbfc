"""What the live audio figures run on: a JACK dummy server started for the run (no sound card
needed), and readings of a playing process: resident memory without JACK's shared segment, a busy
thread burning CPU, and the player's clock read with its wall-clock time.

Used by bench_audio.py and bench_relax.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _ahead_of_ordinary_work() -> None:
    """(in the jackd child) no real-time scheduling here: at least run ahead of ordinary work."""
    try:
        os.setpriority(os.PRIO_PROCESS, 0, -10)
    except OSError:
        pass


@contextmanager
def jack_server(rate: int = 22050, period: int = 512, realtime: bool = False) -> Iterator[Path]:
    jackd = shutil.which("jackd")
    if jackd is None:
        sys.exit("jackd is not installed (apt-get install jackd2); the live figures need it")
    name = f"hwtui-bench-{os.getpid()}"
    log = Path(tempfile.mkstemp(prefix="jackd-", suffix=".log")[1])
    with log.open("w") as fh:
        proc = subprocess.Popen(
            [
                jackd,
                "-n",
                name,
                "-R" if realtime else "--no-realtime",
                "-d",
                "dummy",
                "-r",
                str(rate),
                "-p",
                str(period),
            ],
            stdout=fh,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=dict(os.environ, JACK_NO_AUDIO_RESERVATION="1"),
            preexec_fn=_ahead_of_ordinary_work,
        )
    try:
        for _ in range(150):
            check = subprocess.run(["jack_wait", "-s", name, "-c"], capture_output=True, text=True)
            if check.stdout.strip() == "running":
                break
            time.sleep(0.1)
        os.environ["JACK_DEFAULT_SERVER"] = name
        yield log
    finally:
        os.environ.pop("JACK_DEFAULT_SERVER", None)
        proc.terminate()
        proc.wait(timeout=10)
        log.unlink(missing_ok=True)


def rss_mb(pid: int | str = "self") -> float:
    """Resident memory of a process, leaving out the JACK server's shared segment (/dev/shm/jack-*):
    every JACK client maps it (about 100 MB here, mlocked by jackd); with ALSA or PulseAudio it
    does not exist."""
    total, mapping = 0, ""
    try:
        with open(f"/proc/{pid}/smaps") as fh:
            for line in fh:
                parts = line.split()
                if parts and "-" in parts[0] and len(parts) >= 5:
                    mapping = parts[5] if len(parts) > 5 else ""
                elif parts and parts[0] == "Rss:" and not mapping.startswith("/dev/shm/jack"):
                    total += int(parts[1])
    except OSError:
        return 0.0
    return total / 1024


def burn_cpu(stop: threading.Event) -> None:
    x = 0
    while not stop.is_set():
        for i in range(20000):
            x += i * i


def clock_reading(player) -> tuple[int, float]:
    for _ in range(200):
        before = time.monotonic()
        frame = player.position
        after = time.monotonic()
        if after - before < 0.001:
            break
    return frame, (before + after) / 2
