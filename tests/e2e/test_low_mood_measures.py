"""Scenario 6, "Low mood, weeks 1-2", the questionnaire part: a plan with a PHQ-9 each week; the
PHQ-9 goes from 14 to 11; in a real terminal (tmux, 80x24) Measures shows both with the change,
the third is answered one key per question; the report, the FHIR file and the calendar file read
as the therapist and the person need. Fixed dates: nothing depends on today."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from fhir.resources.R4B.bundle import Bundle
from icalendar import Calendar

from homework_tui.model.measures import MeasureResult, Scale
from homework_tui.store import Store
from homework_tui.store.measures import results, save_result
from tests.e2e.test_tmux import SCRIPT, Terminal, terminal  # noqa: F401 - the fixture

TZ = timezone(timedelta(hours=1))
ROOT = Path(__file__).resolve().parents[2]
PLAN = """[plan]
title = "Low mood, weeks 1 and 2"
session = 2025-03-03

[[homework]]
kind = "PHQ-9"
times_a_week = 1
start = 2025-03-03

[[homework]]
kind = "mood diary"
daily = true
start = 2025-03-03
"""


def cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOMEWORK_TUI_")}
    return subprocess.run(
        [sys.executable, "-m", "homework_tui", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )


def test_low_mood_phq9_weeks_1_and_2(terminal: Terminal, tmp_path: Path) -> None:  # noqa: F811
    data = tmp_path / "data"
    plan = tmp_path / "plan.toml"
    plan.write_text(PLAN, encoding="utf-8")
    assert cli(data, "plan", "import", str(plan)).returncode == 0
    with Store.open(data) as store:
        for day, answers in ((3, (2, 2, 2, 2, 1, 2, 1, 2, 0)), (10, (2, 2, 1, 2, 1, 1, 1, 1, 0))):
            at = datetime(2025, 3, day, 19, 30, tzinfo=TZ)
            save_result(store, MeasureResult(scale=Scale.PHQ9, answers=answers, created_at=at))

    command = f"env -u COLUMNS -u LINES '{SCRIPT}' --data-dir '{data}'; sleep 30"
    terminal.start(command, 80, 24)
    terminal.wait_for("Your homework")
    terminal.keys("m")
    terminal.wait_for("Latest: 11 of 27, moderate")
    words = terminal.words()
    assert "Mon 03 Mar 19:30" in words and "14 moderate" in words
    assert "Change since the plan started: down 3 (lower is better)." in words
    terminal.wait_for("F2 Help now", line=23)
    terminal.keys("p")
    terminal.wait_for("Question 1 of 9")
    terminal.keys(*"211111110")
    terminal.wait_for("Saved. PHQ-9: 9 of 27")
    assert "Mild (5–9)" in terminal.words() and "harming" not in terminal.words()
    terminal.keys("Enter")
    terminal.wait_for("Latest: 9 of 27, mild")
    assert "Traceback" not in terminal.screen()
    terminal.keys("q")

    with Store.open(data, read_only=True) as store:
        assert [r.total for r in results(store)] == [14, 11, 9]

    report = cli(data, "export", "--format", "markdown", "--since", "2025-03-03", "--until",
                 "2025-03-16")  # fmt: skip
    assert report.returncode == 0, report.stderr
    assert "| PHQ-9 (depression) | once a week | 2 | 2 |" in report.stdout
    assert "| Mon 10 March 2025, 19:30 | PHQ-9 | 11 of 27 | moderate | down 3 |" in report.stdout

    fhir = tmp_path / "phq9.json"
    assert cli(data, "export", "--format", "fhir", "--out", str(fhir)).returncode == 0
    bundle = Bundle.model_validate(json.loads(fhir.read_text()))
    totals = [e.resource.item[-1].answer[0].valueInteger for e in bundle.entry]  # type: ignore[union-attr]
    assert totals == [14, 11, 9]

    ics = tmp_path / "homework.ics"
    assert cli(data, "plan", "ics", "--out", str(ics), "--at", "20:00").returncode == 0
    events = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    rules = {str(e["summary"]): e["rrule"] for e in events}
    assert rules["Mood diary"]["FREQ"] == ["DAILY"]
    assert rules["PHQ-9 (depression)"]["FREQ"] == ["WEEKLY"]
    assert len(rules["PHQ-9 (depression)"]["BYDAY"]) == 1
