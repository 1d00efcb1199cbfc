"""Help now: one key from every screen, the person's own contacts kept offline and shown exactly
as typed, calm guidance when empty."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import ModalScreen
from textual.widgets import Input

from homework_tui.app import HomeworkApp
from homework_tui.model.safety import CrisisContact, SafetyPlan
from homework_tui.ui.dialogs import Choice, ChoiceDialog
from homework_tui.ui.section_screens import SectionTroubleScreen
from homework_tui.sections import SECTIONS
from homework_tui.store import Singleton, Store
from tests.ui.helpers import (
    SIZE,
    notifications,
    screen_text,
    screen_words,
    wait_for_words,
    wait_ready,
    wait_screen,
    wait_until,
)

AppFactory = Callable[..., HomeworkApp]
PASTED_NAME = "Anna [bold]x[/] 😀 [link=https://x]y[/link]"
PASTED_NUMBER = "\x1b[31m+44 7700 900123"


def stored_plan(folder: Path) -> SafetyPlan:
    with Store.open(folder, read_only=True) as store:
        return Singleton(store, "safety", SafetyPlan, SafetyPlan).load()


async def type_into_focused(pilot: Pilot[Any], text: str) -> None:
    """Arrive as a paste would (escape sequences included), into the focused Input."""
    focused = pilot.app.focused
    assert isinstance(focused, Input), focused
    focused.insert_text_at_cursor(text)
    await pilot.pause()


async def add_person(pilot: Pilot[Any], name: str, number: str, note: str = "") -> None:
    await pilot.press("a")
    await wait_screen(pilot, "ContactForm")
    await type_into_focused(pilot, name)
    await pilot.press("enter")
    await type_into_focused(pilot, number)
    await pilot.press("enter")
    if note:
        await type_into_focused(pilot, note)
    await pilot.press("enter")
    await wait_screen(pilot, "HelpNowScreen")


def footer_line(app: HomeworkApp) -> str:
    """The screen's last line (where the footer is), or "" before anything is drawn."""
    return "".join(screen_text(app).splitlines()[-1:])


PLACES = ["today", "settings", *(s.key for s in SECTIONS)]


@pytest.mark.parametrize("place", PLACES)
async def test_f2_opens_help_now_from_every_screen_and_esc_goes_back(
    app: AppFactory, place: str
) -> None:
    async with app().run_test(size=SIZE) as pilot:
        hw = await wait_ready(pilot)
        mode = hw.current_mode
        if place == "settings":
            hw.open_settings()
            mode = "settings"
        elif place != "today":
            hw.open_section(place)
            mode = place
        # That place's own screen is up (not a placeholder) and its footer drawn, offering Help now.
        await wait_until(
            pilot,
            lambda: (
                hw.current_mode == mode
                and not isinstance(hw.screen, (SectionTroubleScreen, ModalScreen))
            ),
        )
        await wait_until(pilot, lambda: "Help now" in footer_line(hw))
        before = hw.screen
        await pilot.press("f2")
        await wait_screen(pilot, "HelpNowScreen")
        await wait_for_words(pilot, "not a crisis service")
        await pilot.press("f2")  # again: stays, no second copy
        await pilot.pause()
        assert sum(type(s).__name__ == "HelpNowScreen" for s in hw.screen_stack) == 1
        await pilot.press("escape")
        await wait_until(pilot, lambda: hw.screen is before)


async def test_f2_works_inside_a_dialog_and_from_the_palette(app: AppFactory) -> None:
    async with app().run_test(size=SIZE) as pilot:
        hw = await wait_ready(pilot)
        await pilot.press("f2")
        await wait_screen(pilot, "HelpNowScreen")
        await pilot.press("a")
        await wait_screen(pilot, "ContactForm")
        await pilot.press("escape", "escape")
        await wait_screen(pilot, "TodayScreen")
        await pilot.press("ctrl+p")
        await wait_screen(pilot, "CommandPalette")
        await pilot.press(*"help now", "enter")
        await wait_screen(pilot, "HelpNowScreen")
        await pilot.press("escape")
        await wait_screen(pilot, "TodayScreen")
        # over any dialog (like the start-up questions), F2 still reaches Help now
        hw.push_screen(ChoiceDialog("A question", "Text", [Choice("q", "Quit", "quit")]))
        await wait_screen(pilot, "ChoiceDialog")
        await wait_until(pilot, lambda: "Help now" in footer_line(hw))
        await pilot.press("f2")
        await wait_screen(pilot, "HelpNowScreen")
        await pilot.press("escape")
        await wait_screen(pilot, "ChoiceDialog")


