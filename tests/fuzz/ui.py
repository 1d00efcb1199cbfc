"""Driving the real app's forms with hostile values: one app session per form, many values each.

Values are set on the widgets directly (`input.value = s`, `text_area.text = s`), the way a paste
lands, not typed key by key (a megabyte through the keyboard would take minutes). After each save
the checks are: the app still runs (no crash), the screen holds no raw control character, and
either the form closed and the record on disk is what was typed (under the documented rule), or
the form stayed open and said why.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from hypothesis import Phase, settings
from hypothesis import strategies as st
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, Static, TextArea

from homework_tui.app import HomeworkApp
from tests.fuzz.strategies import assert_terminal_safe
from tests.hypothesis_profiles import examples
from tests.ui.helpers import screen_text, settle, wait_until

SIZE = (100, 30)
ONCE = settings(max_examples=1, phases=[Phase.generate])
"""One app session per test (a form costs about a second an example): the generated values come
as one list, and shrinking, which would rerun the session many times, is left out."""
GENERATED = examples(2)


def batch(
    values: st.SearchStrategy[dict[str, str]], nasty: list[dict[str, str]]
) -> st.SearchStrategy[list[dict[str, str]]]:
    """The nasty values, then a few generated ones."""
    return st.lists(values, min_size=GENERATED, max_size=GENERATED).map(lambda v: nasty + v)


@asynccontextmanager
async def app_on(
    folder: Path, size: tuple[int, int] = SIZE
) -> AsyncIterator[tuple[HomeworkApp, Pilot[int]]]:
    app = HomeworkApp(folder)
    try:
        async with app.run_test(size=size) as pilot:
            await wait_until(pilot, lambda: app.store is not None)
            await pilot.pause()
            yield app, pilot
    finally:
        app.close_store()


def run(session: Callable[[], Awaitable[None]]) -> None:
    """Run one app session from a synchronous (hypothesis) test."""
    asyncio.run(session())


def assert_healthy(app: HomeworkApp, where: str) -> None:
    """The app runs, nothing raised, and the screen shows no raw control character."""
    assert app.is_running, f"the app stopped {where}"
    assert app._exception is None, f"{app._exception!r} {where}"
    assert_terminal_safe(screen_text(app), where)


def put(widget: Widget, value: str) -> None:
    """Set a field as a paste would fill it."""
    if isinstance(widget, TextArea):
        widget.text = value
    elif isinstance(widget, Input):
        widget.value = value
    else:  # pragma: no cover - a test bug
        raise AssertionError(f"cannot put text in {widget!r}")


def assert_widget_safe(widget: Widget, where: str) -> None:
    """What `widget` draws (even scrolled out of the screen's view) holds no raw control
    character, and the field itself holds none either."""
    width, height = max(widget.size.width, 1), max(widget.size.height, 1)
    drawn = "\n".join(strip.text for strip in widget.render_lines(Region(0, 0, width, height)))
    assert_terminal_safe(drawn, f"(drawn by #{widget.id}) {where}")
    assert_terminal_safe(shown(widget), f"(held by #{widget.id}) {where}")


def shown(widget: Widget) -> str:
    """What a field holds now (after any cleaning it does as the value arrives)."""
    return widget.text if isinstance(widget, TextArea) else widget.value  # type: ignore[attr-defined]


def message_of(app: HomeworkApp, selector: str) -> str:
    try:
        box = app.screen.query_one(selector, Static)
    except Exception:
        return ""
    return str(box.render()) if box.display else ""


async def press_and_settle(pilot: Pilot[Any], *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)
    await pilot.pause()


async def act(pilot: Pilot[Any], action: str) -> None:
    """Run an action of the top screen (as its key would, wherever the focus is)."""
    await pilot.app.screen.run_action(action)
    await pilot.pause()


async def wait_screen(pilot: Pilot[Any], name: str, timeout: float = 5.0) -> None:
    await wait_until(pilot, lambda: type(pilot.app.screen).__name__ == name, timeout=timeout)
    await pilot.pause()


async def closed_or_said(pilot: Pilot[Any], form: type, message: str, timeout: float = 8.0) -> bool:
    """After a save: True once the form has closed; False when it stays with something said in
    `message` (a selector)."""
    app = pilot.app

    def done() -> bool:
        if not isinstance(app.screen, form):
            return True
        return bool(message_of(app, message).strip()) and not getattr(app.screen, "_saving", False)

    await wait_until(pilot, done, timeout=timeout)
    await pilot.pause()
    return not isinstance(app.screen, form)


async def submit(
    pilot: Pilot[Any],
    values: dict[str, str],
    *,
    form: str,
    message: str,
    where: str,
    save: str = "ctrl+s",
) -> bool:
    """Fill the open form (class name `form`) with `values` by widget id, save, and check. True
    when it saved and closed; False when it stayed and said why in `message` (then it is left,
    discarding what was typed, so the next example starts from the list again)."""
    app = pilot.app
    await wait_screen(pilot, form)
    screen = app.screen
    for key, value in values.items():
        put(screen.query_one(f"#{key}"), value)
    await pilot.pause()
    assert_healthy(app, where)
    for key in values:
        assert_widget_safe(screen.query_one(f"#{key}"), where)
    await pilot.press(save)
    saved = await closed_or_said(pilot, type(screen), message)
    assert_healthy(app, where)
    if not saved:
        await leave(pilot, type(screen))
    assert_healthy(app, where)
    return saved


async def leave(pilot: Pilot[Any], form: type) -> None:
    """Close a form without saving (answering 'discard' if it asks)."""
    app = pilot.app
    await press_and_settle(pilot, "escape")
    if type(app.screen).__name__ == "ChoiceDialog":
        await press_and_settle(pilot, "d")
    await wait_until(pilot, lambda: not isinstance(app.screen, form))
    await settle(pilot)


async def fill_many(
    pilot: Pilot[Any],
    examples: list[dict[str, str]],
    *,
    name: str,
    open_form: Callable[[], Awaitable[None]],
    form: str,
    message: str,
    check: Callable[[dict[str, str]], None] | None = None,
    prepare: Callable[[Any, dict[str, str]], None] | None = None,
    save: str = "ctrl+s",
) -> int:
    """Each example in turn through one form: filled, saved, checked. A form that refused an
    example (and said why) takes the next example as it is, without closing; one that saved is
    opened again. `prepare(screen, example)` sets what is not a text field (a Select), `check`
    looks at the store after a save. Returns how many saved."""
    app = pilot.app
    saves = 0
    for number, typed in enumerate(examples):
        where = f"({name} {number}: {typed!r:.300})"
        if type(app.screen).__name__ != form:
            await open_form()
            await wait_screen(pilot, form)
        screen = app.screen
        if prepare is not None:
            prepare(screen, typed)
        fields = {k: v for k, v in typed.items() if not k.startswith("_")}
        for key, value in fields.items():
            put(screen.query_one(f"#{key}"), value)
        await pilot.pause()
        assert_healthy(app, where)
        for key in fields:
            assert_widget_safe(screen.query_one(f"#{key}"), where)
        await pilot.press(save)
        saved = await closed_or_said(pilot, type(screen), message)
        assert_healthy(app, where)
        if saved:
            saves += 1
            if check is not None:
                check(typed)
    if type(app.screen).__name__ == form:
        await leave(pilot, type(app.screen))
    return saves
