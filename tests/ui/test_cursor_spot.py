"""Where the terminal cursor goes for each kind of focused control (issue 17, point 1), read from
`App.cursor_position` (what Textual moves the terminal's cursor to after each frame) and checked
against the cells drawn there. The real terminal is in tests/e2e/test_cursor_follows_focus.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.geometry import Offset
from textual.widgets import (
    Button,
    Checkbox,
    DataTable,
    Input,
    Label,
    ListItem,
    ListView,
    OptionList,
    RadioButton,
    RadioSet,
    Switch,
)

from homework_tui.app import HomeworkApp
from homework_tui.model.settings import Settings
from homework_tui.store import Singleton, Store
from homework_tui.ui.cursor_follows_focus import CursorFollowsFocus
from tests.ui.helpers import SIZE, screen_text, wait_ready, wait_screen, wait_until

AppFactory = Callable[..., HomeworkApp]


class Controls(CursorFollowsFocus, App[int]):
    CSS = "OptionList, DataTable { height: 6; }"

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Input("typed", id="input")
            yield Button("Save", id="button")
            yield Switch(id="switch")
            yield Checkbox("Tick me", id="checkbox")
            with RadioSet(id="radios"):
                yield RadioButton("First")
                yield RadioButton("Second")
            yield OptionList(*[f"option {n}" for n in range(30)], id="options")
            yield DataTable[str](id="table")
            yield ListView(*[ListItem(Label(f"item {n}")) for n in range(4)], id="list")

    def on_mount(self) -> None:
        table = self.query_one(DataTable[str])
        table.add_column("Row")
        table.add_rows([(f"row {n}",) for n in range(40)])
        self.follow_focus_with_cursor(True)


def shown_at(app: App[Any], spot: Offset) -> str:
    """What the screen shows from `spot` to the end of its line."""
    return screen_text(app).splitlines()[spot.y][spot.x :]


async def test_each_kind_of_control_puts_the_cursor_on_itself() -> None:
    app = Controls()
    async with app.run_test(size=(60, 50)) as pilot:
        for name in ("input", "button", "switch", "checkbox", "radios", "options", "table"):
            widget = app.query_one(f"#{name}")
            widget.focus()
            await pilot.pause()
            spot = app.cursor_position
            assert widget.region.contains_point(spot), (name, spot, widget.region)

        text = app.query_one(Input)
        text.focus()
        await pilot.pause()
        text.cursor_position = 2
        await pilot.pause()
        assert app.cursor_position == Offset(text.content_region.x + 2, text.content_region.y)
        assert shown_at(app, app.cursor_position).startswith("ped")  # after "ty" of "typed"

        text.cursor_position = len(text.value)  # at the end: just after the last letter
        await pilot.pause()
        spot = app.cursor_position
        assert spot == Offset(text.content_region.x + len("typed"), text.content_region.y)
        assert screen_text(app).splitlines()[spot.y][: spot.x].endswith("typed")


async def test_lists_put_the_cursor_on_the_highlighted_row_even_scrolled() -> None:
    app = Controls()
    async with app.run_test(size=(60, 50)) as pilot:
        options = app.query_one(OptionList)
        options.focus()
        options.highlighted = 25  # below the fold: the list scrolls
        await pilot.pause()
        spot = app.cursor_position
        assert spot.x == options.content_region.x
        assert shown_at(app, spot).startswith("option 25 ")

        table = app.query_one(DataTable)
        table.focus()
        table.move_cursor(row=30)
        await pilot.pause()
        spot = app.cursor_position
        assert table.region.contains_point(spot)
        assert spot.x == table.content_region.x
        assert shown_at(app, spot).lstrip().startswith("row 30 ")  # a cell's padding first

        listing = app.query_one(ListView)
        listing.focus()
        listing.index = 2
        await pilot.pause()
        assert app.cursor_position.y == listing.children[2].region.y
        assert shown_at(app, app.cursor_position).strip().startswith("item 2")


async def test_radio_set_follows_the_arrow_keys() -> None:
    app = Controls()
    async with app.run_test(size=(60, 50)) as pilot:
        radios = app.query_one(RadioSet)
        radios.focus()
        await pilot.press("down")
        await pilot.pause()
        second = list(radios.query(RadioButton))[1]
        assert app.cursor_position.y == second.region.y
        assert "Second" in shown_at(app, app.cursor_position)


async def test_not_following_keeps_textuals_own_position() -> None:
    app = Controls()
    async with app.run_test(size=(60, 50)) as pilot:
        app.follow_focus_with_cursor(False)
        app.query_one(Button).focus()
        app.cursor_position = Offset(3, 4)  # what an Input does, for input methods
        await pilot.pause()
        assert app.cursor_position == Offset(3, 4)
        assert not app.cursor_follows_focus


async def test_the_setting_switch_turns_following_off_and_is_kept(
    app: AppFactory, data_dir: Path
) -> None:
    async with app().run_test(size=SIZE) as pilot:
        hw = await wait_ready(pilot)
        assert hw.cursor_follows_focus  # on by default
        await pilot.press("s")
        await wait_screen(pilot, "SettingsScreen")
        switch = hw.screen.query_one("#cursor_on_focus", Switch)
        assert switch.value
        switch.focus()
        await pilot.pause()
        assert switch.region.contains_point(hw.cursor_position)
        await pilot.press("space")
        await wait_until(pilot, lambda: not hw.cursor_follows_focus)
        await wait_until(pilot, lambda: not pilot.app.workers._workers)
    with Store.open(data_dir, read_only=True) as store:
        assert not Singleton(store, "settings", Settings, Settings).load().cursor_on_focus

    async with app().run_test(size=SIZE) as pilot:
        hw = await wait_ready(pilot)
        await wait_until(pilot, lambda: not hw.cursor_follows_focus)
