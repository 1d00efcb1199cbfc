"""Frozen days for screenshots: the day and time the app sees (Plan's week, Insights' period, the
report's dates), fixed with time-machine; the event loop's monotonic clock runs on untouched."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import time_machine

# Sunday evening at the end of tests/report/dataset.py's week (10-16 March 2025).
END_OF_WEEK = datetime(2025, 3, 16, 19, 30, tzinfo=UTC)


@contextmanager
def frozen_day(moment: datetime = END_OF_WEEK) -> Iterator[None]:
    """The wall clock stopped at `moment`, shown in UTC whatever the machine's zone."""
    zone = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    try:
        with time_machine.travel(moment, tick=False):
            yield
    finally:
        if zone is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = zone
        time.tzset()
