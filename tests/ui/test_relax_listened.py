"""Pilot test: the minutes logged are the minutes listened (issue 14, point 6). A muscle relaxation
session with its parts skipped with `n` is logged with the time it really played, says how many
parts were skipped, and is not "completed" (so it does not count towards the next stage)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from tests.ui.helpers import (
    SIZE,
    quiet_services,
    screen_words,
    wait_ready,
    wait_screen,
    wait_until,
)


@pytest.fixture
def app(app: Callable[..., Any]) -> Callable[..., Any]:
    """The app with no sound device and no speech engine (captions and the silent pacer)."""
    return partial(app, services=quiet_services())


@pytest.fixture(autouse=True)
def quiet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    config = tmp_path / "config"
    monkeypatch.setenv("HOMEWORK_TUI_CONFIG_DIR", str(config))
    monkeypatch.setenv("HOMEWORK_TUI_CACHE_DIR", str(tmp_path / "cache"))
    yield config


async def test_skipped_parts_are_logged_as_such_with_the_time_listened(app: Any) -> None:
    from homework_tui.ui.relax.relax_data import sessions_repo

    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await pilot.press("r")
        await wait_screen(pilot, "RelaxScreen")
        screen = hw.screen
        await wait_until(pilot, lambda: screen.loaded)
        while screen._selected() != "pmr4":
            await pilot.press("down")
        await pilot.press("enter")
        await wait_screen(pilot, "RatingDialog")
        await pilot.press("6", "0")
        started_at = time.monotonic()  # the session cannot begin before this
        await pilot.press("enter")
        await wait_screen(pilot, "RelaxSessionScreen")
        session = hw.screen
        await wait_until(pilot, lambda: session.started is not None, timeout=10)
        await wait_until(pilot, lambda: session.started.player.seconds >= 1.0)
        skips = 0
        while type(hw.screen).__name__ == "RelaxSessionScreen" and skips < 20:
            part = session.started.player.now().part
            await pilot.press("n")
            skips += 1
            await wait_until(
                pilot, lambda: session.ended or session.started.player.now().part != part
            )
        await wait_screen(pilot, "RatingDialog")
        listened_at_most = time.monotonic() - started_at
        assert skips >= 6  # introduction, four groups, rest, closing: each left by `n`
        assert str(session.query_one("#rx-phase").render()).startswith(
            f"You skipped {skips} parts; 0:0"
        )
        await pilot.press("3", "0", "enter")
        await wait_until(pilot, lambda: len(sessions_repo(hw.store).all()) == 1)
        log = sessions_repo(hw.store).all()[0]
        assert (log.skipped_parts, log.completed, log.outcome) == (
            skips,
            False,
            f"{skips} parts skipped",
        )
        # The minutes heard (a few seconds here), not the eight minutes the clock jumped through.
        assert 1.0 <= log.actual_seconds <= listened_at_most + 0.5, (
            log.actual_seconds,
            listened_at_most,
        )
        assert log.minutes == round(log.actual_seconds / 60, 1) < 0.5
        assert log.planned_seconds > 6 * 60
        await wait_screen(pilot, "RelaxScreen")
        await wait_until(pilot, lambda: f"{skips} parts skipped" in screen_words(hw))
    hw.close_store()
