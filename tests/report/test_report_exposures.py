"""The report's exposures per ladder and the experiments' alternative belief (issue 15, point 4),
and the thought records' new moods and belief rating (point 9), read as a therapist reads them:
the Markdown rendered with markdown-it-py, and the CSV columns."""

from __future__ import annotations

import csv
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from homework_tui.model.activity import Kind
from homework_tui.model.exposure import Exposure, Ladder, Step
from homework_tui.model.plan import Assignment
from homework_tui.report.choices import NOTHING_OWN, TextChoices
from homework_tui.report.csv_files import write_csv
from homework_tui.report.data import collect
from homework_tui.report.markdown import render
from homework_tui.store import Repository, Store
from homework_tui.store.activities import EXPOSURES_TABLE, LADDERS_TABLE, PLAN_TABLE
from tests.report.dataset import FIRST, LAST, LONDON, at, fill, stamp

PARSER = MarkdownIt("commonmark").enable(["table"])
MADE = datetime(2025, 3, 17, 9, 0, tzinfo=LONDON)


def inline_text(token: Token) -> str:
    return "".join(
        c.content
        if c.type in ("text", "text_special")
        else "\n"
        if c.type in ("softbreak", "hardbreak")
        else ""
        for c in token.children or []
    )


def rendered(markdown: str) -> tuple[list[str], list[str], list[list[str]]]:
    """(headings, paragraphs and list items, table rows as cells) as a reader sees them."""
    tokens = PARSER.parse(markdown)
    headings, texts, rows = [], [], []
    row: list[str] = []
    for index, token in enumerate(tokens):
        if token.type != "inline":
            if token.type == "tr_open":
                row = []
            elif token.type == "tr_close":
                rows.append(row)
            continue
        opener = tokens[index - 1].type
        if opener == "heading_open":
            headings.append(inline_text(token))
        elif opener in ("td_open", "th_open"):
            row.append(inline_text(token))
        else:
            texts.append(inline_text(token))
    return headings, texts, rows


def report(store: Store, choices: TextChoices = NOTHING_OWN) -> str:
    return render(collect(store, FIRST, LAST, made_at=MADE), choices)


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "data") as opened:
        fill(opened)
        yield opened


def exposures_part(headings: list[str]) -> list[str]:
    start = headings.index("Exposures")
    end = (
        headings.index("Behavioural experiments")
        if "Behavioural experiments" in headings
        else len(headings)
    )
    return headings[start:end]


def test_exposures_are_shown_per_ladder_with_mastered_and_next_steps(store: Store) -> None:
    headings, texts, rows = rendered(report(store))
    assert exposures_part(headings) == [
        "Exposures",
        "Ladder: Social situations",
        "Say hello to a neighbour",
        "Ask a shop assistant for help",
    ]
    # The first hello ended 5 minutes before the plan's 20 and the shop visit used a safety
    # behaviour: neither counts (issue 15, point 8), so nothing is mastered yet.
    assert "Mastered steps: none yet" in texts
    assert "Next step: Say hello to a neighbour (SUDS 25)" in texts
    assert (
        "Mastery rule: An exposure counts when your distress at the end fell to half the "
        "peak or lower, or to 20 or lower. A step is mastered when that has happened 2 "
        "times in its last 4 exposures. An exposure that used a safety behaviour, was left "
        "early or lasted less than 5 minutes does not count."
    ) in texts
    assert (
        "Practised 2 times in these days (step SUDS 25). Not mastered yet: 1 of its last 2 "
        "exposures counts towards it (2 needed). From the first time to the last, the peak "
        "went from 45 to 30 and the end from 20 to 10."
    ) in texts
    assert (
        "Practised once in these days (step SUDS 35). Not mastered yet: its one exposure so "
        "far does not count towards it (2 needed)."
    ) in texts
    header = [
        "Date",
        "Predicted",
        "Before",
        "Peak",
        "End",
        "Drop",
        "Minutes",
        "Safety behaviours",
        "Ended early",
        "Counts",
    ]
    assert rows.count(header) == 2
    by_date = {
        r[0]: dict(zip(header, r, strict=True))
        for r in rows
        if "March" in r[0] and len(r) == len(header)
    }
    early = by_date["Tue 11 March 2025 ⚑"]  # 15 minutes of the plan's 20
    assert (early["Peak"], early["End"], early["Drop"]) == ("45", "20", "56%")
    assert early["Ended early"] == "yes, after 15 of 20 minutes"
    assert early["Safety behaviours"] == "–"
    assert early["Counts"] == "no: left early (planned 20 minutes)"
    safety = by_date["Fri 14 March 2025 ⚑"]
    assert safety["Safety behaviours"] == "kept my phone out" and safety["Ended early"] == "–"
    assert safety["Counts"] == "no: used a safety behaviour (kept my phone out)"
    plain = by_date["Sat 15 March 2025"]  # no end time: its length is not known, so not marked
    assert (plain["Drop"], plain["Minutes"], plain["Ended early"]) == ("67%", "–", "–")
    assert plain["Counts"] == "yes"
    assert (
        "⚑ marks an exposure with safety behaviours, or one left early (by their own account, "
        "or before the minutes the plan asked for)."
    ) in texts
    # the expectancy it tested, typed text as typed (`*again*`, `&`, a `---` line)
    assert "What was feared, and what happened:" in texts
    assert (
        "Sat 15 March 2025: feared “They'll look away *again*” (likelihood 70 of 100); did it "
        "happen: no; surprise 60 of 100; learned: She said hello back & asked about my day ---"
    ) in texts


