"""Saving one record with 20,000 already stored: our journaled storage against TinyDB's default
JSONStorage, same machine, same run. Target (issue 2): p95 <= 25 ms including the fsync."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import percentile, verdict  # noqa: E402

from dataclasses import dataclass  # noqa: E402

from homework_tui.model.base import Entity  # noqa: E402
from homework_tui.store import Repository, Store  # noqa: E402
from homework_tui.store.codec import to_doc  # noqa: E402

RECORDS = 20_000


@dataclass(frozen=True, kw_only=True)
class Record(Entity):
    situation: str
    hot_thought: str
    moods: tuple[tuple[str, int, int], ...]


def sample(i: int) -> Record:
    return Record(
        situation=f"Team meeting #{i}: my manager asked me a question in front of everyone",
        hot_thought="They all think I'm incompetent",
        moods=(("anxious", 80, 45), ("ashamed", 60, 30)),
    )


def bench_ours(
    folder: Path, records: list[Record], saves: int, passphrase: str | None = None
) -> list[float]:
    """Repository.add: model object to document, journal append, fsync (sealed if encrypted)."""
    with Store.open(folder) as store:
        store.write_batch({"records": [(r.id, to_doc(r)) for r in records[:RECORDS]]})
        if passphrase:
            store.set_passphrase(passphrase)
        store.storage.compact()
        repo = Repository(store, "records", Record)
        times = []
        for record in records[RECORDS : RECORDS + saves]:
            start = time.perf_counter()
            repo.add(record)
            times.append(time.perf_counter() - start)
        return times


def bench_tinydb_default(path: Path, docs: list[dict], saves: int) -> list[float]:
    from tinydb import TinyDB

    import json

    path.write_text(json.dumps({"records": {str(i): d for i, d in enumerate(docs[:RECORDS])}}))
    db = TinyDB(path)  # JSONStorage: re-reads and rewrites the whole file per operation
    table = db.table("records")
    times = []
    for doc in docs[RECORDS : RECORDS + saves]:
        start = time.perf_counter()
        table.insert(doc)
        times.append(time.perf_counter() - start)
    db.close()
    return times


def bench_unlock(folder: Path, passphrase: str, runs: int = 5) -> list[float]:
    """Opening the encrypted store: key derivation, decryption, parsing, journal replay."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        Store.open(folder, passphrase=passphrase).close()
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    records = [sample(i) for i in range(RECORDS + 400)]
    docs = [to_doc(r) for r in records]
    with tempfile.TemporaryDirectory() as tmp:
        ours = bench_ours(Path(tmp) / "ours", records, 400)
        sealed = bench_ours(Path(tmp) / "sealed", records, 400, passphrase="a long passphrase")
        unlock = bench_unlock(Path(tmp) / "sealed", "a long passphrase")
        baseline = bench_tinydb_default(Path(tmp) / "tinydb.json", docs, 40)
    p95, base95 = percentile(ours, 95) * 1000, percentile(baseline, 95) * 1000
    print(
        f"  save one record with {RECORDS:,} stored: ours p50 {percentile(ours, 50) * 1000:.2f} ms,"
        f" p95 {p95:.2f} ms; TinyDB JSONStorage p50 {percentile(baseline, 50) * 1000:.1f} ms,"
        f" p95 {base95:.1f} ms (ours/TinyDB p95 ratio {p95 / base95:.4f})"
    )
    ok = verdict("save p95 (with fsync)", p95, 25, "ms")
    sealed95 = percentile(sealed, 95) * 1000
    print(
        f"  encrypted: save p50 {percentile(sealed, 50) * 1000:.2f} ms, p95 {sealed95:.2f} ms; "
        f"unlock {RECORDS:,} records median {sorted(unlock)[len(unlock) // 2] * 1000:.0f} ms"
    )
    ok &= verdict("encrypted save p95 / plain save p95 (same run)", sealed95 / p95, 2, "x")
    ok &= verdict("unlock encrypted store (slowest of 5)", max(unlock), 1, "s")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
