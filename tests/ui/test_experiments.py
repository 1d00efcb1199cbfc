"""Behavioural experiments in the real app, by keyboard: planned, saved, completed later (after a
restart), waiting list for Today, bad input answered in words, text kept literally."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from homework_tui.app import HomeworkApp
from homework_tui.ui.experiments.experiment_data import experiments_repo, waiting_experiments
from homework_tui.ui.experiments.experiment_form import ExperimentForm
from homework_tui.ui.experiments.experiments import ExperimentsScreen
from homework_tui.store import Store
from tests.ui.helpers import (
    notifications,
    screen_words,
    section_app,
    settle,
    wait_for_words,
    wait_until,
)

BELIEF = "If I speak up in the meeting, people will think I'm [b]stupid[/b] 😬"


def experiments_app(
    folder: Path,
) -> AbstractAsyncContextManager[tuple[HomeworkApp, Pilot[int]]]:
    return section_app(folder, "e", "experiments")


async def fill(pilot: Pilot[int], field: str, text: str) -> None:
    """Move focus (with Tab) to `field`, then type into it."""
    app = pilot.app
    for _ in range(40):
        if app.focused is not None and app.focused.id == field:
            break
        await pilot.press("tab")
    widget = app.focused
    assert widget is not None and widget.id == field
    if isinstance(widget, TextArea):
        widget.insert(text)
    else:
        assert isinstance(widget, Input)
        widget.insert_text_at_cursor(text)
    await pilot.pause()


async def test_plan_then_write_up_after_a_restart(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    async with experiments_app(folder) as (app, pilot):
        assert "No experiments yet" in screen_words(app)
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, ExperimentForm))
        await fill(pilot, "belief", BELIEF)
        await fill(pilot, "belief_rating", "80")
        await fill(pilot, "what", "Ask one question in Tuesday's team meeting")
        await fill(pilot, "when", "Tuesday 10:00")
        await fill(pilot, "predictions", "Silence, someone rolls their eyes")
        await fill(pilot, "handling", "Write the question down first")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ExperimentsScreen)
        words = screen_words(app)
        assert "◌ waiting" in words and BELIEF in words
        assert "press o when you've tried it" in words
    with Store.open(folder) as store:
        (waiting,) = waiting_experiments(store)
        assert waiting.belief == BELIEF and waiting.belief_rating == 80
    async with experiments_app(folder) as (app, pilot):
        await pilot.press("o")
        await wait_until(pilot, lambda: isinstance(app.screen, ExperimentForm))
        await wait_until(pilot, lambda: app.focused is not None and app.focused.id == "outcome")
        await fill(pilot, "outcome", "Two people nodded; my manager said good point")
        await fill(pilot, "learned", "People were interested, not judging")
        await fill(pilot, "belief_after", "30")
        await fill(pilot, "modified_belief", "Most people listen kindly")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "✓ done" in screen_words(app) and "80 → 30" in screen_words(app)
        assert any("Well done for testing it" in n for n in notifications(app))
    with Store.open(folder) as store:
        assert waiting_experiments(store) == []
        (done,) = experiments_repo(store).all()
        assert done.done and done.completed_at is not None and done.belief_change == -50


async def test_bad_input_is_answered_in_words_and_nothing_is_lost(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    async with experiments_app(folder) as (app, pilot):
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, ExperimentForm))
        await fill(pilot, "what", "Say hi to the barista")
        await pilot.press("ctrl+s")
        await wait_for_words(pilot, "Please write the belief you want to test")
        assert app.focused is not None and app.focused.id == "belief"
        await fill(pilot, "belief", "They'll ignore me")
        await fill(pilot, "belief_rating", "150")
        await pilot.press("ctrl+s")
        await wait_for_words(pilot, "How much you believe it is 150; it goes from 0 to 100")
        await pilot.press("backspace", "backspace", "backspace")
        await fill(pilot, "alternative_rating", "40")
        await pilot.press("ctrl+s")
        await wait_for_words(pilot, "please write the alternative too")
        await settle(pilot)
    # closed without saving: the draft is offered back with everything typed
    async with experiments_app(folder) as (app, pilot):
        await wait_until(pilot, lambda: "Welcome back" in screen_words(app))
        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(app.screen, ExperimentForm))
        await pilot.pause()
        assert app.screen.query_one("#what", TextArea).text == "Say hi to the barista"
        assert app.screen.query_one("#belief", Input).value == "They'll ignore me"
