"""The safety plan on Help now, the calm line after saving, and the notes for the next session, in
the real app by keyboard: written text kept exactly, drafts kept, "saved" said only once on disk."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Static, TextArea

from homework_tui.app import HomeworkApp
from homework_tui.model.bridge import SessionBridge
from homework_tui.model.safety import HELP_LINE, SafetyPlan
from homework_tui.store import Singleton, Store
from homework_tui.store.drafts import Drafts
from tests.ui.helpers import (
    SIZE,
    notifications,
    screen_words,
    wait_ready,
    wait_screen,
    wait_until,
)
from tests.ui.test_help_now import add_person, stored_plan
from tests.ui.test_thought_records import type_text

AppFactory = Callable[..., HomeworkApp]
TALL = (100, 60)
WARNING = "Not sleeping [bold]x[/]\n---\nDrinking alone 🍷"


def pending(folder: Path, form: str) -> list[dict[str, str]]:
    with Store.open(folder, read_only=True) as store:
        return [d.fields for d in Drafts(store).pending(form)]


def stored_bridge(folder: Path) -> SessionBridge:
    with Store.open(folder, read_only=True) as store:
        return Singleton(store, "bridge", SessionBridge, SessionBridge).load()


async def open_plan_form(pilot: Pilot[Any]) -> None:
    await pilot.press("f2")
    await wait_screen(pilot, "HelpNowScreen")
    await pilot.press("e")
    await wait_screen(pilot, "SafetyPlanForm")


# -- the safety plan ------------------------------------------------------------------------------


async def test_the_plan_is_written_saved_and_shown_first_on_help_now(
    app: AppFactory, data_dir: Path
) -> None:
    async with app().run_test(size=TALL) as pilot:
        hw = await wait_ready(pilot)
        await pilot.press("f2")
        await wait_screen(pilot, "HelpNowScreen")
        assert "Your safety plan is not written yet" in screen_words(hw)
        await pilot.press("e")
        await wait_screen(pilot, "SafetyPlanForm")
        await type_text(pilot, WARNING)  # step 1 has the focus
        await pilot.press("tab")
        await type_text(pilot, "A walk & music")
        form = hw.screen
        form.query_one("#reasons_for_living", TextArea).focus()
        await pilot.pause()
        await type_text(pilot, "My sister")
        form.query_one("#mood_words", Input).focus()
        await pilot.pause()
        await type_text(pilot, "Alone, giving up")
        await pilot.press("ctrl+s")
        await wait_screen(pilot, "HelpNowScreen")
        assert any("Your safety plan is saved" in n for n in notifications(hw))
        words = screen_words(hw)
        assert words.index("1 · Warning signs") < words.index("5 · Professionals and crisis")
        assert words.index("5 · Professionals and crisis") < words.index("7 · My reasons")
        assert "Not sleeping [bold]x[/] --- Drinking alone 🍷" in words  # literally
        assert "Your safety plan is not written yet" not in words
        assert "3 · People and places" in words and "not written yet: press e" in words
        # a contact added afterwards keeps the written steps
        await add_person(pilot, "Sam", "111")
        await wait_until(pilot, lambda: not hw.workers._workers)
    plan = stored_plan(data_dir)
    assert plan.warning_signs == "Not sleeping [bold]x[/]\n---\nDrinking alone 🍷"
    assert plan.coping == "A walk & music" and plan.reasons_for_living == "My sister"
    assert plan.mood_words == ("alone", "giving up")
    assert [c.name for c in plan.contacts] == ["Sam"]
    assert pending(data_dir, "safety_plan") == []


async def test_closing_keeps_a_draft_that_is_offered_back(app: AppFactory, data_dir: Path) -> None:
    async with app().run_test(size=SIZE) as pilot:
        hw = await wait_ready(pilot)
        await open_plan_form(pilot)
        await type_text(pilot, "Staying in bed")
        # on disk as a draft while typing, before anything is saved
        await wait_until(
            pilot,
            lambda: (
                [f.get("warning_signs") for f in pending(data_dir, "safety_plan")]
                == ["Staying in bed"]
            ),
        )
        await pilot.press("escape")
        await wait_screen(pilot, "ChoiceDialog")
        await pilot.press("k")
        await wait_screen(pilot, "HelpNowScreen")
        await wait_until(pilot, lambda: any("Your draft is kept" in n for n in notifications(hw)))
        assert not any("safety plan is saved" in n for n in notifications(hw))
    assert stored_plan(data_dir).warning_signs == ""

    async with app().run_test(size=SIZE) as pilot:
        hw = await wait_ready(pilot)
        await open_plan_form(pilot)
        assert hw.screen.query_one("#warning_signs", TextArea).text == "Staying in bed"
        assert hw.screen.sub_title == "unsaved draft"
        await pilot.press("ctrl+s")
        await wait_screen(pilot, "HelpNowScreen")
        await wait_until(pilot, lambda: not hw.workers._workers)
    assert stored_plan(data_dir).warning_signs == "Staying in bed"
    assert pending(data_dir, "safety_plan") == []


async def test_saved_is_said_only_once_the_plan_is_on_disk(
    app: AppFactory, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOMEWORK_TUI_CACHE_DIR", str(tmp_path / "c"))
    away = tmp_path / "data.away"
    async with app().run_test(size=SIZE) as pilot:
        hw = await wait_ready(pilot)
        await open_plan_form(pilot)
        form = hw.screen
        data_dir.rename(away)
        data_dir.write_text("a file where the folder was")
        try:
            await type_text(pilot, "Pacing at night")
            await pilot.press("ctrl+s")
            await wait_until(pilot, lambda: "Not saved yet" in screen_words(hw))
            assert hw.screen is form
            assert not any("safety plan is saved" in n for n in notifications(hw))
        finally:
            data_dir.unlink()
            away.rename(data_dir)
        await pilot.press("ctrl+s")
        await wait_screen(pilot, "HelpNowScreen")
        assert any("Your safety plan is saved" in n for n in notifications(hw))
        await wait_until(pilot, lambda: not hw.workers._workers)
    assert stored_plan(data_dir).warning_signs == "Pacing at night"


# -- the calm line --------------------------------------------------------------------------------


async def write_journal(pilot: Pilot[Any], mood: str) -> None:
    await pilot.press("j")
    await wait_screen(pilot, "JournalScreen")
    await pilot.press("n")
    await wait_screen(pilot, "JournalEntryForm")
    await type_text(pilot, "Evening")
    await pilot.press("tab")
    await type_text(pilot, "A long day.")
    await pilot.press("tab", *mood)
    await pilot.press("ctrl+s")
    await wait_screen(pilot, "JournalScreen")


@pytest.mark.parametrize(("mood", "shown"), [("1", True), ("0", True), ("2", False), ("8", False)])
async def test_a_journal_mood_of_0_or_1_brings_one_calm_line(
    app: AppFactory, mood: str, shown: bool
) -> None:
    async with app().run_test(size=SIZE) as pilot:
        hw = await wait_ready(pilot)
        await write_journal(pilot, mood)
        await wait_until(pilot, lambda: any("Journal entry saved" in n for n in notifications(hw)))
        assert notifications(hw).count(HELP_LINE) == (1 if shown else 0)
        assert type(hw.screen).__name__ == "JournalScreen"  # never blocking


async def write_thought_record(pilot: Pilot[Any], mood: str, rating: str) -> None:
    await pilot.press("t")
    await wait_screen(pilot, "ThoughtRecordsScreen")
    await pilot.press("n")
    await wait_screen(pilot, "ThoughtRecordForm")
    await type_text(pilot, "Alone on Sunday")
    await pilot.press("pagedown")
    await type_text(pilot, mood)
    await pilot.press("tab", *rating, "ctrl+s")
    await wait_screen(pilot, "ThoughtRecordsScreen")


@pytest.mark.parametrize(
    ("mood", "rating", "shown"),
    [
        ("hopeless", "80", True),
        ("Worthless", "70", True),
        ("hopeless", "69", False),
        ("anxious", "95", False),
        ("alone", "90", True),  # "alone": the person's own word
    ],
)
async def test_a_hopeless_type_mood_at_70_or_more_brings_one_calm_line(
    app: AppFactory, data_dir: Path, mood: str, rating: str, shown: bool
) -> None:
    with Store.open(data_dir) as store:
        Singleton(store, "safety", SafetyPlan, SafetyPlan).save(SafetyPlan(mood_words=("alone",)))
    async with app().run_test(size=SIZE) as pilot:
        hw = await wait_ready(pilot)
        await write_thought_record(pilot, mood, rating)
        await wait_until(pilot, lambda: any(n.startswith("Saved") for n in notifications(hw)))
        assert notifications(hw).count(HELP_LINE) == (1 if shown else 0)
        if shown:  # it points to F2, and F2 has the plan and the contacts
            await pilot.press("f2")
            await wait_screen(pilot, "HelpNowScreen")


# -- the notes for the next session ---------------------------------------------------------------


@pytest.mark.parametrize("where", ["today", "plan"])
async def test_the_notes_for_the_next_session_are_written_from_today_and_the_plan(
    app: AppFactory, data_dir: Path, where: str
) -> None:
    async with app().run_test(size=SIZE) as pilot:
        hw = await wait_ready(pilot)
        if where == "plan":  # b works here too; the footer keeps room for F2 Help now instead
            await pilot.press("p")
            await wait_screen(pilot, "PlanScreen")
            await wait_until(pilot, lambda: "F2 Help now" in screen_words(hw))
        else:
            await wait_until(pilot, lambda: "b For next session" in screen_words(hw))  # footer
        await pilot.press("b")
        await wait_screen(pilot, "BridgeForm")
        await type_text(pilot, "Late shifts [i]all week[/i]")
        await pilot.press("tab")
        await type_text(pilot, "Sleep & mornings\n---")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: type(hw.screen).__name__ != "BridgeForm")
        assert any("Saved for your next session" in n for n in notifications(hw))
        await wait_until(pilot, lambda: not hw.workers._workers)
        # opened again: what was saved is there to change
        await pilot.press("b")
        await wait_screen(pilot, "BridgeForm")
        assert hw.screen.query_one("#to_raise", TextArea).text == "Sleep & mornings\n---"
    bridge = stored_bridge(data_dir)
    assert bridge.got_in_the_way == "Late shifts [i]all week[/i]"
    assert bridge.to_raise == "Sleep & mornings\n---"
    assert bridge.updated_at is not None


# -- the report screen ----------------------------------------------------------------------------


async def test_the_report_screen_opens_with_the_notes_and_adds_the_plan_when_ticked(
    app: AppFactory, data_dir: Path, tmp_path: Path
) -> None:
    with Store.open(data_dir) as store:
        Singleton(store, "bridge", SessionBridge, SessionBridge).save(
            SessionBridge(got_in_the_way="Late shifts")
        )
        Singleton(store, "safety", SafetyPlan, SafetyPlan).save(
            SafetyPlan(reasons_for_living="My sister")
        )
    async with app().run_test(size=SIZE) as pilot:
        hw = await wait_ready(pilot)
        await pilot.press("p")
        await wait_screen(pilot, "PlanScreen")
        await pilot.press("w")
        await wait_screen(pilot, "ReportScreen")
        screen = hw.screen
        box = screen.query_one("#report-safety-plan", Checkbox)
        assert not box.value and "Include my safety plan" in str(box.label)

        async def write(name: str) -> str:
            out = tmp_path / name
            screen.query_one("#report-path", Input).value = str(out)
            await pilot.press("ctrl+s")
            result = screen.query_one("#report-result", Static)
            await wait_until(pilot, lambda: f"Saved to {out}." in str(result.content))
            return out.read_text(encoding="utf-8")

        text = await write("default.md")
        sections = [line for line in text.splitlines() if line.startswith("## ")]
        assert sections[0] == "## For this session" and "Late shifts" in text
        assert "## My safety plan" not in text and "My sister" not in text
        box.focus()
        await pilot.press("space")
        await wait_until(pilot, lambda: box.value)
        text = await write("with-plan.md")
        assert "## My safety plan" in text and "- My sister" in text
