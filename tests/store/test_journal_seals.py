"""Encrypted journal lines are bound to their journal's generation and their place in it (issue 13,
point 13): a line reordered, dropped (not the torn last one), replayed, or hidden behind a changed
header makes the data "damaged", never silently other data. Old-format journals still open and are
replaced by the new format at the next write."""

from __future__ import annotations

import os
import shutil
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import orjson
import pytest

from homework_tui.model.base import Entity
from homework_tui.store import Repository, Store
from homework_tui.store.crypto import LEGACY_LINE_LABEL, KdfParams
from homework_tui.store.errors import CorruptData

FAST = KdfParams(salt=os.urandom(16), n=2**10)
PASSPHRASE = "correct horse"
FILES = ("homework.json", "homework.json.journal")


@dataclass(frozen=True, kw_only=True)
class Note(Entity):
    text: str


def _texts(folder: Path) -> list[str]:
    with Store.open(folder, read_only=True, passphrase=PASSPHRASE) as store:
        return sorted(n.text for n in Repository(store, "notes", Note).all())


def _copy_files(source: Path, target: Path) -> Path:
    target.mkdir(mode=0o700)
    for name in FILES:
        shutil.copy2(source / name, target / name)
    return target


@pytest.fixture
def journaled(tmp_path: Path) -> Path:
    """Encrypted data whose last five saves are lines of the journal (copied while the store was
    open: closing folds the journal into the snapshot)."""
    live = tmp_path / "live"
    with Store.open(live) as store:
        store.set_passphrase(PASSPHRASE, FAST)
        notes = Repository(store, "notes", Note)
        for number in range(5):
            notes.add(Note(text=f"note {number}"))
        copy = _copy_files(live, tmp_path / "copy")
    return copy


def _lines(folder: Path) -> list[bytes]:
    return (folder / "homework.json.journal").read_bytes().splitlines(keepends=True)


def _write_lines(folder: Path, lines: list[bytes]) -> None:
    (folder / "homework.json.journal").write_bytes(b"".join(lines))


def _plain_line(payload: object) -> bytes:
    body = orjson.dumps(payload)
    return b"%08x " % zlib.crc32(body) + body + b"\n"


def test_the_untouched_journal_opens_with_every_save(journaled: Path) -> None:
    assert len(_lines(journaled)) == 6  # the header and five saves
    assert orjson.loads(_lines(journaled)[0][9:])["seal"] == 2
    assert _texts(journaled) == [f"note {n}" for n in range(5)]


def _swap_two(lines: list[bytes]) -> list[bytes]:
    return [lines[0], lines[2], lines[1], *lines[3:]]


def _drop_a_middle_one(lines: list[bytes]) -> list[bytes]:
    return [*lines[:2], *lines[3:]]


def _replay_at_the_end(lines: list[bytes]) -> list[bytes]:
    return [*lines, lines[2]]


def _replay_in_place(lines: list[bytes]) -> list[bytes]:
    return [*lines[:3], lines[2], *lines[4:]]


def _header_of_an_older_generation(lines: list[bytes]) -> list[bytes]:
    header = orjson.loads(lines[0][9:])
    return [_plain_line({**header, "generation": header["generation"] - 1}), *lines[1:]]


def _header_of_a_newer_generation(lines: list[bytes]) -> list[bytes]:
    header = orjson.loads(lines[0][9:])
    return [_plain_line({**header, "generation": header["generation"] + 1}), *lines[1:]]


def _header_of_the_old_format(lines: list[bytes]) -> list[bytes]:
    header = orjson.loads(lines[0][9:])
    return [_plain_line({"generation": header["generation"]}), *lines[1:]]


def _a_plain_line_added(lines: list[bytes]) -> list[bytes]:
    forged = _plain_line({"t": "notes", "o": [["99", {"text": "forged"}]]})
    return [*lines, forged]


TAMPERING: list[Callable[[list[bytes]], list[bytes]]] = [
    _swap_two,
    _drop_a_middle_one,
    _replay_at_the_end,
    _replay_in_place,
    _header_of_an_older_generation,
    _header_of_a_newer_generation,
    _header_of_the_old_format,
    _a_plain_line_added,
]


@pytest.mark.parametrize("tamper", TAMPERING, ids=lambda f: f.__name__.strip("_"))
def test_a_tampered_journal_is_damaged(journaled: Path, tamper: Callable[..., list[bytes]]) -> None:
    _write_lines(journaled, tamper(_lines(journaled)))
    with pytest.raises(CorruptData) as caught:
        _texts(journaled)
    assert "journal" in caught.value.reason


def test_a_line_of_an_older_journal_is_not_replayed_into_the_current_one(tmp_path: Path) -> None:
    live = tmp_path / "live"
    with Store.open(live) as store:
        store.set_passphrase(PASSPHRASE, FAST)
        notes = Repository(store, "notes", Note)
        notes.add(Note(text="before"))
        older = _lines(live)
        store.storage.compact()  # a new generation, a new journal
        notes.add(Note(text="after"))
        copy = _copy_files(live, tmp_path / "copy")
    current = _lines(copy)
    _write_lines(copy, [current[0], older[1]])  # the old line in the new one's place
    with pytest.raises(CorruptData):
        _texts(copy)


def test_the_torn_last_line_is_still_dropped(journaled: Path) -> None:
    lines = _lines(journaled)
    _write_lines(journaled, [*lines[:-1], lines[-1][:-10]])  # died inside the last append
    assert _texts(journaled) == [f"note {n}" for n in range(4)]


def test_an_old_format_journal_opens_and_is_rewritten_in_the_new_format(journaled: Path) -> None:
    """Journals written before format 2: a plain header and every line under one label."""
    with Store.open(journaled, read_only=True, passphrase=PASSPHRASE) as store:
        sealer = store.storage.sealer
        assert sealer is not None
        generation = store.storage.generation
    legacy = [_plain_line({"generation": generation})]
    for number in range(3):
        body = sealer.seal_line(
            orjson.dumps(
                {
                    "t": "notes",
                    "o": [
                        [
                            f"old{number}",
                            {
                                "id": f"old{number}",
                                "text": f"old {number}",
                                "created": "2025-01-01T00:00:00",
                                "updated": "2025-01-01T00:00:00",
                            },
                        ]
                    ],
                }
            ),
            LEGACY_LINE_LABEL,
        )
        legacy.append(b"%08x " % zlib.crc32(body) + body + b"\n")
    _write_lines(journaled, legacy)
    before = _texts(journaled)  # the five notes were in the journal it replaced
    assert before == [f"old {n}" for n in range(3)]

    with Store.open(journaled, passphrase=PASSPHRASE) as store:
        Repository(store, "notes", Note).add(Note(text="new"))
        header = orjson.loads(_lines(journaled)[0][9:])
        assert header.get("seal") == 2 and len(_lines(journaled)) == 2  # old lines folded in
    assert _texts(journaled) == sorted([*before, "new"])


def test_a_journal_left_by_a_passphrase_change_is_skipped_not_damage(tmp_path: Path) -> None:
    """A crash between writing the re-encrypted snapshot and starting its journal leaves the old
    journal, sealed with the old key: already folded in, so skipped as before."""
    live = tmp_path / "live"
    with Store.open(live) as store:
        store.set_passphrase("the old passphrase", FAST)
        Repository(store, "notes", Note).add(Note(text="kept"))
        old_journal = _lines(live)
        store.set_passphrase(PASSPHRASE, FAST)
        copy = _copy_files(live, tmp_path / "copy")
    _write_lines(copy, old_journal)
    assert _texts(copy) == ["kept"]
