"""Sleep diary arithmetic (Consensus Sleep Diary core): across midnight, across the clock changes in
Europe/London, and the one-line messages for times that cannot be right."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from homework_tui.model.base import ValidationError
from homework_tui.model.diaries.clock import parse_clock
from homework_tui.model.diaries.sleep import SleepEntry
from homework_tui.store.codec import from_doc, to_doc
from tests.hypothesis_profiles import examples

LONDON = "Europe/London"
SPRING_FORWARD = date(2026, 3, 28)  # clocks go 01:00 → 02:00 on the morning of Sunday 29 March
FALL_BACK = date(2026, 10, 24)  # clocks go 02:00 → 01:00 on the morning of Sunday 25 October


def night(**changes: object) -> SleepEntry:
    fields: dict[str, object] = {
        "night_of": date(2026, 1, 12),
        "to_bed": "23:40",
        "tried_to_sleep": "23:40",
        "minutes_to_fall_asleep": 40,
        "awakenings": 2,
        "minutes_awake": 30,
        "final_awakening": "7:00",
        "out_of_bed": "7:10",
        "quality": 3,
    }
    fields.update(changes)
    return SleepEntry(**fields)  # type: ignore[arg-type]


def test_the_scenario_night_reads_as_a_therapist_would_work_it_out() -> None:
    entry = night()
    assert entry.time_in_bed == 7 * 60 + 30  # 23:40 → 07:10
    assert entry.total_sleep == 7 * 60 + 20 - 40 - 30  # 23:40 → 07:00, less SOL and WASO
    assert entry.efficiency == round(370 / 450 * 100) == 82
    assert entry.woke_on == date(2026, 1, 13)
    lines = entry.explained()
    assert lines[0] == "Time in bed: 7 h 30 min, from going to bed at 23:40 to getting up at 07:10."
    assert "less 40 min falling asleep and 30 min awake in the night (2 times)" in lines[1]
    assert lines[2].startswith("Sleep efficiency: 82%, the share of your time in bed spent asleep")


def test_going_to_bed_after_midnight_belongs_to_the_night_before() -> None:
    entry = night(to_bed="0:30", tried_to_sleep="00:45", minutes_awake=0, awakenings=0)
    assert entry.wall_times[0] == datetime(2026, 1, 13, 0, 30)
    assert entry.time_in_bed == 6 * 60 + 40
    assert entry.woke_on == date(2026, 1, 13)


@pytest.mark.parametrize(
    ("night_of", "hours_in_bed"),
    [(SPRING_FORWARD, 7), (FALL_BACK, 9), (date(2026, 6, 6), 8)],
)
def test_a_clock_change_makes_the_night_an_hour_shorter_or_longer(
    night_of: date, hours_in_bed: int
) -> None:
    entry = night(
        night_of=night_of,
        to_bed="23:00",
        tried_to_sleep="23:00",
        minutes_to_fall_asleep=0,
        awakenings=0,
        minutes_awake=0,
        final_awakening="7:00",
        out_of_bed="7:00",
        zone=LONDON,
    )
    assert entry.time_in_bed == hours_in_bed * 60
    assert entry.total_sleep == hours_in_bed * 60
    assert entry.efficiency == 100
    # Without a zone the same times are plain wall-clock arithmetic.
    assert replace(entry, zone="").time_in_bed == 8 * 60


clock = st.builds(time, st.integers(0, 23), st.integers(0, 59))


@settings(max_examples=examples(200))
@given(
    night_of=st.dates(date(2020, 1, 1), date(2030, 12, 31)),
    bed=clock,
    settle=st.integers(0, 120),
    asleep_for=st.integers(0, 14 * 60),
    linger=st.integers(0, 120),
    zone=st.sampled_from(["", LONDON]),
)
def test_time_in_bed_is_the_real_time_between_going_to_bed_and_getting_up(
    night_of: date, bed: time, settle: int, asleep_for: int, linger: int, zone: str
) -> None:
    """Build the night from real moments, write down only their wall-clock times, and check the
    diary gets the real durations back, across midnight and across a change of the clocks."""
    tz = ZoneInfo(zone) if zone else UTC
    first_day = night_of + timedelta(days=1 if bed.hour < 12 else 0)
    start = datetime.combine(first_day, bed, tzinfo=tz).astimezone(UTC)
    real = [
        start,
        start + timedelta(minutes=settle),
        start + timedelta(minutes=settle + asleep_for),
        start + timedelta(minutes=settle + asleep_for + linger),
    ]
    walls = [moment.astimezone(tz).time() for moment in real]
    sol = min(20, asleep_for)
    entry = night(
        night_of=night_of,
        to_bed=walls[0],
        tried_to_sleep=walls[1],
        final_awakening=walls[2],
        out_of_bed=walls[3],
        minutes_to_fall_asleep=sol,
        awakenings=0,
        minutes_awake=0,
        zone=zone,
    )
    # A wall time that happens twice (the hour the clocks go back) is read as its first time,
    # so the figure may be an hour off only when a time falls in that hour.
    in_bed = settle + asleep_for + linger
    ambiguous = zone and any(m.astimezone(tz).fold for m in real)
    assert entry.time_in_bed == in_bed or (ambiguous and abs(entry.time_in_bed - in_bed) == 60)
    if not ambiguous:
        assert entry.total_sleep == asleep_for - sol
        assert 0 <= entry.efficiency <= 100
    assert from_doc(SleepEntry, to_doc(entry)) == entry


@settings(max_examples=examples(100))
@given(quality=st.integers(-5, 10), minutes=st.integers(-10, 800))
def test_ratings_and_minutes_stay_in_their_ranges(quality: int, minutes: int) -> None:
    ok_quality = 1 <= quality <= 5
    try:
        night(quality=quality)
    except ValidationError as error:
        assert not ok_quality
        assert error.message == f"Sleep quality is {quality}; it goes from 1 to 5."
    else:
        assert ok_quality
    try:
        night(minutes_to_fall_asleep=minutes)
    except ValidationError as error:
        assert error.field == "minutes_to_fall_asleep"
        assert "\n" not in error.message
    else:
        assert 0 <= minutes <= 410


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"to_bed": "25:40"},
            "to_bed",
            "Went to bed: “25:40” is not a time I can read; please write it like 23:40 or 7:10.",
        ),
        ({"out_of_bed": "soon"}, "out_of_bed", "Got out of bed: “soon” is not a time"),
        (
            {"final_awakening": "7:10", "out_of_bed": "7:00"},
            "out_of_bed",
            "Got out of bed (07:00) comes before final awakening (07:10); please check the times.",
        ),
        ({"awakenings": 0}, "awakenings", "You wrote no awakenings but 30 minutes awake"),
        (
            {"minutes_to_fall_asleep": 420},
            "minutes_to_fall_asleep",
            "add up to more than the time from trying to sleep to waking (7 h 20 min)",
        ),
        ({"zone": "Mars/Olympus"}, "zone", "“Mars/Olympus” is not a time zone I know."),
    ],
)
def test_times_that_cannot_be_right_get_one_clear_line(
    changes: dict[str, object], field: str, message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        night(**changes)
    assert caught.value.field == field
    assert message in caught.value.message
    assert "\n" not in caught.value.message


def test_a_wake_time_before_the_bed_time_is_just_past_midnight() -> None:
    assert night(to_bed="22:00", out_of_bed="6:00", final_awakening="5:50").time_in_bed == 8 * 60


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("23:40", time(23, 40)),
        ("7:10", time(7, 10)),
        ("0710", time(7, 10)),
        ("7.10", time(7, 10)),
        ("11pm", time(23)),
        ("11:30 p.m.", time(23, 30)),
        ("12am", time(0)),
        ("7", time(7)),
    ],
)
def test_clock_times_are_read_as_people_type_them(typed: str, expected: time) -> None:
    assert parse_clock("t", typed, "Time") == expected


@pytest.mark.parametrize("typed", ["", "24:00", "7:60", "13pm", "noonish", "7:1"])
def test_nonsense_times_are_refused(typed: str) -> None:
    with pytest.raises(ValidationError):
        parse_clock("t", typed, "Time")
