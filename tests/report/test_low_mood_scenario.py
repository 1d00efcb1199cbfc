"""Scenario 6, "Low mood, weeks 1-2" (../shared/SCENARIOS.md), the first week, read as the therapist
would: the plan (activity scheduling five times a week, mood and sleep diaries daily), a week of
entries (tests/data/low_mood.py), then the week grid, `homework-tui today`, the report and CSV,
and the app's own screens (grid, mood pattern, charts) at 80x24; the weekly PHQ-9 in the report
and in the FHIR file a clinic would take in."""

from __future__ import annotations

import argparse
from datetime import timedelta
from pathlib import Path
from typing import Any

from textual.widgets import Static

from homework_tui.commands.today_cmd import lines_for_today
from homework_tui.report.csv_files import tables
from homework_tui.report.data import collect
from homework_tui.report.markdown import render
from homework_tui.store import Store
from homework_tui.store.wellbeing import activities
from homework_tui.model.activation.grid import week_grid
from homework_tui.ui.activation.activation import ActivationScreen
from homework_tui.ui.activation.activity_form import ActivityForm
from homework_tui.ui.activation.mood_pattern import MoodPatternScreen
from homework_tui.ui.diaries.diaries import DiariesScreen
from homework_tui.ui.diaries.diary_charts import DiaryChartsScreen
from tests.data.low_mood import MONDAY, SUNDAY_EVENING, build
from tests.ui.helpers import screen_words, wait_until
from tests.ui.snapshot_clock import frozen_day
from tests.ui.test_thought_records import running, type_text, wait_for

SUNDAY = MONDAY + timedelta(days=6)
GRID = [
    "          Mon 12   Tue 13   Wed 14   Thu 15   Fri 16   Sat 17   Sun 18",
    "Morning   ✓        ✓        ✓        ✓        ·        ✓        ·",
    "Afternoon ·        ·        ✗        ·        ✓        ·        ✓",
    "Evening   ✗        ✓        ·        ✓        +        ✗        ○",
    "Night     ·        ·        ·        ·        ·        ·        ·",
    "Done      1/2      2/2      1/2      2/2      1/1 +1   1/2      1/2",
]


def test_the_week_reads_as_the_therapist_would(tmp_path: Path) -> None:
    build(tmp_path)
    with Store.open(tmp_path, read_only=True) as store:
        grid = week_grid(activities(store).all(), MONDAY)
        data = collect(store, MONDAY, SUNDAY, made_at=SUNDAY_EVENING)
    assert grid.lines() == GRID
    assert grid.summary() == "9 of 13 planned activities done, and 1 more done without planning."

    with frozen_day(SUNDAY_EVENING):
        today = lines_for_today(argparse.Namespace(data_dir=tmp_path))
    assert today[1:] == [
        "Done: Activity scheduling: 5 of 5 this week, all done",
        "Done: Mood diary: done today",
        "Done: Sleep diary: done today",
        "Done: PHQ-9 (depression): 1 of 1 this week, all done",
        "Streak: 7 days in a row with some homework. Well done.",
    ]

    report = render(data)
    for line in (
        "| Activity scheduling | 5 times a week | 10 | 5 |",
        "| Mood diary | every day | 7 | 7 |",
        "| Sleep diary | every day | 7 | 7 |",
        "- Activity scheduling: 10 done, 4 not done or still to come",
        "Week of Mon 12 January 2026: 9 of 13 planned activities done, and 1 more done without "
        "planning.",
        *GRID,
        "| Mon 12 Jan, evening | Call Sam | Relationships | Not done |  |  |  |",
        "| Fri 16 Jan, evening | Tidied my desk | Home and daily tasks | Done (not planned) | 6 | 4 "
        "| 6 |",
        "- Coffee with Jo: 7/10 (+1; 1 time)",
        "- Walk round the park: 6.2/10 (+0.2; 4 times)",
        "- Shower and dress by 9: 4/10 (-2; 1 time)",
        "Mon 12  ██████ 3/10",
        "Sun 18  ████████████ 6/10",
        # The scenario's night: to bed 23:40, asleep after 40 minutes, awake twice, up at 7:10.
        "| Sun 11 Jan | 23:40 | 40 min | 2×, 30 min | 07:10 | 7 h 30 min | 6 h 10 min | 82% "
        "| 3 (fair) |",
        "Sleep efficiency (total sleep ÷ time in bed) averaged 84% over 7 nights.",
        "- **Number of symptoms:** 4 (full attack)",
        "| PHQ-9 (depression) | once a week | 2 | 1 |",
        "| Mon 12 January 2026, 19:00 | PHQ-9 | 14 of 27 | moderate | – |",
        "| Sun 18 January 2026, 19:00 | PHQ-9 | 11 of 27 | moderate | down 3 |",
    ):
        assert line in report.splitlines(), line
    assert "*A pattern, not a proof:" in report

    csv = tables(data)
    header, rows = csv["activity_scheduling.csv"]
    assert len(rows) == 14 and "Mastery (0-10)" in header
    header, rows = csv["sleep_diary.csv"]
    efficiency = header.index("Sleep efficiency (%)")
    assert [row[efficiency] for row in rows] == ["82", "67", "84", "87", "89", "90", "86"]
    assert len(csv["mood_diary.csv"][1]) == 7 and len(csv["panic_diary.csv"][1]) == 1


