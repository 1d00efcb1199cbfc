"""Mood and panic diaries: ranges, the 13 symptoms, and the mood trend's data and chart."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from homework_tui.model.base import ValidationError
from homework_tui.model.diaries.charts import bar, day_chart
from homework_tui.model.diaries.mood import MoodEntry, daily_moods
from homework_tui.model.diaries.panic import Cue, PanicAttack, Symptom
from homework_tui.store.codec import from_doc, to_doc
from tests.hypothesis_profiles import examples

AT = datetime(2026, 1, 14, 15, 30, tzinfo=timezone(timedelta(hours=0)))


@settings(max_examples=examples(100))
@given(st.integers(-5, 15))
def test_mood_goes_from_0_to_10(value: int) -> None:
    try:
        entry = MoodEntry(day=date(2026, 1, 12), mood=value, note="[b]ok[/b]")
    except ValidationError as error:
        assert not 0 <= value <= 10
        assert error.message == f"Mood is {value}; it goes from 0 to 10."
    else:
        assert from_doc(MoodEntry, to_doc(entry)) == entry


def test_the_trend_takes_each_days_mood_and_leaves_gaps() -> None:
    entries = [
        MoodEntry(day=date(2026, 1, 12), mood=3),
        MoodEntry(day=date(2026, 1, 12), mood=4),
        MoodEntry(day=date(2026, 1, 14), mood=6),
    ]
    values = daily_moods(entries, date(2026, 1, 14), days=3)
    assert values == [3.5, None, 6]
    assert day_chart(values, date(2026, 1, 14), high=10, width=10, unit="/10") == [
        "Mon 12  ███▌ 3.5/10",
        "Tue 13  not written",
        "Wed 14  ██████ 6/10",
    ]
    assert bar(0, 10, 10) == "" and bar(12, 10, 4) == "████"


def test_a_panic_attack_keeps_the_standard_symptoms_in_their_order() -> None:
    assert len(Symptom) == 13
    attack = PanicAttack(
        at=AT,
        where="Supermarket queue",
        cue=Cue.EXPECTED,
        peak=8,
        symptoms=(Symptom.DIZZY, Symptom.PALPITATIONS, Symptom.DYING, Symptom.PALPITATIONS),
        thoughts="I'm going to faint",
        what_i_did="Stayed and breathed slowly",
    )
    assert attack.symptoms == (Symptom.PALPITATIONS, Symptom.DIZZY, Symptom.DYING)
    assert attack.attack_kind == "limited-symptom attack"
    assert attack.symptoms_text().startswith("Pounding or racing heart, Dizzy")
    assert from_doc(PanicAttack, to_doc(attack)) == attack
    full = PanicAttack(at=AT, peak=5, symptoms=tuple(Symptom)[:4])
    assert full.full_attack and full.cue.label == "Out of the blue"


@pytest.mark.parametrize("peak", [-1, 11])
def test_peak_anxiety_goes_from_0_to_10(peak: int) -> None:
    with pytest.raises(ValidationError) as caught:
        PanicAttack(at=AT, peak=peak)
    assert caught.value.message == f"Peak anxiety is {peak}; it goes from 0 to 10."
