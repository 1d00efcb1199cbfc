"""Behavioural activation: activities planned and done, the week grid, and the mood pattern."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from homework_tui.model.activation import ActivityEntry, Outcome, PartOfDay, parse_part
from homework_tui.model.activation.grid import LEGEND, week_grid, week_start
from homework_tui.model.activation.pattern import CAUTION, mood_pattern
from homework_tui.model.base import ValidationError
from homework_tui.store.codec import from_doc, to_doc
from tests.hypothesis_profiles import examples

MONDAY = date(2026, 1, 12)


def act(what: str, day: int, part: PartOfDay, outcome: Outcome = Outcome.PLANNED, **kw: object):  # type: ignore[no-untyped-def]
    return ActivityEntry(
        what=what,
        day=date(2026, 1, day),
        part=part,
        outcome=outcome,
        **kw,  # type: ignore[arg-type]
    )


def test_an_activity_needs_words_and_rates_mastery_only_once_done() -> None:
    with pytest.raises(ValidationError) as caught:
        ActivityEntry(what="  \x1b[31m ", day=MONDAY)
    assert caught.value.field == "what"
    with pytest.raises(ValidationError) as caught:
        ActivityEntry(what="Walk", day=MONDAY, mastery=5)
    assert "once the activity is done" in caught.value.message
    entry = ActivityEntry(what="Walk [bold]", day=MONDAY, outcome=Outcome.DONE, mastery=5, mood=6)
    assert entry.ratings_text() == "mastery 5, mood 6"
    assert from_doc(ActivityEntry, to_doc(entry)) == entry


@settings(max_examples=examples(100))
@given(
    name=st.sampled_from(["mastery", "pleasure", "mood"]),
    value=st.integers(-20, 30),
)
def test_ratings_go_from_0_to_10(name: str, value: int) -> None:
    try:
        ActivityEntry(what="Walk", day=MONDAY, outcome=Outcome.DONE, **{name: value})  # type: ignore[arg-type]
    except ValidationError as error:
        assert not 0 <= value <= 10
        assert error.field == name
        assert error.message.endswith(f"is {value}; it goes from 0 to 10.")
    else:
        assert 0 <= value <= 10


def test_parts_of_the_day() -> None:
    assert parse_part("Eve") is PartOfDay.EVENING
    assert PartOfDay.of_hour(23) is PartOfDay.NIGHT and PartOfDay.of_hour(6) is PartOfDay.MORNING
    with pytest.raises(ValidationError):
        parse_part("teatime")


def test_the_week_grid_shows_planned_against_done_in_symbols() -> None:
    entries = [
        act("Walk", 12, PartOfDay.MORNING, Outcome.DONE),
        act("Call Sam", 12, PartOfDay.EVENING, Outcome.NOT_DONE),
        act("Read", 13, PartOfDay.EVENING),
        ActivityEntry(
            what="Tidied",
            day=date(2026, 1, 13),
            part=PartOfDay.AFTERNOON,
            planned_ahead=False,
            outcome=Outcome.DONE,
        ),
        act("Next week", 19, PartOfDay.MORNING),
    ]
    grid = week_grid(entries, week_start(date(2026, 1, 15)))
    assert grid.start == MONDAY
    assert grid.lines() == [
        "          Mon 12   Tue 13   Wed 14   Thu 15   Fri 16   Sat 17   Sun 18",
        "Morning   ✓        ·        ·        ·        ·        ·        ·",
        "Afternoon ·        +        ·        ·        ·        ·        ·",
        "Evening   ✗        ○        ·        ·        ·        ·        ·",
        "Night     ·        ·        ·        ·        ·        ·        ·",
        "Done      1/2      0/1 +1   ·        ·        ·        ·        ·",
    ]
    assert max(len(line) for line in grid.lines()) <= 73
    assert grid.summary() == "1 of 3 planned activities done, and 1 more done without planning."
    assert "✓" in LEGEND and "✗" in LEGEND and "○" in LEGEND


def test_a_crowded_cell_is_counted() -> None:
    entries = [act(f"a{n}", 12, PartOfDay.MORNING, Outcome.DONE) for n in range(7)]
    entries.append(act("b", 12, PartOfDay.MORNING))
    assert week_grid(entries, MONDAY).cell_text(MONDAY, PartOfDay.MORNING) == "✓7○1"


def test_the_mood_pattern_compares_each_activity_with_the_average() -> None:
    entries = [
        act("Walk", 12, PartOfDay.MORNING, Outcome.DONE, mood=7, area="Health and body"),
        act("walk", 13, PartOfDay.MORNING, Outcome.DONE, mood=8, area="Health and body"),
        act("Emails", 13, PartOfDay.AFTERNOON, Outcome.DONE, mood=3, area="Work or study"),
        act("Skipped", 14, PartOfDay.EVENING, Outcome.NOT_DONE, mood=2),
    ]
    pattern = mood_pattern(entries)
    assert pattern.average == 6.0 and pattern.rated == 3
    assert [
        (link.name, link.times, link.mood, link.difference) for link in pattern.by_activity
    ] == [
        ("Walk", 2, 7.5, 1.5),
        ("Emails", 1, 3.0, -3.0),
    ]
    assert pattern.by_area[0].name == "Health and body"
    assert CAUTION.startswith("A pattern, not a proof")
    assert mood_pattern([]).empty
