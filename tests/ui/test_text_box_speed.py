"""Typing stays quick and the draft reaches the disk soon (issue 13, points 9 and 10).

The figures themselves are measured by `scripts/bench forms`; these tests guard what makes them:
the wrapped height a CleanTextArea remembers is always the height Textual would count, through
random edits (seeded, the seed printed on failure), and a draft is on disk well within a second
of the last key (the old autosave waited 1 s of quiet, then up to a 0.25 s tick)."""

from __future__ import annotations

import random
import time
from pathlib import Path

from textual.app import App, ComposeResult
from textual.document._wrapped_document import WrappedDocument
from textual.widgets import TextArea

from homework_tui.screens.thought_data import FORM
from homework_tui.screens.thought_form import ThoughtRecordForm
from homework_tui.store import Store
from homework_tui.store.drafts import Drafts
from homework_tui.widgets.clean_input import CleanTextArea
from tests.ui.helpers import wait_until
from tests.ui.test_thought_records import open_section, running, wait_for


class Box(App[None]):
    def compose(self) -> ComposeResult:
        yield CleanTextArea("first line\nsecond", soft_wrap=True)


def counted_height(area: TextArea) -> int:
    fresh = WrappedDocument(area.document, tab_width=area.indent_width)
    fresh.wrap(area.wrap_width, area.indent_width)
    return fresh.height


async def test_the_remembered_height_is_always_the_counted_one() -> None:
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    app = Box()
    async with app.run_test(size=(40, 12)) as pilot:
        area = app.query_one(CleanTextArea)
        assert type(area.wrapped_document).__name__ == "_RememberedHeight"
        for step in range(150):
            lines = area.document.lines
            row = rng.randrange(len(lines))
            column = rng.randint(0, len(lines[row]))
            action = rng.choice(["insert", "insert", "delete", "resize", "load"])
            if action == "insert":
                area.insert(rng.choice(["a", "\n", "word " * rng.randint(1, 30), "\n\nx\t"]),
                            (row, column))
            elif action == "delete" and area.document.text:
                end_row = rng.randrange(row, len(lines))
                area.delete((row, column), (end_row, rng.randint(0, len(lines[end_row]))))
            elif action == "resize":
                await pilot.resize_terminal(rng.randint(20, 80), 12)
            elif action == "load" and step % 25 == 0:
                area.load_text("reloaded " * rng.randint(0, 40))
            await pilot.pause()
            assert area.wrapped_document.height == counted_height(area), (
                f"seed {seed}, step {step} ({action})"
            )


async def test_a_draft_is_on_disk_soon_after_the_last_key(tmp_path: Path) -> None:
    async with running(tmp_path) as (app, pilot):
        await open_section(pilot, "t")
        await pilot.press("n")
        await wait_for(pilot, ThoughtRecordForm)
        await pilot.pause(0.3)
        await pilot.press(*"Bus", "space", *"stop")
        last_key = time.monotonic()

        def on_disk() -> bool:
            with Store.open(tmp_path, read_only=True) as store:
                drafts = Drafts(store).pending(FORM)
            return any("Bus stop" in d.fields.get("situation", "") for d in drafts)

        await wait_until(pilot, on_disk, timeout=5)
        assert time.monotonic() - last_key < 0.8
