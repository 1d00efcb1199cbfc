"""`homework-tui export --format markdown|csv`: the report for the next session from the shell."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from homework_tui.store import Store
from tests.report.dataset import TRICKY, fill

GOLDEN = Path(__file__).resolve().parents[1] / "report" / "golden" / "report.md"


def test_markdown_to_stdout_and_to_a_private_file(cli, tmp_path: Path) -> None:
    with Store.open(cli.data) as store:
        fill(store)
    run = cli("export", "--format", "markdown", "--since", "2025-03-10", "--until", "2025-03-16")
    assert run.returncode == 0, run.stderr
    golden = GOLDEN.read_text(encoding="utf-8")
    # Everything but the line saying when it was made matches the golden file.
    body = [line for line in run.stdout.splitlines() if not line.startswith("Made with")]
    assert body == [line for line in golden.splitlines() if not line.startswith("Made with")]
    out = tmp_path / "for-my-session.md"
    saved = cli(
        "export",
        "--format",
        "markdown",
        "--since",
        "last-session",
        "--until",
        "2025-03-16",
        "--full-text",
        "--out",
        str(out),
    )
    assert saved.returncode == 0 and "Saved the report" in saved.stderr
    assert out.stat().st_mode & 0o777 == 0o600
    full = out.read_text(encoding="utf-8")
    assert "The meeting went okay." in full and "she was kind." in full


@pytest.mark.parametrize(
    ("switches", "journal", "notes"),
    [
        ((), False, False),
        (("--journal-text",), True, False),
        (("--exposure-notes",), False, True),
        (("--journal-text", "--exposure-notes"), True, True),
        (("--full-text",), True, True),
    ],
)
def test_each_kind_of_own_writing_has_its_own_switch(
    cli, switches: tuple[str, ...], journal: bool, notes: bool
) -> None:
    with Store.open(cli.data) as store:
        fill(store)
    run = cli(
        "export",
        "--format",
        "markdown",
        "--since",
        "2025-03-10",
        "--until",
        "2025-03-16",
        *switches,
    )
    assert run.returncode == 0, run.stderr
    assert "Priya asked me about it afterwards." in run.stdout  # evidence: always
    assert ("The meeting went okay." in run.stdout) is journal
    assert ("Easier than I thought, she was kind." in run.stdout) is notes


def test_csv_writes_one_file_per_kind(cli, tmp_path: Path) -> None:
    with Store.open(cli.data) as store:
        fill(store)
    folder = tmp_path / "csv"
    run = cli(
        "export",
        "--format",
        "csv",
        "--since",
        "2025-03-10",
        "--until",
        "2025-03-16",
        "--out",
        str(folder),
    )
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in folder.iterdir()) == [
        "activity_scheduling.csv",
        "checkoffs.csv",
        "experiments.csv",
        "exposures.csv",
        "journal.csv",
        "measures.csv",
        "mood_diary.csv",
        "panic_diary.csv",
        "plan.csv",
        "relaxation.csv",
        "sleep_diary.csv",
        "thought_records.csv",
    ]
    with (folder / "relaxation.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [
        (
            r["Practice"],
            r["Tension before (0-100)"],
            r["Tension after (0-100)"],
            r["Anxiety before (0-10)"],
            r["Anxiety after (0-10)"],
            r["Note"],
        )
        for r in rows
    ] == [
        ("Resonance breathing", "70", "40", "", "", ""),
        ("Resonance breathing", "60", "35", "", "", ""),
        ("Muscle relaxation, 16 groups", "65", "30", "", "", ""),
        ("Resonance breathing", "50", "", "", "", ""),
        ("Muscle relaxation, 16 groups", "", "", "7", "2", "Counting helped"),
    ]
    assert rows[-1]["Rating"] == "anxiety 7 → 2 (of 10)"
    with (folder / "journal.csv").open(newline="", encoding="utf-8") as handle:
        assert "Writing" not in next(csv.reader(handle))  # the person's writing: only if chosen
    shared = cli(
        "export",
        "--format",
        "csv",
        "--since",
        "2025-03-10",
        "--until",
        "2025-03-16",
        "--journal-text",
        "--out",
        str(tmp_path / "shared"),
    )
    assert shared.returncode == 0, shared.stderr
    with (tmp_path / "shared" / "journal.csv").open(newline="", encoding="utf-8") as handle:
        assert list(csv.DictReader(handle))[-1]["Writing"] == TRICKY
    with (tmp_path / "shared" / "exposures.csv").open(newline="", encoding="utf-8") as handle:
        assert "Notes" not in next(csv.reader(handle))


def test_bad_dates_are_explained(cli) -> None:
    run = cli("export", "--format", "markdown", "--since", "last tuesday")
    assert run.returncode == 2 and "--since needs a date written like 2025-03-10" in run.stderr
    later = cli("export", "--format", "markdown", "--since", "2025-03-10", "--until", "2025-03-01")
    assert later.returncode == 2 and "is after the last day" in later.stderr


def test_json_export_is_unchanged(cli) -> None:
    run = cli("export")
    assert run.returncode == 0 and '"format": "homework-tui-backup"' in run.stdout
