"""The data format's version and the steps that bring older files forward.

A migration takes the raw tables of version N and returns those of version N+1. They run in order
at open; a file written by a newer homework-tui is refused and left untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Tables = dict[str, dict[str, dict[str, Any]]]
Migration = Callable[[Tables], Tables]

META_TABLE = "_meta"
META_ID = "schema"


def _v0_to_v1(tables: Tables) -> Tables:
    """Version 0 is an empty or plain TinyDB file: nothing to change but the stamp."""
    return tables


# MIGRATIONS[n] turns version n into version n+1.
MIGRATIONS: list[Migration] = [_v0_to_v1]
CURRENT_VERSION = len(MIGRATIONS)


def version_of(tables: Tables) -> int:
    meta = tables.get(META_TABLE, {}).get(META_ID, {})
    version = meta.get("version", 0)
    return version if isinstance(version, int) else 0


def migrate(tables: Tables, migrations: list[Migration] | None = None) -> tuple[Tables, int]:
    """Run every migration from the file's version up; returns the tables and the old version."""
    steps = MIGRATIONS if migrations is None else migrations
    start = version_of(tables)
    for step in steps[start:]:
        tables = step(tables)
    tables.setdefault(META_TABLE, {})[META_ID] = {"version": len(steps)}
    return tables, start
