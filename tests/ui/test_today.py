"""Today, the home screen: what it says, and that every place opens from it by keyboard."""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.screen import Screen
from textual.widgets import OptionList

from homework_tui.app import HomeworkApp
from homework_tui.model.plan_toml import parse_plan
from homework_tui.sections import SECTIONS, Section
from homework_tui.store import Store
from homework_tui.store.plan import import_plan
from homework_tui.ui.section_screens import SCREENS, SectionTroubleScreen, section_screen
from tests.ui.helpers import footer_text, SIZE, screen_text, wait_ready, wait_until

AppFactory = Callable[..., HomeworkApp]

EXPECTED_SCREENS = {
    "thoughts": "ThoughtRecordsScreen",
    "exposure": "ExposureScreen",
    "experiments": "ExperimentsScreen",
    "journal": "JournalScreen",
    "activation": "ActivationScreen",
    "diaries": "DiariesScreen",
    "relax": "RelaxScreen",
    "measures": "MeasuresScreen",
    "plan": "PlanScreen",
}


def expected_screen(section: Section) -> str:
    """The class a section should show: every section has its own screen now."""
    return EXPECTED_SCREENS[section.key]


async def test_today_explains_each_kind_of_homework_and_where_to_start(app: AppFactory) -> None:
    async with app().run_test(size=SIZE) as pilot:
        hw = await wait_ready(pilot)
        assert type(hw.screen).__name__ == "TodayScreen"
        text = screen_text(hw)
        assert "Welcome" in text
        assert "If you feel tense right now, try Relax" in text
        assert hw.screen.query_one("#today-due")  # the place later issues fill
        menu = hw.screen.query_one("#today-menu", OptionList)
        prompts = [str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count)]
        for section in SECTIONS:
            assert any(section.title in p and section.purpose in p for p in prompts), section
        assert any("Help now" in p for p in prompts)
        assert any("Settings" in p for p in prompts)
        footer = footer_text(hw)
        assert "Help now" in footer and "Keys" in footer and "Quit" in footer


async def test_a_plan_with_suggest_relax_false_leaves_out_try_relax(
    app: AppFactory, data_dir: Path
) -> None:
    plan = parse_plan(
        '[plan]\nsuggest_relax = false\n\n[[homework]]\nkind = "exposure"\ndaily = true\n'
    )
    with Store.open(data_dir) as store:
        import_plan(store, plan)
    async with app().run_test(size=SIZE) as pilot:
        hw = await wait_ready(pilot)
        await wait_until(
            pilot,
            lambda: (
                "Exposure" in screen_text(hw)
                and "Open what your therapist asked you to practise" in screen_text(hw)
            ),
        )
        text = screen_text(hw)
        assert "Relax (press r)" not in text and "If you feel tense" not in text
        assert "Not sure where to start? Open what your therapist asked you to practise." in text
        menu = hw.screen.query_one("#today-menu", OptionList)
        relax = str(menu.get_option("relax").prompt)
        assert "Guided breathing and muscle relaxation" in relax and "tense" not in relax


@pytest.mark.parametrize("section", SECTIONS, ids=lambda s: s.key)
async def test_each_section_opens_with_its_hotkey_and_esc_returns(
    app: AppFactory, section: Section
) -> None:
    async with app().run_test(size=SIZE) as pilot:
        hw = await wait_ready(pilot)
        await pilot.press(section.hotkey)
        await wait_until(pilot, lambda: hw.current_mode == section.key)
        assert type(hw.screen).__name__ == expected_screen(section)
        await pilot.press("escape")
        await wait_until(pilot, lambda: type(hw.screen).__name__ == "TodayScreen")


@pytest.mark.parametrize("index", range(len(SECTIONS) + 2))
async def test_each_menu_entry_opens_with_arrows_and_enter(app: AppFactory, index: int) -> None:
    async with app().run_test(size=SIZE) as pilot:
        hw = await wait_ready(pilot)
        menu = hw.screen.query_one("#today-menu", OptionList)
        assert hw.focused is menu
        await pilot.press(*["down"] * index, "enter")
        target = menu.get_option_at_index(index).id
        if target == "help_now":
            await wait_until(pilot, lambda: type(hw.screen).__name__ == "HelpNowScreen")
        elif target == "settings":
            await wait_until(pilot, lambda: type(hw.screen).__name__ == "SettingsScreen")
        else:
            section = SECTIONS[index]
            assert target == section.key
            await wait_until(pilot, lambda: hw.current_mode == section.key)
            assert type(hw.screen).__name__ == expected_screen(section)


