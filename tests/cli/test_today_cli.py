"""`homework-tui today`: plain lines for a shell's start-up, always exit 0, never a prompt."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from homework_tui.model.activity import Kind
from homework_tui.model.base import now
from homework_tui.model.plan import Assignment, Every, Frequency
from homework_tui.model.thought_record import AutomaticThought, Mood, ThoughtRecord
from homework_tui.store import Repository, Store
from homework_tui.store.activities import PLAN_TABLE, RELAXATION_TABLE, THOUGHT_RECORDS_TABLE

ROOT = Path(__file__).resolve().parents[2]


def complete_record() -> ThoughtRecord:
    return ThoughtRecord(
        situation="After the team meeting",
        moods=(Mood(name="anxious", before=80, after=45),),
        thoughts=(AutomaticThought(text="They all think I'm incompetent", hot=True),),
        evidence_for="Nobody replied.",
        evidence_against="Priya asked about it.",
        balanced_thought="One person was interested.",
        balanced_belief=60,
    )


def plan(store: Store) -> None:
    today = date.today()
    repo = Repository(store, PLAN_TABLE, Assignment)
    repo.add(Assignment(kind=Kind.BREATHING, target="resonance", minutes=10, start=today))
    repo.add(
        Assignment(
            kind=Kind.THOUGHT_RECORD,
            start=today - timedelta(days=3),
            frequency=Frequency(every=Every.WEEK, times=3),
        )
    )
    repo.add(
        Assignment(
            kind=Kind.OTHER,
            title="Walk [bold]outside[/bold]",
            start=today,
            frequency=Frequency(every=Every.ONCE, by=today + timedelta(days=30)),
        )
    )


def test_today_lists_what_is_due_and_done_in_plain_lines(cli) -> None:
    with Store.open(cli.data) as store:
        plan(store)
        Repository(store, THOUGHT_RECORDS_TABLE, ThoughtRecord).add(complete_record())
        stamp = now().isoformat()
        store.table(RELAXATION_TABLE).insert(
            {
                "id": "rx",
                "created_at": stamp,
                "updated_at": stamp,
                "kind": "breathing",
                "pattern": "resonance",
                "minutes": 10,
            }
        )
        held = cli("today")  # works while another window holds the data
    assert held.returncode == 0, held.stderr
    lines = held.stdout.splitlines()
    assert lines[0].startswith(f"Today, {date.today():%a}")
    assert "Done: Resonance breathing, 10 minutes: done today" in lines
    assert "This week: Thought record: 1 of 3 this week, 2 more to go" in lines
    by = date.today() + timedelta(days=30)
    assert f"Coming up: Walk [bold]outside[/bold]: once, by {by:%a} {by.day} {by:%B}" in lines
    assert lines[-1] == "Streak: 1 day with some homework. Well done."
    assert "\x1b" not in held.stdout  # no colour when not a terminal


def test_today_with_no_data_or_damaged_data_still_exits_0(cli, tmp_path: Path) -> None:
    fresh = cli("today")
    assert fresh.returncode == 0
    assert "No plan yet" in fresh.stdout and not cli.data.exists()
    cli.data.mkdir()
    (cli.data / "homework.json").write_text("{ damaged")
    damaged = cli("today")
    assert damaged.returncode == 0 and "Traceback" not in damaged.stderr
    assert damaged.stderr.startswith("homework-tui: ")
    assert (cli.data / "homework.json").read_text() == "{ damaged"  # read-only: left alone


def test_today_never_asks_for_a_passphrase(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOMEWORK_TUI_")}
    base = [sys.executable, "-m", "homework_tui", "--data-dir", str(data)]
    with Store.open(data) as store:
        plan(store)
    subprocess.run(
        [*base, "encrypt"],
        input="longpassphrase\nlongpassphrase\n",
        text=True,
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        check=True,
    )
    run = subprocess.run(
        [*base, "today"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )
    assert run.returncode == 0
    assert "protected with a passphrase" in run.stdout
