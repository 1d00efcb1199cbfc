"""The exposure log form's text fields to an Exposure and back, and store round-trips."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import time_machine

from homework_tui.model.base import ValidationError, now
from homework_tui.model.exposure import Exposure, Happened, Ladder, SudsReading
from homework_tui.model.exposure.form import (
    exposure_from_fields,
    form_fields,
    new_fields,
    parse_clock,
)
from homework_tui.model.exposure.mastery import ExposureSettings, MasteryKind, MasteryRule
from homework_tui.store import Repository, Singleton, Store

DAY = date(2024, 5, 3)


def ladder() -> Ladder:
    made = Ladder(name="Social", goal="[b]speak up[/b]")
    made, _ = made.with_step("say hello to a neighbour 😀 [red]", 25)
    return made


def fields(made: Ladder, **values: str) -> dict[str, str]:
    base = new_fields(made.id, made.steps[0].id, moment=datetime(2024, 5, 3, 12, 0))
    base.update(start="18:30", end_time="19:05", peak="60", end="25")
    base.update(values)
    return base


def test_a_quick_log_from_text() -> None:
    made = ladder()
    done = exposure_from_fields(
        fields(made, predicted="70", before="40", safety="held my phone\n", notes="ok"),
        made,
        today=DAY,
    )
    assert done.minutes == 35 and done.started_at.date() == DAY
    assert done.started_at.hour == 18 and done.predicted == 70 and done.before == 40
    assert done.safety_behaviours == ("held my phone",)
    assert done.step_description == "say hello to a neighbour 😀 [red]"
    again = exposure_from_fields(form_fields(done), made, base=done, today=DAY)
    assert again == done


@pytest.mark.parametrize(
    ("text", "hour", "minute"),
    [
        ("18:30", 18, 30),
        ("6:30pm", 18, 30),
        ("1830", 18, 30),
        ("7", 7, 0),
        ("12am", 0, 0),
        ("9.15", 9, 15),
    ],
)
def test_times_people_write(text: str, hour: int, minute: int) -> None:
    parsed = parse_clock(text, "start", "start time")
    assert (parsed.hour, parsed.minute) == (hour, minute)


@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"start": "25:00"}, "start", "like 18:30"),
        ({"date": "3 May"}, "date", "year-month-day"),
        ({"end_time": "18:10"}, "end_time", "before the start time"),
        ({"minutes": "40"}, "minutes", "35 minutes"),
        ({"peak": "120"}, "peak", "0 to 100"),
        ({"before": "70"}, "peak", "highest"),
        ({"end": "", "peak": "50"}, "end", "at the end"),
        ({"predicted": "-5"}, "predicted", "0 to 100"),
        ({"step": "gone"}, "step", "no longer"),
    ],
)
def test_bad_input_names_the_field_and_says_what_to_do(
    values: dict[str, str], field: str, words: str
) -> None:
    made = ladder()
    with pytest.raises(ValidationError) as caught:
        exposure_from_fields(fields(made, **values), made, today=DAY)
    assert caught.value.field == field
    assert words in caught.value.message


def test_minutes_instead_of_an_end_time() -> None:
    made = ladder()
    done = exposure_from_fields(fields(made, end_time="", minutes="45"), made, today=DAY)
    assert done.minutes == 45


@time_machine.travel(datetime(2024, 5, 3, 18, 40, 30, tzinfo=timezone.utc), tick=False)
def test_min_15_today_ends_now_not_in_the_future() -> None:
    """Issue 15: an exposure logged with only "min 15" was stored as ending 15 minutes from now."""
    made = ladder()
    moment = now()
    for day in ("today", "", moment.date().isoformat()):
        done = exposure_from_fields(
            fields(made, date=day, start="", end_time="", minutes="15"), made
        )
        assert done.ended_at is not None and done.ended_at <= moment
        assert done.ended_at == moment.replace(second=0, microsecond=0)
        assert done.started_at == done.ended_at - timedelta(minutes=15)
        assert done.minutes == 15
    nothing = exposure_from_fields(fields(made, start="", end_time="", minutes=""), made)
    assert nothing.started_at == moment.replace(second=0, microsecond=0)
    assert nothing.ended_at is None
    earlier = exposure_from_fields(
        fields(made, date="yesterday", start="", end_time="", minutes="15"), made
    )
    assert earlier.started_at.hour == 12 and earlier.minutes == 15


def test_the_feared_outcome_and_what_happened_round_trip_and_validate() -> None:
    made = ladder()
    done = exposure_from_fields(
        fields(
            made,
            feared_outcome="they'll laugh at me\n[b]and stare[/b]",
            likelihood="80",
            outcome="Partly",
            surprise="60",
            learned="One person smiled.",
            left_early="yes",
        ),
        made,
        today=DAY,
    )
    assert done.feared_outcome == "they'll laugh at me\n[b]and stare[/b]"
    assert (done.likelihood, done.outcome, done.surprise) == (80, Happened.PARTLY, 60)
    assert done.learned == "One person smiled." and done.left_early
    shown = form_fields(done)
    assert (shown["outcome"], shown["left_early"], shown["likelihood"]) == ("partly", "yes", "80")
    assert exposure_from_fields(shown, made, base=done, today=DAY) == done
    blank = exposure_from_fields(fields(made), made, today=DAY)
    assert (blank.feared_outcome, blank.outcome, blank.left_early) == ("", None, False)
    for name, value, words in (
        ("likelihood", "150", "How likely is 150"),
        ("surprise", "lots", "How surprised needs a whole number"),
        ("outcome", "maybe", "yes, partly or no"),
        ("feared_outcome", "a\nb\nc", "one or two lines"),
    ):
        with pytest.raises(ValidationError) as caught:
            exposure_from_fields(fields(made, **{name: value}), made, today=DAY)
        assert caught.value.field == name and words in caught.value.message


def test_round_trip_through_the_store(tmp_path: Path) -> None:
    made = ladder()
    made, _ = made.with_step("phone to book", 45)
    made = made.without_step(made.steps[1].id)
    done = Exposure(
        ladder_id=made.id,
        step_id=made.steps[0].id,
        started_at=datetime.now(timezone.utc),
        ended_at=datetime.now(timezone.utc) + timedelta(minutes=20),
        predicted=70,
        before=40,
        peak=80,
        end=30,
        safety_behaviours=("[bold]x",),
        notes="line\nline 😀",
        readings=(SudsReading(minute=0, suds=40), SudsReading(minute=5.5, suds=80)),
        feared_outcome="[red]they'll laugh",
        likelihood=70,
        outcome=Happened.NO,
        surprise=55,
        learned="It was fine 😀",
        left_early=True,
    )
    chosen = ExposureSettings(
        rule=MasteryRule(kind=MasteryKind.EXPECTANCY, repeats=4),
        prompt_minutes=3,
        safety_behaviours=("held my phone",),
        exclude_safety_behaviours=False,
        exclude_early_exits=False,
        minimum_minutes=0,
    )
    with Store.open(tmp_path / "data") as store:
        Repository(store, "ladders", Ladder).add(made)
        Repository(store, "exposures", Exposure).add(done)
        Singleton(store, "exposure_settings", ExposureSettings, ExposureSettings).save(chosen)
    with Store.open(tmp_path / "data") as store:
        assert Repository(store, "ladders", Ladder).get(made.id) == made
        assert Repository(store, "exposures", Exposure).get(done.id) == done
        loaded = Singleton(store, "exposure_settings", ExposureSettings, ExposureSettings).load()
        assert loaded == chosen
