"""The computer's time zone by name (for the sleep diary's clock-change arithmetic)."""

from __future__ import annotations

import os
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def _known(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def local_zone_name() -> str:
    """`TZ` when it names a zone, else where /etc/localtime points; "" when neither says."""
    name = os.environ.get("TZ", "").lstrip(":")
    if name and _known(name):
        return name
    try:
        target = os.readlink("/etc/localtime")
    except OSError:
        return ""
    _, found, name = target.partition("zoneinfo/")
    return name if found and _known(name) else ""
