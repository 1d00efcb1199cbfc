"""Encryption at rest: nobody without the passphrase reads anything; a wrong one changes nothing."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from homework_tui.model.base import Entity
from homework_tui.store import Repository, Store, list_backups, restore_backup
from homework_tui.store.crypto import KdfParams, PassphraseNeeded, WrongPassphrase

FAST = KdfParams(salt=os.urandom(16), n=2**10)  # the cost lives in the file; tests keep it low
SECRET_WORDS = ["Marguerite", "incompetent", "panic-attack-on-tuesday"]


@dataclass(frozen=True, kw_only=True)
class Note(Entity):
    text: str


def fill(store: Store) -> list[Note]:
    repo = Repository(store, "notes", Note)
    return [repo.add(Note(text=f"{word} [bold]😀")) for word in SECRET_WORDS]


def every_file(folder: Path) -> dict[Path, str]:
    return {
        p: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(".lock")
    }


def assert_no_plaintext(folder: Path) -> None:
    for path in every_file(folder):
        raw = path.read_bytes()
        for word in SECRET_WORDS:
            assert word.encode() not in raw, f"{word} readable in {path.name}"


def test_encrypted_data_has_no_readable_word_anywhere(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        fill(store)
        store.backup_if_due(date.today() - timedelta(days=1))
        assert store.set_passphrase("correct horse", FAST) == []
        Repository(store, "notes", Note).add(Note(text="Marguerite again, after encrypting"))
        store.backup_if_due()
    assert len(list_backups(tmp_path)) == 2
    assert_no_plaintext(tmp_path)
    with Store.open(tmp_path, passphrase="correct horse") as store:
        texts = sorted(n.text for n in Repository(store, "notes", Note).all())
        assert len(texts) == 4 and texts[0].startswith("Marguerite")


def test_without_or_with_a_wrong_passphrase_nothing_opens_or_changes(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        fill(store)
        store.set_passphrase("correct horse", FAST)
        Repository(store, "notes", Note).add(Note(text="in the journal"))
        store.storage.close()  # leave a journal behind, as after a crash
        store._lock.release()  # type: ignore[union-attr]
    before = every_file(tmp_path)
    with pytest.raises(PassphraseNeeded):
        Store.open(tmp_path)
    with pytest.raises(WrongPassphrase) as caught:
        Store.open(tmp_path, passphrase="wrong horse")
    assert "Nothing was changed" in str(caught.value)
    assert every_file(tmp_path) == before
    with Store.open(tmp_path, passphrase="correct horse") as store:
        assert len(Repository(store, "notes", Note)) == 4


def test_change_passphrase_then_decrypt(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        notes = fill(store)
        store.set_passphrase("first", FAST)
        store.backup_if_due()
    with Store.open(tmp_path, passphrase="first") as store:
        store.set_passphrase("second", FAST)
    with pytest.raises(WrongPassphrase):
        Store.open(tmp_path, passphrase="first")
    with Store.open(tmp_path, passphrase="second") as store:
        assert Repository(store, "notes", Note).get(notes[0].id) == notes[0]
        store.set_passphrase(None)
    with Store.open(tmp_path) as store:
        assert not store.encrypted
        assert len(Repository(store, "notes", Note)) == 3
    raw = b"".join(p.read_bytes() for p in every_file(tmp_path))
    assert b"Marguerite" in raw  # decrypted means readable again, backups included


def test_encrypted_backup_restores_with_its_passphrase(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        notes = fill(store)
        store.set_passphrase("pw", FAST)
        store.backup_if_due()
    (tmp_path / "homework.json").write_bytes(b"damaged")
    with pytest.raises(Exception) as caught:
        Store.open(tmp_path, passphrase="pw")
    backups = caught.value.backups  # type: ignore[attr-defined]
    restore_backup(tmp_path, backups[0], passphrase="pw")
    with Store.open(tmp_path, passphrase="pw") as store:
        assert Repository(store, "notes", Note).get(notes[1].id) == notes[1]
    assert_no_plaintext(tmp_path.joinpath("backups"))


def test_a_changed_byte_in_an_encrypted_file_is_damage_not_a_wrong_passphrase(
    tmp_path: Path,
) -> None:
    with Store.open(tmp_path) as store:
        fill(store)
        store.set_passphrase("pw", FAST)
    data = bytearray((tmp_path / "homework.json").read_bytes())
    data[-5] ^= 0xFF
    (tmp_path / "homework.json").write_bytes(bytes(data))
    with pytest.raises(Exception) as caught:
        Store.open(tmp_path, passphrase="pw")
    assert type(caught.value).__name__ == "CorruptData"
    assert "changed or cut short" in str(caught.value)
