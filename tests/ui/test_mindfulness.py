"""Pilot tests of a guided mindfulness session (real app, real data file, the engine's silent
player): it is listed, starts, shows the words being spoken exactly as written and a calm sense of
where you are, pauses, skips, breathes with the pacer where the script breathes, and is logged as
mindfulness so Today counts it for the plan."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from homework_tui.model.activity import Kind
from homework_tui.model.plan import Assignment
from homework_tui.model.relaxation import RelaxationSession, RelaxChoice
from homework_tui.store import Store
from homework_tui.store.plan import assignments_repo
from tests.hand_clock import HandClock
from tests.ui.test_relax import open_session
from tests.ui.helpers import (
    SIZE,
    quiet_services,
    screen_words,
    wait_ready,
    wait_screen,
    wait_until,
)

FIRST_LINE = "Notice your [bold]breath[/bold] 🌿, just as it is."
QUIET_MINUTE = f"""title: A quiet minute
kind: mindfulness
language: en
minutes: 1
description: A short practice for the tests.

== Arriving
say {FIRST_LINE}
pause 4 stretch
== Breathing
say Breathe with the count for a little while.
breathe box for 2 cycles
== Listening
say Now notice the sounds around you.
pause 6 stretch
"""


@pytest.fixture
def app(app: Callable[..., Any]) -> Callable[..., Any]:
    """The app with no sound device and no speech engine (captions and the silent pacer)."""
    return partial(app, services=quiet_services())


@pytest.fixture(autouse=True)
def quiet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    config = tmp_path / "config"
    (config / "sessions").mkdir(parents=True)
    (config / "sessions" / "quiet-minute.txt").write_text(QUIET_MINUTE, encoding="utf-8")
    monkeypatch.setenv("HOMEWORK_TUI_CONFIG_DIR", str(config))
    monkeypatch.setenv("HOMEWORK_TUI_CACHE_DIR", str(tmp_path / "cache"))
    yield config


def prepare(data_dir: Path, session: str, minutes: float) -> None:
    """A plan with mindfulness every day, and `session` as the last choice on the Relax screen."""
    from homework_tui.ui.relax.relax_data import choice_doc

    with Store.open(data_dir) as store:
        assignments_repo(store).add(Assignment(kind=Kind.MINDFULNESS, start=date.today()))
        choice_doc(store).save(RelaxChoice(session=session, minutes=minutes))


def logged(app: Any) -> list[RelaxationSession]:
    from homework_tui.ui.relax.relax_data import sessions_repo

    return sessions_repo(app.store).all()


def shown(app: Any, widget_id: str) -> str:
    return str(app.screen.query_one(f"#{widget_id}").render())


async def start_chosen(pilot: Any, before: str, clock: HandClock | None = None) -> Any:
    return await open_session(pilot, before, screen_name="MindfulSessionScreen", clock=clock)


def move_until(screen: Any, clock: HandClock, condition: Any, limit: float = 60.0) -> None:
    """Move the session's clock on a twentieth of a second at a time, the screen looking at it
    after each step as its timer does, until `condition()` (within `limit` session seconds)."""
    moved = 0.0
    while not condition():
        assert moved < limit, f"not so after {limit} s of the session"
        clock.advance(0.05)
        moved += 0.05
        screen.follow()


async def test_a_mindfulness_session_from_start_to_today(
    app: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from homework_tui.ui.relax.calm_progress import CalmProgress
    from homework_tui.ui.relax.pacer import Pacer

    starts: list[str] = []
    prepare(data_dir, "quiet-minute", 1)
    hw = app()
    real_start = hw.services.relax.start_session

    def counted(choice: RelaxChoice, settings: Any, clock: Any) -> Any:
        starts.append(choice.session)
        return real_start(choice, settings, clock)

    monkeypatch.setattr(hw.services.relax, "start_session", counted)
    clock = HandClock()
    async with hw.run_test(size=SIZE) as pilot:
        screen = await start_chosen(pilot, before="60", clock=clock)
        player = screen.started.player
        assert starts == ["quiet-minute"]  # one session, one player
        # The first line, exactly as written (markup and emoji are words here), and where we are.
        await wait_until(pilot, lambda: shown(hw, "rx-caption") == FIRST_LINE)
        assert FIRST_LINE in screen_words(hw)
        assert shown(hw, "rx-caption") == player.timeline.last_speech(player.position).text
        assert shown(hw, "rx-progress") == "Part 1 of 3  ·  about a minute left"
        assert shown(hw, "rx-part") == "Arriving"
        assert screen.query_one(CalmProgress).display and not screen.query_one(Pacer).display
        assert "No speech engine was found" in screen_words(hw)
        # Pause and carry on.
        await pilot.press("space")
        await wait_until(pilot, lambda: "Paused" in shown(hw, "rx-phase"))
        held = player.seconds
        clock.advance(0.4)  # time passes; the session's clock must not move
        screen.follow()
        assert player.seconds == held and "Paused" in shown(hw, "rx-phase")
        await pilot.press("space")
        await wait_until(pilot, lambda: shown(hw, "rx-phase") == "")
        # The next part breathes: the pacer and the phase word show while it does.
        await pilot.press("n")
        await wait_until(pilot, lambda: shown(hw, "rx-part") == "Breathing", timeout=5)
        assert shown(hw, "rx-progress").startswith("Part 2 of 3")
        move_until(screen, clock, lambda: screen.query_one(Pacer).display)
        assert shown(hw, "rx-phase").split("  ·  ")[0] in ("Breathe in", "Hold", "Breathe out")
        # The spoken "Breathe in" is the phase word already: the line before stays as the caption.
        assert shown(hw, "rx-caption") == "Breathe with the count for a little while."
        await pilot.press("n")
        await wait_until(
            pilot, lambda: shown(hw, "rx-caption") == "Now notice the sounds around you.", 5
        )
        assert not screen.query_one(Pacer).display
        await pilot.press("n")  # the end: the rating after, then the log
        await wait_screen(pilot, "RatingDialog")
        await pilot.press("3", "0", "ctrl+s")
        await wait_screen(pilot, "RelaxScreen")
        await wait_until(pilot, lambda: bool(logged(hw)))
        (log,) = logged(hw)
        assert (log.kind, log.pattern, log.title) == (
            "mindfulness",
            "quiet-minute",
            "A quiet minute",
        )
        # Three parts moved on from with `n`: said so, and not "completed".
        assert (log.tension_before, log.tension_after, log.completed, log.skipped_parts) == (
            60,
            30,
            False,
            3,
        )
        assert not log.audible
        # Today counts it for the plan's mindfulness.
        await pilot.press("escape")
        await wait_screen(pilot, "TodayScreen")
        await wait_until(pilot, lambda: "Done ✓ Mindfulness: done today" in screen_words(hw))
    hw.close_store()


async def test_the_built_in_mindfulness_sessions_are_listed_and_start(
    app: Any, data_dir: Path
) -> None:
    prepare(data_dir, "body-scan", 10)
    hw = app()
    async with hw.run_test(size=(100, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("r")
        await wait_screen(pilot, "RelaxScreen")
        await wait_until(pilot, lambda: hw.screen.loaded)
        words = screen_words(hw)
        for title in (
            "Body scan",
            "Body scan, 20 minutes",
            "5-4-3-2-1 grounding",
            "Leaves on a stream",
            "Mindful breathing with counting",
            "A quiet minute (your file, English)",
        ):
            assert title in words
        assert (
            "Spoken in English by the voice" not in words
        )  # no speech engine here: said once it starts
        await pilot.press("enter")
        await wait_screen(pilot, "RatingDialog")
        await pilot.press("enter")  # no rating is fine
        await wait_screen(pilot, "MindfulSessionScreen")
        screen = hw.screen
        await wait_until(pilot, lambda: screen.started is not None, timeout=10)
        await wait_until(pilot, lambda: "about 10 minutes left" in shown(hw, "rx-progress"))
        assert shown(hw, "rx-progress").startswith("Part 1 of ")
        await pilot.press("escape")
        await wait_screen(pilot, "ChoiceDialog")
        await pilot.press("d")
        await wait_screen(pilot, "RelaxScreen")
        assert logged(hw) == []
    hw.close_store()


def test_time_left_is_gentle() -> None:
    from homework_tui.ui.relax.relax_mindful import where_text

    assert where_text(0, 4, 600) == "Part 1 of 4  ·  about 10 minutes left"
    assert where_text(3, 4, 75) == "Part 4 of 4  ·  about a minute left"
    assert where_text(0, 1, 10) == "Nearly done"  # one part: no "part 1 of 1"
    assert where_text(None, 3, 200) == "About 3 minutes left"
