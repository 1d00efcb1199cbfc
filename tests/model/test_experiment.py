"""Behavioural experiments: the Oxford worksheet fields, validation, waiting for an outcome."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from homework_tui.model.base import ValidationError
from homework_tui.model.experiment import (
    Experiment,
    awaiting_outcome,
    completed,
    experiment_from_fields,
    form_fields,
)
from homework_tui.store import Repository, Store

BELIEF = "If I speak up in the meeting, people will think I'm stupid"


def planned(**values: object) -> Experiment:
    base: dict[str, object] = dict(
        belief=BELIEF,
        belief_rating=80,
        what="Ask one question",
        when="Tuesday",
        where="team meeting",
        predictions="Silence, eye-rolling",
        problems="I freeze",
        handling="Write the question down first",
    )
    base.update(values)
    return Experiment(**base)  # type: ignore[arg-type]


def test_plan_then_outcome_later() -> None:
    plan = planned()
    assert not plan.done and plan.completed_at is None and plan.missing_plan() == ()
    fields = form_fields(plan)
    fields.update(
        outcome="Two people nodded",
        learned="People were interested",
        belief_after="35",
        modified_belief="Some people may judge; most don't",
    )
    done = experiment_from_fields(fields, base=plan)
    assert done.id == plan.id and done.done and done.completed_at is not None
    assert done.belief_change == -45


def test_the_belief_is_needed_and_ratings_are_checked() -> None:
    with pytest.raises(ValidationError) as caught:
        Experiment(belief="  \x1b ")
    assert caught.value.field == "belief" and "own words" in caught.value.message
    with pytest.raises(ValidationError) as caught:
        planned(belief_rating="150")
    assert caught.value.field == "belief_rating" and "0 to 100" in caught.value.message
    with pytest.raises(ValidationError) as caught:
        planned(alternative_rating=40)
    assert caught.value.field == "alternative_rating" and "alternative too" in caught.value.message
    assert planned(alternative="Most people won't notice", alternative_rating=30).alternative


def test_missing_plan_lists_what_is_left() -> None:
    assert "When" in Experiment(belief="x").missing_plan()


def test_awaiting_outcome_oldest_first_and_completed_newest_first() -> None:
    t = datetime(2024, 5, 1, tzinfo=timezone.utc)
    a = planned(created_at=t)
    b = planned(created_at=t + timedelta(days=1))
    c = planned(created_at=t - timedelta(days=1), outcome="fine")
    assert awaiting_outcome([b, c, a]) == [a, b]
    assert completed([b, c, a]) == [c]


@given(st.text(), st.text())
def test_text_is_kept_literally(belief: str, notes: str) -> None:
    if not belief.strip() or not "".join(c for c in belief if c.isprintable()).strip():
        return
    try:
        made = planned(belief=belief, outcome=notes)
    except ValidationError:
        return
    assert "\x1b" not in made.belief + made.outcome


def test_round_trip_through_the_store(tmp_path: Path) -> None:
    made = planned(
        alternative="[bold]Most[/] won't notice 😀",
        alternative_rating=20,
        outcome="ok\nreally",
        belief_after=40,
    )
    with Store.open(tmp_path / "d") as store:
        Repository(store, "experiments", Experiment).add(made)
    with Store.open(tmp_path / "d") as store:
        assert Repository(store, "experiments", Experiment).get(made.id) == made
