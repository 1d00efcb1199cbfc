"""Kill -9 a writer at random moments; every time the data must load and hold every acknowledged
write. This is the store's central promise, so the test runs the real thing in a real process,
on plain and on encrypted data, writing every kind of record through the code the app uses for it
(see crash_child.py): thought records, journal, ladders and their steps, exposure logs, experiments,
plan assignments (imported as one batch with the plan's details), check-offs, relaxation sessions,
drafts, settings, the safety plan's contacts, the last Relax choice and the breathing patterns
file."""

from __future__ import annotations

import copy
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import orjson
import pytest

from homework_tui.store.codec import from_doc
from homework_tui.store.crypto import KdfParams
from homework_tui.store.db import Store
from tests.seeds import seed_reported, test_seed
from tests.store import crash_child

CHILD = Path(__file__).with_name("crash_child.py")
ROOT = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("HOMEWORK_TUI_KILLS", "100"))  # per variant: 200 in all

State = dict[str, dict[str, Any]]
Keys = list[list[str]]


def _load(folder: Path, config: Path, passphrase: str | None) -> State:
    """Everything on disk (it must load, every time): the store's tables and the patterns file."""
    with Store.open(folder, passphrase=passphrase) as store:
        tables = store.storage.read()
        state = {
            name: copy.deepcopy(docs)
            for name, docs in tables.items()
            if name not in ("_meta", "ballast")
        }
    state["patterns"] = crash_child.patterns_now(config)
    return {name: docs for name, docs in state.items() if docs}


def _run_and_kill(
    folder: Path, config: Path, seed: int, rng: random.Random, passphrase: str | None
) -> tuple[list[State], Keys | None, Counter[str]]:
    """Start the child, let it write for a random while, SIGKILL it. Returns what each
    acknowledged write left, the keys of the write under way when it died (if any), and how many
    writes of each table were acknowledged."""
    argv = [sys.executable, str(CHILD), str(folder), str(config), str(seed)]
    child = subprocess.Popen(
        argv + ([passphrase] if passphrase else []),
        stdout=subprocess.PIPE,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert child.stdout is not None
    # Wait for the first write to start, so each round really kills a writer.
    first = child.stdout.readline()
    assert first.startswith(b"op "), first
    # The kill's moment comes from the seeded rng; which write it lands in still depends on how
    # fast this machine runs the child, which is what the many rounds explore.
    time.sleep(rng.uniform(0.0, 0.12))
    child.send_signal(signal.SIGKILL)
    child.wait()
    acked: list[State] = []
    pending: Keys | None = None
    kinds: Counter[str] = Counter()
    for line in [first, *child.stdout.read().splitlines()]:
        line = line.strip()
        try:
            if line.startswith(b"op "):
                pending = orjson.loads(line[3:])
            elif line.startswith(b"ack ") and pending is not None:
                acked.append(orjson.loads(line[4:]))
                kinds.update({table for table, _ in pending})
                pending = None
        except orjson.JSONDecodeError:
            break  # the kill cut this line short: its write was not (fully) acknowledged
    return acked, pending, kinds


def _apply(state: State, now: State) -> None:
    for table, docs in now.items():
        for key, doc in docs.items():
            if doc is None:
                state.get(table, {}).pop(key, None)
            else:
                state.setdefault(table, {})[key] = doc
    for table in [t for t, docs in state.items() if not docs]:
        del state[table]


def _readable(table: str, doc: Any) -> bool:
    if doc is None or table == "patterns":
        return True
    try:
        from_doc(crash_child.KINDS[table], doc)
    except (TypeError, ValueError, KeyError):
        return False
    return True


def _check_under_way(round_number: int, expected: State, actual: State, keys: Keys) -> None:
    """The write the kill landed in may or may not be on disk, but whole or not at all, and
    nothing else may differ."""
    touched = {(table, key) for table, key in keys}
    for table in set(expected) | set(actual):
        for key in set(expected.get(table, {})) | set(actual.get(table, {})):
            if (table, key) in touched:
                continue
            assert actual.get(table, {}).get(key) == expected.get(table, {}).get(key), (
                f"round {round_number}: {table}/{key} differs: an acknowledged write is lost"
            )
    new = [(t, k) for t, k in touched if k not in expected.get(t, {})]
    arrived = [(t, k) for t, k in new if k in actual.get(t, {})]
    assert not arrived or len(arrived) == len(new), (
        f"round {round_number}: half of one write is on disk: {sorted(arrived)} of {sorted(new)}"
    )
    for table, key in touched:
        doc = actual.get(table, {}).get(key)
        assert _readable(table, doc), f"round {round_number}: {table}/{key} cannot be read"


@pytest.mark.parametrize("passphrase", [None, "a long passphrase"], ids=["plain", "encrypted"])
def test_kill_minus_nine_never_loses_an_acknowledged_write(
    tmp_path: Path, passphrase: str | None
) -> None:
    folder, config = tmp_path / "data", tmp_path / "config"
    config.mkdir()
    if passphrase:
        with Store.open(folder) as store:
            store.set_passphrase(passphrase, KdfParams(salt=os.urandom(16), n=2**10))
    # One seed draws everything random here: each child's writes and each kill's moment.
    seed = test_seed(20261126)
    rng = random.Random(seed)
    state = _load(folder, config, passphrase)
    total_acked = 0
    kinds: Counter[str] = Counter()
    landed = 0  # kills after a write reached the disk but before it was acknowledged
    with seed_reported(seed):
        for round_number in range(KILLS):
            acked, under_way, done = _run_and_kill(
                folder, config, rng.randrange(2**31), rng, passphrase
            )
            expected = copy.deepcopy(state)
            for now in acked:
                _apply(expected, now)
            actual = _load(folder, config, passphrase)  # must load, every time
            if actual != expected:
                assert under_way is not None, f"round {round_number}: an acknowledged write is lost"
                _check_under_way(round_number, expected, actual, under_way)
                landed += 1
            total_acked += len(acked)
            kinds += done
            state = actual
        assert total_acked > KILLS, "the child should have acknowledged writes in most rounds"
        every_kind = {*crash_child.KINDS, "patterns"}
        if KILLS >= 50:
            assert every_kind <= set(kinds), f"never written: {every_kind - set(kinds)}"
    print(
        f"seed {seed}: {KILLS} kills, {total_acked} acknowledged writes, {landed} "
        f"unacknowledged ones found whole on disk; by table: {dict(sorted(kinds.items()))}"
    )
    if passphrase:
        raw = b"".join(p.read_bytes() for p in folder.rglob("homework.json*"))
        for word in (b"Felt it in my chest", b"updated", b"xxxxxxxx", b"Dr Okafor", b"Anna"):
            assert word not in raw