async def test_keys_pressed_before_the_data_is_open_are_not_lost(app: AppFactory) -> None:
    async with app().run_test(size=SIZE) as pilot:
        hw = pilot.app
        assert isinstance(hw, HomeworkApp)
        await pilot.press("s")  # may arrive before the store has opened
        await wait_until(pilot, lambda: type(hw.screen).__name__ == "SettingsScreen")


async def test_moving_between_sections_keeps_each_one(app: AppFactory) -> None:
    """Sections are modes: going elsewhere and back shows the same screen object."""
    async with app().run_test(size=SIZE) as pilot:
        hw = await wait_ready(pilot)
        await pilot.press("s")
        await wait_until(pilot, lambda: type(hw.screen).__name__ == "SettingsScreen")
        settings = hw.screen
        await pilot.press("escape")
        await wait_until(pilot, lambda: type(hw.screen).__name__ == "TodayScreen")
        await pilot.press("s")
        await wait_until(pilot, lambda: type(hw.screen).__name__ == "SettingsScreen")
        assert hw.screen is settings


def test_every_section_has_a_screen_and_every_screen_a_section() -> None:
    assert set(SCREENS) == {section.key for section in SECTIONS} == set(EXPECTED_SCREENS)


def test_a_section_whose_module_is_missing_says_so_instead_of_hiding(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A missing module is a fault now, never a section quietly "still being built"."""
    monkeypatch.setitem(sys.modules, "homework_tui.ui.journal.journal", None)
    journal = next(s for s in SECTIONS if s.key == "journal")
    screen = section_screen(journal)
    assert isinstance(screen, SectionTroubleScreen)
    assert "homework_tui.ui.journal.journal" in screen.problem
    assert "section_screens.py" in screen.problem  # where it happened, to report


async def test_a_section_whose_module_is_missing_shows_the_calm_note(
    app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "homework_tui.ui.plan.plan", None)
    async with app().run_test(size=SIZE) as pilot:
        hw = await wait_ready(pilot)
        await pilot.press("p")
        await wait_until(pilot, lambda: isinstance(hw.screen, SectionTroubleScreen))
        text = screen_text(hw)
        assert "not anything you did" in text and "Your data is safe" in text
        assert "still being built" not in text
        assert "homework_tui.ui.plan.plan" in text
        await pilot.press("escape")
        await wait_until(pilot, lambda: type(hw.screen).__name__ == "TodayScreen")


def test_a_broken_section_module_is_reported_calmly(monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("homework_tui.ui.journal.journal")  # no screen class in it
    monkeypatch.setitem(sys.modules, "homework_tui.ui.journal.journal", module)
    journal = next(s for s in SECTIONS if s.key == "journal")
    screen = section_screen(journal)
    assert isinstance(screen, SectionTroubleScreen)
    assert screen.problem and "JournalScreen" in screen.problem


async def test_a_section_that_fails_to_start_shows_a_note_not_a_traceback(
    app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Broken(Screen[None]):
        CSS_PATH = "does-not-exist.tcss"

    module = types.ModuleType("homework_tui.ui.journal.journal")
    module.JournalScreen = Broken  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "homework_tui.ui.journal.journal", module)
    async with app().run_test(size=SIZE) as pilot:
        hw = await wait_ready(pilot)
        await pilot.press("j")
        await wait_until(pilot, lambda: isinstance(hw.screen, SectionTroubleScreen))
        assert isinstance(hw.screen, SectionTroubleScreen)
        assert hw.screen.problem and "does-not-exist" in hw.screen.problem
        assert "not anything you did" in screen_text(hw)


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_today_fits_small_terminals(app: AppFactory, size: tuple[int, int]) -> None:
    async with app().run_test(size=size) as pilot:
        hw = await wait_ready(pilot)
        text = screen_text(hw).splitlines()
        assert len(text) == size[1]
        assert "Your homework" in "\n".join(text)
        assert "F2" in text[-1] and "Help now" in text[-1]
        assert all(len(line) <= size[0] for line in text)
