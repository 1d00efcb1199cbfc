"""Screenshots at 100x30 of the main dialogs over their screens: leaving a half-written form,
and a removal that asks first (pytest-textual-snapshot). After an intended change run with
`--snapshot-update` and look at the SVGs before committing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from homework_tui.model.safety import CrisisContact, SafetyPlan
from homework_tui.store import Singleton, Store
from tests.ui.helpers import (
    SIZE,
    screen_words,
    settle,
    snapshot,
    wait_ready,
    wait_screen,
    wait_until,
)
from tests.ui.snapshot_clock import frozen_day
from tests.ui.test_thought_records import type_text


def test_leaving_a_half_written_form(snap_compare: Any, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await wait_ready(pilot)
        await pilot.press("t")
        await wait_screen(pilot, "ThoughtRecordsScreen")
        await settle(pilot)
        await pilot.press("n")
        await wait_screen(pilot, "ThoughtRecordForm")
        await type_text(pilot, "Team meeting: nobody replied to my idea [bold]😬")
        await pilot.press("escape")
        await wait_until(pilot, lambda: "Leave this thought record?" in screen_words(pilot.app))
        await settle(pilot)

    with frozen_day():
        assert snapshot(snap_compare, tmp_path, SIZE, run_before)


def test_removing_a_contact_asks_first(snap_compare: Any, tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        plan = SafetyPlan(
            contacts=(
                CrisisContact(name="Anna [bold]x[/] 😀", number="+44 7700 900123", note="sister"),
            )
        )
        Singleton(store, "safety", SafetyPlan, SafetyPlan).save(plan)

    async def run_before(pilot: Pilot[Any]) -> None:
        await wait_ready(pilot)
        await pilot.press("f2")
        await wait_screen(pilot, "HelpNowScreen")
        await wait_until(pilot, lambda: "Anna" in screen_words(pilot.app))
        await pilot.press("home", "down", "d")
        await wait_screen(pilot, "ChoiceDialog")
        await settle(pilot)

    with frozen_day():
        assert snapshot(snap_compare, tmp_path, SIZE, run_before)
