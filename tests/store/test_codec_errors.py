"""A stored value that does not fit says where it is, and Literal fields take only their values."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pytest

from homework_tui.store.codec import from_doc, to_doc


@dataclass(frozen=True)
class Mood:
    name: str
    before: int


@dataclass(frozen=True)
class Sheet:
    title: str
    moods: tuple[Mood, ...] = ()
    scores: dict[str, int] | None = None
    kind: Literal["daily", "weekly"] = "daily"


def test_the_message_names_the_field_and_the_item() -> None:
    doc = {"title": "t", "moods": [{"name": "calm", "before": 3}, {"name": "sad", "before": "x"}]}
    with pytest.raises(
        TypeError, match=r"^moods\[1\]\.before: expected <class 'int'>, found str 'x'$"
    ):
        from_doc(Sheet, doc)


def test_a_dict_value_is_named_by_its_key() -> None:
    with pytest.raises(TypeError, match=r"^scores\['monday'\]: expected"):
        from_doc(Sheet, {"title": "t", "scores": {"monday": 2.5}})


def test_a_literal_takes_only_its_values() -> None:
    assert from_doc(Sheet, {"title": "t", "kind": "weekly"}).kind == "weekly"
    with pytest.raises(ValueError, match=r"^kind: 'monthly' is not one of 'daily', 'weekly'$"):
        from_doc(Sheet, {"title": "t", "kind": "monthly"})


def test_a_good_sheet_still_round_trips() -> None:
    sheet = Sheet("t", (Mood("calm", 3),), {"monday": 2}, "weekly")
    assert from_doc(Sheet, to_doc(sheet)) == sheet
