"""Scenario 3 read as a therapist would, on a client's stored data (tests/data/client-store, made
by tests/data/client.py): the real `homework-tui export`, rendered with markdown-it-py, checked
point by point against issue 15. Old exposures in the file were stored before the feared-outcome
fields existed; they load unchanged and are judged by the half-drop rule."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.data.client import FIRST, LAST, STORE

SCRIPT = Path(sys.executable).with_name("homework-tui")


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the client's store (the tests never write into the repository)."""
    root = tmp_path_factory.mktemp("client")
    shutil.copytree(STORE, root / "data", ignore=shutil.ignore_patterns("*.lock"))
    return root


def export(home: Path, *switches: str) -> str:
    env = {
        **os.environ,
        "HOMEWORK_TUI_DATA_DIR": str(home / "data"),
        "HOMEWORK_TUI_CONFIG_DIR": str(home / "config"),
        "HOMEWORK_TUI_CACHE_DIR": str(home / "cache"),
    }
    done = subprocess.run(
        [str(SCRIPT), "export", "--format", "markdown", "--since", FIRST.isoformat()]
        + ["--until", LAST.isoformat(), *switches],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return done.stdout


def shown(markdown: str) -> str:
    """The report as a reader sees it: the text of every rendered block, one per line."""
    lines = []
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        if token.type == "inline":
            children = token.children or ()
            lines.append(
                "".join(
                    "\n" if c.type in ("hardbreak", "softbreak") else c.content for c in children
                )
            )
    return "\n".join(lines)


@pytest.fixture(scope="module")
def report(home: Path) -> str:
    return export(home)


def test_the_notes_for_the_session_open_the_report(report: str) -> None:
    """Point 5: what got in the way and what to raise come first."""
    assert report.index("## For this session") < report.index("## At a glance")
    text = shown(report)
    assert "What got in the way: Work was busy on Wednesday & Thursday." in text
    assert "What I want to raise next session: Whether to move up to phoning the dentist." in text


def test_muscle_relaxation_homework_is_counted_by_every_name_and_part_sessions_say_so(
    report: str,
) -> None:
    """Point 1 (plan "16 groups" / "cue-controlled", logged pmr16 / cue); a session stopped with
    12 parts skipped is counted and said to be partly done."""
    assert "| Muscle relaxation (16 groups) | every day | 6 (1 partly done) | 14 |" in report
    assert "| Muscle relaxation (cue-controlled) | 2 times a week | 1 | 4 |" in report
    assert "| Box breathing, 5 minutes | every day | 1 (1 partly done) | 14 |" in report
    assert "Muscle relaxation, 16 groups (12 parts skipped)" in report


def test_ratings_show_their_scale_and_the_relaxation_note(report: str) -> None:
    """Points 2 and 4: 0-10 anxiety ratings are shown with their scale; the note is there."""
    assert "| Cue-controlled relaxation | 5 | anxiety 7 → 2 (of 10) |" in report
    assert "tension 70 → 35 (of 100)" in report
    assert "Counting helped" in report


def test_evidence_by_default_journal_and_exposure_notes_only_when_asked(home: Path) -> None:
    """Point 3, each on its own switch; the safety plan only when asked (point 10)."""
    plain = shown(export(home))
    assert "Evidence against: Priya asked me about it afterwards." in plain
    assert "This is private" not in plain and "Hung up early" not in plain
    assert "Samaritans" not in plain
    journal = shown(export(home, "--journal-text"))
    assert "This is private: only for me." in journal and "Hung up early" not in journal
    notes = shown(export(home, "--exposure-notes"))
    assert "Hung up early, after the first question." in notes and "This is private" not in notes
    safety = shown(export(home, "--safety-plan"))
    assert "Samaritans" in safety and "116 123" in safety


def test_typed_text_reads_as_typed(report: str) -> None:
    """Point 6: `&amp;`, lines of `---` and `===`, and markup come out as typed."""
    text = shown(report)
    assert "Called AT&amp;T & the bank\n---\nit went fine\n===\n1. not a list" in text
    assert "Phoned the bank about a charge [bold]twice[/]" in text


def test_the_ladder_as_a_therapist_needs_it(report: str) -> None:
    """Points 4, 7 and 8: mastered and next step, the expectancy each exposure tested, and the
    exposures that do not count, each with its reason in words."""
    text = shown(report)
    assert "Mastered steps: Say hello to a neighbour (SUDS 25)" in text
    assert "Next step: Ask a shop assistant for help (SUDS 35)" in text
    # the old exposures: their numbers kept, judged by the half-drop rule
    assert "yes (judged by the half-drop rule: no feared outcome written)" in text
    assert (
        "no: distress didn't fall by half (judged by the half-drop rule: no feared outcome written)"
    ) in text
    # "predicted 100, peak 90, end 90" no longer counts as expectancy
    assert "| Tue 3 November 2026 | 100 | 70 | 90 | 90 | 0% |" in report
    assert (
        "feared “They'll ignore me” (likelihood 70 of 100); did it happen: no; surprise 60 of "
        "100; learned: She said hello back and asked about my week."
    ) in text
    assert "no: used a safety behaviour (avoided eye contact)" in text
    assert "| Mon 9 November 2026 ⚑ | – | – | 55 | 50 | 9% | 0.2 |" in report  # ten seconds
    assert "shorter than 5 minutes" in text
    assert "yes, by their own account" in text and "what you feared happened" in text
    assert "did it happen: partly; surprise 70 of 100" in text


def test_thought_records_and_experiments(report: str) -> None:
    """Points 4 and 9: a mood named at the re-rating, every alternative thought with its own
    belief (one not rated yet: the record is not finished), the alternative belief re-rated."""
    text = shown(report)
    assert "Moods: anxious 80→45, hopeless 80→40, relieved (new) 40" in text
    assert (
        "Other alternative thoughts: One meeting is not my whole career (belief 45); I can "
        "raise it again by email (belief not rated yet)"
    ) in text
    assert "Tue 3 November 2026, 21:10 (not finished yet)" in text
    assert "Alternative belief: People are mostly interested in what I ask (believed 20 → 65)" in (
        text
    )


def test_the_plan_turns_the_relax_suggestion_off(home: Path) -> None:
    """Point 12, as `plan show` says it."""
    env = {**os.environ, "HOMEWORK_TUI_DATA_DIR": str(home / "data")}
    done = subprocess.run(
        [str(SCRIPT), "plan", "show"], env=env, capture_output=True, text=True, timeout=60
    )
    assert "Today does not suggest Relax (your therapist's plan turns it off)." in done.stdout