async def test_empty_help_now_says_what_to_add_and_what_to_do_in_an_emergency(
    app: AppFactory,
) -> None:
    async with app().run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await pilot.press("f2")
        await wait_screen(pilot, "HelpNowScreen")
        await wait_for_words(pilot, "Add a person")
        text = screen_words(pilot.app)
        assert "emergency number" in text and "not a crisis" in text
        assert "Nothing here yet" in text and "local crisis line" in text
        assert "Add a person" in text


async def test_a_contact_entered_stays_after_reopening_exactly_as_typed(
    app: AppFactory, data_dir: Path
) -> None:
    async with app().run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await pilot.press("f2")
        await wait_screen(pilot, "HelpNowScreen")
        await add_person(pilot, PASTED_NAME, PASTED_NUMBER, "my sister, any time")
        await pilot.press("l")
        await wait_screen(pilot, "ContactForm")
        await type_into_focused(pilot, "Samaritans")
        await pilot.press("enter")
        await type_into_focused(pilot, "116 123")
        await pilot.press("ctrl+s")
        await wait_screen(pilot, "HelpNowScreen")
        await wait_until(pilot, lambda: not pilot.app.workers._workers)  # saved
    plan = stored_plan(data_dir)
    assert plan.contacts == (
        CrisisContact(name=PASTED_NAME, number="+44 7700 900123", note="my sister, any time"),
    )
    assert plan.crisis_line == CrisisContact(name="Samaritans", number="116 123")

    async with app().run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await pilot.press("f2")
        await wait_screen(pilot, "HelpNowScreen")
        await wait_until(pilot, lambda: "Samaritans" in screen_text(pilot.app))  # loaded
        text = screen_text(pilot.app)
        assert PASTED_NAME in text  # markup shown literally, emoji kept
        assert "+44 7700 900123" in text and "[31m" not in text and "\x1b" not in text
        assert "Samaritans" in text and "116 123" in text
        assert "Nothing here yet" not in text


async def test_edit_remove_and_cancel_keep_what_was_typed(app: AppFactory, data_dir: Path) -> None:
    async with app().run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await pilot.press("f2")
        await wait_screen(pilot, "HelpNowScreen")
        await add_person(pilot, "Sam", "111")
        # cancel a half-typed person: offered back next time
        await pilot.press("a")
        await wait_screen(pilot, "ContactForm")
        await type_into_focused(pilot, "Half typed")
        await pilot.press("escape")
        await wait_screen(pilot, "HelpNowScreen")
        await wait_until(
            pilot, lambda: any("Kept what you typed" in n for n in notifications(pilot.app))
        )
        await pilot.press("a")
        await wait_screen(pilot, "ContactForm")
        assert pilot.app.screen.query_one("#name", Input).value == "Half typed"
        await pilot.press("escape")
        await wait_screen(pilot, "HelpNowScreen")
        # edit Sam (second row: after the crisis-line row)
        await pilot.press("home", "down", "enter")
        await wait_screen(pilot, "ContactForm")
        await type_into_focused(pilot, "my")
        await pilot.press("ctrl+s")
        await wait_screen(pilot, "HelpNowScreen")
        await wait_until(pilot, lambda: "Sammy" in screen_text(pilot.app))
        # remove asks first; "n" keeps, "y" removes
        await pilot.press("d")
        await wait_screen(pilot, "ChoiceDialog")
        await pilot.press("n")
        await wait_screen(pilot, "HelpNowScreen")
        assert "Sammy" in screen_text(pilot.app)
        await pilot.press("d")
        await wait_screen(pilot, "ChoiceDialog")
        await pilot.press("y")
        await wait_screen(pilot, "HelpNowScreen")
        await wait_until(pilot, lambda: not pilot.app.workers._workers)
    assert stored_plan(data_dir).contacts == ()


async def test_missing_name_is_explained_and_the_form_stays(app: AppFactory) -> None:
    async with app().run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await pilot.press("f2")
        await wait_screen(pilot, "HelpNowScreen")
        await pilot.press("a")
        await wait_screen(pilot, "ContactForm")
        await pilot.press("ctrl+s")
        await wait_for_words(pilot, "Please write something for “Name”")
        assert type(pilot.app.screen).__name__ == "ContactForm"
        assert pilot.app.focused is pilot.app.screen.query_one("#name")


async def test_inputs_do_not_blink(app: AppFactory) -> None:
    async with app().run_test(size=SIZE) as pilot:
        await wait_ready(pilot)
        await pilot.press("f2")
        await wait_screen(pilot, "HelpNowScreen")
        await pilot.press("a")
        await wait_screen(pilot, "ContactForm")
        focused = pilot.app.focused
        assert isinstance(focused, Input) and focused.cursor_blink is False
