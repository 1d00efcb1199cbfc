"""Child process for the crash-safety test: writes forever until killed.

Before each write it prints `op <json>`, after the write returns it prints `ack`. The parent kills
it with SIGKILL at a random moment and checks that every acknowledged write is on disk."""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

import orjson
from tinydb.table import Document

from homework_tui.store import storage
from homework_tui.store.db import Store

# Compact every few writes, with a large snapshot, so that many kills land inside a compaction.
storage.JournaledStorage.should_compact = lambda self: self.journal_bytes > 4096  # type: ignore
BALLAST = "b" * 2_000_000
# Tables named like the app's record kinds; documents carry the test's own fields.
TABLES = ["thought_records", "journal", "exposures", "experiments", "relaxation_sessions"]


def announce(op: list[Any]) -> None:
    sys.stdout.write("op " + orjson.dumps(op).decode() + "\n")
    sys.stdout.flush()


def main() -> None:
    folder, seed = Path(sys.argv[1]), int(sys.argv[2])
    passphrase = sys.argv[3] if len(sys.argv) > 3 else None
    rng = random.Random(seed)
    store = Store.open(folder, passphrase=passphrase)
    if not store.storage.read().get("ballast"):
        store.table("ballast").insert(Document({"text": BALLAST}, doc_id="ballast"))
    counter = 0
    while True:
        counter += 1
        choice = rng.random()
        table = store.table(rng.choice(TABLES))
        docs = store.storage.read().get(table.name, {})
        if choice < 0.5 or len(docs) < 5:
            key = f"{seed}-{counter}"
            doc = {"id": key, "text": "x" * rng.randint(0, 400), "n": counter}
            announce(["put", table.name, key, doc])
            table.insert(Document(doc, doc_id=key))
        elif choice < 0.8:
            key = rng.choice(sorted(docs))
            fields = {"n": counter, "text": "updated ✓ [bold]"}
            announce(["update", table.name, key, fields])
            table.update(fields, doc_ids=[key])
        else:
            key = rng.choice(sorted(docs))
            announce(["remove", table.name, key, None])
            table.remove(doc_ids=[key])
        sys.stdout.write("ack\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
