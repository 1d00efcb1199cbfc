"""The muscle relaxation progression rule on generated session histories: when the last sessions at
the current stage all end at low tension and the stage has been practised for about a week (on
enough different days, far enough apart) the next stage is suggested, in order; otherwise not."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from homework_tui.model.base import ValidationError
from homework_tui.model.progression import (
    STAGES,
    PmrRecord,
    ProgressionPrefs,
    ProgressionRule,
    current_stage,
    next_stage,
    pmr_record,
    pmr_records,
    progress,
    suggest,
)
from homework_tui.model.relaxation import RelaxationSession, RelaxChoice, session_log
from tests.hypothesis_profiles import examples

START = datetime(2024, 3, 1, 19, 0, tzinfo=timezone.utc)

stages = st.sampled_from(STAGES)
tensions = st.one_of(st.none(), st.integers(0, 100))
records = st.builds(
    lambda i, stage, done, after: PmrRecord(stage, START + timedelta(hours=i), done, after),
    st.integers(0, 10_000),
    stages,
    st.booleans(),
    tensions,
)
histories = st.lists(records, max_size=40)
rules = st.builds(
    ProgressionRule,
    count=st.integers(1, 8),
    threshold=st.integers(0, 100),
    days=st.integers(1, 8),
    span=st.integers(0, 10),
)
EVERY = 2  # days between the sessions of `run`: five of them span eight days


def at(i: int) -> datetime:
    return START + timedelta(days=i * EVERY)


def run(
    stage: str, afters: list[int | None], *, start: int = 0, completed: bool = True
) -> list[PmrRecord]:
    return [PmrRecord(stage, at(start + i), completed, a) for i, a in enumerate(afters)]


def expected_ready(history: list[PmrRecord], rule: ProgressionRule) -> bool:
    """The rule, written out the long way."""
    done = [r for r in history if r.completed]
    if not done:
        return False
    stage = STAGES[max(STAGES.index(r.stage) for r in done)]
    if stage == STAGES[-1]:
        return False
    rated = sorted(
        (r for r in done if r.stage == stage and r.tension_after is not None), key=lambda r: r.at
    )
    last = rated[-rule.count :]
    calm = len(last) == rule.count and all(
        r.tension_after is not None and r.tension_after <= rule.threshold for r in last
    )
    dates = [r.at.date() for r in done if r.stage == stage]
    week = len(set(dates)) >= rule.days and (max(dates) - min(dates)).days >= rule.span
    return calm and week


@settings(max_examples=examples(300))
@given(histories, rules)
def test_a_suggestion_exactly_when_the_rule_holds(
    history: list[PmrRecord], rule: ProgressionRule
) -> None:
    found = suggest(history, rule)
    assert (found is not None) == expected_ready(history, rule)
    if found is not None:
        assert found.current == current_stage(history)
        assert STAGES.index(found.next) == STAGES.index(found.current) + 1
        assert found.sessions == rule.count
        assert found.current in found.message or "relaxation" in found.message


@settings(max_examples=examples(150))
@given(histories, rules)
def test_switched_off_there_is_never_a_suggestion(
    history: list[PmrRecord], rule: ProgressionRule
) -> None:
    assert suggest(history, rule, enabled=False) is None


@settings(max_examples=examples(150))
@given(histories)
def test_incomplete_sessions_change_nothing(history: list[PmrRecord]) -> None:
    done = [r for r in history if r.completed]
    assert suggest(history) == suggest(done)
    assert current_stage(history) == current_stage(done)


@settings(max_examples=examples(100))
@given(st.lists(st.integers(0, 30), min_size=5, max_size=12), st.sampled_from(STAGES[:-1]))
def test_low_tension_at_every_session_moves_one_stage_on(afters: list[int], stage: str) -> None:
    history = run("pmr16", [90, 80]) + run(stage, list(afters), start=10)
    found = suggest(history)
    assert found is not None and (found.current, found.next) == (stage, next_stage(stage))


@settings(max_examples=examples(100))
@given(st.lists(st.integers(0, 100), min_size=1, max_size=30), st.integers(1, 8))
def test_application_training_is_the_last_stage(afters: list[int], count: int) -> None:
    history = run("pmr16", [10] * 6) + run("application", list(afters), start=10)
    assert suggest(history, ProgressionRule(count=count)) is None
    found = progress(history)
    assert (
        found is not None
        and found.current == "application"
        and found.next is None
        and not found.ready
    )


@settings(max_examples=examples(150))
@given(
    st.lists(st.tuples(st.integers(0, 30), st.integers(0, 23 * 60 + 59)), min_size=5, max_size=30),
    st.sampled_from(STAGES[:-1]),
)
def test_any_number_of_calm_sessions_in_one_day_is_not_a_week(
    sessions: list[tuple[int, int]], stage: str
) -> None:
    day = datetime(2024, 3, 4, tzinfo=timezone.utc)
    history = [PmrRecord(stage, day + timedelta(minutes=m), True, a) for a, m in sessions]
    found = progress(history)
    assert found is not None and found.calm and (found.days, found.span) == (1, 0)
    assert suggest(history) is None


@settings(max_examples=examples(150))
@given(
    st.sets(st.integers(0, 30), min_size=1, max_size=31),
    st.integers(1, 3),
    st.sampled_from(STAGES[:-1]),
)
def test_calm_sessions_are_suggested_only_after_about_a_week(
    days: set[int], per_day: int, stage: str
) -> None:
    """Low tension every time, `per_day` sessions on each of `days` (days from the first): ready
    exactly when they fall on at least 5 days, the first and the last at least 6 days apart."""
    history = [
        PmrRecord(stage, START + timedelta(days=d, hours=h), True, 10)
        for d in sorted(days)
        for h in range(per_day)
    ]
    week = len(days) >= 5 and max(days) - min(days) >= 6
    assert (suggest(history) is not None) == week


def test_a_week_at_a_stage_is_five_days_six_days_apart() -> None:
    def on(days: list[int]) -> list[PmrRecord]:
        return [PmrRecord("pmr16", START + timedelta(days=d), True, 10) for d in days]

    assert suggest(on([0, 1, 2, 3, 6])) is not None  # Friday to Thursday with two days off
    assert suggest(on([0, 1, 2, 3, 5])) is None  # five days, but only five apart
    assert suggest(on([0, 1, 6, 7])) is None  # a week apart, but four days of practice
    # Two sessions a day, morning and evening, on five days of a week.
    assert (
        suggest(
            [
                r
                for d in (0, 2, 3, 5, 6)
                for r in on([d])
                + [PmrRecord("pmr16", START + timedelta(days=d, hours=3), True, 10)]
            ]
        )
        is not None
    )
    # Unrated sessions count as days of practice (and not for the calm part).
    assert (
        suggest(on([0, 0, 1, 2, 6]) + [PmrRecord("pmr16", START + timedelta(days=4), True, None)])
        is not None
    )
    assert suggest(on([0, 0, 1, 2, 6])) is None
    # Stopped sessions do not count as practice.
    assert (
        suggest(on([0, 1, 2, 3]) + [PmrRecord("pmr16", START + timedelta(days=6), False, 10)])
        is None
    )
    found = progress(on([0, 1, 2, 3, 5]))
    assert (
        found is not None
        and found.calm
        and not found.long_enough
        and (found.days, found.span) == (5, 5)
    )


def test_fewer_than_five_is_not_enough_yet() -> None:
    assert suggest(run("pmr16", [10, 20, 15, 5])) is None
    found = progress(run("pmr16", [10, 20, 15, 5]))
    assert found is not None and (found.low, found.considered) == (4, 4)
    assert suggest(run("pmr16", [10, 20, 15, 5, 30])) is not None  # 30 itself is low enough


def test_one_higher_session_among_the_last_five_waits() -> None:
    assert suggest(run("pmr16", [10, 20, 45, 5, 10])) is None
    # ... and once five in a row are low again, it is suggested.
    assert suggest(run("pmr16", [10, 20, 45, 5, 10, 10, 20, 25, 15, 5])) is not None


def test_only_the_most_recent_sessions_count() -> None:
    # Low long ago, higher lately: not yet.
    assert suggest(run("pmr16", [10, 10, 10, 10, 10, 60, 70])) is None


def test_the_current_stage_is_the_most_advanced_practised() -> None:
    # Good sessions at 16 groups do not count once 7 groups has been practised.
    history = run("pmr16", [10] * 8) + run("pmr7", [50], start=20)
    assert current_stage(history) == "pmr7"
    assert suggest(history) is None
    # Going back to 16 groups afterwards keeps 7 as the current stage.
    assert current_stage(history + run("pmr16", [10], start=40)) == "pmr7"
    # A stopped 4-group session does not make 4 groups current.
    assert current_stage(history + run("pmr4", [10], start=50, completed=False)) == "pmr7"


def test_unrated_sessions_do_not_count_either_way() -> None:
    history = run("pmr16", [10, None, 20, None, 15, 5, None, 25])
    found = suggest(history)
    assert found is not None and found.sessions == 5


def test_the_message_and_the_rule_in_plain_words() -> None:
    found = suggest(run("pmr16", [20] * 5))
    assert found is not None
    assert found.message == (
        "You've reached low tension in your last 5 sessions of 16-group "
        "relaxation. When you're ready, try 7 groups."
    )
    words = ProgressionRule().describe()
    assert "last 5 rated sessions" in words and "30 or less out of 100" in words
    assert "3 or less out of 10" in words and "played to the end" in words
    assert "on at least 5 different days, the first and the last at least 6 days apart" in words
    assert "on 1 day." in ProgressionRule(days=1, span=0).describe()
    assert "last 3 rated sessions" in ProgressionRule(count=3, threshold=25).describe()
    assert "2.5 or less out of 10" in ProgressionRule(count=3, threshold=25).describe()


def test_the_order_of_stages() -> None:
    assert [next_stage(s) for s in STAGES] == [
        "pmr7",
        "pmr4",
        "release",
        "cue",
        "differential",
        "rapid",
        "application",
        None,
    ]


def test_after_cue_controlled_come_differential_rapid_and_application_training() -> None:
    history = run("pmr16", [10] * 5)
    for stage, following in (
        ("cue", "differential"),
        ("differential", "rapid"),
        ("rapid", "application"),
    ):
        history += run(stage, [20] * 5, start=len(history) + 1)
        found = suggest(history)
        assert found is not None and (found.current, found.next) == (stage, following)
    found = suggest(run("cue", [20] * 5))
    assert found is not None and found.message == (
        "You've reached low tension in your last 5 sessions of cue-controlled relaxation. When you're "
        "ready, try differential relaxation (relaxed while sitting, then while moving)."
    )


def test_rule_parameters_are_checked() -> None:
    for bad in (
        {"count": 0},
        {"count": True},
        {"threshold": 101},
        {"threshold": -1},
        {"threshold": 2.5},
        {"days": 0},
        {"days": 1.5},
        {"span": -1},
        {"span": True},
    ):
        with pytest.raises(ValidationError):
            ProgressionRule(**bad)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        ProgressionPrefs(suggest="yes")  # type: ignore[arg-type]


def test_logged_sessions_are_read_with_anxiety_times_ten() -> None:
    tension = session_log(
        RelaxChoice(session="pmr16", minutes=20),
        before=70,
        after=25,
        planned_seconds=1200,
        actual_seconds=1200,
        completed=True,
        audible=True,
    )
    anxiety = session_log(
        RelaxChoice(session="pmr16", minutes=20, scale="anxiety"),
        before=7,
        after=2,
        planned_seconds=1200,
        actual_seconds=1200,
        completed=True,
        audible=True,
    )
    breathing = session_log(
        RelaxChoice(session="box"),
        before=70,
        after=25,
        planned_seconds=60,
        actual_seconds=60,
        completed=True,
        audible=True,
    )
    assert pmr_record(tension) is not None and pmr_record(tension).tension_after == 25  # type: ignore[union-attr]
    assert pmr_record(anxiety) is not None and pmr_record(anxiety).tension_after == 20  # type: ignore[union-attr]
    assert pmr_record(breathing) is None
    assert pmr_record(RelaxationSession(kind="mindfulness", pattern="body-scan-10")) is None
    assert len(pmr_records([tension, anxiety, breathing])) == 2
