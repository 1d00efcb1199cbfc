"""`Source`: one table of logged homework, as `store/activities.py` registers it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from homework_tui.model.activity import Activity, Kind
from homework_tui.store.db import Store


@dataclass(frozen=True)
class Source:
    """One table of logged homework. `name` is also the CSV file's name; `columns` are the fact
    labels its activities carry, in order."""

    name: str
    title: str
    kinds: tuple[Kind, ...]
    columns: tuple[str, ...]
    read: Callable[[Store], list[Activity]]