def test_the_experiment_shows_the_alternative_belief_and_its_re_rating(store: Store) -> None:
    _, texts, _ = rendered(report(store))
    assert (
        "Alternative belief: People are mostly interested in what I say (believed 20 → 60)" in texts
    )
    assert "Belief tested: If I speak up, people will laugh (believed 80 → 30)" in texts


def test_csv_columns_carry_the_drop_the_plan_minutes_and_the_alternative(
    store: Store, tmp_path: Path
) -> None:
    folder = tmp_path / "csv"
    write_csv(collect(store, FIRST, LAST, made_at=MADE), folder)
    with (folder / "exposures.csv").open(newline="", encoding="utf-8") as handle:
        exposures = list(csv.DictReader(handle))
    assert list(exposures[0])[5:] == [
        "Ladder",
        "Step",
        "Step SUDS",
        "Predicted",
        "Before",
        "Peak",
        "End",
        "Drop (%)",
        "Minutes",
        "Planned minutes",
        "Ended early",
        "Left early (said)",
        "Safety behaviours",
        "Feared outcome",
        "Likelihood",
        "Happened",
        "Surprise",
        "Learned",
        "Counts",
        "Not counted because",
        "Judged",
    ]
    assert [
        (e["Id"], e["Drop (%)"], e["Minutes"], e["Planned minutes"], e["Ended early"])
        for e in exposures
    ] == [
        ("ex-1", "56", "15", "20", "yes"),
        ("ex-2", "58", "25", "20", ""),
        ("ex-3", "67", "", "20", ""),
    ]
    assert [(e["Counts"], e["Not counted because"]) for e in exposures] == [
        ("no", "left early (planned 20 minutes)"),
        ("no", "used a safety behaviour (kept my phone out)"),
        ("yes", ""),
    ]
    third = exposures[2]
    assert (third["Feared outcome"], third["Likelihood"], third["Happened"]) == (
        "They'll look away *again*",
        "70",
        "no",
    )
    assert third["Surprise"] == "60"
    assert third["Learned"] == "She said hello back & asked about my day\n---"
    with (folder / "experiments.csv").open(newline="", encoding="utf-8") as handle:
        experiments = list(csv.DictReader(handle))
    assert [
        (e["Alternative belief"], e["Alternative before"], e["Alternative after"])
        for e in experiments
    ] == [("People are mostly interested in what I say", "20", "60"), ("", "", "")]


def test_a_ladder_all_mastered_a_typed_name_and_a_ladder_no_longer_there(tmp_path: Path) -> None:
    low = Step(id="low", description="Look at a *photo* of a dog", suds=20)
    high = Step(id="high", description="Stand near a dog", suds=40)
    gone = Step(id="gone-step", description="Pat a dog", suds=60)
    with Store.open(tmp_path / "data") as store:
        Repository(store, LADDERS_TABLE, Ladder).add(
            Ladder(id="dogs", name="Dogs | #1 [ladder]", steps=(low, high), **stamp(9, 9))
        )
        exposures = Repository(store, EXPOSURES_TABLE, Exposure)
        start = at(10, 9)
        for n, step in enumerate((low, low, low, high, high, high)):
            when = start + timedelta(days=n)
            exposures.add(
                Exposure(
                    ladder_id="dogs",
                    step_id=step.id,
                    step_description=step.description,
                    started_at=when,
                    ended_at=when + timedelta(minutes=30),
                    peak=60,
                    end=20,
                )
            )
        exposures.add(
            Exposure(
                ladder_id="deleted-ladder",
                step_id=gone.id,
                step_description=gone.description,
                started_at=at(16, 9),
                peak=70,
                end=30,
                safety_behaviours=("held the lead",),
            )
        )
        Repository(store, PLAN_TABLE, Assignment).add(
            Assignment(
                kind=Kind.EXPOSURE, target="Dogs | #1 [ladder]", minutes=10, start=date(2025, 3, 1)
            )
        )
        headings, texts, rows = rendered(report(store))
    assert exposures_part(headings) == [
        "Exposures",
        "Ladder: Dogs | #1 [ladder]",
        "Look at a *photo* of a dog",
        "Stand near a dog",
        "Other exposures",
        "Pat a dog",
    ]
    assert (
        "Mastered steps: Look at a *photo* of a dog (SUDS 20), Stand near a dog (SUDS 40)" in texts
    )
    assert "Next step: none: every step is mastered" in texts
    flagged = [r for r in rows if r[0].endswith("⚑")]
    assert flagged == [
        [
            "Sun 16 March 2025 ⚑",
            *("–", "–", "70", "30", "57%", "–", "held the lead", "–"),
            "no: used a safety behaviour (held the lead)",
        ]
    ]  # 30 minutes of 10 planned: not early


