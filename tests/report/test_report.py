"""The report for the next session: a golden Markdown file, CSV files, and every kind's adapter."""

from __future__ import annotations

import csv
import io
import os
from datetime import date, datetime
from pathlib import Path

import pytest

from homework_tui.model.activity import Kind, State
from homework_tui.report.choices import TextChoices
from homework_tui.report.csv_files import COMMON, tables, write_csv
from homework_tui.report.data import collect, since_last_session
from homework_tui.report.markdown import esc, render
from homework_tui.store import Store
from homework_tui.store.activities import SOURCES, gather
from tests.report.dataset import FIRST, LAST, LONDON, TRICKY, fill

GOLDEN = Path(__file__).parent / "golden"
MADE = datetime(2025, 3, 17, 9, 0, tzinfo=LONDON)


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "data") as opened:
        fill(opened)
        yield opened


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"differs from {path}; UPDATE_GOLDEN=1"


def test_every_kind_becomes_activities(store: Store) -> None:
    found = gather(store)
    kinds = [(a.ref_id, a.kind, a.state) for a in found]
    assert kinds == [
        ("rx-1", Kind.BREATHING, State.DONE),
        ("rx-2", Kind.BREATHING, State.DONE),
        ("ex-1", Kind.EXPOSURE, State.DONE),
        ("tr-1", Kind.THOUGHT_RECORD, State.DONE),
        ("tick-1", Kind.OTHER, State.DONE),
        ("j-1", Kind.JOURNAL, State.DONE),
        ("tr-2", Kind.THOUGHT_RECORD, State.DONE),
        ("exp-1", Kind.EXPERIMENT, State.DONE),  # when the outcome was written
        ("rx-3", Kind.PMR, State.DONE),
        ("ex-2", Kind.EXPOSURE, State.DONE),
        ("rx-4", Kind.BREATHING, State.DONE),
        ("ex-3", Kind.EXPOSURE, State.DONE),
        ("exp-2", Kind.EXPERIMENT, State.WAITING),
        ("tr-3", Kind.THOUGHT_RECORD, State.STARTED),
        ("rx-5", Kind.PMR, State.DONE),
        ("j-2", Kind.JOURNAL, State.DONE),
    ]
    exposure = next(a for a in found if a.ref_id == "ex-1")
    assert "Social situations" in exposure.targets and exposure.group == "Say hello to a neighbour"
    assert exposure.fact("Step SUDS") == "25" and exposure.measure("peak") == 45


def test_trashed_records_are_left_out(store: Store) -> None:
    from homework_tui.model.thought_record import ThoughtRecord
    from homework_tui.store import Repository

    Repository(store, "thought_records", ThoughtRecord).delete("tr-1")
    store.table("relaxation_sessions").update(
        {"_trashed_at": "2025-03-12T00:00:00+00:00"}, doc_ids=["rx-1"]
    )
    ids = {a.ref_id for a in gather(store)}
    assert "tr-1" not in ids and "rx-1" not in ids and "tr-2" in ids


def test_the_markdown_report_matches_the_golden_file(store: Store) -> None:
    steps: list[tuple[int, int]] = []
    data = collect(store, FIRST, LAST, made_at=MADE, progress=lambda d, t: steps.append((d, t)))
    assert steps[-1][0] == steps[-1][1] and len(steps) == len(SOURCES) + 1
    check_golden("report.md", render(data))
    check_golden("report-full.md", render(data, TextChoices.everything()))


