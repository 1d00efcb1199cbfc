"""Screenshots of Today and Help now at 100x30 and 80x24 (pytest-textual-snapshot). No clock, no
blinking cursor, no paths or process ids on these screens, so they are stable. After an intended
change run with `--snapshot-update` and look at the SVGs before committing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from homework_tui.model.safety import CrisisContact, SafetyPlan
from homework_tui.store import Singleton, Store
from tests.ui.helpers import settle, snapshot, wait_for_words, wait_ready, wait_screen, wait_until

SIZES = [pytest.param((100, 30), id="100x30"), pytest.param((80, 24), id="80x24")]


@pytest.mark.parametrize("size", SIZES)
def test_today_first_evening(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await wait_ready(pilot)
        await wait_until(pilot, lambda: bool(pilot.app.screen.query("#today-due-list")))
        await settle(pilot)

    assert snapshot(snap_compare, tmp_path, size, run_before)


@pytest.mark.parametrize("size", SIZES)
def test_help_now_with_contacts(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    with Store.open(tmp_path) as store:
        plan = SafetyPlan(
            contacts=(
                CrisisContact(name="Anna [bold]x[/] 😀", number="+44 7700 900123", note="sister"),
                CrisisContact(name="Dr Lee's office", number="020 7946 0000", note="weekdays"),
            ),
            crisis_line=CrisisContact(name="Samaritans", number="116 123", note="day or night"),
        )
        Singleton(store, "safety", SafetyPlan, SafetyPlan).save(plan)

    async def run_before(pilot: Pilot[Any]) -> None:
        await wait_ready(pilot)
        await pilot.press("f2")
        await wait_screen(pilot, "HelpNowScreen")
        await wait_for_words(pilot, "Samaritans")  # the contacts loaded
        await settle(pilot)

    assert snapshot(snap_compare, tmp_path, size, run_before)


def test_help_now_with_a_written_plan(snap_compare: Any, tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        plan = SafetyPlan(
            crisis_line=CrisisContact(name="Samaritans", number="116 123", note="day or night"),
            warning_signs="Not sleeping, staying in bed all day\nCancelling plans",
            coping="A walk round the park\nBox breathing (Relax, r)",
            distractions="The library; Mum's kitchen",
            reasons_for_living="My sister and her kids",
        )
        Singleton(store, "safety", SafetyPlan, SafetyPlan).save(plan)

    async def run_before(pilot: Pilot[Any]) -> None:
        await wait_ready(pilot)
        await pilot.press("f2")
        await wait_screen(pilot, "HelpNowScreen")
        await pilot.pause(0.3)

    assert snapshot(snap_compare, tmp_path, (80, 24), run_before)
