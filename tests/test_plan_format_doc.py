"""docs/plan-format.md says what the code reads, and its complete example imports cleanly.

The example is imported for real (`homework-tui plan import` in a subprocess, into a temporary data
folder); the tables are checked against the code's own lists: every key the reader accepts, every
kind and each name the page gives it, every muscle-relaxation stage and its names, and the limits.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from homework_tui.model.activity import Kind, parse_kind
from homework_tui.model.plan import (
    MAX_MINUTES,
    MAX_TIMES_A_WEEK,
    NOTE_MAX,
    PLAN_FILE_MAX_BYTES,
    PLAN_MAX_HOMEWORK,
    PLAN_TEXT_MAX,
    TITLE_MAX,
)
from homework_tui.model.plan_toml import HOMEWORK_KEYS, PLAN_KEYS, parse_plan
from homework_tui.model.pmr_stages import STAGES, stage_of

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "plan-format.md"
CLI = Path(sys.executable).parent / "homework-tui"


@pytest.fixture(scope="module")
def tokens() -> list[Token]:
    return MarkdownIt("commonmark").enable("table").parse(DOC.read_text(encoding="utf-8"))


def section(tokens: list[Token], title: str) -> list[Token]:
    """The tokens from the heading `title` to the next heading of the same or a higher level."""
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and tokens[index + 1].content == title:
            level = token.tag
            end = next(
                (
                    j
                    for j in range(index + 1, len(tokens))
                    if tokens[j].type == "heading_open" and tokens[j].tag <= level
                ),
                len(tokens),
            )
            return tokens[index:end]
    raise AssertionError(f"docs/plan-format.md has no heading {title!r}")


def table_rows(tokens: list[Token]) -> list[list[str]]:
    """Each body row of the first table in `tokens`, as the raw text of its cells."""
    rows: list[list[str]] = []
    in_body = False
    for token in tokens:
        if token.type == "tbody_open":
            in_body = True
        elif token.type == "tbody_close":
            return rows
        elif in_body and token.type == "tr_open":
            rows.append([])
        elif in_body and token.type == "inline":
            rows[-1].append(token.content)
    raise AssertionError("no table here")


def code_words(cell: str) -> list[str]:
    return re.findall(r"`([^`]+)`", cell)


def complete_example(tokens: list[Token]) -> str:
    fences = [t for t in section(tokens, "A complete example") if t.type == "fence"]
    assert len(fences) == 1 and fences[0].info == "toml"
    return fences[0].content


# -- the example -----------------------------------------------------------------------------------


@pytest.mark.skipif(not CLI.exists(), reason="needs the installed homework-tui console script")
def test_the_complete_example_imports_cleanly(tmp_path: Path, tokens: list[Token]) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(complete_example(tokens), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOMEWORK_TUI_")}
    env |= {
        "HOMEWORK_TUI_DATA_DIR": str(tmp_path / "data"),
        "HOMEWORK_TUI_CONFIG_DIR": str(tmp_path / "config"),
        "HOMEWORK_TUI_CACHE_DIR": str(tmp_path / "cache"),
    }

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(CLI), *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
            stdin=subprocess.DEVNULL,
        )

    first = run("plan", "import", str(plan))
    assert first.returncode == 0, first.stderr
    assert first.stderr == ""
    assert "Imported plan.toml: 16 added." in first.stdout
    assert "Changed:" not in first.stdout
    added = [line for line in first.stdout.splitlines() if line.startswith("  Added: ")]
    assert len(added) == 16
    assert "  Added: Resonance breathing, 10 minutes, every day" in added
    assert "  Added: Muscle relaxation (7 groups), 4 times a week" in added
    assert "  Added: A 20-minute walk outside, 3 times a week" in added
    # Importing it again doubles nothing.
    again = run("plan", "import", str(plan))
    assert again.returncode == 0, again.stderr
    assert "Imported plan.toml: 0 added, 16 updated." in again.stdout


def test_the_complete_example_uses_every_kind(tokens: list[Token]) -> None:
    plan = parse_plan(complete_example(tokens))
    assert {a.kind for a in plan.assignments} == set(Kind)
    assert plan.info.last_session is not None  # so the example's dates never depend on today


def test_the_short_example_it_points_to_exists() -> None:
    example = (ROOT / "examples" / "plan.toml").read_text(encoding="utf-8")
    assert "docs/plan-format.md" in example
    assert parse_plan(example).assignments


# -- the tables against the code -------------------------------------------------------------------


def test_every_key_is_described(tokens: list[Token]) -> None:
    plan_keys = {
        code_words(row[0])[0]
        for row in table_rows(section(tokens, "`[plan]`: about the plan as a whole"))
    }
    assert plan_keys == set(PLAN_KEYS)
    homework = table_rows(section(tokens, "`[[homework]]`: one piece of homework"))
    homework_keys = {word for row in homework for word in code_words(row[0])}
    assert homework_keys == set(HOMEWORK_KEYS)


def test_every_kind_and_each_of_its_names(tokens: list[Token]) -> None:
    rows = table_rows(section(tokens, "Kinds"))
    described = {}
    for row in rows:
        kind = parse_kind(code_words(row[0])[0])
        assert kind is not None, row[0]
        described[kind] = row
        for name in code_words(row[1]):
            assert parse_kind(name) is kind, f"{name!r} is not read as {kind}"
    assert set(described) == set(Kind)


def test_every_stage_and_each_of_its_names(tokens: list[Token]) -> None:
    rows = table_rows(section(tokens, "What it is for"))
    assert {code_words(row[0])[0] for row in rows} == {
        "ladder",
        "step",
        "pattern",
        "protocol",
        "target",
    }
    doc = DOC.read_text(encoding="utf-8")
    start = doc.index("**Stages of muscle relaxation**")
    stages = table_rows(MarkdownIt("commonmark").enable("table").parse(doc[start:]))
    assert [code_words(row[1])[0] for row in stages] == [stage.key for stage in STAGES]
    for row, stage in zip(stages, STAGES, strict=True):
        for name in [*code_words(row[1]), *code_words(row[2])]:
            assert stage_of(name) is stage, f"{name!r} is not read as {stage.key}"


def test_the_limits_are_the_codes(tokens: list[Token]) -> None:
    limits = {row[0]: row[1] for row in table_rows(section(tokens, "Limits"))}
    assert limits == {
        "the file": f"{PLAN_FILE_MAX_BYTES // 1024} KB",
        "`[[homework]]` tables": str(PLAN_MAX_HOMEWORK),
        "a `note`": f"{NOTE_MAX:,} characters (about a page)",
        "a homework's `title`": f"{TITLE_MAX} characters",
        "any other text (`[plan]`'s `title` and `therapist`, a target, an `id`)": (
            f"{PLAN_TEXT_MAX} characters"
        ),
        "`minutes`": f"1 to {MAX_MINUTES}",
        "`times_a_week`": f"1 to {MAX_TIMES_A_WEEK}",
    }
