"""The report screen offers the same choices as `homework-tui export`: evidence always, journal
writing and exposure notes each on its own switch (issue 15, point 3)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Checkbox, Input, Static

from homework_tui.app import HomeworkApp
from homework_tui.store import Store
from tests.report.dataset import fill
from tests.ui.helpers import SIZE, wait_for_palette_match, wait_ready, wait_until

AppFactory = Callable[..., HomeworkApp]

EVIDENCE = "Priya asked me about it afterwards."
JOURNAL = "The meeting went okay."
NOTES = "Easier than I thought, she was kind."


async def test_journal_writing_and_exposure_notes_each_have_a_switch(
    app: AppFactory, data_dir: Path, tmp_path: Path
) -> None:
    with Store.open(data_dir) as store:
        fill(store)
    hw = app()
    try:
        async with hw.run_test(size=SIZE) as pilot:
            await wait_ready(pilot)
            await pilot.press("ctrl+p", *"Report for your next")
            await wait_for_palette_match(pilot, "Report for your next")
            await pilot.press("enter")
            await wait_until(pilot, lambda: type(hw.screen).__name__ == "ReportScreen")
            screen = hw.screen
            journal = screen.query_one("#report-journal-text", Checkbox)
            notes = screen.query_one("#report-exposure-notes", Checkbox)
            assert not journal.value and not notes.value  # the person's writing: only if chosen
            assert "Include my journal writing in full" in str(journal.label)
            assert "Include my notes after exposures" in str(notes.label)

            async def write(name: str) -> str:
                out = tmp_path / name
                screen.query_one("#report-path", Input).value = str(out)
                await pilot.press("ctrl+s")
                result = screen.query_one("#report-result", Static)
                await wait_until(pilot, lambda: f"Saved to {out}." in str(result.content))
                return out.read_text(encoding="utf-8")

            async def tick(box: Checkbox) -> None:
                box.focus()
                await pilot.press("space")
                await wait_until(pilot, lambda: box.value)

            text = await write("default.md")
            assert EVIDENCE in text and JOURNAL not in text and NOTES not in text
            await tick(journal)
            text = await write("journal.md")
            assert EVIDENCE in text and JOURNAL in text and NOTES not in text
            await tick(notes)
            text = await write("both.md")
            assert EVIDENCE in text and JOURNAL in text and NOTES in text
    finally:
        hw.close_store()
