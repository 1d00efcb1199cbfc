"""What subcommands share: finding the data folder, opening the store, asking for a passphrase."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from homework_tui.i18n import N_, _
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


NO_PASSPHRASE = N_(
    "your data is protected with a passphrase and none was given (the input ended); "
    "run this in a terminal, or give the passphrase on one line of input"
)


class NoPassphrase(EOFError):
    """The input ended (a closed stdin, /dev/null, Ctrl+D) before a passphrase was given.
    `cli.main` turns it into the one line NO_PASSPHRASE (translated) for any command that did
    not."""


def ask_passphrase(prompt: str | None = None) -> str:
    """Read a passphrase without echo from the terminal (`prompt`, or "Passphrase: "); from a
    pipe, one line of stdin. Raises NoPassphrase when there is no input to read."""
    if prompt is None:
        prompt = _("Passphrase: ")
    try:
        if sys.stdin is not None and not sys.stdin.closed and sys.stdin.isatty():
            return getpass.getpass(prompt)
        line = sys.stdin.readline() if sys.stdin is not None and not sys.stdin.closed else ""
    except (EOFError, OSError, ValueError) as error:
        raise NoPassphrase from error
    if not line:
        raise NoPassphrase
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
