"""`homework-tui plan import` and `plan show`: a therapist's file in, every problem named by line,
nothing half-imported."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from homework_tui.model.plan import Assignment
from homework_tui.model.plan_toml import parse_plan
from homework_tui.store import Store, WriteFailed
from homework_tui.store.plan import assignments, import_plan, plan_info
from tests.hostile import TOML_VALUES

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "plan.toml"

GOOD_THEN_BAD = """\
[plan]
therapist = "Dr Okafor"

[[homework]]
kind = "breathing"
daily = true

[[homework]]
kind = "{kind}"
times_a_week = {times}
start = {start}
"""


def stored(cli) -> list[Assignment]:
    if not cli.data.exists():
        return []
    with Store.open(cli.data, read_only=True) as store:
        return assignments(store)


def test_importing_the_example_plan(cli) -> None:
    run = cli("plan", "import", str(EXAMPLE))
    assert run.returncode == 0, run.stderr
    assert "Imported plan.toml: 3 added." in run.stdout
    assert "Added: Resonance breathing, 10 minutes, every day" in run.stdout
    assert [a.name for a in stored(cli)] == [
        "Resonance breathing",
        "Thought record",
        "Exposure: Social situations",
    ]
    again = cli("plan", "import", str(EXAMPLE))
    assert "0 added, 3 updated" in again.stdout and len(stored(cli)) == 3
    shown = cli("plan", "show")
    assert shown.returncode == 0
    assert "Thought record, 3 times a week (from" in shown.stdout
    assert "Note: After any moment your anxiety goes above 60." in shown.stdout


@pytest.mark.parametrize(
    ("kind", "times", "start", "message"),
    [
        ("yoga", "2", "2025-03-10", "plan.toml, line 9: “yoga” is not a kind of homework"),
        (
            "journal",
            "2",
            "2025-02-30",
            "plan.toml, line 11: this is not a real date; dates are written like 2025-03-11",
        ),
        (
            "journal",
            "-1",
            "2025-03-10",
            "plan.toml, line 10: times_a_week is -1; it needs to be from 1 to 21",
        ),
    ],
)
def test_a_problem_names_its_line_and_nothing_is_imported(
    cli, tmp_path: Path, kind: str, times: str, start: str, message: str
) -> None:
    cli("plan", "import", str(EXAMPLE))
    before = stored(cli)
    bad = tmp_path / "plan.toml"
    bad.write_text(GOOD_THEN_BAD.format(kind=kind, times=times, start=start))
    run = cli("plan", "import", str(bad))
    assert run.returncode == 1
    assert "so nothing was imported" in run.stderr and message in run.stderr, run.stderr
    assert "Traceback" not in run.stderr
    assert stored(cli) == before
    with Store.open(cli.data, read_only=True) as store:
        assert plan_info(store).load().therapist == "Dr Amara Okafor"


def test_a_missing_file_is_a_clear_error(cli, tmp_path: Path) -> None:
    run = cli("plan", "import", str(tmp_path / "nowhere.toml"))
    assert run.returncode == 1 and "cannot read" in run.stderr and "Traceback" not in run.stderr


def test_an_empty_plan_says_how_to_add_one(cli) -> None:
    run = cli("plan", "show")
    assert run.returncode == 0 and "plan import FILE.toml" in run.stdout


def test_a_failed_write_leaves_nothing_half_imported(tmp_path: Path, monkeypatch) -> None:
    plan = parse_plan(EXAMPLE.read_text(), today=date(2025, 3, 10))
    with Store.open(tmp_path / "data") as store:

        def full_disk(*args: object) -> None:
            raise WriteFailed(store.file, OSError(28, "No space left on device"))

        monkeypatch.setattr(store.storage, "commit_batch", full_disk)
        with pytest.raises(WriteFailed):
            import_plan(store, plan)
        assert assignments(store) == [] and plan_info(store).load().therapist == ""
    with Store.open(tmp_path / "data") as store:
        assert assignments(store) == []


def test_replace_ends_the_old_plan_and_keeps_its_history(tmp_path: Path) -> None:
    first = parse_plan(EXAMPLE.read_text(), today=date(2025, 3, 10))
    second = parse_plan(
        '[[homework]]\nkind = "journal"\nweekdays = ["Mon"]\n', today=date(2025, 3, 24)
    )
    with Store.open(tmp_path / "data") as store:
        import_plan(store, first)
        result = import_plan(store, second, replace_others=True)
        assert len(result.added) == 1 and len(result.ended) == 3
        plan = assignments(store)
        assert {a.name: a.end for a in plan} == {
            "Resonance breathing": date(2025, 3, 23),
            "Thought record": date(2025, 3, 23),
            "Exposure: Social situations": date(2025, 3, 23),
            "Journal": None,
        }


def files_in(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.mark.parametrize("case", ["5000-digit integer", "nan", "10,000 nested arrays"])
def test_a_hostile_number_is_one_line_and_changes_nothing(cli, tmp_path: Path, case: str) -> None:
    cli("plan", "import", str(EXAMPLE))
    before = files_in(cli.data)
    bad = tmp_path / "plan.toml"
    bad.write_text(
        GOOD_THEN_BAD.format(kind="journal", times=TOML_VALUES[case], start="2025-03-10")
    )
    run = cli("plan", "import", str(bad))
    assert run.returncode == 1
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1, run.stderr
    assert run.stderr.startswith(f"homework-tui: {bad}, line 10: "), run.stderr
    assert run.stderr.rstrip().endswith("(so nothing was imported)")
    assert files_in(cli.data) == before


def test_plan_import_over_a_limit_is_one_line_and_imports_nothing(cli, tmp_path: Path) -> None:
    homework = '[[homework]]\nkind = "journal"\ndaily = true\nid = "h{n}"\n'
    plan = tmp_path / "big.toml"
    plan.write_text("".join(homework.format(n=n) for n in range(101)))
    run = cli("plan", "import", str(plan))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "a plan can hold at most 100" in run.stderr
    assert "Your plan is empty" in cli("plan", "show").stdout


def test_plan_import_removes_escape_sequences_and_says_so(cli, tmp_path: Path) -> None:
    plan = tmp_path / "colour.toml"
    plan.write_text(
        '[[homework]]\nkind = "journal"\ndaily = true\nnote = "A\\u001b[31mRED\\u001b[0mB"\n'
    )
    run = cli("plan", "import", str(plan))
    assert run.returncode == 0, run.stderr
    assert (
        "Changed: colour.toml, line 4: 2 terminal escape sequences (colour or cursor codes) "
        "removed from note."
    ) in run.stdout
    shown = cli("plan", "show").stdout
    assert "Note: AREDB" in shown and "[31m" not in shown


def test_suggest_relax_false_is_kept_until_a_plan_says_otherwise(cli, tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(
        '[plan]\nsuggest_relax = false\n\n[[homework]]\nkind = "exposure"\ndaily = true\n'
    )
    assert cli("plan", "import", str(plan)).returncode == 0
    shown = cli("plan", "show").stdout
    assert "Today does not suggest Relax (your therapist's plan turns it off)." in shown
    plan.write_text(
        '[plan]\ntitle = "Weeks 5 and 6"\n\n[[homework]]\nkind = "exposure"\ndaily = true\n'
    )  # says nothing about it: the setting stays
    assert cli("plan", "import", str(plan)).returncode == 0
    with Store.open(cli.data, read_only=True) as store:
        info = plan_info(store).load()
        assert info.suggest_relax is False and info.title == "Weeks 5 and 6"
    plan.write_text(
        '[plan]\nsuggest_relax = true\n\n[[homework]]\nkind = "exposure"\ndaily = true\n'
    )
    assert cli("plan", "import", str(plan)).returncode == 0
    assert "Today suggests Relax when you feel tense." in cli("plan", "show").stdout
