"""The notes for the next session open the report (Markdown and CSV); the safety plan is in only
when chosen. Checked by rendering with markdown-it-py and reading the CSV back."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path

from homework_tui.model.bridge import SessionBridge
from homework_tui.model.safety import CrisisContact, SafetyPlan
from homework_tui.report.choices import NOTHING_OWN, TextChoices
from homework_tui.report.csv_files import tables, to_text
from homework_tui.report.data import ReportData, collect
from homework_tui.report.markdown import render
from homework_tui.store import Singleton, Store
from tests.report.dataset import FIRST, LAST, MARKDOWNISH, TRICKY, fill
from tests.report.test_markdown_render import PARSER, inline_blocks

WRITTEN = datetime(2025, 3, 15, 20, 0, tzinfo=UTC)
BRIDGE = SessionBridge(got_in_the_way=TRICKY, to_raise=MARKDOWNISH, updated_at=WRITTEN)
PLAN = SafetyPlan(
    warning_signs="Not sleeping\n---\nStaying in bed",
    coping="A walk & music",
    reasons_for_living="My sister *Ana*",
    crisis_line=CrisisContact(name="Samaritans", number="116 123"),
    contacts=(CrisisContact(name="Ana [b]", number="+44 7700 900123", note="any time"),),
)


def report_data(
    tmp_path: Path, bridge: SessionBridge | None, plan: SafetyPlan | None
) -> ReportData:
    with Store.open(tmp_path / "data") as store:
        fill(store)
        if bridge is not None:
            Singleton(store, "bridge", SessionBridge, SessionBridge).save(bridge)
        if plan is not None:
            Singleton(store, "safety", SafetyPlan, SafetyPlan).save(plan)
        return collect(store, FIRST, LAST)


def headings(markdown: str, level: str = "h2") -> list[str]:
    tokens = PARSER.parse(markdown)
    return [
        tokens[i + 1].content
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.tag == level
    ]


def csv_rows(data: ReportData, choices: TextChoices, name: str) -> list[list[str]]:
    header, rows = tables(data, choices)[name]
    return list(csv.reader(io.StringIO(to_text(header, rows))))


def test_the_notes_for_the_next_session_open_the_markdown_report(tmp_path: Path) -> None:
    markdown = render(report_data(tmp_path, BRIDGE, None))
    assert headings(markdown)[0] == "For this session"
    blocks = [text for _, text in inline_blocks(markdown)]
    assert "<strong_open>What got in the way:<strong_close> " + TRICKY in blocks
    assert "<strong_open>What I want to raise next session:<strong_close> " + MARKDOWNISH in blocks
    assert "Written on Sat 15 March 2025." in blocks
    assert not [t for t in PARSER.parse(markdown) if t.type == "hr"]


def test_one_note_alone_is_enough_and_none_leaves_the_section_out(tmp_path: Path) -> None:
    only = report_data(tmp_path / "one", SessionBridge(to_raise="Sleep"), None)
    markdown = render(only)
    blocks = [text for _, text in inline_blocks(markdown)]
    assert "<strong_open>What I want to raise next session:<strong_close> Sleep" in blocks
    assert not any("What got in the way" in b for b in blocks)
    empty = render(report_data(tmp_path / "none", None, None))
    assert "For this session" not in headings(empty)
    assert "next-session.csv" not in tables(report_data(tmp_path / "none2", None, None))


def test_the_notes_are_the_first_csv_file_text_as_typed(tmp_path: Path) -> None:
    data = report_data(tmp_path, BRIDGE, None)
    assert next(iter(tables(data))) == "next-session.csv"
    rows = csv_rows(data, NOTHING_OWN, "next-session.csv")
    assert rows == [
        ["Note", "What I wrote", "Written"],
        ["What got in the way", TRICKY, "2025-03-15"],
        ["What I want to raise next session", MARKDOWNISH, "2025-03-15"],
    ]


def test_the_safety_plan_is_left_out_unless_chosen(tmp_path: Path) -> None:
    data = report_data(tmp_path, None, PLAN)
    for choices in (NOTHING_OWN, TextChoices.everything()):
        markdown = render(data, choices)
        assert "My safety plan" not in headings(markdown)
        assert "Samaritans" not in markdown and "Staying in bed" not in markdown
        assert "safety-plan.csv" not in tables(data, choices)


def test_a_chosen_safety_plan_has_all_seven_steps_in_order_as_typed(tmp_path: Path) -> None:
    data = report_data(tmp_path, None, PLAN)
    markdown = render(data, TextChoices(safety_plan=True))
    assert headings(markdown)[-1] == "My safety plan"
    assert headings(markdown, "h3")[-7:] == [
        "1. Warning signs",
        "2. Things I can do on my own",
        "3. People and places that take my mind off things",
        "4. People I can ask for help",
        "5. Professionals and crisis lines",
        "6. Making my surroundings safer",
        "7. My reasons for living",
    ]
    blocks = [text for _, text in inline_blocks(markdown)]
    assert "Not sleeping\n---\nStaying in bed" in blocks
    assert "A walk & music" in blocks and "My sister *Ana*" in blocks
    assert "Crisis line: Samaritans, 116 123" in blocks
    assert "Ana [b], +44 7700 900123 (any time)" in blocks
    assert blocks.count("(not written yet)") == 3  # steps 3, 4 and 6
    assert not [t for t in PARSER.parse(markdown) if t.type == "hr"]
    rows = csv_rows(data, TextChoices(safety_plan=True), "safety-plan.csv")
    assert rows[0] == ["Step", "What I wrote"]
    assert ["1. Warning signs", "Not sleeping\n---\nStaying in bed"] in rows
    assert ["5. Professionals and crisis lines", "Ana [b], +44 7700 900123 (any time)"] in rows
    assert ["6. Making my surroundings safer", ""] in rows