def test_the_report_reads_like_a_summary(store: Store) -> None:
    text = render(collect(store, FIRST, LAST, made_at=MADE))
    assert text.startswith("# Homework since Mon 10 March 2025\n")
    # rx-4 was stopped after 4 of 10 minutes: counted, and said to be partly done
    assert "| Resonance breathing, 10 minutes | every day | 3 (1 partly done) | 7 |" in text
    assert "| Thought record | 3 times a week | 2 | 3 |" in text
    assert "They all think I'm incompetent" in text and "anxious 80→45, ashamed 60→30" in text
    assert "### Say hello to a neighbour" in text and "Practised 2 times" in text
    assert "- **What I learned:** People mostly listen; nobody laughed." in text
    assert "| Muscle relaxation (16 groups) | every day | 2 | 7 |" in text  # logged as pmr16
    assert (
        "| Sun 16 March 2025, 08:00 | Muscle relaxation, 16 groups | 20 | anxiety 7 → 2 (of 10) |"
        in text
    )
    assert (
        "5 sessions, 66.5 minutes in all; tension (of 100) went from 65 to 35 on average; "
        "anxiety (of 10) went from 7 to 2 on average."
    ) in text
    assert "- Sun 16 March 2025, 08:00: Counting helped" in text
    assert "- **Evidence against:** Priya asked me about it afterwards.\\\nMy manager" in text
    assert "The meeting went okay" not in text  # journal writing only when chosen
    assert "she was kind" not in text  # exposure notes only when chosen
    full = render(collect(store, FIRST, LAST, made_at=MADE), TextChoices.everything())
    assert "The meeting went okay" in full and "she was kind" in full
    journal = render(collect(store, FIRST, LAST, made_at=MADE), TextChoices(journal_text=True))
    assert "The meeting went okay" in journal and "she was kind" not in journal
    notes = render(collect(store, FIRST, LAST, made_at=MADE), TextChoices(exposure_notes=True))
    assert "The meeting went okay" not in notes and "she was kind" in notes


@pytest.mark.parametrize(
    ("minutes", "words"),
    [
        (1, "1 session, 1 minute in all"),
        (1.5, "1 session, 1.5 minutes in all"),
        (2, "1 session, 2 minutes in all"),
    ],
)
def test_minutes_in_all_read_right(minutes: float, words: str) -> None:
    from homework_tui.report.markdown import relaxation
    from homework_tui.store.activities import relaxation_activity

    session = relaxation_activity(
        {
            "id": "rx",
            "created_at": "2025-03-10T07:00:00+00:00",
            "kind": "breathing",
            "pattern": "box",
            "minutes": minutes,
        }
    )
    assert session is not None
    assert f"{words}." in relaxation((session,), TextChoices())


def test_typed_text_is_escaped_so_it_renders_as_typed() -> None:
    assert esc("[bold]x[/bold] *a* _b_ `c` <d> a|b") == (
        r"\[bold\]x\[/bold\] \*a\* \_b\_ \`c\` \<d\> a\|b"
    )
    assert esc("# not a heading\n- not a list\n3. not a number\n22.5 -5 #tag") == (
        "\\# not a heading\\\n\\- not a list\\\n3\\. not a number\\\n22.5 -5 #tag"
    )


def test_an_empty_period_is_said_plainly(store: Store) -> None:
    text = render(collect(store, date(2025, 1, 1), date(2025, 1, 7), made_at=MADE))
    assert "Nothing was logged in these days;" in text and "## Thought records" not in text


def test_since_last_session(store: Store) -> None:
    assert since_last_session(store, date(2025, 3, 20)) == FIRST


