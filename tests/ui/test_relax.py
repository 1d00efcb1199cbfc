"""Pilot tests of the Relax section with the engine's silent player (no device, no speech engine):
a whole short session, the phase shown against the timeline, pause, stopping early, discarding,
bad ratings and bad patterns, history."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from homework_tui.model.relaxation import RelaxationSession, RelaxChoice
from homework_tui.store import Store
from tests.ui.helpers import (
    SIZE,
    quiet_services,
    screen_words,
    wait_ready,
    wait_screen,
    wait_until,
)
from tests.hand_clock import HandClock

QUICK = RelaxChoice(session="quick", minutes=1, intro=False)


@pytest.fixture
def app(app: Callable[..., Any]) -> Callable[..., Any]:
    """The app with no sound device and no speech engine (captions and the silent pacer)."""
    return partial(app, services=quiet_services())


@pytest.fixture(autouse=True)
def quiet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """No sound device and no speech engine; a config folder with a short pattern of our own."""
    from audio.breathing import custom_pattern, save_custom_pattern

    config = tmp_path / "config"
    monkeypatch.setenv("HOMEWORK_TUI_CONFIG_DIR", str(config))
    monkeypatch.setenv("HOMEWORK_TUI_CACHE_DIR", str(tmp_path / "cache"))
    save_custom_pattern(config / "patterns.toml", custom_pattern("quick", 2, 2, 1, 0))
    yield config


def remember(data_dir: Path, choice: RelaxChoice) -> None:
    from homework_tui.ui.relax.relax_data import choice_doc

    with Store.open(data_dir) as store:
        choice_doc(store).save(choice)


def logged(app: Any) -> list[RelaxationSession]:
    from homework_tui.ui.relax.relax_data import sessions_repo

    return sessions_repo(app.store).all()


async def open_session(
    pilot: Any,
    before: str = "70",
    screen_name: str = "RelaxSessionScreen",
    clock: HandClock | None = None,
) -> Any:
    """Today → Relax → Enter on the remembered session → rate → the running session screen.
    With `clock`, the session keeps time by it (moved by hand) instead of the wall clock."""
    app = pilot.app
    await wait_ready(pilot)
    await pilot.press("r")
    await wait_screen(pilot, "RelaxScreen")
    await wait_until(pilot, lambda: app.screen.loaded)
    if clock is not None:
        app.screen.clock = clock
    await pilot.press("enter")
    await wait_screen(pilot, "RatingDialog")
    await pilot.press(*before, "enter")
    await wait_screen(pilot, screen_name)
    screen = app.screen
    await wait_until(pilot, lambda: screen.started is not None, timeout=10)
    return screen


def shown_phase(app: Any) -> str:
    return str(app.screen.query_one("#rx-phase").render())


def assert_phases_follow_timeline(
    hw: Any, screen: Any, player: Any, clock: HandClock, seconds: float, step: float = 0.05
) -> list[tuple[float, str]]:
    """Move the session's clock on by `step` for `seconds`, the screen looking at it after each
    step as its timer does: at every step the phase word shown is the player's phase, and each
    phase change showed at the first look at or after its cue. Returns the breathing phase
    changes the screen recorded."""
    from homework_tui.model.relaxation import phase_word

    rate = player.timeline.sample_rate
    for _ in range(round(seconds / step)):
        clock.advance(step)
        screen.follow()
        stage = player.timeline.stage_at(player.position)
        assert stage is not None and stage.kind in ("inhale", "hold", "exhale"), stage
        assert shown_phase(hw).startswith(phase_word(stage.kind, stage.label)), (
            shown_phase(hw),
            stage,
        )
    onsets = {
        e.start / rate: e.kind
        for e in player.timeline.events
        if e.kind in ("inhale", "hold", "exhale")
    }
    changes = [(t, k) for t, k in screen.phase_changes if k in ("inhale", "hold", "exhale")]
    assert len(changes) >= seconds / 5 * 2, screen.phase_changes  # the pattern takes 5 s
    for shown_at, kind in changes[1:]:
        start = max(t for t in onsets if t <= shown_at + 1e-6)
        assert onsets[start] == kind, (shown_at, start, kind)
        assert shown_at - start < step + 1e-6, (shown_at, start)  # at the first look after it
    return changes


async def test_a_whole_session_follows_the_timeline_and_is_logged(app: Any, data_dir: Path) -> None:
    remember(data_dir, QUICK)
    hw = app()
    clock = HandClock()
    async with hw.run_test(size=SIZE) as pilot:
        screen = await open_session(pilot, clock=clock)
        player = screen.started.player
        assert player.clock is clock
        words = screen_words(hw)
        assert "Playing silently, with captions" in words
        assert "No speech engine was found" in words
        await wait_until(pilot, lambda: player.timeline.complete)  # laid out (no voice: quickly)
        # At every step the word shown is the phase the player is in; changes show at once.
        practice = player.now().part
        assert practice is not None and practice.title == "Practice"
        practice_seconds = (practice.end - player.position) / player.timeline.sample_rate
        assert practice_seconds > 8
        assert_phases_follow_timeline(hw, screen, player, clock, seconds=practice_seconds - 0.1)
        # The rest, quickly: next part (closing), next again (the end).
        await pilot.press("n")
        await wait_until(pilot, lambda: "Closing" in screen_words(hw) or player.finished, 10)
        await pilot.press("n")
        await wait_screen(pilot, "RatingDialog")
        await pilot.press("4", "0", "tab", *"easier", "ctrl+s")
        await wait_screen(pilot, "RelaxScreen")
        await wait_until(pilot, lambda: bool(logged(hw)))
        (log,) = logged(hw)
        assert (log.kind, log.pattern, log.tension_before, log.tension_after) == (
            "breathing",
            "quick",
            70,
            40,
        )
        # Both ends were skipped with `n`: said so, and not "completed".
        assert (
            not log.completed
            and log.skipped_parts == 2
            and not log.audible
            and log.note == "easier"
        )
        assert practice_seconds - 0.2 < log.actual_seconds < practice_seconds + 0.5
        assert log.planned_seconds > 10
        await wait_until(pilot, lambda: "Last time: quick" in screen_words(hw))
        assert "70 → 40" in screen_words(hw) and "2 parts skipped" in screen_words(hw)
        # Today counts it.
        await pilot.press("escape")
        await wait_screen(pilot, "TodayScreen")
        await wait_until(pilot, lambda: "Streak: 1 day" in screen_words(hw), 5)
    hw.close_store()


async def test_pause_stops_the_clock(app: Any, data_dir: Path) -> None:
    remember(data_dir, QUICK)
    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        clock = HandClock()
        screen = await open_session(pilot, before="", clock=clock)
        player = screen.started.player
        held = player.seconds
        clock.advance(0.5)
        assert player.seconds == pytest.approx(held + 0.5, abs=1e-3)
        await pilot.press("space")
        assert player.paused
        await wait_until(pilot, lambda: "Paused" in shown_phase(hw))
        held = player.seconds
        clock.advance(0.8)  # time passes; the session's clock must not move
        await pilot.pause()
        assert player.seconds == held and "Paused" in shown_phase(hw)
        await pilot.press("space")
        clock.advance(0.5)
        assert player.seconds == pytest.approx(held + 0.5, abs=1e-3)
        await wait_until(pilot, lambda: "Paused" not in shown_phase(hw))
        await pilot.press("escape")
        await wait_screen(pilot, "ChoiceDialog")
        await pilot.press("d")  # discard: nothing is logged
        await wait_screen(pilot, "RelaxScreen")
        await hw.workers.wait_for_complete()
        assert logged(hw) == []
    hw.close_store()


async def test_stopping_early_is_logged_as_such(app: Any, data_dir: Path) -> None:
    remember(data_dir, QUICK.changed(scale="anxiety"))
    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        clock = HandClock()
        screen = await open_session(pilot, before="8", clock=clock)
        for _ in range(20):  # a second listened, looked at as the screen's timer does
            clock.advance(0.05)
            screen.follow()
        await pilot.press("escape")
        await wait_screen(pilot, "ChoiceDialog")
        assert screen.started.player.paused  # nothing runs on while the person decides
        await pilot.press("s")
        await wait_screen(pilot, "RatingDialog")
        await pilot.press("escape")  # skip the rating after
        await wait_screen(pilot, "RelaxScreen")
        await wait_until(pilot, lambda: bool(logged(hw)))
        (log,) = logged(hw)
        assert not log.completed and log.anxiety_before == 8 and log.anxiety_after is None
        assert log.tension_before is None and 0.95 < log.actual_seconds < 1.05
        # History: the table and the chart.
        await pilot.press("h")
        await wait_screen(pilot, "RelaxHistoryScreen")
        await wait_until(pilot, lambda: "stopped early" in screen_words(hw))
        assert "anxiety 8 → – (of 10)" in screen_words(hw)  # the scale it was rated on
        assert "before" in screen_words(hw)
    hw.close_store()


async def test_a_rating_out_of_range_is_kept_and_explained(app: Any, data_dir: Path) -> None:
    remember(data_dir, QUICK)
    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await pilot.press("r")
        await wait_screen(pilot, "RelaxScreen")
        await wait_until(pilot, lambda: hw.screen.loaded)
        await pilot.press("enter")
        await wait_screen(pilot, "RatingDialog")
        await pilot.press("1", "5", "0", "enter")
        await wait_until(
            pilot, lambda: "Tension is 150; it goes from 0 to 100." in screen_words(hw)
        )
        assert type(hw.screen).__name__ == "RatingDialog"
        assert hw.screen.query_one("#rx-rating").value == "150"
        await pilot.press("escape")  # Esc skips the rating, as the footer says: it starts unrated
        await wait_screen(pilot, "RelaxSessionScreen")
        assert hw.screen.before is None
    hw.close_store()


async def test_a_pattern_with_nonsense_durations_is_explained(app: Any, quiet: Path) -> None:
    hw = app()
    async with hw.run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await pilot.press("r")
        await wait_screen(pilot, "RelaxScreen")
        await wait_until(pilot, lambda: hw.screen.loaded)
        await pilot.press("c")
        await wait_screen(pilot, "PatternDialog")
        await pilot.press(*"calm", "tab", "backspace", "9", "9", "enter")
        await wait_until(
            pilot, lambda: "breathing in should last 1 to 15 seconds" in screen_words(hw)
        )
        await pilot.press("backspace", "backspace", ".", ".", "enter")
        await wait_until(pilot, lambda: "is not a number" in screen_words(hw))
        await pilot.press("backspace", "backspace", "3", "enter")
        await wait_screen(pilot, "RelaxScreen")
        await wait_until(pilot, lambda: "Calm" in screen_words(hw) or "calm" in screen_words(hw))
        import tomllib

        saved = tomllib.loads((quiet / "patterns.toml").read_text())
        assert saved["calm"] == {"inhale": 3, "hold_in": 0, "exhale": 6, "hold_out": 0}
        # Delete it again (asks first).
        await wait_until(pilot, lambda: hw.screen._selected() == "calm")
        await pilot.press("delete")
        await wait_screen(pilot, "ChoiceDialog")
        await pilot.press("d")
        await wait_screen(pilot, "RelaxScreen")
        assert '["calm"]' not in (quiet / "patterns.toml").read_text()
    hw.close_store()
