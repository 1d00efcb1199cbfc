"""The mastery rule on generated exposure histories, the next step, and the live timer."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from homework_tui.model.base import ValidationError
from homework_tui.model.exposure import Exposure, Happened, Ladder
from homework_tui.model.exposure.mastery import (
    ExposureSettings,
    MasteryKind,
    NO_FEARED_OUTCOME,
    MasteryRule,
    StepState,
    between_sessions,
    ladder_progress,
    mean_expectancy_violation,
    next_step,
)
from homework_tui.model.exposure.timer import (
    ExposureTimer,
    TimerPhase,
    clock_text,
    key_to_suds,
    readings_from_text,
)
from tests.hypothesis_profiles import examples

T0 = datetime(2024, 5, 3, 18, 30, tzinfo=timezone.utc)


def ladder_of(n: int) -> Ladder:
    ladder = Ladder(name="Driving")
    for i in range(n):
        ladder, _ = ladder.with_step(f"step {i}", 20 + i * 10)
    return ladder


# (step index, predicted, peak, end) histories
ratings = st.tuples(st.none() | st.integers(0, 100), st.integers(0, 100), st.integers(0, 100))
histories = st.lists(st.tuples(st.integers(0, 4), ratings), max_size=25)


def make(ladder: Ladder, history: list[tuple[int, tuple[int | None, int, int]]]) -> list[Exposure]:
    made = []
    for n, (index, (predicted, a, b)) in enumerate(history):
        made.append(
            Exposure(
                ladder_id=ladder.id,
                step_id=ladder.steps[index].id,
                started_at=T0 + timedelta(days=n),
                predicted=predicted,
                peak=max(a, b),
                end=min(a, b),
            )
        )
    return made


def half_drop_by_hand(peak: int, end: int) -> bool:
    return end <= peak / 2 or end <= 20


def mastered_by_hand(flags: list[bool], repeats: int) -> bool:
    """At least `repeats` of the last `repeats + 2` count."""
    return sum(flags[-(repeats + 2) :]) >= repeats


@settings(max_examples=examples(200))
@given(histories, st.sampled_from(MasteryKind), st.integers(1, 5))
def test_old_exposures_are_judged_by_half_drop_under_either_rule(
    history: list[tuple[int, tuple[int | None, int, int]]], kind: MasteryKind, repeats: int
) -> None:
    """No feared outcome written (as in every exposure stored before it was asked): both rules
    judge by the half-drop, the prediction plays no part, and only the recent ones matter."""
    ladder = ladder_of(5)
    rule = MasteryRule(kind=kind, repeats=repeats)
    progress = ladder_progress(ladder, make(ladder, history), ExposureSettings(rule=rule))
    assert [p.step for p in progress] == list(ladder.steps)
    for index, item in enumerate(progress):
        mine = [r for i, r in history if i == index]
        flags = [half_drop_by_hand(max(a, b), min(a, b)) for _, a, b in mine]
        assert item.tries == len(mine)
        assert item.counted == sum(flags[-(repeats + 2) :])
        assert [j.counts for j in item.judgements] == flags
        if kind is MasteryKind.EXPECTANCY:
            assert all(j.note == NO_FEARED_OUTCOME for j in item.judgements)
        if not mine:
            assert item.state is StepState.NOT_TRIED and item.label == "not tried"
        elif mastered_by_hand(flags, repeats):
            assert item.state is StepState.MASTERED
        else:
            assert item.state is StepState.PRACTISING
            assert item.label.startswith("practising")
    suggested = next_step(progress)
    unmastered = [p.step for p in progress if p.state is not StepState.MASTERED]
    assert suggested == (unmastered[0] if unmastered else None)


def test_default_rule_half_drop_three_times_then_next_step_moves() -> None:
    ladder = ladder_of(3)
    settings = ExposureSettings()
    rule = settings.rule
    assert rule.kind is MasteryKind.HALF_DROP and rule.repeats == 3 and rule.window == 5
    first = ladder.steps[0]
    history = [(0, (None, 60, 40)), (0, (None, 60, 30)), (0, (None, 50, 20)), (0, (None, 40, 20))]
    progress = ladder_progress(ladder, make(ladder, history[:3]), settings)
    assert progress[0].state is StepState.PRACTISING and progress[0].counted == 2
    assert next_step(progress) == first
    progress = ladder_progress(ladder, make(ladder, history), settings)
    assert progress[0].state is StepState.MASTERED and progress[0].label == "mastered ×4"
    assert next_step(progress) == ladder.steps[1]


def test_exposures_of_other_ladders_are_ignored() -> None:
    ladder, other = ladder_of(2), ladder_of(2)
    stray = make(other, [(0, (None, 50, 10))] * 3)
    assert ladder_progress(ladder, stray, ExposureSettings())[0].state is StepState.NOT_TRIED


def test_between_sessions_and_mean_expectancy() -> None:
    ladder = ladder_of(1)
    done = make(ladder, [(0, (80, 70, 40)), (0, (70, 60, 30)), (0, (60, 45, 20))])
    figures = between_sessions(reversed(done))
    assert figures is not None
    assert (figures.first_peak, figures.last_peak, figures.peak_change) == (70, 45, -25)
    assert (figures.first_end, figures.last_end, figures.end_change) == (40, 20, -20)
    assert between_sessions(done[:1]) is None
    assert mean_expectancy_violation(done) == pytest.approx((10 + 10 + 15) / 3)
    assert mean_expectancy_violation(make(ladder, [(0, (None, 50, 10))])) is None


def test_settings_validate_and_build_the_behaviour_list() -> None:
    assert ExposureSettings().prompt_minutes == 5
    with pytest.raises(ValidationError):
        ExposureSettings(prompt_minutes=0)
    with pytest.raises(ValidationError):
        MasteryRule(repeats=0)
    grown = ExposureSettings().with_behaviours(["held my phone", " Held my phone ", "left early"])
    assert grown.safety_behaviours == ("held my phone", "left early")
    assert "half the peak" in MasteryRule().describe()
    expectancy = MasteryRule(kind=MasteryKind.EXPECTANCY, repeats=1).describe()
    assert "what you feared" in expectancy and "last 3 exposures" in expectancy
    assert MasteryKind.EXPECTANCY.label == "What you feared didn't happen"
    with pytest.raises(ValidationError) as error:
        ExposureSettings(minimum_minutes=121)
    assert error.value.field == "minimum_minutes"
    kept = ExposureSettings(minimum_minutes=0, exclude_early_exits=False).with_behaviours(["x"])
    assert (kept.minimum_minutes, kept.exclude_early_exits) == (0, False)


def test_single_keypress_ratings() -> None:
    assert [key_to_suds(k) for k in "0159h"] == [0, 10, 50, 90, 100]
    assert key_to_suds("x") is None and key_to_suds("10") is None
    assert clock_text(65) == "1:05" and clock_text(3725) == "1:02:05"


def test_timer_asks_every_interval_and_fills_before_peak_end() -> None:
    timer = ExposureTimer(interval_minutes=5)
    clock = 1000.0
    assert timer.asking(clock) and timer.phase is TimerPhase.FEAR
    assert not timer.key(clock, "8")  # the feared outcome is typed, not rated
    timer.fear("  they'll stare\n", "60")
    assert (timer.feared_outcome, timer.likelihood) == ("they'll stare", 60)
    assert timer.asking(clock) and timer.phase is TimerPhase.PREDICT
    assert timer.key(clock, "8")  # predicted 80
    assert timer.predicted == 80 and timer.phase is TimerPhase.BEFORE
    timer.key(clock, "6")  # before 60: the clock starts
    assert timer.phase is TimerPhase.RUNNING and not timer.asking(clock)
    clock += 299
    assert not timer.asking(clock) and timer.next_prompt_in(clock) == pytest.approx(1)
    clock += 1
    assert timer.asking(clock)
    timer.key(clock, "h")  # 100 at 5:00
    assert not timer.asking(clock)
    clock += 120
    timer.key(clock, "7")  # an extra rating, not asked for
    clock += 60 * 10  # two prompts missed: still just asking once
    assert timer.asking(clock)
    timer.key(clock, "4")
    assert not timer.key(clock, "q")
    timer.stop(clock + 30)
    assert timer.asking(clock + 999) and timer.elapsed(clock + 999) == pytest.approx(17.5 * 60)
    timer.key(clock + 999, "2")
    assert timer.phase is TimerPhase.AFTER and timer.asking(clock + 999)
    assert not timer.key(clock + 999, "5")  # the answers after are typed too
    with pytest.raises(ValidationError) as caught:
        timer.reflect("maybe")
    assert caught.value.field == "outcome" and timer.phase is TimerPhase.AFTER
    timer.reflect("no", "70", "People were busy with their own things")
    assert timer.phase is TimerPhase.DONE
    assert (timer.outcome, timer.surprise) == (Happened.NO, 70)
    assert timer.learned == "People were busy with their own things"
    assert timer.summary() == (60, 100, 20)
    assert [r.suds for r in timer.readings] == [60, 100, 70, 40, 20]
    assert [round(r.minute, 2) for r in timer.readings] == [0, 5, 7, 17, 17.5]
    assert readings_from_text(timer.readings_text()) == tuple(timer.readings)


def test_timer_fear_and_after_steps_can_be_skipped() -> None:
    timer = ExposureTimer()
    with pytest.raises(ValidationError) as caught:
        timer.fear("x", "101")
    assert caught.value.field == "likelihood" and timer.phase is TimerPhase.FEAR
    timer.fear()  # skipped (Enter on an empty line)
    assert (timer.feared_outcome, timer.likelihood) == ("", None)
    timer.predict(None)
    timer.start(0, 40)
    timer.stop(60)
    timer.finish(20)
    assert timer.phase is TimerPhase.DONE  # nothing feared in words: nothing to ask after
    straight = ExposureTimer()
    straight.start(0, 50)  # a rating straight away skips both questions before
    assert straight.phase is TimerPhase.RUNNING and straight.feared_outcome == ""
    asked = ExposureTimer()
    asked.fear("I'll blush", "")
    asked.start(0, 50)
    asked.stop(30)
    asked.finish(30)
    asked.reflect()  # Esc: skipped
    assert asked.phase is TimerPhase.DONE and asked.outcome is None


def test_timer_rejects_out_of_order_use() -> None:
    timer = ExposureTimer()
    with pytest.raises(ValueError):
        timer.rate(0, 50)
    with pytest.raises(ValueError):
        ExposureTimer(interval_minutes=0)
    with pytest.raises(ValidationError):
        readings_from_text("1:50 x:y")
