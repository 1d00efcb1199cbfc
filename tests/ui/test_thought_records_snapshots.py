"""Screenshots of the thought record list and form at 100x30 and 80x24 (pytest-textual-snapshot).
Update after an intended change with `--snapshot-update`, and look at the SVGs before committing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from homework_tui.model.journal import JournalEntry
from homework_tui.ui.journal.journal_entry import journal_repo
from homework_tui.store import Store
from tests.ui.helpers import settle, snapshot, wait_ready, wait_screen
from tests.ui.test_thought_records import seed, type_text

SIZES = [pytest.param((100, 30), id="100x30"), pytest.param((80, 24), id="80x24")]


SECTION_SCREENS = {"t": "ThoughtRecordsScreen", "j": "JournalScreen"}


async def _ready(pilot: Pilot[int], key: str) -> None:
    """The section opened by `key`, its list loaded and drawn."""
    await wait_ready(pilot)
    await pilot.press(key)
    await wait_screen(pilot, SECTION_SCREENS[key])
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_list(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    seed(tmp_path)

    async def run_before(pilot: Pilot[int]) -> None:
        await _ready(pilot, "t")

    assert snapshot(snap_compare, tmp_path, size, run_before)


@pytest.mark.parametrize("size", SIZES)
def test_form_thinking_traps(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot[int]) -> None:
        await _ready(pilot, "t")
        await pilot.press("n")
        await wait_screen(pilot, "ThoughtRecordForm")
        await type_text(pilot, "Team meeting: nobody replied to my idea [bold]😬")
        await pilot.press("pagedown", *"anxious", "tab", "8", "0", "pagedown")
        await type_text(pilot, "They all think I'm incompetent")
        await pilot.press("pagedown", "down", "down", "down", "down", "space")
        await settle(pilot)

    assert snapshot(snap_compare, tmp_path, size, run_before)


@pytest.mark.parametrize("size", SIZES)
def test_journal_list(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    from datetime import datetime, timezone

    when = datetime(2026, 3, 4, 21, 0, tzinfo=timezone.utc)
    with Store.open(tmp_path) as store:
        journal_repo(store).add(
            JournalEntry(
                created_at=when,
                updated_at=when,
                title="A [bold]walk[/] by the river 🌳",
                text="Felt calmer.",
                mood=7,
                tags=("outside", "calm"),
            )
        )

    async def run_before(pilot: Pilot[int]) -> None:
        await _ready(pilot, "j")

    assert snapshot(snap_compare, tmp_path, size, run_before)
