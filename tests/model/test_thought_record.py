"""The 7-column thought record and the distortion labels: validation, reading, round-trips."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from homework_tui.model.base import ValidationError, clean_text
from homework_tui.model.distortions import (
    FAMILIES,
    STANDARD,
    OwnDistortion,
    display_name,
)
from homework_tui.model.thought_record import (
    BELIEF_GAP,
    COLUMNS,
    AutomaticThought,
    Mood,
    ThoughtRecord,
    form_fields,
    record_from_fields,
    step_of,
)
from homework_tui.store.codec import from_doc, to_doc
from tests.hypothesis_profiles import examples


def scenario_record() -> ThoughtRecord:
    return ThoughtRecord(
        situation="Team meeting, Tuesday 10:00 — my idea got no reply",
        moods=(
            Mood(name="anxious", before=80, after=45),
            Mood(name="ashamed", before=60, after=30),
        ),
        thoughts=(
            AutomaticThought(text="They all think I'm incompetent", hot=True),
            AutomaticThought(text="I should never speak up"),
        ),
        distortions=("labeling", "mind-reading"),
        own_distortions=("Comparing myself",),
        evidence_for="Nobody answered my idea.",
        evidence_against="Sam asked me a question afterwards.",
        balanced_thought="Silence isn't a verdict; people were busy.",
        balanced_belief=60,
    )


def test_all_ten_burns_distortions_are_offered() -> None:
    assert len(FAMILIES) == 10
    names = {d.name for d in STANDARD}
    assert {"Mental filter", "Mind reading", "Fortune telling", "Labeling"} <= names
    assert FAMILIES[0] == "All-or-nothing thinking"
    assert FAMILIES[-1] == "Personalization and blame"


def test_scenario_record_reads_as_the_worksheet() -> None:
    record = scenario_record()
    assert record.hot_thought == "They all think I'm incompetent"
    assert record.complete and record.missing() == ()
    assert record.mood_drop() == pytest.approx(32.5)
    assert record.mood_summary() == "anxious 80→45, ashamed 60→30"
    # labels come in Burns' order whatever order they were ticked in
    assert record.labels == ("Mind reading", "Labeling", "Comparing myself")
    assert record.matches("INCOMPETENT sam")
    assert not record.matches("incompetent holiday")


def test_an_unfinished_record_needs_only_a_situation() -> None:
    record = ThoughtRecord(situation="After the meeting")
    assert record.missing() == COLUMNS[1:]
    assert record.hot_thought == ""
    assert record.mood_drop() is None


@pytest.mark.parametrize("situation", ["", "   \n  ", "\x1b\x07 \x9b"])
def test_a_record_needs_a_situation(situation: str) -> None:
    with pytest.raises(ValidationError) as caught:
        ThoughtRecord(situation=situation)
    assert caught.value.field == "situation"
    assert "situation" in caught.value.message


@pytest.mark.parametrize("value", [-1, 101, 250, "120", "ten", 4.5])
def test_mood_ratings_go_from_0_to_100(value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        Mood(name="anxious", before=value)  # type: ignore[arg-type]
    assert "anxious" in caught.value.message
    assert "0 to 100" in caught.value.message
    with pytest.raises(ValidationError):
        Mood(name="anxious", after=value)  # type: ignore[arg-type]


def test_ratings_may_be_typed_as_text() -> None:
    assert Mood(name="sad", before="70", after=" 5 ").change == -65  # type: ignore[arg-type]


def test_a_rated_mood_needs_a_name() -> None:
    with pytest.raises(ValidationError, match="name"):
        Mood(name="  ", before=50)
    with pytest.raises(ValidationError) as caught:
        ThoughtRecord(situation="x", moods=(Mood(name="anxious"), Mood(name="Anxious")))
    assert caught.value.field == "moods.1.name"


def test_balanced_belief_needs_a_balanced_thought() -> None:
    with pytest.raises(ValidationError) as caught:
        ThoughtRecord(situation="x", balanced_belief=50)
    assert caught.value.field == "balanced_belief"
    assert "balanced thought" in caught.value.message
    with pytest.raises(ValidationError, match="0 to 100"):
        ThoughtRecord(situation="x", balanced_thought="y", balanced_belief=101)


def test_one_hot_thought_at_most() -> None:
    with pytest.raises(ValidationError, match="one thought"):
        ThoughtRecord(
            situation="x",
            thoughts=(AutomaticThought(text="a", hot=True), AutomaticThought(text="b", hot=True)),
        )


def test_empty_thoughts_are_dropped_and_text_is_cleaned() -> None:
    record = ThoughtRecord(
        situation="\x1b[2J[bold]meeting[/] 🙂\x07",
        thoughts=(AutomaticThought(text="  "), AutomaticThought(text="[red]x\x1b[0m", hot=True)),
    )
    assert record.situation == "[bold]meeting[/] 🙂"  # each escape sequence goes whole
    assert record.thoughts == (AutomaticThought(text="[red]x", hot=True),)


def test_unknown_standard_keys_are_refused_and_own_labels_deduplicated() -> None:
    with pytest.raises(ValidationError):
        ThoughtRecord(situation="x", distortions=("not-a-trap",))
    record = ThoughtRecord(
        situation="x", own_distortions=(" Comparing  myself", "comparing myself", "")
    )
    assert record.own_distortions == ("Comparing myself",)
    assert display_name("mental-filter") == "Mental filter"


def test_own_labels_cannot_shadow_a_standard_one() -> None:
    assert OwnDistortion(name="  Comparing\nmyself ").name == "Comparing myself"
    with pytest.raises(ValidationError, match="already"):
        OwnDistortion(name="labeling")
    with pytest.raises(ValidationError):
        OwnDistortion(name="x" * 61)


# -- round trips through the store's codec ---------------------------------------------------

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
ratings = st.none() | st.integers(0, 100)
mood_names = st.text(st.characters(whitelist_categories=("L", "N", "So")), min_size=1, max_size=12)


@st.composite
def records(draw: st.DrawFn) -> ThoughtRecord:
    names = draw(st.lists(mood_names, max_size=4, unique_by=str.casefold))
    moods = tuple(
        Mood(name=n, after=draw(ratings), added_later=True)
        if draw(st.booleans())
        else Mood(name=n, before=draw(ratings), after=draw(ratings))
        for n in names
    )
    thought_texts = draw(st.lists(text, max_size=4))
    hot = draw(st.none() | st.integers(0, max(0, len(thought_texts) - 1)))
    thoughts = tuple(AutomaticThought(text=t, hot=(i == hot)) for i, t in enumerate(thought_texts))
    balanced = draw(text)
    belief = draw(ratings) if clean_text(balanced).strip() else None
    return ThoughtRecord(
        situation=draw(text.filter(lambda s: bool(clean_text(s).strip()))),
        moods=moods,
        thoughts=thoughts,
        distortions=tuple(draw(st.lists(st.sampled_from([d.key for d in STANDARD])))),
        own_distortions=tuple(draw(st.lists(text, max_size=3))),
        evidence_for=draw(text),
        evidence_against=draw(text),
        balanced_thought=balanced,
        balanced_belief=belief,
    )


@settings(max_examples=examples(150))
@given(records())
def test_thought_records_round_trip(record: ThoughtRecord) -> None:
    assert from_doc(ThoughtRecord, to_doc(record)) == record


@settings(max_examples=examples(50))
@given(name=text.filter(lambda s: 0 < len(" ".join(s.split())) <= 60), hint=text)
def test_own_labels_round_trip(name: str, hint: str) -> None:
    try:
        label = OwnDistortion(name=name, hint=hint)
    except ValidationError:
        return
    assert from_doc(OwnDistortion, to_doc(label)) == label


def test_scenario_record_round_trips() -> None:
    record = scenario_record()
    assert from_doc(ThoughtRecord, to_doc(record)) == record


# -- the form's flat fields (what a draft holds) ------------------------------------------------


@settings(max_examples=examples(100))
@given(records())
def test_form_fields_round_trip(record: ThoughtRecord) -> None:
    assert record_from_fields(form_fields(record), base=record) == record


def test_form_errors_name_the_form_field_and_its_step() -> None:
    fields = form_fields(scenario_record())
    cases = {
        "mood-0-before": ("120", "mood-0-before", 2),
        "mood-1-after": ("200", "mood-1-after", 8),
        "situation": ("  ", "situation", 1),
        "balanced": ("", "belief", 7),
        "mood-1-name": ("Anxious", "mood-1-name", 2),
    }
    for key, (value, field_name, step) in cases.items():
        with pytest.raises(ValidationError) as caught:
            record_from_fields({**fields, key: value})
        assert caught.value.field == field_name, key
        assert step_of(caught.value.field) == step


def test_empty_form_rows_are_ignored() -> None:
    record = record_from_fields(
        {"situation": "s", "mood-0-name": "", "mood-0-before": " ", "thought-0": "", "hot": "0"}
    )
    assert record.moods == () and record.thoughts == ()


# -- issue 15, point 9: new moods at the re-rating, the belief rating, the renamed trap ---------


def test_a_mood_felt_only_now_is_named_at_the_re_rating() -> None:
    fields = {**form_fields(scenario_record()), "later-0-name": "relieved", "later-0-after": "40"}
    record = record_from_fields(fields)
    assert record.moods[-1] == Mood(name="relieved", after=40, added_later=True)
    assert [m.name for m in record.first_moods] == ["anxious", "ashamed"]
    assert record.complete
    assert record.mood_drop() == pytest.approx(32.5)  # a new mood has no change to count
    assert record.mood_summary() == "anxious 80→45, ashamed 60→30, relieved (new) 40"
    assert record_from_fields(form_fields(record), base=record) == record
    assert from_doc(ThoughtRecord, to_doc(record)) == record
    assert step_of("later-0-name") == step_of("later-0-after") == 8
    with pytest.raises(ValidationError) as caught:  # the same mood named twice: shown in step 8
        record_from_fields({**fields, "later-0-name": "Anxious"})
    assert caught.value.field == "later-0-name"
    assert step_of(caught.value.field) == 8
    with pytest.raises(ValidationError) as caught:
        record_from_fields({**fields, "later-0-after": "140"})
    assert caught.value.field == "later-0-after" and "relieved" in caught.value.message


def test_a_mood_named_only_at_the_re_rating_is_not_enough_for_column_two() -> None:
    record = replace(scenario_record(), moods=(Mood(name="relieved", after=40, added_later=True),))
    assert record.missing() == (COLUMNS[1], COLUMNS[6])
    assert not record.complete


def test_a_record_without_the_belief_rating_is_not_complete() -> None:
    record = replace(scenario_record(), balanced_belief=None)
    assert record.missing() == (BELIEF_GAP,)
    assert not record.complete
    assert replace(record, balanced_belief=0).complete


@settings(max_examples=examples(150))
@given(records())
def test_complete_means_every_column_the_belief_and_every_re_rating(
    record: ThoughtRecord,
) -> None:
    first = [m for m in record.moods if not m.added_later]
    expected = (
        bool(first)
        and all(m.before is not None for m in first)
        and all(m.after is not None for m in record.moods)
        and bool(record.thoughts)
        and bool(record.evidence_for)
        and bool(record.evidence_against)
        and bool(record.balanced_thought)
        and record.balanced_belief is not None
    )
    assert record.complete is expected
    assert (BELIEF_GAP in record.missing()) is (
        bool(record.balanced_thought) and record.balanced_belief is None
    )
    later = [m.name for m in record.moods if m.added_later]
    assert [m.name for m in record.moods] == [m.name for m in first] + later


def test_magnification_has_its_clinical_name_and_old_records_still_load() -> None:
    assert display_name("magnification") == "Magnification (catastrophizing) or minimization"
    assert "Magnification (catastrophizing) or minimization" in FAMILIES
    old = to_doc(scenario_record())
    old["distortions"] = ["magnification"]
    for mood in old["moods"]:
        del mood["added_later"]  # stored before moods could be named at the re-rating
    record = from_doc(ThoughtRecord, old)
    assert record.labels == ("Magnification (catastrophizing) or minimization", "Comparing myself")
    assert record.complete and not any(m.added_later for m in record.moods)


def test_more_alternative_thoughts_round_trip_and_each_needs_its_belief() -> None:
    from homework_tui.model.thought_record import AlternativeThought

    fields = {
        "situation": "Meeting",
        "balanced": "Some were busy",
        "belief": "60",
        "alt-0": "Priya was interested",
        "alt-0-belief": "35",
        "alt-1": "Not my career",
        "alt-1-belief": "",
        "alt-2": "",
        "alt-2-belief": "",
    }
    record = record_from_fields(fields)
    assert record.alternatives == (
        AlternativeThought(text="Some were busy", belief=60),
        AlternativeThought(text="Priya was interested", belief=35),
        AlternativeThought(text="Not my career", belief=None),
    )
    assert BELIEF_GAP in record.missing()
    assert record.alternatives_text(1) == (
        "Priya was interested (belief 35); Not my career (belief not rated yet)"
    )
    assert record_from_fields(form_fields(record), base=record) == record
    with pytest.raises(ValidationError) as error:
        record_from_fields({**fields, "alt-1-belief": "140"})
    assert error.value.field == "alt-1-belief"
    with pytest.raises(ValidationError) as error:
        record_from_fields({**fields, "alt-2-belief": "40"})
    assert error.value.field == "alt-2-belief" and "write the thought" in error.value.message
