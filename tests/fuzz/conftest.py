"""Fixtures for the fuzz tests: one plain and one encrypted data folder per module, reused by every
example (the encrypted one is keyed once, with a cheap scrypt cost kept in its file)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import tests.fuzz.strategies  # noqa: F401  (loads the hypothesis profile)
from homework_tui.store import Repository, Singleton, Store
from homework_tui.store.crypto import KdfParams

PASSPHRASE = "fuzz passphrase ✓ مرحبا"


@dataclass
class Folders:
    plain: Path
    encrypted: Path

    def round_trip(self, table: str, record: Any) -> None:
        """Save `record` in both folders, then read it back from a freshly opened store: it must
        be equal in every field."""
        for folder, passphrase in ((self.plain, None), (self.encrypted, PASSPHRASE)):
            with Store.open(folder, passphrase=passphrase) as store:
                saved = Repository(store, table, type(record)).add(record)
            with Store.open(folder, read_only=True, passphrase=passphrase) as store:
                repo = Repository(store, table, type(record))
                back = repo.get(saved.id)
                assert repo.unreadable == [], f"{table}: stored record unreadable"
            assert back == saved, f"{table}: {back!r} != {saved!r}"

    def round_trip_single(self, table: str, value: Any) -> None:
        """The same for a one-document table (settings and the like)."""
        for folder, passphrase in ((self.plain, None), (self.encrypted, PASSPHRASE)):
            def default() -> Any:
                raise AssertionError(f"{table}: the stored document could not be read back")

            with Store.open(folder, passphrase=passphrase) as store:
                Singleton(store, table, type(value), default).save(value)
            with Store.open(folder, read_only=True, passphrase=passphrase) as store:
                back = Singleton(store, table, type(value), default).load()
            assert back == value, f"{table}: {back!r} != {value!r}"


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Folders]:
    root = tmp_path_factory.mktemp("fuzz-stores")
    plain, encrypted = root / "plain", root / "encrypted"
    Store.open(plain).close()
    with Store.open(encrypted) as store:
        store.set_passphrase(PASSPHRASE, KdfParams(salt=os.urandom(16), n=2**10))
    yield Folders(plain, encrypted)
