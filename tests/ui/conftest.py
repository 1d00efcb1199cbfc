"""Fixtures for the UI tests: the audio tests' JACK dummy server, for Relax sessions played through
the real player (`test_relax_jack.py`).

The audio tests' `jack_server` is session-scoped in their own folder and names its server after
this process, so a second one started here would clash with it (same name) when both folders run
together. When theirs is already up, share it (its log found through the process's stdout);
otherwise start one the same way."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.audio.conftest import JACK_PERIOD, JACK_RATE, JackServer, jack_dummy_server


def _running_server_log(name: str) -> Path | None:
    """The log file of a jackd of ours serving `name`, if one runs."""
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            args = (proc / "cmdline").read_bytes().split(b"\0")
            if b"-n" in args and args[args.index(b"-n") + 1] == name.encode() and b"dummy" in args:
                return Path(os.readlink(proc / "fd" / "1"))
        except (OSError, IndexError):
            continue
    return None


@pytest.fixture(scope="session")
def jack_server() -> Iterator[JackServer]:
    name = f"hwtui-test-{os.getpid()}"
    log = _running_server_log(name) if os.environ.get("JACK_DEFAULT_SERVER") == name else None
    if log is not None:
        yield JackServer(name, JACK_RATE, JACK_PERIOD, log)
        return
    with jack_dummy_server() as server:
        yield server
