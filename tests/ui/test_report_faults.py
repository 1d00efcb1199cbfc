"""A report that cannot be made because of a fault of ours says so; it never stops in silence,
and never writes a report with a kind of homework quietly missing (issue 18, point 3)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from homework_tui.app import HomeworkApp
from homework_tui.model.activity import Activity
from homework_tui.store import Store
from homework_tui.store.activities import SOURCES, Source
from homework_tui.ui.insights.insights_palette import show_report
from tests.report.dataset import fill
from tests.ui.helpers import SIZE, wait_ready, wait_until

AppFactory = Callable[..., HomeworkApp]


def _unreadable(store: Store) -> list[Activity]:
    raise ImportError("cannot import name 'JournalEntry'")


async def test_a_report_that_fails_inside_says_so_and_writes_nothing(
    app: AppFactory, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(data_dir) as store:
        fill(store)
    broken = [
        Source(s.name, s.title, s.kinds, s.columns, _unreadable) if s.name == "journal" else s
        for s in SOURCES
    ]
    monkeypatch.setattr("homework_tui.report.data.SOURCES", broken)
    out = tmp_path / "report.md"
    hw = app()
    try:
        async with hw.run_test(size=SIZE) as pilot:
            await wait_ready(pilot)
            hw.call_later(show_report, hw)
            await wait_until(
                pilot,
                lambda: (
                    type(hw.screen).__name__ == "ReportScreen"
                    and bool(hw.screen.query("#report-path"))
                ),
            )
            hw.screen.query_one("#report-path", Input).value = str(out)
            await pilot.press("ctrl+s")
            result = hw.screen.query_one("#report-result", Static)
            await wait_until(pilot, lambda: "not anything you did" in str(result.content))
            assert "JournalEntry" in str(result.content)
            assert not out.exists()
    finally:
        hw.close_store()
