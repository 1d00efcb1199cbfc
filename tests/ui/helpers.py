"""Waiting and reading helpers for Pilot tests of the app shell (no sleeps: poll for a state)."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from textual.app import App
from textual.pilot import Pilot

from homework_tui.app import HomeworkApp
from homework_tui.services.app_services import Services

SIZE = (100, 30)


async def wait_until(
    pilot: Pilot[Any], condition: Callable[[], object], timeout: float = 10.0
) -> None:
    """Let the app run until `condition()` is true; fail with a clear message after `timeout`
    seconds by the clock (a busy machine slows each step, never shortens the wait). Use it, never a
    fixed pause, before asserting anything the app does in its own time: a screen drawn, a
    footer, a save, a worker's result."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() >= deadline:
            name = getattr(condition, "__name__", repr(condition))
            raise AssertionError(
                f"timed out after {timeout} s waiting for {name}; the screen "
                f"shows:\n{screen_text(pilot.app)}"
            )
        await pilot.pause(0.02)


async def wait_until_still(
    pilot: Pilot[Any], value: Callable[[], object], still_for: float = 0.3, timeout: float = 10.0
) -> object:
    """Wait until `value()` has stopped changing for `still_for` seconds (a fade-out drained, a
    clock come to rest); return it. Fails after `timeout` seconds by the clock."""
    deadline = time.monotonic() + timeout
    last, since = value(), time.monotonic()
    while time.monotonic() - since < still_for:
        if time.monotonic() >= deadline:
            raise AssertionError(f"still changing after {timeout} s: {last!r}")
        await pilot.pause(0.02)
        now = value()
        if now != last:
            last, since = now, time.monotonic()
    return last


async def wait_for_palette_match(pilot: Pilot[Any], words: str, timeout: float = 10.0) -> None:
    """Wait until the command palette (which searches in the background) highlights a command
    whose name holds `words`."""
    from textual.command import CommandList

    def found() -> bool:
        lists = pilot.app.screen.query(CommandList)
        if not lists or lists.first().highlighted is None:
            return False
        commands = lists.first()
        option = commands.get_option_at_index(commands.highlighted or 0)
        return words.lower() in str(option.prompt).lower()

    await wait_until(pilot, found, timeout)


async def wait_for_words(pilot: Pilot[Any], phrase: str, timeout: float = 10.0) -> None:
    """Wait until `phrase` shows on the screen (compared as `screen_words` folds it)."""
    await wait_until(pilot, lambda: phrase in screen_words(pilot.app), timeout)


@asynccontextmanager
async def section_app(
    folder: Path, key: str, mode: str, size: tuple[int, int] = SIZE
) -> AsyncIterator[tuple[HomeworkApp, Pilot[int]]]:
    """The app on `folder`, with the section opened by `key` (its mode `mode`) shown, settled."""
    app = HomeworkApp(folder)
    try:
        async with app.run_test(size=size) as pilot:
            await wait_until(pilot, lambda: app.store is not None)
            await pilot.press(key)
            await wait_until(pilot, lambda: app.current_mode == mode)
            await settle(pilot)
            yield app, pilot
    finally:
        app.close_store()


async def settle(pilot: Pilot[Any]) -> None:
    """Let every worker finish, twice (a finished load may start another)."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def snapshot(
    snap_compare: Any,
    folder: Path,
    size: tuple[int, int],
    run_before: Any,
    services: Services | None = None,
) -> bool:
    """`snap_compare` of the app on `folder` at `size`; the store is closed afterwards."""
    app = HomeworkApp(folder, services=services)
    try:
        return bool(snap_compare(app, terminal_size=size, run_before=run_before))
    finally:
        app.close_store()


async def wait_ready(pilot: Pilot[Any]) -> HomeworkApp:
    """Wait until the store is open (the app shows Today and can save)."""
    app = pilot.app
    assert isinstance(app, HomeworkApp)
    await wait_until(pilot, lambda: app.store is not None)
    await pilot.pause()
    return app


async def wait_screen(pilot: Pilot[Any], name: str) -> None:
    """Wait until the top screen's class is called `name`."""
    await wait_until(pilot, lambda: type(pilot.app.screen).__name__ == name)
    await pilot.pause()


def screen_text(app: App[Any]) -> str:
    """What the terminal shows right now, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def footer_text(app: App[Any]) -> str:
    """The footer's keys as text: the bottom rows the footer takes (two when its keys wrap)."""
    from textual.widgets import Footer

    rows = max(app.screen.query_one(Footer).region.height, 1)
    return " ".join(" ".join(screen_text(app).splitlines()[-rows:]).split())


def notifications(app: App[Any]) -> list[str]:
    return [str(n.message) for n in app._notifications]


def screen_words(app: App[Any]) -> str:
    """The screen's words with line wraps and box borders folded away, for phrase checks."""
    text = screen_text(app)
    for border in "│╭╮╰╯─▏▕▎▊":
        text = text.replace(border, " ")
    return " ".join(text.split())


def quiet_services(**relax: Any) -> Services:
    """The app's services with no sound device and no speech engine (captions and the silent
    pacer); `relax` overrides RelaxAudio's options (e.g. `voices=` a fixed list)."""
    from homework_tui.services.relax_player import RelaxAudio

    options: dict[str, Any] = {"sound": False, "no_speech": "no speech engine was found", **relax}
    return Services(relax=RelaxAudio(**options))
