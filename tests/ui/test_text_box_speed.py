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
from textual.widgets.text_area import Selection

from homework_tui.ui.thoughts.thought_data import FORM
from homework_tui.ui.thoughts.thought_form import ThoughtRecordForm
from homework_tui.store import Store
from homework_tui.store.drafts import Drafts
from homework_tui.ui.widgets.clean_input import CleanTextArea
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
                area.insert(
                    rng.choice(["a", "\n", "word " * rng.randint(1, 30), "\n\nx\t"]), (row, column)
                )
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
        await app.workers.wait_for_complete()  # the form settled, its autosave ready
        await pilot.pause()
        await pilot.press(*"Bus", "space", *"stop")
        last_key = time.monotonic()

        def on_disk() -> bool:
            with Store.open(tmp_path, read_only=True) as store:
                drafts = Drafts(store).pending(FORM)
            return any("Bus stop" in d.fields.get("situation", "") for d in drafts)

        await wait_until(pilot, on_disk, timeout=5)
        assert time.monotonic() - last_key < 0.8


class Pair(App[None]):
    """The same long line in a CleanTextArea and a plain TextArea, the same size."""

    TEXT = " ".join(f"word{n}\tand [b]more[/b] 😀" for n in range(400)) + "\nshort line"

    def compose(self) -> ComposeResult:
        yield CleanTextArea(self.TEXT, soft_wrap=True, id="clean")
        yield TextArea(self.TEXT, soft_wrap=True, id="plain")


async def test_a_long_line_is_drawn_exactly_as_textual_draws_it() -> None:
    app = Pair()
    async with app.run_test(size=(60, 40)) as pilot:
        clean, plain = app.query_one("#clean", TextArea), app.query_one("#plain", TextArea)
        assert len(Pair.TEXT.splitlines()[0]) > 2_000  # a long line: its rows are remembered
        clean.cursor_blink = plain.cursor_blink = False
        for where in [(0, 0), (0, 1_200), (0, 5_000), (1, 3)]:
            drawn = []
            for area in (clean, plain):
                area.focus()
                area.move_cursor(where)
                if where == (0, 1_200):
                    area.selection = Selection((0, 1_100), where)
                area.scroll_cursor_visible()
                await pilot.pause()
                drawn.append([list(area.render_line(y)) for y in range(area.size.height)])
            assert drawn[0] == drawn[1], where


async def test_a_long_line_rewrapped_after_edits_is_wrapped_as_textual_wraps_it() -> None:
    from textual._wrap import compute_wrap_offsets

    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    words = ["a", "walk", "by", "the", "river", "x" * 70, "😀😀", "  ", "[b]quiet[/b]"]
    text = " ".join(rng.choice(words) for _ in range(1_500))
    app = Box()
    async with app.run_test(size=(50, 12)) as pilot:
        area = app.query_one(CleanTextArea)
        area.load_text(text + "\nnext")
        for step in range(120):
            line = area.document.lines[0]
            column = rng.choice([len(line), rng.randint(0, len(line))])
            if rng.random() < 0.6:
                area.insert(rng.choice(["q", " ", "word ", "x" * 60, " 😀"]), (0, column))
            else:
                area.delete((0, max(0, column - rng.randint(1, 80))), (0, column))
            await pilot.pause(0) if step % 10 else await pilot.pause()
            line = area.document.lines[0]
            wrapped = area.wrapped_document
            expected = compute_wrap_offsets(line, wrapped._width, wrapped._tab_width)
            assert wrapped.get_offsets(0) == expected, f"seed {seed}, step {step}"
            assert wrapped.height == counted_height(area), f"seed {seed}, step {step}"
