"""Today, the thought record form and a Relax session in German at 80x24, as screenshots
(pytest-textual-snapshot), each also read for keys pushed off the footer. After an intended change
run with `--snapshot-update` and look at the SVGs before committing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from homework_tui.i18n import use_language
from tests.i18n.layout import cut_strings
from tests.ui.helpers import quiet_services, settle, snapshot, wait_ready, wait_screen, wait_until
from tests.ui.snapshot_clock import frozen_day
from tests.ui.test_section_snapshots import (  # noqa: F401 - quiet: a fixture
    QUICK,
    data,
    paused_in_the_second_hold,
    quiet,
)
from tests.ui.test_thought_records import type_text

SIZE = (80, 24)


@pytest.fixture(autouse=True)
def german() -> None:
    use_language("de")  # tests/conftest.py puts English back afterwards


def _nothing_cut(pilot: Pilot[Any]) -> None:
    assert cut_strings(pilot.app) == []


def test_today(snap_compare: Any, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await wait_ready(pilot)
        await wait_until(pilot, lambda: bool(pilot.app.screen.query("#today-due-list")))
        await settle(pilot)
        _nothing_cut(pilot)

    with frozen_day():
        assert snapshot(snap_compare, tmp_path / "data", SIZE, run_before)


def test_thought_record_form(snap_compare: Any, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await wait_ready(pilot)
        await pilot.press("t")
        await wait_screen(pilot, "ThoughtRecordsScreen")
        await settle(pilot)
        await pilot.press("n")
        await wait_screen(pilot, "ThoughtRecordForm")
        await type_text(pilot, "Teamsitzung: niemand hat auf meine Idee reagiert")
        await pilot.press("pagedown", *"ängstlich", "tab", "8", "0")
        await settle(pilot)
        _nothing_cut(pilot)

    with frozen_day():
        assert snapshot(snap_compare, tmp_path / "data", SIZE, run_before)


def test_relax_session(snap_compare: Any, tmp_path: Path) -> None:
    """Seven and a half seconds into a short practice (the second breath's hold), paused."""
    folder = data(tmp_path, choice=QUICK)

    async def run_before(pilot: Pilot[Any]) -> None:
        await paused_in_the_second_hold(pilot)
        _nothing_cut(pilot)

    with frozen_day():
        assert snapshot(snap_compare, folder, SIZE, run_before, quiet_services())
