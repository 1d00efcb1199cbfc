"""Kill -9 a writer at random moments; every time the data must load and hold every acknowledged
write. This is the store's central promise, so the test runs the real thing in a real process."""

from __future__ import annotations

import copy
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import orjson

from homework_tui.store.db import Store

CHILD = Path(__file__).with_name("crash_child.py")
ROOT = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("HOMEWORK_TUI_KILLS", "100"))


def _apply(state: dict[str, Any], op: list[Any]) -> None:
    kind, key, value = op
    if kind == "put":
        state[key] = value
    elif kind == "update":
        if key in state:
            state[key] = {**state[key], **value}
    else:
        state.pop(key, None)


def _load(folder: Path) -> dict[str, Any]:
    with Store.open(folder) as store:
        return copy.deepcopy(store.storage.read().get("notes", {}))


def _run_and_kill(
    folder: Path, seed: int, rng: random.Random
) -> tuple[list[list[Any]], list[Any] | None]:
    """Start the child, let it write for a random while, SIGKILL it. Returns the acknowledged
    ops and the op that was under way when it died (if any)."""
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(folder), str(seed)],
        stdout=subprocess.PIPE,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert child.stdout is not None
    # Wait for the first write to start, so each round really kills a writer.
    first = child.stdout.readline()
    assert first.startswith(b"op "), first
    time.sleep(rng.uniform(0.0, 0.12))
    child.send_signal(signal.SIGKILL)
    child.wait()
    lines = [first] + child.stdout.read().splitlines()
    acked: list[list[Any]] = []
    pending: list[Any] | None = None
    for line in lines:
        line = line.strip()
        if line.startswith(b"op "):
            pending = orjson.loads(line[3:])
        elif line == b"ack" and pending is not None:
            acked.append(pending)
            pending = None
    return acked, pending


def test_kill_minus_nine_never_loses_an_acknowledged_write(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    rng = random.Random(20261126)
    state = _load(folder)
    total_acked = 0
    for round_number in range(KILLS):
        proc_seed = round_number + 1
        acked, under_way = _run_and_kill(folder, proc_seed, rng)
        expected = copy.deepcopy(state)
        for op in acked:
            _apply(expected, op)
        actual = _load(folder)  # must parse, every time
        if actual != expected:
            # The write under way when the kill landed may or may not have reached the disk,
            # but it is all or nothing.
            assert under_way is not None, f"round {round_number}: an acknowledged write is lost"
            _apply(expected, under_way)
            assert actual == expected, f"round {round_number}: data differs from what was written"
        total_acked += len(acked)
        state = actual
    assert total_acked > KILLS, "the child should have acknowledged writes in most rounds"
