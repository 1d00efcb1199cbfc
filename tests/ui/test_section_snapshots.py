"""Screenshots at 100x30 of the Relax list, a Relax session paused at a fixed moment (its clock
moved by hand), Plan, Insights, the report screen and the lock screen (pytest-textual-snapshot).
Days are frozen (tests/ui/snapshot_clock.py), inputs do not blink, sound and speech are off. After
an intended change run with `--snapshot-update` and look at the SVGs before committing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from homework_tui.model.relaxation import RelaxChoice
from homework_tui.store import Store
from tests.hand_clock import HandClock
from tests.report.dataset import fill
from tests.ui.helpers import (
    SIZE,
    quiet_services,
    settle,
    snapshot,
    wait_ready,
    wait_screen,
    wait_until,
)
from tests.ui.snapshot_clock import frozen_day

QUICK = RelaxChoice(session="quick", minutes=1, intro=False)


@pytest.fixture(autouse=True)
def quiet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Our own config and cache folders (a short pattern); the app gets `quiet_services()`: no
    sound device, no speech engine."""
    from audio.breathing import custom_pattern, save_custom_pattern

    config = tmp_path / "config"
    monkeypatch.setenv("HOMEWORK_TUI_CONFIG_DIR", str(config))
    monkeypatch.setenv("HOMEWORK_TUI_CACHE_DIR", str(tmp_path / "cache"))
    save_custom_pattern(config / "patterns.toml", custom_pattern("quick", 2, 2, 1, 0))
    yield


def data(tmp_path: Path, *, week: bool = False, choice: RelaxChoice | None = None) -> Path:
    folder = tmp_path / "data"
    with Store.open(folder) as store:
        if week:
            fill(store)
        if choice is not None:
            from homework_tui.ui.relax.relax_data import choice_doc

            choice_doc(store).save(choice)
    return folder


async def open_relax(pilot: Pilot[Any]) -> Any:
    app = await wait_ready(pilot)
    await pilot.press("r")
    await wait_screen(pilot, "RelaxScreen")
    await wait_until(pilot, lambda: app.screen.loaded)
    await settle(pilot)
    return app.screen


def test_relax_list(snap_compare: Any, tmp_path: Path) -> None:
    folder = data(tmp_path, choice=QUICK)

    async def run_before(pilot: Pilot[Any]) -> None:
        await open_relax(pilot)

    with frozen_day():
        assert snapshot(snap_compare, folder, SIZE, run_before, quiet_services())


async def paused_in_the_second_hold(pilot: Pilot[Any]) -> Any:
    """The short practice started (tension 70), moved by hand 7.5 s in (the second breath's
    hold) and paused; returns the session screen."""
    clock = HandClock()
    relax = await open_relax(pilot)
    relax.clock = clock
    await pilot.press("enter")
    await wait_screen(pilot, "RatingDialog")
    await pilot.press("7", "0", "enter")
    await wait_screen(pilot, "RelaxSessionScreen")
    session = pilot.app.screen
    await wait_until(pilot, lambda: session.started is not None)
    player = session.started.player
    await wait_until(pilot, lambda: player.timeline.complete)
    for _ in range(150):  # 7.5 s, looked at as the screen's timer does
        clock.advance(0.05)
        session.follow()
    await pilot.press("space")
    await wait_until(pilot, lambda: player.paused)
    await pilot.pause()
    return session


def test_relax_session_paused(snap_compare: Any, tmp_path: Path) -> None:
    """Seven and a half seconds into the practice (the second breath's hold), paused."""
    folder = data(tmp_path, choice=QUICK)

    async def run_before(pilot: Pilot[Any]) -> None:
        session = await paused_in_the_second_hold(pilot)
        assert "Paused" in str(session.query_one("#rx-phase").render())

    with frozen_day():
        assert snapshot(snap_compare, folder, SIZE, run_before, quiet_services())


def test_plan(snap_compare: Any, tmp_path: Path) -> None:
    folder = data(tmp_path, week=True)

    async def run_before(pilot: Pilot[Any]) -> None:
        await wait_ready(pilot)
        await pilot.press("p")
        await wait_screen(pilot, "PlanScreen")
        await settle(pilot)

    with frozen_day():
        assert snapshot(snap_compare, folder, SIZE, run_before, quiet_services())


def test_insights(snap_compare: Any, tmp_path: Path) -> None:
    folder = data(tmp_path, week=True)

    async def run_before(pilot: Pilot[Any]) -> None:
        await wait_ready(pilot)
        await pilot.press("p")
        await wait_screen(pilot, "PlanScreen")
        await settle(pilot)
        await pilot.press("i")
        await wait_screen(pilot, "InsightsScreen")
        await settle(pilot)

    with frozen_day():
        assert snapshot(snap_compare, folder, SIZE, run_before, quiet_services())


def test_report_screen(snap_compare: Any, tmp_path: Path) -> None:
    folder = data(tmp_path, week=True)

    async def run_before(pilot: Pilot[Any]) -> None:
        await wait_ready(pilot)
        await pilot.press("p")
        await wait_screen(pilot, "PlanScreen")
        await settle(pilot)
        await pilot.press("w")
        await wait_screen(pilot, "ReportScreen")
        await settle(pilot)

    with frozen_day():
        assert snapshot(snap_compare, folder, SIZE, run_before, quiet_services())


def test_lock_screen(snap_compare: Any, tmp_path: Path) -> None:
    from tests.ui.test_autolock import seed as seed_encrypted
    from tests.ui.test_autolock import unlock_at_start

    folder = tmp_path / "data"
    seed_encrypted(folder)

    async def run_before(pilot: Pilot[Any]) -> None:
        app = await unlock_at_start(pilot)
        app.idle_lock.lock_now()
        await wait_screen(pilot, "LockScreen")
        await settle(pilot)

    with frozen_day():
        assert snapshot(snap_compare, folder, SIZE, run_before, quiet_services())
