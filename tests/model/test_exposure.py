"""Ladders, steps and exposures: order, validation, habituation and expectancy figures."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from homework_tui.model.base import ValidationError
from homework_tui.model.exposure import Exposure, Ladder, Step, SudsReading
from tests.hypothesis_profiles import examples

T0 = datetime(2024, 5, 3, 18, 30, tzinfo=timezone.utc)

SCENARIO_2 = [
    ("say hello to a neighbour", 25),
    ("ask a shop assistant for help", 35),
    ("phone to book an appointment", 45),
    ("eat lunch in the staff room", 55),
    ("ask a question in a small meeting", 60),
    ("give an opinion at lunch", 70),
    ("make small talk at a party", 75),
    ("speak up in a team meeting", 85),
]


def build(steps: list[tuple[str, int]] = SCENARIO_2) -> Ladder:
    ladder = Ladder(name="Social situations", goal="Speak up at work")
    for text, suds in reversed(steps):  # added out of order on purpose
        ladder, _ = ladder.with_step(text, suds)
    return ladder


def exposure(ladder: Ladder, step: Step, **values: object) -> Exposure:
    base: dict[str, object] = dict(
        ladder_id=ladder.id, step_id=step.id, started_at=T0, peak=60, end=30
    )
    base.update(values)
    return Exposure(**base)  # type: ignore[arg-type]


def is_ordered(ladder: Ladder) -> bool:
    return all(a.suds <= b.suds for a, b in zip(ladder.steps, ladder.steps[1:]))


def test_steps_are_kept_in_suds_order_bottom_rung_first() -> None:
    ladder = build()
    assert [s.suds for s in ladder.steps] == sorted(s for _, s in SCENARIO_2)
    assert ladder.steps[0].description == "say hello to a neighbour"
    assert ladder.warnings() == ()


operations = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.integers(0, 100)),
        st.tuples(st.just("edit"), st.integers(0, 30), st.integers(0, 100)),
        st.tuples(st.just("move"), st.integers(0, 30), st.sampled_from([1, -1])),
        st.tuples(st.just("remove"), st.integers(0, 30)),
        st.tuples(st.just("restore"), st.integers(0, 30)),
    ),
    max_size=40,
)


@settings(max_examples=examples(150))
@given(operations)
def test_steps_stay_ordered_whatever_the_person_does(ops: list[tuple]) -> None:  # type: ignore[type-arg]
    ladder = Ladder(name="Any")
    known: set[str] = set()
    for op in ops:
        steps = ladder.steps
        if op[0] == "add":
            ladder, step = ladder.with_step(f"step {len(known)}", op[1])
            known.add(step.id)
        elif op[0] == "edit" and steps:
            step = steps[op[1] % len(steps)]
            ladder = ladder.with_step_changed(step.id, step.description + "!", op[2])
            assert ladder.step(step.id).suds == op[2]  # type: ignore[union-attr]
        elif op[0] == "move" and steps:
            step = steps[op[1] % len(steps)]
            before = ladder.index(step.id)
            ladder, changed = ladder.moved(step.id, op[2])
            after = ladder.index(step.id)
            if 0 <= before + op[2] < len(steps):
                assert after == before + op[2]  # it really moved one rung
            else:
                assert after == before and changed is None
        elif op[0] == "remove" and steps:
            ladder = ladder.without_step(steps[op[1] % len(steps)].id)
        elif op[0] == "restore" and ladder.removed_steps:
            removed = ladder.removed_steps[op[1] % len(ladder.removed_steps)]
            ladder = ladder.with_step_restored(removed.id)
        assert is_ordered(ladder)
        # nothing is ever lost: every step is on the ladder or in its trash
        assert {s.id for s in (*ladder.steps, *ladder.removed_steps)} == known


def test_moving_past_a_different_rating_takes_that_rating() -> None:
    ladder = build()
    phone = ladder.steps[2]
    moved, changed = ladder.moved(phone.id, +1)
    assert changed == 55
    assert moved.index(phone.id) == 3
    assert moved.steps[2].description == "eat lunch in the staff room"
    back, changed = moved.moved(phone.id, -1)
    assert changed is None and back.index(phone.id) == 2  # equal ratings just swap


def test_gentle_warnings_for_few_steps_and_big_jumps() -> None:
    ladder = build([("hello", 25), ("team meeting", 85)])
    notes = ladder.warnings()
    assert len(notes) == 2
    assert "2 steps" in notes[0] and "8 to 15" in notes[0]
    assert "jump of 60" in notes[1] and "“hello” (25)" in notes[1]
    assert Ladder(name="Empty").warnings() == ()


@pytest.mark.parametrize("text", ["", "   ", "\x1b\x07", "\n"])
def test_an_empty_step_is_refused_kindly(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Ladder(name="x").with_step(text, 30)
    assert caught.value.field == "description"
    assert "describe the step" in caught.value.message


@pytest.mark.parametrize("suds", [-1, 101, "120", "abc", 3.5])
def test_suds_outside_0_to_100_is_refused(suds: object) -> None:
    with pytest.raises(ValidationError) as caught:
        Step(description="x", suds=suds)  # type: ignore[arg-type]
    assert caught.value.field == "suds"
    assert "0 to 100" in caught.value.message


def test_ladder_needs_a_name_and_keeps_text_literally() -> None:
    with pytest.raises(ValidationError) as caught:
        Ladder(name=" ")
    assert "name" in caught.value.message
    ladder = Ladder(name="[bold]Social[/] 😀\x1b[31m", goal="line\r\n[red]two")
    assert ladder.name == "[bold]Social[/] 😀"  # the escape sequence goes whole
    assert ladder.goal == "line\n[red]two"


def test_peak_below_before_or_end_asks_to_correct() -> None:
    ladder = build()
    step = ladder.steps[0]
    with pytest.raises(ValidationError) as caught:
        exposure(ladder, step, before=50, peak=40, end=20)
    assert caught.value.field == "peak"
    assert "highest" in caught.value.message and "(50)" in caught.value.message
    with pytest.raises(ValidationError) as caught:
        exposure(ladder, step, peak=40, end=45)
    assert caught.value.field == "peak" and "(45)" in caught.value.message


@pytest.mark.parametrize("name", ["predicted", "before", "peak", "end"])
def test_every_suds_goes_from_0_to_100(name: str) -> None:
    ladder = build()
    with pytest.raises(ValidationError) as caught:
        exposure(ladder, ladder.steps[0], **{name: 150})
    assert caught.value.field == name
    assert "150" in caught.value.message and "0 to 100" in caught.value.message


def test_peak_and_end_are_needed() -> None:
    ladder = build()
    with pytest.raises(ValidationError) as caught:
        exposure(ladder, ladder.steps[0], peak="")
    assert caught.value.field == "peak" and "highest" in caught.value.message


def test_end_time_before_start_is_refused() -> None:
    ladder = build()
    with pytest.raises(ValidationError) as caught:
        exposure(ladder, ladder.steps[0], ended_at=T0 - timedelta(minutes=20))
    assert caught.value.field == "end_time"
    assert "18:10" in caught.value.message and "18:30" in caught.value.message


@given(
    predicted=st.none() | st.integers(0, 100),
    before=st.integers(0, 100),
    rise=st.integers(0, 100),
    fall=st.integers(0, 100),
    minutes=st.integers(0, 300),
)
def test_habituation_and_expectancy_figures(
    predicted: int | None, before: int, rise: int, fall: int, minutes: int
) -> None:
    ladder = build()
    peak = min(100, before + rise)
    end = max(0, peak - fall)
    done = exposure(
        ladder,
        ladder.steps[1],
        predicted=predicted,
        before=before,
        peak=peak,
        end=end,
        ended_at=T0 + timedelta(minutes=minutes),
    )
    assert done.within_drop == peak - end >= 0
    assert done.minutes == minutes
    if peak:
        assert done.within_drop_share == pytest.approx((peak - end) / peak)
        assert 0 <= done.within_drop_share <= 1
    else:
        assert done.within_drop_share == 0
    assert done.expectancy_violation == (None if predicted is None else predicted - peak)


def test_readings_must_be_in_time_order() -> None:
    ladder = build()
    with pytest.raises(ValidationError):
        exposure(
            ladder,
            ladder.steps[0],
            readings=(SudsReading(minute=5, suds=50), SudsReading(minute=1, suds=40)),
        )
    with pytest.raises(ValidationError):
        SudsReading(minute=-1, suds=40)
    with pytest.raises(ValidationError):
        SudsReading(minute=1, suds=400)


def test_safety_behaviours_are_cleaned_and_unique() -> None:
    ladder = build()
    done = exposure(
        ladder,
        ladder.steps[0],
        safety_behaviours=(" held my phone ", "Held my phone", "", "[b]looked away\x1b"),
    )
    assert done.safety_behaviours == ("held my phone", "[b]looked away")


# -- what the report marks on an exposure's row (issue 15, point 4) ------------------------------


@settings(max_examples=examples(100))
@given(peak=st.integers(0, 100), data=st.data())
def test_the_within_session_drop_in_percent_of_the_peak(peak: int, data: st.DataObject) -> None:
    end = data.draw(st.integers(0, peak))
    ladder = build()
    found = exposure(ladder, ladder.steps[0], peak=peak, end=end)
    if peak == 0:
        assert found.within_drop_percent is None  # nothing to fall from
    else:
        assert found.within_drop_percent == round((peak - end) * 100 / peak)
        assert 0 <= found.within_drop_percent <= 100
    assert exposure(ladder, ladder.steps[0], peak=80, end=20).within_drop_percent == 75


@settings(max_examples=examples(100))
@given(minutes=st.none() | st.integers(0, 240), planned=st.none() | st.integers(1, 240))
def test_ended_early_means_shorter_than_the_plan_asked(
    minutes: int | None, planned: int | None
) -> None:
    ladder = build()
    ended = None if minutes is None else T0 + timedelta(minutes=minutes)
    found = exposure(ladder, ladder.steps[0], ended_at=ended)
    expected = minutes is not None and planned is not None and minutes < planned
    assert found.ended_early(planned) is expected


def test_the_plans_minutes_for_an_exposure_come_from_the_homework_it_counts_as() -> None:
    from datetime import date

    from homework_tui.model.activity import Activity, Kind
    from homework_tui.model.plan import Assignment, planned_minutes

    logged = Activity(
        kind=Kind.EXPOSURE,
        ref_id="e",
        at=T0,
        targets=("ladder-1", "Social situations", "step-1", "say hello"),
    )
    start = date(2024, 5, 1)
    social = Assignment(kind=Kind.EXPOSURE, target="Social situations", minutes=20, start=start)
    longer = Assignment(kind=Kind.EXPOSURE, minutes=30, start=start)  # any exposure
    other = Assignment(kind=Kind.EXPOSURE, target="Dogs", minutes=45, start=start)
    untimed = Assignment(kind=Kind.EXPOSURE, target="say hello", start=start)
    breathing = Assignment(kind=Kind.BREATHING, minutes=50, start=start)
    later = Assignment(kind=Kind.EXPOSURE, minutes=60, start=date(2024, 6, 1))
    assert planned_minutes([social], logged) == 20
    assert planned_minutes([social, longer, other, untimed, breathing, later], logged) == 30
    assert planned_minutes([other, untimed, breathing, later], logged) is None
