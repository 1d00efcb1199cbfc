"""`homework-tui export`: the notes for the next session open the report; `--safety-plan` adds the
safety plan, which is left out otherwise (also by `--full-text`)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from homework_tui.model.bridge import SessionBridge
from homework_tui.model.safety import CrisisContact, SafetyPlan
from homework_tui.store import Singleton, Store
from tests.report.dataset import fill

PERIOD = ("--since", "2025-03-10", "--until", "2025-03-16")


@pytest.fixture
def noted(cli):
    with Store.open(cli.data) as store:
        fill(store)
        Singleton(store, "bridge", SessionBridge, SessionBridge).save(
            SessionBridge(got_in_the_way="Late shifts", to_raise="Sleep & mornings")
        )
        Singleton(store, "safety", SafetyPlan, SafetyPlan).save(
            SafetyPlan(
                warning_signs="Not answering texts",
                crisis_line=CrisisContact(name="Samaritans", number="116 123"),
            )
        )
    return cli


@pytest.mark.parametrize(
    ("switches", "plan"),
    [
        ((), False),
        (("--full-text",), False),
        (("--safety-plan",), True),
    ],
)
def test_markdown_opens_with_the_notes_and_has_the_plan_only_when_asked(
    noted, switches: tuple[str, ...], plan: bool
) -> None:
    run = noted("export", "--format", "markdown", *PERIOD, *switches)
    assert run.returncode == 0, run.stderr
    sections = [line for line in run.stdout.splitlines() if line.startswith("## ")]
    assert sections[0] == "## For this session"
    assert "- **What got in the way:** Late shifts" in run.stdout
    assert "- **What I want to raise next session:** Sleep \\& mornings" in run.stdout
    assert ("## My safety plan" in sections) is plan
    assert ("Not answering texts" in run.stdout) is plan
    assert ("Samaritans, 116 123" in run.stdout) is plan


def test_csv_has_the_notes_first_and_the_plan_only_when_asked(noted, tmp_path: Path) -> None:
    plain = noted("export", "--format", "csv", *PERIOD, "--out", str(tmp_path / "plain"))
    assert plain.returncode == 0, plain.stderr
    listed = [line.strip() for line in plain.stderr.splitlines()[1:]]
    assert listed[0] == "next-session.csv" and "safety-plan.csv" not in listed
    with (tmp_path / "plain" / "next-session.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][:2] == ["What got in the way", "Late shifts"]
    assert rows[2][:2] == ["What I want to raise next session", "Sleep & mornings"]
    shared = noted(
        "export", "--format", "csv", *PERIOD, "--safety-plan", "--out", str(tmp_path / "shared")
    )
    assert shared.returncode == 0, shared.stderr
    with (tmp_path / "shared" / "safety-plan.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert ["1. Warning signs", "Not answering texts"] in rows
    assert ["5. Professionals and crisis lines", "Crisis line: Samaritans, 116 123"] in rows
