"""Child process for the crash-safety test: writes forever until killed.

Before each write it prints `op <json>`, after the write returns it prints `ack`. The parent kills
it with SIGKILL at a random moment and checks that every acknowledged write is on disk."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import orjson

from homework_tui.store import storage
from homework_tui.store.db import Store

# Compact every few writes, with a large snapshot, so that many kills land inside a compaction.
storage.JournaledStorage.should_compact = lambda self: self.journal_bytes > 4096  # type: ignore
BALLAST = "b" * 2_000_000


def main() -> None:
    folder, seed = Path(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    store = Store.open(folder)
    table = store.table("notes")
    if not store.storage.read().get("ballast"):
        from tinydb.table import Document

        store.table("ballast").insert(Document({"text": BALLAST}, doc_id="ballast"))
    out = sys.stdout
    counter = 0
    while True:
        docs = store.storage.read().get("notes", {})
        choice = rng.random()
        counter += 1
        if choice < 0.5 or len(docs) < 5:
            key = f"{seed}-{counter}"
            op = ["put", key, {"id": key, "text": "x" * rng.randint(0, 400), "n": counter}]
            out.write("op " + orjson.dumps(op).decode() + "\n")
            out.flush()
            from tinydb.table import Document

            table.insert(Document(op[2], doc_id=key))
        elif choice < 0.8:
            key = rng.choice(sorted(docs))
            op = ["update", key, {"n": counter, "text": "updated ✓ [bold]"}]
            out.write("op " + orjson.dumps(op).decode() + "\n")
            out.flush()
            table.update(op[2], doc_ids=[key])
        else:
            key = rng.choice(sorted(docs))
            op = ["remove", key, None]
            out.write("op " + orjson.dumps(op).decode() + "\n")
            out.flush()
            table.remove(doc_ids=[key])
        out.write("ack\n")
        out.flush()


if __name__ == "__main__":
    main()
