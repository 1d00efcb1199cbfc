"""Fixtures for the audio engine tests: a shared speech cache and a JACK dummy server.

ALSA's null device does not pace playback (it runs hundreds of times faster than real time), so
real-time tests play through a JACK server with the dummy driver, which keeps time without a sound
card. Other test folders can use it: `from tests.audio.conftest import jack_dummy_server`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

JACK_RATE = 22050
JACK_PERIOD = 512


@dataclass(frozen=True)
class JackServer:
    name: str
    sample_rate: int
    period: int
    log: Path

    def xruns(self) -> list[str]:
        """The server's own reports of late cycles so far."""
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return [line for line in text.splitlines() if "xrun" in line.lower()]


def _server_rate(name: str) -> int | None:
    tool = shutil.which("jack_samplerate")
    if tool is None:
        return None
    done = subprocess.run(
        [tool],
        capture_output=True,
        text=True,
        timeout=10,
        env=dict(os.environ, JACK_DEFAULT_SERVER=name),
    )
    lines = [line.strip() for line in done.stdout.splitlines() if line.strip()]
    return int(lines[-1]) if done.returncode == 0 and lines and lines[-1].isdigit() else None


def _ahead_of_ordinary_work() -> None:
    """(in the jackd child) JACK wants real-time scheduling; without it (containers, CI) ask at
    least to run ahead of ordinary work, so a loaded machine does not starve the server."""
    try:
        os.setpriority(os.PRIO_PROCESS, 0, -10)
    except OSError:
        pass


def _close_portaudio_here() -> None:
    """PortAudio initialised in this (pytest) process while the server ran holds a JACK client;
    its exit handler asserts when the server has gone first (abort, exit 134). Close it now."""
    sd = sys.modules.get("sounddevice")
    while sd is not None and getattr(sd, "_initialized", 0) > 0:
        sd._terminate()


@contextmanager
def jack_dummy_server(rate: int = JACK_RATE, period: int = JACK_PERIOD) -> Iterator[JackServer]:
    """Run `jackd --no-realtime -d dummy` under a name of its own, wait until it answers, point
    PortAudio at it (JACK_DEFAULT_SERVER, read by each sound sink process when it starts) and stop
    it afterwards."""
    jackd = shutil.which("jackd")
    if jackd is None:
        pytest.skip(
            "jackd is not installed (apt-get install jackd2): real-time playback tests "
            "need a JACK dummy server"
        )
    name = f"hwtui-test-{os.getpid()}"
    log = tempfile.NamedTemporaryFile(prefix="jackd-", suffix=".log", delete=False)  # noqa: SIM115
    env = dict(os.environ, JACK_NO_AUDIO_RESERVATION="1")
    proc = subprocess.Popen(
        [jackd, "-n", name, "--no-realtime", "-d", "dummy", "-r", str(rate), "-p", str(period)],
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
        start_new_session=True,
        preexec_fn=_ahead_of_ordinary_work,
    )
    previous = os.environ.get("JACK_DEFAULT_SERVER")
    try:
        waiter = shutil.which("jack_wait")
        deadline = time.monotonic() + 15
        while True:
            if proc.poll() is not None:
                pytest.fail(
                    f"jackd exited at once: {Path(log.name).read_text(errors='replace')[-800:]}"
                )
            if waiter:  # exits 0 either way; it says "running" or "not running"
                check = subprocess.run(
                    [waiter, "-s", name, "-c"], capture_output=True, text=True, timeout=10
                )
                if check.stdout.strip() == "running":
                    break
            if not waiter and time.monotonic() > deadline - 12:
                break  # no jack_wait: give it three seconds
            if time.monotonic() > deadline:
                pytest.fail("jackd did not come up within 15 s")
            time.sleep(0.1)
        actual = _server_rate(name)
        assert actual in (None, rate), f"JACK runs at {actual} Hz, asked for {rate}"
        os.environ["JACK_DEFAULT_SERVER"] = name  # sound sinks started from now on play here
        yield JackServer(name, rate, period, Path(log.name))
    finally:
        if previous is None:
            os.environ.pop("JACK_DEFAULT_SERVER", None)
        else:
            os.environ["JACK_DEFAULT_SERVER"] = previous
        _close_portaudio_here()
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
        os.unlink(log.name)


@pytest.fixture(scope="session")
def jack_server() -> Iterator[JackServer]:
    with jack_dummy_server() as server:
        yield server


@pytest.fixture(scope="session")
def speech_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One speech cache for the whole run: each line is synthesised once, by the real engine."""
    return tmp_path_factory.mktemp("speech-cache")


@pytest.fixture(scope="session")
def engine(speech_cache: Path) -> Iterator[object]:
    from audio.voice import VoiceEngine

    eng = VoiceEngine(speech_cache)
    yield eng
    eng.close()