def test_csv_files_open_with_the_right_columns_and_text_survives(
    store: Store, tmp_path: Path
) -> None:
    data = collect(store, FIRST, LAST, made_at=MADE)
    written = write_csv(data, tmp_path / "out", choices=TextChoices.everything())
    names = sorted(p.name for p in written)
    assert names == sorted(["plan.csv", *(f"{s.name}.csv" for s in SOURCES)])
    assert (tmp_path / "out").stat().st_mode & 0o777 == 0o700
    for path in written:
        assert path.stat().st_mode & 0o777 == 0o600
    expected = {
        name: header for name, (header, _) in tables(data, TextChoices.everything()).items()
    }
    for path in written:
        with path.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        assert tuple(rows[0]) == expected[path.name]
    with (tmp_path / "out" / "thought_records.csv").open(newline="", encoding="utf-8") as handle:
        records = list(csv.DictReader(handle))
    assert [r["Id"] for r in records] == ["tr-1", "tr-2", "tr-3"]
    assert records[1]["Situation"] == TRICKY and records[1]["Hot thought"] == TRICKY
    assert records[0]["Moods"] == "anxious 80→45, ashamed 60→30"
    assert records[2]["Status"] == "started" and records[2]["Complete"] == "not yet"
    assert list(records[0])[: len(COMMON)] == list(COMMON)
    with (tmp_path / "out" / "journal.csv").open(newline="", encoding="utf-8") as handle:
        journal = list(csv.DictReader(handle))
    assert journal[1]["Writing"] == TRICKY and journal[1]["Date"] == "2025-03-16"
    with (tmp_path / "out" / "exposures.csv").open(newline="", encoding="utf-8") as handle:
        exposures = list(csv.DictReader(handle))
    assert [(e["Step"], e["Peak"], e["End"]) for e in exposures] == [
        ("Say hello to a neighbour", "45", "20"),
        ("Ask a shop assistant for help", "60", "25"),
        ("Say hello to a neighbour", "30", "10"),
    ]
    plan = list(csv.DictReader(io.StringIO((tmp_path / "out" / "plan.csv").read_text())))
    assert [(p["Homework"], p["Done"], p["Asked for"]) for p in plan] == [
        ("Resonance breathing", "3", "7"),
        ("Thought record", "2", "3"),
        ("Exposure: Social situations", "3", "2"),
        ("Walk, 20 minutes, outside", "1", "2"),
        ("Muscle relaxation (16 groups)", "2", "7"),
    ]
    assert exposures[1]["Notes"] == "Easier than I thought, she was kind.\n---\nAT&amp;T"


@pytest.mark.parametrize(
    ("choices", "writing", "notes"),
    [
        (TextChoices(), False, False),
        (TextChoices(journal_text=True), True, False),
        (TextChoices(exposure_notes=True), False, True),
        (TextChoices.everything(), True, True),
    ],
)
def test_csv_has_journal_writing_and_exposure_notes_only_when_chosen(
    store: Store, choices: TextChoices, writing: bool, notes: bool
) -> None:
    files = tables(collect(store, FIRST, LAST, made_at=MADE), choices)
    journal_header, journal_rows = files["journal.csv"]
    exposure_header, exposure_rows = files["exposures.csv"]
    assert ("Writing" in journal_header) is writing
    assert ("Notes" in exposure_header) is notes
    assert any("The meeting went okay." in v for r in journal_rows for v in r) is writing
    assert any("she was kind" in v for r in exposure_rows for v in r) is notes
    assert all(len(r) == len(journal_header) for r in journal_rows)
    assert all(len(r) == len(exposure_header) for r in exposure_rows)
    records = dict(
        zip(files["thought_records.csv"][0], files["thought_records.csv"][1][0], strict=True)
    )
    assert records["Evidence for"] == "Nobody replied to my idea."  # evidence: always


def _unreadable(store: Store) -> list:
    raise ImportError("homework_tui.model.journal is broken")


def test_a_kind_that_cannot_be_read_fails_loudly_never_drops_from_the_report(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A source that cannot be read (even by an ImportError) must never quietly leave its kind
    out of the therapist's report: the report fails, and the screen says so."""
    broken = [
        source
        if source.name != "journal"
        else type(source)(source.name, source.title, source.kinds, source.columns, _unreadable)
        for source in SOURCES
    ]
    with pytest.raises(ImportError):
        gather(store, broken)
    monkeypatch.setattr("homework_tui.report.data.SOURCES", broken)
    with pytest.raises(ImportError):
        collect(store, FIRST, LAST, made_at=MADE)
