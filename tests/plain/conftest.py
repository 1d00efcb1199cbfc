from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from homework_tui.model.base import Entity
from homework_tui.store import Repository, Store

E = TypeVar("E", bound=Entity)


def saved(root: Path, table: str, cls: type[E]) -> list[E]:
    """What the store holds in `table`, read back as the app reads it (newest first)."""
    with Store.open(root / "data", read_only=True) as store:
        return Repository(store, table, cls).all()


@pytest.fixture
def root(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path
