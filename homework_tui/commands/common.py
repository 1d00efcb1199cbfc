"""What subcommands share: finding the data folder, opening the store, asking for a passphrase."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from homework_tui.model.base import visible
from homework_tui.paths import data_dir

if TYPE_CHECKING:
    from homework_tui.store import Store


def data_folder(args: argparse.Namespace) -> Path:
    return data_dir(getattr(args, "data_dir", None))


def fail(message: str, code: int = 1) -> int:
    """Print a clear message for the person on stderr and return the exit code. A path or value
    quoted in it shows any control character as a visible escape (never raw to the terminal)."""
    print(f"homework-tui: {visible(message)}", file=sys.stderr)
    return code


def ask_passphrase(prompt: str = "Passphrase: ") -> str:
    """Read a passphrase without echo from the terminal; from a pipe, one line of stdin."""
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        raise EOFError
    return line.rstrip("\n")


@contextmanager
def opened_store(args: argparse.Namespace, *, read_only: bool = False) -> Iterator[Store]:
    """The store for a subcommand, asking for the passphrase when the data is encrypted.
    StoreError propagates with its message for `fail`."""
    from homework_tui.store import Store
    from homework_tui.store.crypto import PassphraseNeeded

    folder = data_folder(args)
    read_only = read_only or getattr(args, "read_only", False)
    try:
        store = Store.open(folder, read_only=read_only)
    except PassphraseNeeded:
        store = Store.open(folder, read_only=read_only, passphrase=ask_passphrase())
    try:
        yield store
    finally:
        store.close()
