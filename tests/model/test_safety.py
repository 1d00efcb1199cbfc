"""The safety plan's written steps, the bridge notes, and the one rule for the calm line that
points to Help now (a hopeless-type mood rated 70+, a journal mood of 0–1 of 10)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from homework_tui.model.base import ValidationError
from homework_tui.model.bridge import NOTE_MAX, SessionBridge
from homework_tui.model.safety import (
    HELP_LINE_JOURNAL_MOOD,
    HELP_LINE_RATING,
    HOPELESS_MOODS,
    STEP_MAX,
    WRITTEN_STEPS,
    CrisisContact,
    SafetyPlan,
    is_hopeless_mood,
    needs_help_line,
    parse_mood_words,
)
from homework_tui.store.codec import from_doc, to_doc
from tests.hypothesis_profiles import examples

ORDINARY_MOODS = ("anxious", "sad", "angry", "ashamed", "guilty", "nervous", "irritated", "calm")
ratings = st.integers(min_value=0, max_value=100)


# -- the plan -------------------------------------------------------------------------------------


def test_the_plan_has_stanley_and_browns_seven_steps_in_order() -> None:
    numbers = sorted([s.number for s in WRITTEN_STEPS] + [5])
    assert numbers == [1, 2, 3, 4, 5, 6, 7]
    assert [s.key for s in WRITTEN_STEPS] == [
        "warning_signs",
        "coping",
        "distractions",
        "helpers",
        "safer_surroundings",
        "reasons_for_living",
    ]


def test_written_steps_are_kept_as_typed_without_control_characters() -> None:
    plan = SafetyPlan(
        warning_signs="\n  Not sleeping\x1b[31m\r\nDrinking alone  \n",
        reasons_for_living="My cat *Miso* & [bold]my sister[/]",
    )
    assert plan.warning_signs == "Not sleeping\nDrinking alone"
    assert plan.reasons_for_living == "My cat *Miso* & [bold]my sister[/]"
    assert plan.is_written and plan.is_empty  # written steps, no contacts yet
    assert not SafetyPlan().is_written


def test_a_step_too_long_is_explained() -> None:
    with pytest.raises(ValidationError) as caught:
        SafetyPlan(coping="x" * (STEP_MAX + 1))
    assert caught.value.field == "coping"
    assert "Things I can do on my own" in caught.value.message


def test_with_steps_keeps_the_contacts() -> None:
    contact = CrisisContact(name="Sam", number="111")
    stored = SafetyPlan(contacts=(contact,), coping="old")
    edited = SafetyPlan(coping="Walk the dog", mood_words=("alone",))
    merged = stored.with_steps(edited)
    assert merged.contacts == (contact,)
    assert merged.coping == "Walk the dog" and merged.mood_words == ("alone",)


def test_an_old_plan_document_still_loads() -> None:
    old = {"contacts": [{"name": "Sam", "number": "111", "note": ""}], "crisis_line": None}
    plan = from_doc(SafetyPlan, old)
    assert plan.contacts[0].name == "Sam" and not plan.is_written and plan.mood_words == ()


@settings(max_examples=examples(100))
@given(
    st.dictionaries(st.sampled_from([s.key for s in WRITTEN_STEPS]), st.text(max_size=200)),
    st.lists(st.text(max_size=30), max_size=5),
)
def test_a_plan_round_trips(steps: dict[str, str], words: list[str]) -> None:
    plan = SafetyPlan(mood_words=tuple(words), **steps)  # type: ignore[arg-type]
    assert from_doc(SafetyPlan, to_doc(plan)) == plan


def test_mood_words_are_split_lowered_and_deduplicated() -> None:
    assert parse_mood_words("Alone, like giving up\n alone ,,") == ("alone", "like giving up")
    with pytest.raises(ValidationError):
        parse_mood_words(", ".join(f"w{i}" for i in range(30)))


# -- the calm line --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["hopeless", "Worthless", "so empty", "Suicidal", "hopelessness", "like a burden", "HELPLESS "],
)
def test_hopeless_type_moods_are_recognised(name: str) -> None:
    assert is_hopeless_mood(name)


@pytest.mark.parametrize("name", ["anxious", "sad", "hopeful", "unempty", "burdened-free?"])
def test_other_moods_are_not(name: str) -> None:
    assert not is_hopeless_mood(name)


def test_the_line_comes_at_70_and_not_at_69() -> None:
    assert HELP_LINE_RATING == 70
    assert needs_help_line(moods=[("hopeless", 70)])
    assert not needs_help_line(moods=[("hopeless", 69)])
    assert not needs_help_line(moods=[("hopeless", None)])


def test_a_journal_mood_of_0_or_1_brings_the_line() -> None:
    assert HELP_LINE_JOURNAL_MOOD == 1
    assert needs_help_line(journal_mood=0) and needs_help_line(journal_mood=1)
    assert not needs_help_line(journal_mood=2) and not needs_help_line(journal_mood=None)


def test_phq9_item_9_above_0_brings_the_line() -> None:
    assert not needs_help_line(phq9_item9=0) and not needs_help_line(phq9_item9=None)
    assert all(needs_help_line(phq9_item9=answer) for answer in (1, 2, 3))


def test_the_persons_own_words_count_too() -> None:
    assert not needs_help_line(moods=[("alone", 90)])
    assert needs_help_line(moods=[("alone", 90)], own_words=("Alone",))


@settings(max_examples=examples(200))
@given(
    st.lists(st.tuples(st.sampled_from(ORDINARY_MOODS), st.one_of(st.none(), ratings)), max_size=6),
    st.one_of(st.none(), st.integers(min_value=2, max_value=10)),
)
def test_ordinary_moods_and_journal_moods_above_1_never_bring_the_line(
    moods: list[tuple[str, int | None]], journal_mood: int | None
) -> None:
    assert not needs_help_line(moods=moods, journal_mood=journal_mood)


@settings(max_examples=examples(200))
@given(
    st.lists(
        st.tuples(st.sampled_from(ORDINARY_MOODS + HOPELESS_MOODS), st.one_of(st.none(), ratings)),
        max_size=6,
    ),
    st.sampled_from(HOPELESS_MOODS),
    ratings,
    st.randoms(use_true_random=False),
)
def test_one_hopeless_mood_at_70_or_more_decides_whatever_else_is_rated(
    moods: list[tuple[str, int | None]], hopeless: str, rating: int, order: object
) -> None:
    others = [(n, r) for n, r in moods if not (is_hopeless_mood(n) and r is not None and r >= 70)]
    together = [*others, (hopeless, rating)]
    order.shuffle(together)  # type: ignore[attr-defined]
    assert needs_help_line(moods=together) == (rating >= HELP_LINE_RATING)


# -- the bridge -----------------------------------------------------------------------------------


def test_bridge_notes_are_cleaned_and_checked() -> None:
    bridge = SessionBridge(got_in_the_way="  Work\x1b[1m was busy \n", to_raise="")
    assert bridge.got_in_the_way == "Work was busy" and not bridge.is_empty
    assert SessionBridge().is_empty
    with pytest.raises(ValidationError) as caught:
        SessionBridge(to_raise="x" * (NOTE_MAX + 1))
    assert caught.value.field == "to_raise"
