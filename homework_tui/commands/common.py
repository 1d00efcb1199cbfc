"""What subcommands share: finding the data folder, opening the store, printing safely."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from homework_tui.paths import data_dir


def data_folder(args: argparse.Namespace) -> Path:
    return data_dir(getattr(args, "data_dir", None))


def fail(message: str, code: int = 1) -> int:
    """Print a clear message for the person on stderr and return the exit code."""
    print(f"homework-tui: {message}", file=sys.stderr)
    return code


@contextmanager
def opened_store(args: argparse.Namespace, *, read_only: bool = False) -> Iterator[object]:
    """The store for a subcommand; StoreError propagates with its message for `fail`."""
    from homework_tui.store import Store

    store = Store.open(data_folder(args), read_only=read_only or getattr(args, "read_only", False))
    try:
        yield store
    finally:
        store.close()