def chart(app: Any, box: str) -> str:
    return " ".join(str(app.screen.query_one(box, Static).content).split())


async def test_in_the_app_at_80x24(tmp_path: Path) -> None:
    build(tmp_path)
    with frozen_day(SUNDAY_EVENING):
        async with running(tmp_path, size=(80, 24)) as (app, pilot):
            await wait_until(pilot, lambda: app.store is not None)
            await pilot.press("a")
            await wait_for(pilot, ActivationScreen)
            await wait_until(pilot, lambda: "9 of 13 planned activities done" in screen_words(app))
            words = screen_words(app)
            assert "Done 1/2 2/2 1/2 2/2 1/1 +1 1/2 1/2" in words
            assert "F2 Help now" in words

            # Sunday evening: plan a small activity for tomorrow; next week's grid shows it to come.
            await pilot.press("n")
            await wait_for(pilot, ActivityForm)
            await type_text(pilot, "Walk round the park")
            app.screen.query_one("#part").focus()
            await pilot.pause()
            await type_text(pilot, "morning")
            await pilot.press("ctrl+s")
            await wait_for(pilot, ActivationScreen)
            await wait_until(pilot, lambda: "Week of Mon 19 Jan 2026" in screen_words(app))
            assert "Morning ○ · · · · · ·" in screen_words(app)
            await pilot.press("left_square_bracket")
            await wait_until(pilot, lambda: "Week of Mon 12 Jan 2026" in screen_words(app))

            await pilot.press("m")
            await wait_for(pilot, MoodPatternScreen)
            words = screen_words(app)
            assert "Average mood with a done activity: 6/10 (10 rated)" in words
            assert "Coffee with Jo" in words and "A pattern, not a proof" in words
            await pilot.press("escape")
            await wait_for(pilot, ActivationScreen)
            await pilot.press("escape")
            await wait_until(pilot, lambda: app.current_mode == "today")

            await pilot.press("y")
            await wait_for(pilot, DiariesScreen)
            await wait_until(pilot, lambda: "6 h 10 min asleep of 7 h 30 min" in screen_words(app))
            await pilot.press("c")
            await wait_for(pilot, DiaryChartsScreen)
            await wait_until(pilot, lambda: "Sun 18" in chart(app, "#mood-chart"))
            assert "Mon 12 ███▌ 3/10" in chart(app, "#mood-chart")  # the app's bars: 12 wide
            assert "Mon 12 ███████▌ 6.2 h, 82%" in chart(app, "#sleep-chart")  # the 23:40 night


def test_the_fhir_file_holds_the_weeks_phq9(tmp_path: Path) -> None:
    """`homework-tui export --format fhir`, read back with fhir.resources' R4B models."""
    import json
    import os
    import subprocess
    import sys

    from fhir.resources.R4B.bundle import Bundle

    build(tmp_path / "data")
    out = tmp_path / "phq9.json"
    env = {**os.environ, "HOMEWORK_TUI_DATA_DIR": str(tmp_path / "data")}
    script = Path(sys.executable).with_name("homework-tui")
    done = subprocess.run(
        [str(script), "export", "--format", "fhir", "--out", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    bundle = Bundle.model_validate(json.loads(out.read_text(encoding="utf-8")))
    responses = [entry.resource for entry in bundle.entry or []]
    assert [r.questionnaire for r in responses] == ["http://loinc.org/q/44249-1"] * 2
    totals = [r.item[-1].answer[0].valueInteger for r in responses]  # type: ignore[index]
    assert totals == [14, 11]
