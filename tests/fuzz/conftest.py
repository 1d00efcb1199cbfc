"""Fixtures for the fuzz tests: one plain and one encrypted data folder per module, reused by every
example (the encrypted one is keyed once, with a cheap scrypt cost kept in its file)."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from homework_tui import cli
from homework_tui.model.journal import JournalEntry
from homework_tui.store import Repository, Singleton, Store
from homework_tui.store.crypto import KdfParams
from tests.fuzz.strategies import assert_terminal_safe

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


# -- the command line, in this process ---------------------------------------------------------


class Runner:
    """`homework-tui ARGS` in this process, on a private data folder under `root`."""

    def __init__(self, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.root = root
        self.data = root / "data"
        self.capsys = capsys

    def __call__(
        self, *argv: str, stdin: str = "", data: Path | None = None
    ) -> tuple[int, str, str]:
        self.capsys.readouterr()
        old_stdin = sys.stdin
        sys.stdin = io.StringIO(stdin)
        try:
            code = cli.main(["--data-dir", str(data or self.data), *argv])
        except SystemExit as exit_:  # argparse: --help or a usage error
            code = exit_.code if isinstance(exit_.code, int) else 1
        finally:
            sys.stdin = old_stdin
        out, err = self.capsys.readouterr()
        where = f"for homework-tui {' '.join(map(repr, argv))}"
        assert code in (0, 1, 2), f"exit {code} {where}\n{err}"
        assert "Traceback" not in err + out, where
        assert_terminal_safe(out, f"(stdout {where})")
        assert_terminal_safe(err, f"(stderr {where})")
        if code == 1:
            assert err.startswith("homework-tui: ") or "homework-tui" in err, f"{where}: {err!r}"
        if code == 2:
            assert err.strip(), f"exit 2 with nothing said {where}"
        return code, out, err


@pytest.fixture(scope="module")
def cli_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli-fuzz")


@pytest.fixture
def run(
    cli_root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Runner:
    for name in list(os.environ):
        if name.startswith("HOMEWORK_TUI_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("HOMEWORK_TUI_CACHE_DIR", str(cli_root / "cache"))
    monkeypatch.setenv("HOMEWORK_TUI_CONFIG_DIR", str(cli_root / "config"))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.chdir(cli_root)  # relative paths given as options land here
    # Nothing opens the app, plays sound or spends seconds on a real key derivation.
    monkeypatch.setattr("homework_tui.app.run_app", lambda args: 0)
    monkeypatch.setattr(
        KdfParams, "new", classmethod(lambda cls: cls(salt=os.urandom(16), n=2**10))
    )

    def no_device(*args: Any, **kwargs: Any) -> Any:
        from audio.errors import AudioError

        raise AudioError("no sound device here (the fuzz test has none)")

    monkeypatch.setattr("audio.player.open_player", no_device)

    def quick_wav(self: Any, path: Any, progress: Any = None) -> Any:
        Path(path).write_bytes(b"RIFF")
        return SimpleNamespace(seconds=60.0, sample_rate=22050, to_json=lambda: {})

    monkeypatch.setattr("audio.session.Session.write_wav", quick_wav)
    runner = Runner(cli_root, capsys)
    if not runner.data.exists():
        with Store.open(runner.data) as store:
            Repository(store, "journal", JournalEntry).add(JournalEntry(title="kept", text="x"))
    return runner
