"""PHQ-9 and GAD-7: wording, scoring against the published bands, the safety item, the trend,
and results kept in a real TinyDB file (two on the same day both kept)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from homework_tui.model.activity import Kind, parse_kind
from homework_tui.model.base import ValidationError
from homework_tui.model.measures import (
    GAD7,
    PHQ9,
    MeasureResult,
    Scale,
    baseline,
    change_since,
    parse_answers,
    parse_scale,
)
from homework_tui.model.measures.trend import trend_lines
from homework_tui.model.plan import Assignment
from homework_tui.store import Repository, Store
from homework_tui.store.activities import gather
from homework_tui.store.measures import plan_start, results, save_result

TZ = timezone(timedelta(hours=1))

# The published bands, written out independently of the model.
PHQ9_BANDS = [(0, 4, "minimal"), (5, 9, "mild"), (10, 14, "moderate")]
PHQ9_BANDS += [(15, 19, "moderately severe"), (20, 27, "severe")]
GAD7_BANDS = [(0, 4, "minimal"), (5, 9, "mild"), (10, 14, "moderate"), (15, 21, "severe")]


def published(total: int, bands: list[tuple[int, int, str]]) -> str:
    return next(name for low, high, name in bands if low <= total <= high)


@given(st.lists(st.integers(0, 3), min_size=9, max_size=9))
def test_phq9_every_answer_pattern_scores_to_its_published_band(answers: list[int]) -> None:
    result = MeasureResult(scale=Scale.PHQ9, answers=tuple(answers))
    assert result.total == sum(answers)
    assert result.band.name == published(sum(answers), PHQ9_BANDS)
    assert result.needs_help_line is (answers[8] > 0)


@given(st.lists(st.integers(0, 3), min_size=7, max_size=7))
def test_gad7_every_answer_pattern_scores_to_its_published_band(answers: list[int]) -> None:
    result = MeasureResult(scale=Scale.GAD7, answers=tuple(answers))
    assert result.total == sum(answers)
    assert result.band.name == published(sum(answers), GAD7_BANDS)
    assert not result.needs_help_line


def test_bands_cover_every_total_once() -> None:
    for form, top in ((PHQ9, 27), (GAD7, 21)):
        assert form.max_total == top
        for total in range(top + 1):
            assert sum(b.holds(total) for b in form.bands) == 1


def test_exact_wording_frame_and_codes() -> None:
    assert PHQ9.frame.startswith("Over the last 2 weeks, how often have you been bothered by")
    assert PHQ9.items[0] == "Little interest or pleasure in doing things"
    assert PHQ9.items[8].startswith("Thoughts that you would be better off dead")
    assert GAD7.items[1] == "Not being able to stop or control worrying"
    assert PHQ9.item_codes[8] == "44260-8" and GAD7.item_codes[5] == "69689-8"
    assert (PHQ9.panel_code, PHQ9.total_code) == ("44249-1", "44261-6")
    assert (GAD7.panel_code, GAD7.total_code) == ("69737-5", "70274-6")


@pytest.mark.parametrize("text", ["phq9", "PHQ-9", "phq-9", "PHQ9"])
def test_scale_and_plan_kind_names(text: str) -> None:
    assert parse_scale(text) is Scale.PHQ9
    assert parse_kind(text) is Kind.PHQ9
    assert parse_kind(text.replace("phq", "gad").replace("PHQ", "GAD").replace("9", "7")) is (
        Kind.GAD7
    )


def test_parse_answers() -> None:
    assert parse_answers(Scale.PHQ9, "2,2,2,1,1,2,1,1,0") == (2, 2, 2, 1, 1, 2, 1, 1, 0)
    assert parse_answers(Scale.GAD7, "0 1 2 3 0 1 2") == (0, 1, 2, 3, 0, 1, 2)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2,2,2", "PHQ-9 has 9 answers, each 0 to 3; 3 were given."),
        ("2,2,2,1,1,2,1,1,4", "Answer 9 is “4”; each answer is 0, 1, 2 or 3."),
        ("2,2,x,1,1,2,1,1,0", "Answer 3 is “x”"),
        ("2,2,-1,1,1,2,1,1,0", "Answer 3 is “-1”"),
    ],
)
def test_bad_answers_are_one_clear_line(text: str, words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_answers(Scale.PHQ9, text)
    assert words in caught.value.message and "\n" not in caught.value.message


def test_result_refuses_out_of_range() -> None:
    with pytest.raises(ValidationError):
        MeasureResult(scale=Scale.GAD7, answers=(0, 0, 0, 0, 0, 0, 9))
    with pytest.raises(ValidationError):
        MeasureResult(scale=Scale.GAD7, answers=(0, 0, 0))


def _at(day: int, hour: int = 19) -> datetime:
    return datetime(2025, 3, day, hour, 0, tzinfo=TZ)


def test_change_since_the_plan_started_and_trend() -> None:
    first = MeasureResult(scale=Scale.PHQ9, answers=(2,) * 9, created_at=_at(3))  # 18
    later = MeasureResult(scale=Scale.PHQ9, answers=(1,) * 9, created_at=_at(10))  # 9
    latest = MeasureResult(scale=Scale.PHQ9, answers=(1,) * 8 + (0,), created_at=_at(17))  # 8
    every = [latest, first, later]
    assert baseline(every, date(2025, 3, 3)) == first
    assert change_since(latest, every, date(2025, 3, 3)) == -10
    assert change_since(first, every, date(2025, 3, 3)) is None
    assert baseline(every, date(2025, 3, 12)) == later
    lines = trend_lines(every, plan_start=date(2025, 3, 3))
    assert lines[0].startswith("Mon 03 Mar 19:00") and lines[0].endswith("18 moderately severe")
    assert lines[2].endswith(" 8 mild")
    assert lines[-1] == "Change since the plan started: down 10 (lower is better)."
    assert lines[0].count("█") == 18 and lines[2].count("█") == 8


def test_two_results_on_one_day_are_both_kept_in_a_real_file(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        Repository(store, "plan", Assignment).add(
            Assignment(kind=Kind.PHQ9, start=date(2025, 3, 3))
        )
        save_result(store, MeasureResult(scale=Scale.PHQ9, answers=(2,) * 9, created_at=_at(3, 9)))
        save_result(store, MeasureResult(scale=Scale.PHQ9, answers=(1,) * 9, created_at=_at(3, 20)))
        save_result(store, MeasureResult(scale=Scale.GAD7, answers=(3,) * 7, created_at=_at(4)))
    with Store.open(tmp_path, read_only=True) as store:
        kept = results(store, Scale.PHQ9)
        assert [r.total for r in kept] == [18, 9]
        assert plan_start(store, Scale.PHQ9) == date(2025, 3, 3)
        done = [a for a in gather(store) if a.kind in (Kind.PHQ9, Kind.GAD7)]
    assert [a.title for a in done] == [
        "PHQ-9: 18 of 27, moderately severe",
        "PHQ-9: 9 of 27, mild",
        "GAD-7: 21 of 21, severe",
    ]
    assert done[1].fact("Change since plan started") == "down 9"
    assert done[0].fact("PHQ-9 item 9") == "2"
    assert done[2].fact("PHQ-9 item 9") == ""


def test_gad7_every_one_of_the_16384_answer_patterns() -> None:
    from itertools import product

    for answers in product(range(4), repeat=7):
        result = MeasureResult(scale=Scale.GAD7, answers=answers)
        assert result.band.name == published(sum(answers), GAD7_BANDS)