def test_a_thought_records_new_mood_and_a_belief_not_rated_yet(tmp_path: Path) -> None:
    from homework_tui.model.thought_record import Mood, ThoughtRecord
    from homework_tui.store.activities import THOUGHT_RECORDS_TABLE

    with Store.open(tmp_path / "data") as store:
        Repository(store, THOUGHT_RECORDS_TABLE, ThoughtRecord).add(
            ThoughtRecord(
                id="tr",
                **stamp(12, 20),
                situation="Lunch in the staff room",
                moods=(
                    Mood(name="anxious", before=70, after=40),
                    Mood(name="relieved", after=50, added_later=True),
                ),
                balanced_thought="Most people were talking about the weekend.",
            )
        )
        _, texts, _ = rendered(report(store))
        write_csv(collect(store, FIRST, LAST, made_at=MADE), tmp_path / "csv")
    assert "Moods: anxious 70→40, relieved (new) 50" in texts
    assert (
        "Balanced thought: Most people were talking about the weekend. (belief not rated yet)"
    ) in texts
    with (tmp_path / "csv" / "thought_records.csv").open(newline="", encoding="utf-8") as handle:
        (row,) = list(csv.DictReader(handle))
    assert (row["Moods"], row["Belief in balanced thought"], row["Complete"]) == (
        "anxious 70→40, relieved (new) 50",
        "",
        "not yet",
    )


def test_a_lapsed_step_the_half_drop_fallback_and_a_self_reported_early_exit(
    tmp_path: Path,
) -> None:
    from homework_tui.model.exposure import Happened
    from homework_tui.model.exposure.mastery import ExposureSettings, MasteryKind, MasteryRule
    from homework_tui.store import Singleton
    from homework_tui.store.activities import EXPOSURE_SETTINGS_TABLE

    step = Step(id="call", description="Phone the GP", suds=50)
    with Store.open(tmp_path / "data") as store:
        Repository(store, LADDERS_TABLE, Ladder).add(
            Ladder(id="phone", name="Phone calls", steps=(step,), **stamp(9, 9))
        )
        Singleton(store, EXPOSURE_SETTINGS_TABLE, ExposureSettings, ExposureSettings).save(
            ExposureSettings(rule=MasteryRule(kind=MasteryKind.EXPECTANCY, repeats=2))
        )
        exposures = Repository(store, EXPOSURES_TABLE, Exposure)
        kinds = [
            {},  # old style: no feared outcome, 60 → 20 fell by half
            {"feared_outcome": "I'll stumble over words", "outcome": Happened.NO},
            {"feared_outcome": "they'll hang up", "outcome": Happened.YES},
            {"feared_outcome": "I'll freeze", "outcome": Happened.PARTLY, "surprise": 20},
            {"feared_outcome": "I'll freeze", "outcome": Happened.NO, "left_early": True},
        ]
        for n, extra in enumerate(kinds):
            when = at(10 + n, 9)
            exposures.add(
                Exposure(
                    id=f"call-{n}",
                    ladder_id="phone",
                    step_id="call",
                    step_description=step.description,
                    started_at=when,
                    ended_at=when + timedelta(minutes=20),
                    peak=60,
                    end=20,
                    **extra,  # type: ignore[arg-type]
                )
            )
        headings, texts, rows = rendered(report(store))
    assert "Mastered steps: none yet" in texts
    assert any("It was mastered before; practising again." in t for t in texts)
    counts = [r[-1] for r in rows if "March" in r[0]]
    assert counts == [
        "yes (judged by the half-drop rule: no feared outcome written)",
        "yes",
        "no: what you feared happened",
        "no: what you feared partly happened, and it wasn't far less bad than expected",
        "no: left early",
    ]
    assert [r[8] for r in rows if "March" in r[0]][-1] == "yes, by their own account"
    assert (
        "Thu 13 March 2025: feared “I'll freeze”; did it happen: partly; surprise 20 of 100"
        in texts
    )
